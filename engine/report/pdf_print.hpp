#pragma once
// `trygg report --pdf`: the written HTML report printed to PDF by headless Chromium (Debian's
// `chromium`, installed by tools/deps), which runs the page's scripts first so the PDF holds the
// same charts and maps as the page.
#include <filesystem>
#include <string>

namespace trygg {

// The Chromium binary: $TRYGG_CHROMIUM if set, else `chromium` or `chromium-browser` on PATH;
// "" when there is none.
std::string find_chromium();

// Prints `html` to `pdf` atomically (a temporary file beside it, renamed when complete).
// OutputError naming `pdf` when Chromium fails or writes nothing.
void print_pdf(const std::string& chromium, const std::filesystem::path& html, const std::filesystem::path& pdf);

}  // namespace trygg
