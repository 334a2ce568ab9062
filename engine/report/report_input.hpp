#pragma once
// What a report is made of: the reported run, and with --compare each strategy's run with its
// paired comparison against it (experiment/compare.hpp), read the way `trygg compare` reads them.
#include "experiment/compare.hpp"
#include "experiment/ranking.hpp"
#include "io/comparison_file.hpp"
#include "io/results_file.hpp"

#include <string>
#include <vector>

namespace trygg {

enum class ReportLanguage { Swedish, English };

struct ReportedRun {
    ComparedFile source;
    std::string label;  // "file.h5" or "file.h5:group"
    RunFile run;
};

struct ReportedStrategy {
    ReportedRun run;
    Comparison comparison;  // this strategy (OTHER) against the reported run (BASE)
};

struct ReportInput {
    ReportedRun base;
    std::vector<ReportedStrategy> strategies;  // empty without --compare
    // With two or more strategies, rank_strategies' criteria for them (in their order); empty
    // otherwise.
    std::vector<RankCriterion> ranking;
    double discount_rate = kDefaultDiscountRate;  // of every comparison's present values
    ReportLanguage language = ReportLanguage::Swedish;
    std::string trygg_version, git_commit;  // of the trygg writing the report
};

struct ReportRequest {
    std::string base;                  // "file.h5[:group]"
    std::vector<std::string> compare;  // the same, one per strategy
    double buffer_m = kDefaultBufferM;
    Pairing pairing = Pairing::Paired;
    HarmIndex harm = default_harm_index();
    double discount_rate = kDefaultDiscountRate;  // finite, 0 to 1
};

// Reads the runs, compares each strategy with the base (as `trygg compare` with the same
// options), and with two or more strategies ranks them as `trygg compare BASE O1 O2 …` does. InputError naming the run
// for a missing file, group or partner, another schema version, or runs that cannot be compared (not paired without
// Pairing::Unpaired, other grid, districts or horizon).
ReportInput load_report_input(const ReportRequest& request);

}  // namespace trygg
