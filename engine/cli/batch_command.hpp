#pragma once
// `trygg batch EXPERIMENT.yaml -o OUT.h5`: every scenario of an experiment at every sweep
// point, all replicates, concurrently; one HDF5 file with a group per run. Each finished
// replicate is kept in OUT.h5.parts/ until the file is complete, so an interrupted batch
// (Ctrl-C, a kill, a power cut) resumes with --resume and ends with the same datasets as an
// uninterrupted one. OUT.h5.status.json tells scripts how far it is.
#include <iosfwd>
#include <string>
#include <vector>

namespace trygg {

int batch_command(const std::vector<std::string>& args, const std::string& command_line, std::ostream& out,
                  std::ostream& err);
void print_batch_help(std::ostream& out);

}  // namespace trygg
