#pragma once
// Small text helpers for error messages: the "did you mean" suggestion given for an unknown
// config key or an unknown district/place name, so a typo costs one glance instead of a hunt.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

// Levenshtein distance (insertions, deletions, substitutions, each cost 1). Works on bytes:
// a non-ASCII character counts as several edits, which only makes suggestions a bit stricter.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `wanted`, if it is near enough to be a plausible typo: distance
// <= max(2, wanted.size() / 3). A candidate that shares nothing with `wanted` (distance equal
// to the longer length, e.g. "ab" vs "cd") is never suggested. Ties go to the earliest.
std::optional<std::string> closest_name(std::string_view wanted, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" for the closest candidate, or "" when none is close; meant to be
// appended directly to an error message.
std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates);

// `s` cut or padded with spaces to `width` displayed characters (UTF-8 aware, so
// "Tjärna Ängar" lines up in a table).
std::string pad_right(const std::string& s, std::size_t width);

}  // namespace trygg
