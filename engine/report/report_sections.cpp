#include "report/report_section.hpp"

#include <array>
#include <string>

namespace trygg {

std::span<const ReportSection> report_sections() {
    // Page order. The comparison's later outcomes (harm-weighted effects, discounted cost over
    // time, the ranking of strategies, baseline-defined hotspots) go after "cost".
    static constexpr std::array sections{
        ReportSection{"summary", summary_section},       ReportSection{"map", map_section},
        ReportSection{"trends", trends_section},         ReportSection{"effects", effects_section},
        ReportSection{"areas", areas_section},           ReportSection{"cost", cost_section},
        ReportSection{"outlook", outlook_section},       ReportSection{"youth", youth_section},
        ReportSection{"provenance", provenance_section},
    };
    return sections;
}

Json unavailable(std::string_view reason) {
    return Json{{"available", false}, {"reason", std::string(reason)}};
}

}  // namespace trygg
