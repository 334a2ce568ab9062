#pragma once
// Cells of the terminal tables that `trygg compare` and `trygg sensitivity` print.
#include <cstddef>
#include <string>

namespace trygg {

// `s` padded to `width` displayed characters (UTF-8, so "Tjärna Ängar" and "–" line up),
// never cut: a longer text gets one space after it.
std::string pad_cell(const std::string& s, std::size_t width);

// `v` with `decimals` decimals; −0 prints as 0.
std::string fixed(double v, int decimals);

}  // namespace trygg
