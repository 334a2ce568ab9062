#pragma once
// The report is a list of independent sections. Each has a builder here, in C++, that turns the
// runs and comparisons into plain data (JSON), and a renderer in the page
// (report/js/sections/<id>.js) that draws it with Vega-Lite and words it in Swedish or English.
// A section the runs cannot fill says so: {"available": false, "reason": "<code>"}, and the
// page words the reason ("no comparison partner", "the run has no youth data").
//
// To add a section: write `nlohmann::json <id>_section(const ReportInput&)` in a new
// report/section_<id>.cpp, declare it below, list it in report_sections() (report_sections.cpp,
// in page order), add report/js/sections/<id>.js (it calls TryggReport.section("<id>", …)) to
// REPORT_SCRIPTS in engine/CMakeLists.txt, and its words to report/js/text.js.
#include "report/report_input.hpp"

#include <nlohmann/json.hpp>

#include <span>
#include <string_view>

namespace trygg {

using Json = nlohmann::ordered_json;

struct ReportSection {
    std::string_view id;
    Json (*build)(const ReportInput&);
};

// The sections in page order.
std::span<const ReportSection> report_sections();

// A section the runs cannot fill, and why (a code the page words in the reader's language).
Json unavailable(std::string_view reason);

Json summary_section(const ReportInput& input);
Json map_section(const ReportInput& input);
Json trends_section(const ReportInput& input);
Json effects_section(const ReportInput& input);
Json areas_section(const ReportInput& input);
Json cost_section(const ReportInput& input);
Json ranking_section(const ReportInput& input);
Json harm_section(const ReportInput& input);
Json hotspots_section(const ReportInput& input);
Json outlook_section(const ReportInput& input);
Json youth_section(const ReportInput& input);
Json provenance_section(const ReportInput& input);

}  // namespace trygg
