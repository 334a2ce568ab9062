#pragma once
// Command-line parsing shared by the subcommands: Boost.Program_options with the visible
// options plus named positional arguments, and no guessing ("--replicate" must never
// silently mean "--replicates"). Any parse error becomes one InputError line naming the
// command and pointing at its help.
#include <boost/program_options.hpp>

#include <string>
#include <vector>

namespace trygg {

boost::program_options::variables_map parse_command_line(const std::vector<std::string>& args,
                                                         const boost::program_options::options_description& visible,
                                                         const std::vector<std::string>& positional,
                                                         const std::string& command);

// The same with any number of positional arguments, all under the name `rest` (a
// std::vector<std::string>; absent when none is given).
boost::program_options::variables_map parse_command_line_list(
    const std::vector<std::string>& args, const boost::program_options::options_description& visible,
    const std::string& rest, const std::string& command);

}  // namespace trygg
