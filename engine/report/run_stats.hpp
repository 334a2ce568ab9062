#pragma once
// Small summaries of a run's arrays for the report: sums per replicate, means, replicate
// quantiles, rates per 1,000 residents a year, dates of weeks.
#include "core/clock.hpp"
#include "experiment/compare.hpp"
#include "report/report_input.hpp"
#include "report/report_section.hpp"
#include "sim/results.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace trygg {

double mean_of(std::span<const double> values);

// The p-quantile (0 ≤ p ≤ 1) of `values`, linearly interpolated between order statistics
// (Hyndman & Fan type 7, R's default); 0 for no values.
double quantile_of(std::vector<double> values, double p);

// crimes_true summed over weeks and crime types: [replicate][district].
std::vector<double> crimes_by_replicate_and_district(const RunResults& r);

// `count` over the run's horizon as a yearly rate per 1,000 of `residents` (a model year is
// kWeeksPerYear = 52 weeks, core/clock.hpp); 0 without residents.
double per_thousand_a_year(double count, double residents, int weeks);

// The ISO date of `start_date` (YYYY-MM-DD) plus `days`; "" when start_date is not a date.
std::string iso_date_plus(const std::string& start_date, int days);

// A run's short name for legends: its experiment group, else its file's name without ".h5".
std::string short_name(const ReportedRun& run);

// An estimate as the page's row: means, change and percent with their 95% intervals (null
// where undefined).
Json estimate_json(const Estimate& e);

}  // namespace trygg
