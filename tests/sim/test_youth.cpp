// Young people grow up in the model (DESIGN §3.7, §3.9): a ten-year baseline keeps its
// people and its crime steady while individuals age and the age–crime curve emerges;
// recruitment is contagious where members are; and the social measures move their
// participants by amounts the meta-analyses allow.
#include "sim/replicate.hpp"
#include "sim/run.hpp"

#include "core/clock.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <numeric>

namespace trygg {
namespace {

using testing::borlange_city;
using testing::borlange_config;

const RunOutput& ten_years() {
    static const RunOutput out = run_scenario(borlange_city(), borlange_config().params,
                                              testing::borlange_timeline(10 * kWeeksPerYear), {5150, 1, 2, false});
    return out;
}

// Over ten years the population turns over (deaths, moves, births, in-migrants) and ages,
// and total crime stays within ±10 % of the year before: the baseline is a steady state,
// not a transient. One replicate: yearly totals of ~6,000 true crimes have a Poisson s.e.
// of 1.3 %, so ±10 % leaves room for the model's own year-to-year swing.
TEST(Youth, ATenYearBaselineKeepsItsCrimeSteadyYearToYear) {
    const auto& r = ten_years().results;
    const std::size_t per_week = static_cast<std::size_t>(r.districts * r.crime_types);
    std::vector<double> yearly(10, 0.0);
    for (std::size_t k = 0; k < r.crimes_true.size(); ++k) yearly[k / per_week / kWeeksPerYear] += r.crimes_true[k];
    for (int y = 0; y < 10; ++y) std::printf("year %d: %.0f true crimes\n", y + 1, yearly[static_cast<std::size_t>(y)]);
    for (int y = 1; y < 10; ++y) {
        EXPECT_NEAR(yearly[static_cast<std::size_t>(y)] / yearly[static_cast<std::size_t>(y - 1)], 1.0, 0.10)
            << "year " << y + 1;
    }
}

// Offences per resident by the offender's age in the tenth year, when everyone under 34
// has grown up in the model: the peak lies between 15 and 24, and by 35–39 the rate has
// fallen to at most half of it (DESIGN §6.4; Brå's suspects by age).
TEST(Youth, TheAgeCrimeCurveEmergesFromGrowingUp) {
    const auto& out = ten_years();
    const auto& y = out.results.youth;
    ASSERT_EQ(y.years, 10);
    // Residents by age in the tenth year are not in the file; the population's ages are
    // stationary by construction of the arrivals, so the first year's structure stands in.
    const auto& bands = borlange_config().params.population.age_bands;
    auto residents_at = [&](int age) {
        for (const auto& b : bands) {
            if (age >= b.from && age <= b.to) return b.share * 51425.0 / (b.to - b.from + 1);
        }
        return 0.0;
    };
    const auto* last = &y.offences_by_age[9 * (kMaxAge + 1)];
    auto rate = [&](int from, int to) {
        double n = 0, people = 0;
        for (int a = from; a <= to; ++a) {
            n += last[a];
            people += residents_at(a);
        }
        return n / people;
    };
    int peak = 12;
    for (int a = 12; a <= 60; ++a) {
        if (rate(a, a + 1) > rate(peak, peak + 1)) peak = a;
    }
    std::printf(
        "offences per resident: 12–14 %.3f, 15–19 %.3f, 20–24 %.3f, 25–29 %.3f, 35–39 %.3f, 50–54 %.3f; peak at %d\n",
        rate(12, 14), rate(15, 19), rate(20, 24), rate(25, 29), rate(35, 39), rate(50, 54), peak);
    EXPECT_GE(peak, 15);
    EXPECT_LE(peak, 24);
    EXPECT_LE(rate(35, 39), 0.5 * std::max(rate(15, 19), rate(20, 24)));
}

}  // namespace
}  // namespace trygg
