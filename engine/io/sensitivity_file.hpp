#pragma once
// The files `trygg sensitivity` writes: a CSV with one row per subject, outcome, parameter and
// index, and a JSON document with the design and the same rows. docs/comparison.md describes
// both layouts.
#include "experiment/design.hpp"
#include "experiment/sensitivity.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace trygg {

// Bumped when a column or key changes meaning or goes away; new keys may be added within a version.
inline constexpr const char* kSensitivityFormat = "trygg-sensitivity/1";

inline constexpr const char* kSensitivityCsvHeader = "method,subject,outcome,parameter,index,value,low,high";

// The indices of one output: a scenario's outcome at each design point, or the paired change
// OTHER − BASE there. One of `morris`, `sobol` is filled, in the order to print them.
struct SensitivityResult {
    std::string subject;  // "baseline", or "combined - baseline"
    std::string outcome;  // "total" or a crime type
    std::vector<MorrisIndex> morris;
    std::vector<SobolIndex> sobol;
};

struct SensitivityReport {
    std::string file;
    SweepDesign design;
    int replicates = 0;
    int weeks = 0;
    std::vector<SensitivityResult> results;
};

// Index names in the CSV and JSON: mu_star, mu, sigma (Morris); first, total (Sobol').
// Numbers have a fixed format (6 significant digits), so the same report gives the same bytes;
// an interval that does not exist is empty (CSV) or null (JSON).
std::string sensitivity_csv(const SensitivityReport& report);
std::string sensitivity_json(const SensitivityReport& report);

// Written atomically (write_atomically): a failure leaves no partial file at `out`.
void write_sensitivity_csv(const std::filesystem::path& out, const SensitivityReport& report);
void write_sensitivity_json(const std::filesystem::path& out, const SensitivityReport& report);

}  // namespace trygg
