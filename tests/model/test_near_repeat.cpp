// The city's near-repeat field (model/near_repeat.hpp) on a hand-built grid: one crime raises
// its cell by θ the day it is taken in, then spreads η to the four neighbours and decays by ω
// a day, and a type without near-repeat stays at 1. Exact arithmetic, so exact expectations
// (up to rounding).
#include "model/near_repeat.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <numeric>

namespace trygg {
namespace {

constexpr int kNx = 9, kNy = 7;
constexpr double kTheta = 0.6, kEta = 0.2, kOmega = 0.1;

std::array<NearRepeatParams, kCrimeTypes> burglary_only() {
    std::array<NearRepeatParams, kCrimeTypes> p{};
    p[static_cast<std::size_t>(CrimeType::Burglary)] = {true, kTheta, kEta, kOmega};
    return p;
}

int at(int x, int y) {
    return y * kNx + x;
}

double total(const NearRepeatField& f, CrimeType type) {
    const auto& b = f.field(type);
    return std::accumulate(b.begin(), b.end(), 0.0);
}

TEST(NearRepeatField, ACrimeRaisesItsCellByThetaTheDayItIsTakenIn) {
    NearRepeatField f(burglary_only(), kNx, kNy);
    const int c = at(4, 3);
    EXPECT_DOUBLE_EQ(f.factor(CrimeType::Burglary, c), 1.0);
    f.record(CrimeType::Burglary, c);
    EXPECT_DOUBLE_EQ(f.factor(CrimeType::Burglary, c), 1.0) << "the day's crimes count from the next day";
    f.end_of_day();
    EXPECT_DOUBLE_EQ(f.factor(CrimeType::Burglary, c), 1.0 + kTheta);
    EXPECT_DOUBLE_EQ(f.attractiveness(c), 1.0 + kTheta);
    EXPECT_DOUBLE_EQ(f.factor(CrimeType::Burglary, at(5, 3)), 1.0) << "no spread on the first day";
    EXPECT_DOUBLE_EQ(total(f, CrimeType::Burglary), kTheta);
    // Two crimes in one cell on one day add 2θ.
    f.record(CrimeType::Burglary, at(1, 1));
    f.record(CrimeType::Burglary, at(1, 1));
    f.end_of_day();
    EXPECT_DOUBLE_EQ(f.field(CrimeType::Burglary)[static_cast<std::size_t>(at(1, 1))], 2 * kTheta);
}

TEST(NearRepeatField, ItSpreadsEtaToTheFourNeighboursAndDecaysByOmegaADay) {
    NearRepeatField f(burglary_only(), kNx, kNy);
    const int c = at(4, 3);
    f.record(CrimeType::Burglary, c);
    f.end_of_day();
    f.end_of_day();  // a day with no crime: one step of spread and decay
    const auto& b = f.field(CrimeType::Burglary);
    const double decay = 1.0 - kOmega;
    EXPECT_NEAR(b[static_cast<std::size_t>(c)], (1.0 - kEta) * kTheta * decay, 1e-12);
    for (int n : {at(3, 3), at(5, 3), at(4, 2), at(4, 4)})
        EXPECT_NEAR(b[static_cast<std::size_t>(n)], kEta / 4.0 * kTheta * decay, 1e-12) << n;
    EXPECT_EQ(b[static_cast<std::size_t>(at(5, 4))], 0.0) << "diagonal cells get nothing in one day";
    EXPECT_EQ(b[static_cast<std::size_t>(at(6, 3))], 0.0);
    // Spread moves B without creating any; only decay removes it: θ (1 − ω)^days.
    for (int day = 2; day <= 30; ++day) {
        EXPECT_NEAR(total(f, CrimeType::Burglary), kTheta * std::pow(decay, day - 1), 1e-12) << day;
        f.end_of_day();
    }
    // A month later the cell's excess is down to a few per cent of θ (half-life ln 2 / ω ≈ 7 days).
    EXPECT_LT(f.factor(CrimeType::Burglary, c) - 1.0, 0.05 * kTheta);
}

TEST(NearRepeatField, TheCitysEdgeReflectsSoNothingLeaksOut) {
    NearRepeatField f(burglary_only(), kNx, kNy);
    f.record(CrimeType::Burglary, at(0, 0));
    f.end_of_day();
    f.end_of_day();
    const auto& b = f.field(CrimeType::Burglary);
    // The corner's two missing neighbours count as itself: it keeps (1 − η/2) of its B.
    EXPECT_NEAR(b[static_cast<std::size_t>(at(0, 0))], (1.0 - kEta / 2.0) * kTheta * (1.0 - kOmega), 1e-12);
    EXPECT_NEAR(total(f, CrimeType::Burglary), kTheta * (1.0 - kOmega), 1e-12);
}

TEST(NearRepeatField, TypesWithoutNearRepeatStayAtOne) {
    NearRepeatField f(burglary_only(), kNx, kNy);
    const int c = at(2, 2);
    f.record(CrimeType::Assault, c);
    f.record(CrimeType::Burglary, c);
    f.end_of_day();
    EXPECT_TRUE(f.field(CrimeType::Assault).empty());
    EXPECT_DOUBLE_EQ(f.factor(CrimeType::Assault, c), 1.0);
    EXPECT_DOUBLE_EQ(f.attractiveness(c), 1.0 + kTheta) << "only burglary's field draws offenders";
}

}  // namespace
}  // namespace trygg
