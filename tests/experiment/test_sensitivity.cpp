// The sensitivity indices against functions whose indices are known exactly: a linear
// function (Morris's effects are its coefficients times the ranges), the Ishigami function
// (Ishigami & Homma 1990) and Sobol's G function (Saltelli & Sobol' 1995), with the designs
// of experiment/design.hpp. Everything is deterministic (fixed seeds, a fixed Sobol' sequence
// and a fixed bootstrap seed), so the tolerances below are about the estimators, not luck.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "experiment/design.hpp"
#include "experiment/sensitivity.hpp"

#include <cmath>
#include <functional>
#include <numbers>
#include <string>
#include <vector>

namespace trygg {
namespace {

using Function = std::function<double(const std::vector<double>&)>;

std::vector<double> outputs(const SweepDesign& d, const Function& f) {
    std::vector<double> y;
    for (std::size_t p = 0; p < d.size(); ++p) {
        std::vector<double> x(d.dimensions());
        for (std::size_t i = 0; i < x.size(); ++i) x[i] = d.value_at(p, i);
        y.push_back(f(x));
    }
    return y;
}

std::vector<std::string> names(std::size_t k) {
    std::vector<std::string> n;
    for (std::size_t i = 0; i < k; ++i) n.push_back("x" + std::to_string(i + 1));
    return n;
}

// ---- the test functions and their analytic indices ----

constexpr double kPi = std::numbers::pi;
constexpr double kA = 7.0, kB = 0.1;  // the usual Ishigami constants

// Ishigami & Homma (1990), x_i uniform on [−π, π].
double ishigami(const std::vector<double>& x) {
    return std::sin(x[0]) + kA * std::sin(x[1]) * std::sin(x[1]) + kB * std::pow(x[2], 4) * std::sin(x[0]);
}

// V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½, V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V3 = 0,
// V13 = b²π⁸(1/18 − 1/50), every other term 0 (Sobol' & Levitan 1999; Saltelli et al. 2010).
struct Analytic {
    std::vector<double> first, total;
};

Analytic ishigami_indices() {
    const double pi4 = std::pow(kPi, 4), pi8 = std::pow(kPi, 8);
    const double v = kA * kA / 8 + kB * pi4 / 5 + kB * kB * pi8 / 18 + 0.5;
    const double v1 = 0.5 * (1 + kB * pi4 / 5) * (1 + kB * pi4 / 5), v2 = kA * kA / 8;
    const double v13 = kB * kB * pi8 * (1.0 / 18 - 1.0 / 50);
    return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

// Sobol's G function on [0, 1]^k: Π (|4x_i − 2| + a_i) / (1 + a_i). V_i = 1 / (3 (1 + a_i)²),
// V = Π (1 + V_i) − 1, S_i = V_i / V, S_Ti = V_i Π_{j≠i} (1 + V_j) / V.
const std::vector<double> kG{0.0, 1.0, 4.5, 9.0, 99.0, 99.0};

double g_function(const std::vector<double>& x) {
    double g = 1.0;
    for (std::size_t i = 0; i < x.size(); ++i) g *= (std::fabs(4 * x[i] - 2) + kG[i]) / (1 + kG[i]);
    return g;
}

Analytic g_indices() {
    std::vector<double> vi;
    double product = 1.0;
    for (const double a : kG) {
        vi.push_back(1.0 / (3.0 * (1 + a) * (1 + a)));
        product *= 1 + vi.back();
    }
    const double v = product - 1.0;
    Analytic s;
    for (const double v_i : vi) {
        s.first.push_back(v_i / v);
        s.total.push_back(v_i * product / (1 + v_i) / v);
    }
    return s;
}

TEST(AnalyticIndices, IshigamiAsPublished) {
    // Saltelli et al. (2010), Table 3 (and Sobol' & Levitan 1999), to four places.
    const Analytic s = ishigami_indices();
    EXPECT_NEAR(s.first[0], 0.3139, 5e-5);
    EXPECT_NEAR(s.first[1], 0.4424, 5e-5);
    EXPECT_NEAR(s.total[0], 0.5576, 5e-5);
    EXPECT_NEAR(s.total[1], 0.4424, 5e-5);
    EXPECT_NEAR(s.total[2], 0.2437, 5e-5);
}

// ---- Morris ----

// y = Σ c_i x_i: every elementary effect of x_i is c_i (high_i − low_i), whatever the
// trajectory, so μ = c_i · range, μ* = |μ| and σ = 0, exactly up to rounding.
TEST(MorrisIndices, ALinearFunctionGivesItsCoefficientsTimesTheRanges) {
    const std::vector<double> c{2.0, -3.0, 0.0}, low{0.0, 10.0, -1.0}, high{1.0, 14.0, 1.0};
    const SweepDesign d = morris_design(names(3), low, high, 8, 4, 5);
    const auto y = outputs(d, [&](const std::vector<double>& x) { return c[0] * x[0] + c[1] * x[1] + c[2] * x[2]; });
    const auto m = morris_indices(d, y);
    ASSERT_EQ(m.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        const double effect = c[i] * (high[i] - low[i]);
        EXPECT_NEAR(m[i].mu, effect, 1e-9) << i;
        EXPECT_NEAR(m[i].mu_star, std::fabs(effect), 1e-9) << i;
        EXPECT_NEAR(m[i].sigma, 0.0, 1e-9) << i;
        EXPECT_EQ(m[i].effects, 8);
        ASSERT_TRUE(m[i].mu_star_interval);
        EXPECT_NEAR(m[i].mu_star_interval->low, std::fabs(effect), 1e-9);
        EXPECT_NEAR(m[i].mu_star_interval->high, std::fabs(effect), 1e-9);
    }
}

// y = x1 · x2 on [0, 1]²: the effect of x1 is x2, which varies between trajectories, so σ > 0;
// μ* equals the mean of x2 over the steps, in [0, 1]. With the design's levels {0, ⅓, ⅔, 1}.
TEST(MorrisIndices, AnInteractionShowsAsSpread) {
    const SweepDesign d = morris_design(names(2), {0, 0}, {1, 1}, 20, 4, 9);
    const auto m = morris_indices(d, outputs(d, [](const std::vector<double>& x) { return x[0] * x[1]; }));
    for (const auto& index : m) {
        EXPECT_GT(index.sigma, 0.1);
        EXPECT_GT(index.mu_star, 0.0);
        EXPECT_LE(index.mu_star, 1.0);
        EXPECT_DOUBLE_EQ(index.mu, index.mu_star);  // x1 · x2 rises in both: every effect ≥ 0
        ASSERT_TRUE(index.sigma_interval);
        EXPECT_LE(index.sigma_interval->low, index.sigma);
        EXPECT_GE(index.sigma_interval->high, index.sigma);
    }
}

// The G function: the smaller a_i, the more x_i matters, and μ* must rank them so
// (Campolongo et al. 2007 use it for this). a = 99 makes x5 and x6 almost inert.
TEST(MorrisIndices, TheGFunctionRanksTheParametersByA) {
    const SweepDesign d = morris_design(names(6), std::vector<double>(6, 0.0), std::vector<double>(6, 1.0), 20, 4, 2);
    const auto m = morris_indices(d, outputs(d, g_function));
    for (std::size_t i = 0; i + 1 < 4; ++i) EXPECT_GT(m[i].mu_star, m[i + 1].mu_star) << "x" << i + 1;
    EXPECT_GT(m[3].mu_star, m[4].mu_star);
    EXPECT_GT(m[3].mu_star, m[5].mu_star);
    // |4x − 2| changes by 4/3 on every step of the 4-level grid, so an effect of x_i is
    // about (4/3) / (1 + a_i) / Δ times the rest of the product: for a = 99, below 0.05.
    EXPECT_LT(m[4].mu_star, 0.05);
    EXPECT_LT(m[5].mu_star, 0.05);
}

// Ishigami: x3 has no first-order effect (S3 = 0) but interacts with x1, so Morris must see
// it (μ* > 0), unlike a one-at-a-time look at the centre (x1 = 0, where sin x1 = 0).
TEST(MorrisIndices, IshigamiSeesTheInteractionOfX3) {
    const SweepDesign d = morris_design(names(3), {-kPi, -kPi, -kPi}, {kPi, kPi, kPi}, 30, 4, 3);
    const auto m = morris_indices(d, outputs(d, ishigami));
    EXPECT_GT(m[2].mu_star, 1.0);
    EXPECT_GT(m[2].sigma, 1.0);
    // x2 enters as sin² x2, symmetric: effects of both signs, so |μ| is well below μ*.
    EXPECT_LT(std::fabs(m[1].mu), m[1].mu_star);
}

TEST(MorrisIndices, RefusesOutputsThatDoNotFitTheDesign) {
    const SweepDesign d = morris_design(names(2), {0, 0}, {1, 1}, 3, 4, 1);
    EXPECT_THROW(morris_indices(d, std::vector<double>(5, 0.0)), LogicError);
    const SweepDesign s = sobol_design(names(2), {0, 0}, {1, 1}, 4);
    EXPECT_THROW(morris_indices(s, std::vector<double>(s.size(), 0.0)), LogicError);
    EXPECT_THROW(sobol_indices(d, std::vector<double>(d.size(), 0.0)), LogicError);
}

// ---- Sobol' ----

// N = 4096 rows (28,672 evaluations for k = 3; 32,768 for k = 6). Tolerance 0.03 absolute:
// with a Sobol' sequence the estimators of Saltelli et al. (2010) are within about 0.01 of
// the analytic values at this N (here: 0.003 at most); 0.03 leaves room without hiding a
// wrong formula (AB_i built the other way round, B with column i from A, makes the first-order
// estimator give 1 − S_Ti: 0.44 for x1 instead of 0.31; a total index divided by N instead of
// 2N doubles it). The
// bootstrap treats the rows as independent, which overstates the error of a quasi-random
// sample, so its 95% interval must contain the analytic value.
void expect_indices(const std::vector<SobolIndex>& s, const Analytic& exact) {
    constexpr double kTolerance = 0.03;
    for (std::size_t i = 0; i < s.size(); ++i) {
        SCOPED_TRACE("x" + std::to_string(i + 1));
        EXPECT_NEAR(s[i].first, exact.first[i], kTolerance);
        EXPECT_NEAR(s[i].total, exact.total[i], kTolerance);
        ASSERT_TRUE(s[i].first_interval && s[i].total_interval);
        EXPECT_LE(s[i].first_interval->low, exact.first[i]);
        EXPECT_GE(s[i].first_interval->high, exact.first[i]);
        EXPECT_LE(s[i].total_interval->low, exact.total[i]);
        EXPECT_GE(s[i].total_interval->high, exact.total[i]);
        EXPECT_LT(s[i].total_interval->high - s[i].total_interval->low, 0.1);  // informative
    }
}

TEST(SobolIndices, IshigamiWithinTolerance) {
    const SweepDesign d = sobol_design(names(3), {-kPi, -kPi, -kPi}, {kPi, kPi, kPi}, 4096);
    expect_indices(sobol_indices(d, outputs(d, ishigami)), ishigami_indices());
}

TEST(SobolIndices, TheGFunctionWithinTolerance) {
    const SweepDesign d = sobol_design(names(6), std::vector<double>(6, 0.0), std::vector<double>(6, 1.0), 4096);
    expect_indices(sobol_indices(d, outputs(d, g_function)), g_indices());
}

// A parameter the output ignores: f(AB_i) = f(A) row by row, so S_i and S_Ti are 0 exactly,
// and so is every resample.
TEST(SobolIndices, AnInertParameterIsExactlyZero) {
    const SweepDesign d = sobol_design(names(2), {0, 0}, {1, 1}, 64);
    const auto s = sobol_indices(d, outputs(d, [](const std::vector<double>& x) { return x[0] * x[0]; }));
    EXPECT_EQ(s[1].first, 0.0);
    EXPECT_EQ(s[1].total, 0.0);
    EXPECT_EQ(s[1].total_interval->low, 0.0);
    EXPECT_EQ(s[1].total_interval->high, 0.0);
    EXPECT_GT(s[0].first, 0.9);
    // A constant output has no variance to share out: every index is 0.
    const auto flat = sobol_indices(d, std::vector<double>(d.size(), 3.0));
    EXPECT_EQ(flat[0].first, 0.0);
    EXPECT_EQ(flat[0].total, 0.0);
}

}  // namespace
}  // namespace trygg
