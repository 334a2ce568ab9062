#pragma once
// What `trygg validate` found, as text: the console table, docs/validation.md (--markdown)
// and an HDF5 file with every replicate's values (-o).
#include "io/validation_config.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace trygg {

struct StudyOutcome {
    StudyConfig study;  // replicates as run (after --replicates)
    std::vector<FindingResult> findings;
    double seconds = 0.0;
};

struct ValidationReport {
    std::string trygg_version, git_commit;
    std::vector<StudyOutcome> studies;
    std::vector<std::string> settings;  // --set PATH=VALUE given to every run; empty: the shipped config
    double seconds = 0.0;
    int threads = 0;
};

// The statistic's unit, for tables: "%", "× chance", "% of cells", "a year".
std::string unit_of(Statistic s);
std::string name_of(Statistic s);

// "-36 (-52 to -20)"; three significant digits, at most one decimal for large values.
std::string figure(double estimate, const Interval& interval);

// One block per study: its findings with the published and the model's figures.
std::string validation_table(const StudyOutcome& outcome);

// docs/validation.md: how to read it, a summary of every finding, and per study the
// sources, the design, the runs, the findings and, for each gap, the missing mechanism.
std::string validation_markdown(const ValidationReport& report);

// Every finding with its per-replicate values (docs/validation.md says the layout).
void write_validation_file(const std::filesystem::path& out, const ValidationReport& report);

}  // namespace trygg
