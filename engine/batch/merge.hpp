#pragma once
// `trygg merge OUT.h5.parts -o OUT.h5`: the batch's file from the parts that the shards of a
// Slurm job array (`trygg batch --shard K/N`) kept, with the same datasets as one `trygg batch`
// of the whole experiment. The folder carries what the assembly needs (io/batch_plan), so the
// merge runs from a clean shell, on any machine, without the experiment's files.
#include <cstdint>
#include <filesystem>
#include <string>

namespace trygg {

struct MergeResult {
    std::size_t runs = 0;
    int replicates = 0;
    int weeks = 0;
    double seconds = 0.0;
};

// Checks the whole folder before writing anything, and refuses (InputError, one line) a folder
// that is not a batch's parts, parts of another trygg, a run or replicate the experiment does
// not have, a file that is not a part's name (a copy: a duplicate), a missing part (naming the
// run and replicate), and a part of another experiment, seed, horizon or replicate
// (assembly.hpp's check_part). Then writes `output` atomically. The parts are kept: they are
// the merge's input (remove OUT.h5.parts/ once OUT.h5 is checked).
MergeResult merge_parts(const std::filesystem::path& parts, const std::filesystem::path& output,
                        const std::string& command_line);

}  // namespace trygg
