#pragma once
// The report as one self-contained HTML page: the template (report/template.html) with the
// sections' data as JSON, trygg's page scripts and the Vega, Vega-Lite and vega-interpreter
// builds inlined, so the file opens offline in any browser and makes no network request (its
// Content-Security-Policy forbids any).
#include "report/report_input.hpp"

#include <string>

namespace trygg {

// {"format": "trygg-report/1", "language": "sv", "sections": [{"id": …, …}, …]}, every section
// of report_sections() in page order.
std::string report_data_json(const ReportInput& input);

std::string report_html(const ReportInput& input);

}  // namespace trygg
