#pragma once
// What one run says about each district, as a map shows it: means over replicates with 95 %
// intervals (crimes per 1,000 residents a year, by type; victims; the risk-area indicator and
// insecurity where the file has them). Plain columns, one value per district, so any writer
// (a GeoPackage, GeoJSON, a report) can attach them to the district polygons.
#include "experiment/compare.hpp"
#include "sim/results.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace trygg {

// A mean over replicates and its 95 % interval, mean ± t(0.975, n − 1) · sd / √n (none when
// n < 2), as trygg compare gives its changes. No value at all where the quantity is undefined
// (a rate of a district without residents).
struct ReplicateMean {
    std::optional<double> mean;
    std::optional<Interval> interval;
};

ReplicateMean replicate_mean(std::span<const double> per_replicate);

// One attribute of the districts. `interval` columns become three fields in a file:
// NAME (the mean), NAME_low and NAME_high.
struct DistrictColumn {
    std::string name;                   // field name, e.g. "crimes_per_1000"
    std::string description;            // what it counts, with its unit
    bool interval = true;               // false: a share of replicates or a class, no interval
    std::vector<ReplicateMean> values;  // [district]
};

// The columns, in a fixed order: crimes (true) and registered crimes per 1,000 residents a
// year, each crime type's rate, victims per group (residents per 1,000 residents a year,
// businesses and visitors per year: they have no resident denominator), and from schema 3
// on the last quarter's risk-area score, the share of replicates in which the indicator
// lists the district (utsatt or worse) and the share unsafe out late. Counts over the run
// become counts a year (× 52 / weeks). Intervals are cut at 0 (and a share's at 1): none of
// these can be negative, and with few replicates mean ± t·sd/√n can reach below 0.
std::vector<DistrictColumn> district_outcomes(const RunResults& results, const DistrictTable& districts);

// The indicator's class in the run's last quarter that most replicates give (ties: the more
// serious class), per district; empty when the file has no risk-area tallies.
std::vector<int> modal_risk_class(const RunResults& results);

}  // namespace trygg
