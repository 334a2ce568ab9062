#pragma once
// `trygg merge OUT.h5.parts -o OUT.h5`: the batch's file from the parts the shards of a Slurm
// job array kept (`trygg batch EXPERIMENT.yaml --shard K/N -o OUT.h5`), with the same datasets
// as a single-process `trygg batch`; batch/merge.hpp does the work.
#include <iosfwd>
#include <string>
#include <vector>

namespace trygg {

int merge_command(const std::vector<std::string>& args, const std::string& command_line, std::ostream& out);
void print_merge_help(std::ostream& out);

}  // namespace trygg
