#include "report/run_stats.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numeric>

namespace trygg {

double mean_of(std::span<const double> values) {
    if (values.empty()) return 0.0;
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double quantile_of(std::vector<double> values, double p) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const double h = p * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(h));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    return values[below] + (h - static_cast<double>(below)) * (values[above] - values[below]);
}

std::vector<double> crimes_by_replicate_and_district(const RunResults& r) {
    const auto reps = static_cast<std::size_t>(r.replicates), weeks = static_cast<std::size_t>(r.weeks),
               districts = static_cast<std::size_t>(r.districts), types = static_cast<std::size_t>(r.crime_types);
    std::vector<double> sums(reps * districts, 0.0);
    if (r.crimes_true.size() != reps * weeks * districts * types) return sums;
    for (std::size_t rep = 0; rep < reps; ++rep)
        for (std::size_t w = 0; w < weeks; ++w)
            for (std::size_t d = 0; d < districts; ++d)
                for (std::size_t t = 0; t < types; ++t)
                    sums[rep * districts + d] += r.crimes_true[((rep * weeks + w) * districts + d) * types + t];
    return sums;
}

double per_thousand_a_year(double count, double residents, int weeks) {
    if (residents <= 0.0 || weeks <= 0) return 0.0;
    return count / residents * 1000.0 * static_cast<double>(kWeeksPerYear) / weeks;
}

std::string iso_date_plus(const std::string& start_date, int days) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (std::sscanf(start_date.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return "";
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return "";
    const std::chrono::year_month_day later{std::chrono::sys_days{ymd} + std::chrono::days{days}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(later.year()),
                  static_cast<unsigned>(later.month()), static_cast<unsigned>(later.day()));
    return text;
}

std::string short_name(const ReportedRun& run) {
    if (!run.source.group.empty()) return run.source.group;
    return std::filesystem::path(run.source.file).stem().string();
}

namespace {
Json optional_number(const std::optional<double>& v) {
    return v ? Json(*v) : Json(nullptr);
}
}  // namespace

Json estimate_json(const Estimate& e) {
    Json row{
        {"outcome", e.outcome}, {"key", e.key}, {"base", e.base_mean}, {"other", e.other_mean}, {"change", e.change}};
    row["change_low"] = e.change_interval ? Json(e.change_interval->low) : Json(nullptr);
    row["change_high"] = e.change_interval ? Json(e.change_interval->high) : Json(nullptr);
    row["percent"] = optional_number(e.percent);
    row["percent_low"] = e.percent_interval ? Json(e.percent_interval->low) : Json(nullptr);
    row["percent_high"] = e.percent_interval ? Json(e.percent_interval->high) : Json(nullptr);
    return row;
}

}  // namespace trygg
