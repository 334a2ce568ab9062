#pragma once
// A crime harm index from a YAML file, for `trygg compare --harm FILE` (docs/comparison.md):
//
//   name: brottsbalken_minimum_days        # one word, shown in the table, CSV and JSON
//   unit: days of imprisonment
//   source: "Sherman, Neyroud & Neyroud 2016 …"
//   weights:                               # every crime type trygg models, each ≥ 0
//     burglary: 182
//     …
//
// Every key is checked like the city config's: a misspelt crime type is one line naming the
// file, the line and the key, with the closest valid name; a missing type or a negative or
// non-numeric weight likewise.
#include "experiment/harm_cost.hpp"

#include <filesystem>
#include <string>

namespace trygg {

HarmIndex load_harm_index(const std::filesystem::path& file);
HarmIndex parse_harm_index(std::string text, const std::string& label);

}  // namespace trygg
