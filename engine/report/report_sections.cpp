#include "report/report_section.hpp"

#include <array>
#include <string>

namespace trygg {

std::span<const ReportSection> report_sections() {
    // Page order: after the cost, the ranking of the strategies (two or more), harm and cost at
    // present value, and hotspots on the baseline's yardstick.
    static constexpr std::array sections{
        ReportSection{"summary", summary_section},   ReportSection{"map", map_section},
        ReportSection{"trends", trends_section},     ReportSection{"effects", effects_section},
        ReportSection{"areas", areas_section},       ReportSection{"cost", cost_section},
        ReportSection{"ranking", ranking_section},   ReportSection{"harm", harm_section},
        ReportSection{"hotspots", hotspots_section}, ReportSection{"outlook", outlook_section},
        ReportSection{"youth", youth_section},       ReportSection{"provenance", provenance_section},
    };
    return sections;
}

Json unavailable(std::string_view reason) {
    return Json{{"available", false}, {"reason", std::string(reason)}};
}

}  // namespace trygg
