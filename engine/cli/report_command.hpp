#pragma once
// `trygg report RESULTS.h5[:group] [--compare OTHER.h5[:group] …] -o report.html`: the steering
// group's report, one self-contained HTML page (and with --pdf the same as PDF).
#include <iosfwd>
#include <string>
#include <vector>

namespace trygg {

int report_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
void print_report_help(std::ostream& out);

}  // namespace trygg
