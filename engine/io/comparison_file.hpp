#pragma once
// The files `trygg compare` writes: a CSV with one row per outcome and area, and a JSON
// document with the rows, the area split with its displacement quotient, and the cost per
// crime prevented. docs/comparison.md describes both layouts.
#include "experiment/compare.hpp"
#include "experiment/ranking.hpp"

#include <filesystem>
#include <string>

namespace trygg {

// Bumped when a column or key changes meaning or goes away; new keys may be added within a version.
inline constexpr const char* kComparisonFormat = "trygg-compare/1";

inline constexpr const char* kComparisonCsvHeader =
    "outcome,key,base_mean,other_mean,change,change_low,change_high,percent,percent_low,percent_high,replicates,"
    "pairing";

inline constexpr const char* kRankingFormat = "trygg-ranking/1";
inline constexpr const char* kRankingCsvHeader =
    "criterion,unit,strategy,rank,mean,low,high,p_best_replicates,p_best_bootstrap,pairing";

// Where one side of the comparison came from.
struct ComparedFile {
    std::string file;
    std::string group;  // empty for a single-run file
    std::string scenario_file;
};

// The text of each file. Numbers have a fixed format (4 decimals), so the same comparison gives
// the same bytes; undefined values are empty CSV fields and JSON nulls.
std::string comparison_csv(const Comparison& comparison);
std::string comparison_json(const Comparison& comparison, const ComparedFile& base, const ComparedFile& other);

// The ranking of several strategies against one BASE: a CSV with one row per criterion and
// strategy, and a JSON document with the ranking and every strategy's whole comparison.
std::string ranking_csv(const StrategyRanking& ranking);
std::string ranking_json(const StrategyRanking& ranking, const ComparedFile& base,
                         const std::vector<ComparedFile>& others);

// Written atomically (write_atomically): a failure leaves no partial file at `out`.
void write_comparison_csv(const std::filesystem::path& out, const Comparison& comparison);
void write_comparison_json(const std::filesystem::path& out, const Comparison& comparison, const ComparedFile& base,
                           const ComparedFile& other);
void write_ranking_csv(const std::filesystem::path& out, const StrategyRanking& ranking);
void write_ranking_json(const std::filesystem::path& out, const StrategyRanking& ranking, const ComparedFile& base,
                        const std::vector<ComparedFile>& others);

}  // namespace trygg
