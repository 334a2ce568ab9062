#pragma once
// Putting a complete folder of batch parts together into the batch's file: shared by `trygg
// batch` (after its last replicate), `trygg merge` (after the shards of a Slurm job array) and
// rank 0 of an MPI batch, so that all three write the same datasets.
#include "io/batch_plan.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace trygg {

// The kept part of run `group`'s replicate r: PARTS/group/r00007.h5.
std::filesystem::path part_path(const std::filesystem::path& parts, const std::string& group, int replicate);

// A kept part must hold exactly the replicate its name says, of this very run, made by this
// trygg with this experiment's seed, city and horizon: a part copied over another (r00000.h5
// over r00001.h5) would otherwise put replicate 0 in the file twice, and one of another
// experiment would mix two experiments. InputError naming the part and the problem, ending
// with `remedy` (what the user does about it).
void check_part(const std::filesystem::path& file, const BatchPlanRun& run, int replicate, const std::string& command,
                const std::string& remedy);

// Writes `output` (atomically) from the parts: one group per run, replicates in order, one
// replicate in memory at a time (io/results_file: write_experiment_file_from_parts).
// `command_line` and `threads` go into the provenance, `seconds` is the batch's wall time.
// The parts must have been checked (check_part) and be complete.
void assemble_parts(const BatchPlan& plan, const std::filesystem::path& parts, const std::filesystem::path& output,
                    const std::string& command_line, int threads, double seconds);

}  // namespace trygg
