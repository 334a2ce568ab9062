#include "experiment/district_outcomes.hpp"

#include "model/risk_area.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <deque>
#include <iterator>

namespace trygg {
namespace {

using Values = std::vector<double>;  // one value per replicate

// Counts over the run become counts a year; a run of 13 weeks is scaled by 4.
double per_year(const RunResults& r) {
    return 52.0 / static_cast<double>(r.weeks);
}

// [replicate][week][district][type] summed over weeks, for one district and one type (or
// every type with type < 0).
Values weekly_sum(const std::vector<std::int32_t>& counts, const RunResults& r, std::size_t district, int type) {
    const auto W = static_cast<std::size_t>(r.weeks);
    const auto D = static_cast<std::size_t>(r.districts);
    const auto T = static_cast<std::size_t>(r.crime_types);
    Values v(static_cast<std::size_t>(r.replicates), 0.0);
    for (std::size_t rep = 0; rep < v.size(); ++rep) {
        for (std::size_t w = 0; w < W; ++w) {
            const std::size_t at = ((rep * W + w) * D + district) * T;
            for (std::size_t t = 0; t < T; ++t) {
                if (type < 0 || t == static_cast<std::size_t>(type)) v[rep] += counts[at + t];
            }
        }
    }
    return v;
}

// Per replicate, a quarter's value of a [replicate][quarter][district] array.
template <class T>
Values last_quarter(const std::vector<T>& values, const RunResults& r, std::size_t district) {
    const auto Q = static_cast<std::size_t>(r.safety.quarters);
    const auto D = static_cast<std::size_t>(r.districts);
    Values v(static_cast<std::size_t>(r.replicates));
    for (std::size_t rep = 0; rep < v.size(); ++rep)
        v[rep] = static_cast<double>(values[(rep * Q + Q - 1) * D + district]);
    return v;
}

Values scaled(Values v, double factor) {
    for (double& x : v) x *= factor;
    return v;
}

// Every outcome here is a count, a rate, a score or a share: an interval reaching below 0
// (few replicates, a rare crime) is cut at 0, and a share's above 1 at 1.
ReplicateMean bounded(ReplicateMean m, double high = HUGE_VAL) {
    if (m.interval) {
        m.interval->low = std::max(m.interval->low, 0.0);
        m.interval->high = std::min(m.interval->high, high);
    }
    return m;
}

// Per 1,000 residents a year; nothing for a district with no residents.
ReplicateMean rate(const Values& counts, const RunResults& r, std::int32_t population) {
    if (population <= 0) return {};
    return bounded(replicate_mean(scaled(counts, per_year(r) * 1000.0 / population)));
}

bool has_safety(const RunResults& r) {
    const auto cells = static_cast<std::size_t>(r.replicates) * static_cast<std::size_t>(r.safety.quarters) *
                       static_cast<std::size_t>(r.districts);
    return r.safety.quarters > 0 && r.safety.risk_class.size() == cells && r.safety.risk_score.size() == cells &&
           r.safety.unsafe_share.size() == cells;
}

}  // namespace

ReplicateMean replicate_mean(std::span<const double> per_replicate) {
    ReplicateMean m;
    const auto n = static_cast<double>(per_replicate.size());
    if (per_replicate.empty()) return m;
    double sum = 0.0;
    for (const double x : per_replicate) sum += x;
    const double mean = sum / n;
    m.mean = mean;
    if (per_replicate.size() < 2) return m;
    double squares = 0.0;
    for (const double x : per_replicate) squares += (x - mean) * (x - mean);
    const double half =
        t_quantile_975(static_cast<int>(per_replicate.size()) - 1) * std::sqrt(squares / (n - 1.0)) / std::sqrt(n);
    m.interval = Interval{mean - half, mean + half};
    return m;
}

std::vector<DistrictColumn> district_outcomes(const RunResults& r, const DistrictTable& districts) {
    const auto D = static_cast<std::size_t>(r.districts);
    // A deque: each column is filled through a reference taken when it was added, and a deque's
    // push_back, unlike a vector's, never moves the elements already there.
    std::deque<DistrictColumn> columns;
    auto done = [&] {
        return std::vector<DistrictColumn>(std::make_move_iterator(columns.begin()),
                                           std::make_move_iterator(columns.end()));
    };
    auto column = [&](std::string name, std::string description, bool interval = true) -> DistrictColumn& {
        columns.push_back({std::move(name), std::move(description), interval, std::vector<ReplicateMean>(D)});
        return columns.back();
    };
    auto& crimes = column("crimes_per_1000", "crimes (true events) per 1,000 residents a year");
    auto& reported = column("reported_per_1000", "crimes registered by the police per 1,000 residents a year");
    for (std::size_t d = 0; d < D; ++d) {
        crimes.values[d] = rate(weekly_sum(r.crimes_true, r, d, -1), r, districts.population[d]);
        reported.values[d] = rate(weekly_sum(r.crimes_reported, r, d, -1), r, districts.population[d]);
    }
    for (int t = 0; t < r.crime_types; ++t) {
        const std::string& type = r.crime_type_names[static_cast<std::size_t>(t)];
        auto& by_type = column(type + "_per_1000", type + " (true events) per 1,000 residents a year");
        for (std::size_t d = 0; d < D; ++d) {
            by_type.values[d] = rate(weekly_sum(r.crimes_true, r, d, t), r, districts.population[d]);
        }
    }
    // /victims/count: [replicate][group][district]. Residents are the district's population;
    // businesses and visitors have no count of their own to divide by.
    const std::size_t G = r.victim_group_names.size();
    for (std::size_t g = 0; g < G; ++g) {
        const std::string& group = r.victim_group_names[g];
        const bool residents = group == "resident";
        auto& victims = column(
            residents ? "resident_victims_per_1000" : group + "_victims_per_year",
            residents ? "crimes against residents per 1,000 residents a year" : "crimes against " + group + "s a year");
        for (std::size_t d = 0; d < D; ++d) {
            Values v(static_cast<std::size_t>(r.replicates));
            for (std::size_t rep = 0; rep < v.size(); ++rep) v[rep] = r.victims[(rep * G + g) * D + d];
            victims.values[d] =
                residents ? rate(v, r, districts.population[d]) : bounded(replicate_mean(scaled(v, per_year(r))));
        }
    }
    if (!has_safety(r)) return done();
    auto& score = column("risk_score", "risk-area indicator's criminal-influence score, last quarter");
    auto& listed = column("risk_listed_share",
                          "share of replicates in which the indicator lists the district (utsatt or worse), last "
                          "quarter",
                          false);
    auto& unsafe = column("unsafe_share", "share of residents 16-84 unsafe out late in their area, last quarter");
    for (std::size_t d = 0; d < D; ++d) {
        score.values[d] = bounded(replicate_mean(last_quarter(r.safety.risk_score, r, d)));
        Values is_listed = last_quarter(r.safety.risk_class, r, d);
        for (double& c : is_listed) c = c >= static_cast<double>(RiskClass::Utsatt) ? 1.0 : 0.0;
        listed.values[d] = {replicate_mean(is_listed).mean, std::nullopt};
        unsafe.values[d] = bounded(replicate_mean(last_quarter(r.safety.unsafe_share, r, d)), 1.0);
    }
    return done();
}

std::vector<int> modal_risk_class(const RunResults& r) {
    if (!has_safety(r)) return {};
    const auto D = static_cast<std::size_t>(r.districts);
    std::vector<int> modal(D, 0);
    for (std::size_t d = 0; d < D; ++d) {
        std::array<int, kRiskClasses> votes{};
        for (const double c : last_quarter(r.safety.risk_class, r, d)) {
            const int k = static_cast<int>(c);
            if (k >= 0 && k < kRiskClasses) ++votes[static_cast<std::size_t>(k)];
        }
        for (int k = 0; k < kRiskClasses; ++k) {
            if (votes[static_cast<std::size_t>(k)] >= votes[static_cast<std::size_t>(modal[d])]) modal[d] = k;
        }
    }
    return modal;
}

}  // namespace trygg
