// The memory and time of assembling a batch's file from its parts, for any number of
// replicates without simulating them: every replicate is a copy of one real part (a
// replicate-year, say), streamed in as the batch's assembly does
// (io/results_file: write_experiment_file_from_parts). Run it under /usr/bin/time -v:
//
//   bench_assembly PART.h5 REPLICATES OUT.h5
//
// The part's provenance is not checked (the batch does that): the point is the writer's
// memory, which must not grow with REPLICATES.
#include "io/results_file.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: bench_assembly PART.h5 REPLICATES OUT.h5\n");
        return 2;
    }
    const std::filesystem::path part = argv[1];
    const int replicates = std::atoi(argv[2]);
    const std::filesystem::path out = argv[3];
    if (replicates < 1) {
        std::fprintf(stderr, "bench_assembly: REPLICATES must be at least 1\n");
        return 2;
    }
    const trygg::RunFile lead = trygg::read_run_file(part);
    trygg::ExperimentRun run;
    run.group = "baseline";
    run.provenance = lead.provenance;
    run.provenance.replicates = replicates;
    trygg::ExperimentProvenance provenance;
    provenance.trygg_version = lead.provenance.trygg_version;
    provenance.replicates = replicates;
    provenance.weeks = lead.results.weeks;
    const auto started = std::chrono::steady_clock::now();
    trygg::write_experiment_file_from_parts(out, provenance, {run}, replicates, [&](std::size_t, int) { return part; });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("assembled %d replicates of %d weeks into %s: %.1f s, %.1f MB\n", replicates, lead.results.weeks,
                out.c_str(), seconds, static_cast<double>(std::filesystem::file_size(out)) / 1e6);
    return 0;
}
