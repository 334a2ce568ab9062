#include "report/report_document.hpp"

#include "core/error.hpp"
#include "report/assets.hpp"
#include "report/report_section.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace trygg {
namespace {

// trygg's page scripts in load order: helpers first, one file per section, then the start.
// A new section's script goes before "main.js" (and into REPORT_SCRIPTS in engine/CMakeLists.txt).
constexpr std::array<std::string_view, 15> kPageScripts{"text.js",
                                                        "report.js",
                                                        "sections/summary.js",
                                                        "sections/map.js",
                                                        "sections/trends.js",
                                                        "sections/effects.js",
                                                        "sections/areas.js",
                                                        "sections/cost.js",
                                                        "sections/ranking.js",
                                                        "sections/harm.js",
                                                        "sections/hotspots.js",
                                                        "sections/outlook.js",
                                                        "sections/youth.js",
                                                        "sections/provenance.js",
                                                        "main.js"};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// A script inlined into <script>…</script> must not contain "</script" itself.
std::string script(std::string_view name) {
    std::string text = embedded_asset(name);
    if (lower(text).find("</script") != std::string::npos)
        throw LogicError("report asset " + std::string(name) + " contains </script and cannot be inlined");
    return text;
}

// JSON inside <script type="application/json">: '<' only occurs inside strings there, and as
// \u003c it cannot close the element or open a comment.
std::string script_safe_json(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    for (const char c : json) {
        if (c == '<')
            out += "\\u003c";
        else
            out += c;
    }
    return out;
}

void replace_once(std::string& text, std::string_view placeholder, const std::string& value) {
    const std::size_t at = text.find(placeholder);
    if (at == std::string::npos) throw LogicError("report template lacks " + std::string(placeholder));
    text.replace(at, placeholder.size(), value);
}

}  // namespace

std::string report_data_json(const ReportInput& input) {
    Json sections = Json::array();
    for (const ReportSection& section : report_sections()) {
        Json s = section.build(input);
        s["id"] = std::string(section.id);
        sections.push_back(std::move(s));
    }
    const Json data{{"format", "trygg-report/1"},
                    {"language", input.language == ReportLanguage::Swedish ? "sv" : "en"},
                    {"sections", std::move(sections)}};
    return data.dump();
}

std::string report_html(const ReportInput& input) {
    std::string page = embedded_asset("template.html");
    const bool swedish = input.language == ReportLanguage::Swedish;
    std::string scripts;
    for (const std::string_view name : kPageScripts) scripts += "<script>\n" + script(name) + "\n</script>\n";
    // Filled last to first so that no inserted text is searched for a later placeholder.
    replace_once(page, "{{SCRIPTS}}", scripts);
    replace_once(page, "{{DATA}}", script_safe_json(report_data_json(input)));
    replace_once(page, "{{VEGA_INTERPRETER}}", script("vega-interpreter.js"));
    replace_once(page, "{{VEGA_LITE}}", script("vega-lite.min.js"));
    replace_once(page, "{{VEGA}}", script("vega.min.js"));
    replace_once(page, "{{TITLE}}", swedish ? "Trygghetsrapport – Borlänge" : "Safety report – Borlänge");
    replace_once(page, "{{LANG}}", swedish ? "sv" : "en");
    return page;
}

}  // namespace trygg
