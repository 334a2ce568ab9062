#pragma once
// The report's resources, compiled into the binary (cmake/embed_assets.cmake generates the
// definition at build time from report/): the HTML template, trygg's page scripts and the
// minified Vega, Vega-Lite and vega-interpreter builds pinned by report/package-lock.json.
#include <string>
#include <string_view>

namespace trygg {

// The text of the resource `name` ("template.html", "vega.min.js", "sections/map.js" …);
// LogicError for a name the build did not embed.
std::string embedded_asset(std::string_view name);

}  // namespace trygg
