// The whole-city benchmark: Borlänge replicate-years end to end (population synthesis,
// routines, occupancy, offending), reported as wall time per replicate-year, agent-hours
// per second and peak memory.
//   build/bin/bench_city [--replicates R] [--weeks W] [--threads T] [--repeat N] [--scale K]
// --scale K runs a synthetic city of K times Borlänge's residents on the same polygons
// (population.scale, world/city.hpp), for the curve of cost against population.
#include "core/timeline.hpp"
#include "io/city_config.hpp"
#include "sim/run.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
    int replicates = 1, weeks = 52, repeat = 3;
    double scale = 1.0;
    int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int i = 1; i + 1 < argc; i += 2) {
        const int v = std::atoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--replicates"))
            replicates = v;
        else if (!std::strcmp(argv[i], "--weeks"))
            weeks = v;
        else if (!std::strcmp(argv[i], "--threads"))
            threads = v;
        else if (!std::strcmp(argv[i], "--repeat"))
            repeat = v;
        else if (!std::strcmp(argv[i], "--scale"))
            scale = std::atof(argv[i + 1]);
        else {
            std::fprintf(stderr,
                         "usage: bench_city [--replicates R] [--weeks W] [--threads T] [--repeat N] [--scale K]\n");
            return 2;
        }
    }
    using namespace trygg;
    CityConfig config = load_city_config(std::string(TRYGG_SOURCE_DIR) + "/configs/borlange.yaml");
    config.spec.population_scale = scale;
    const City city = build_city(config.spec);
    const Timeline timeline = build_timeline({2025, 1, 6}, weeks, city.location, city.school_holidays);
    std::vector<double> seconds;
    std::int64_t agent_hours = 0;
    for (int k = 0; k < repeat; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        const RunOutput out = run_scenario(city, config.params, timeline, {20251, replicates, threads});
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        agent_hours = out.agent_hours;
    }
    std::sort(seconds.begin(), seconds.end());
    const double best = seconds.front(), median = seconds[seconds.size() / 2];
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double replicate_years = replicates * weeks / 52.0;
    const auto persons = static_cast<std::size_t>(agent_hours / std::max(1, replicates) / (weeks * 168));
    std::printf("threads %d, %d replicate(s) x %d weeks, scale %g, %zu persons, %lld agent-hours\n", threads,
                replicates, weeks, scale, persons, static_cast<long long>(agent_hours));
    std::printf("wall: best %.3f s, median %.3f s over %d runs\n", best, median, repeat);
    std::printf("wall per replicate-year: %.3f s (best)\n", best / replicate_years);
    std::printf("replicate-years per second: %.2f\n", replicate_years / best);
    std::printf("agent-hours per second: %.3g\n", static_cast<double>(agent_hours) / best);
    std::printf("wall per agent-year: %.3g us (best)\n", 1e6 * best / replicate_years / static_cast<double>(persons));
    std::printf("peak memory (max RSS): %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}
