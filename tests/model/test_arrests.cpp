// Arrests (model/arrests.hpp, model/aftermath.hpp) on hand-built inputs: the probability by
// crime type, raised by monitored cameras and by a patrol on duty and capped at 1, and the
// draws that follow it — the share arrested and the spell off the street.
#include "model/aftermath.hpp"
#include "model/arrests.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

namespace trygg {
namespace {

ArrestParams params() {
    ArrestParams p;
    p.probability[static_cast<std::size_t>(CrimeType::Burglary)] = 0.1;
    p.probability[static_cast<std::size_t>(CrimeType::Assault)] = 0.6;
    p.camera_gain = 1.0;
    p.spell_days_mean = 10.0;
    return p;
}

TEST(Arrests, TheProbabilityIsTheTypesShareRaisedByCamerasAndCappedAtOne) {
    const ArrestParams p = params();
    EXPECT_DOUBLE_EQ(arrest_probability(p, CrimeType::Burglary, 0.0), 0.1);
    EXPECT_DOUBLE_EQ(arrest_probability(p, CrimeType::Burglary, 0.5), 0.15);
    EXPECT_DOUBLE_EQ(arrest_probability(p, CrimeType::Burglary, 1.0), 0.2);
    EXPECT_DOUBLE_EQ(arrest_probability(p, CrimeType::Assault, 0.0), 0.6);
    EXPECT_EQ(arrest_probability(p, CrimeType::Assault, 1.0), 1.0);  // uncapped: 1.2
    EXPECT_EQ(arrest_probability(p, CrimeType::Drugs, 1.0), 0.0);    // a type nobody is arrested for
}

struct Tally {
    int crimes = 0;
    int arrested = 0;
    double spell_hours = 0.0;
    double share() const { return static_cast<double>(arrested) / crimes; }
    double mean_spell_days() const { return spell_hours / arrested / 24.0; }
};

// `crimes` crimes of `type` by distinct offenders in one hour, drawn as the hour step does.
Tally draw(CrimeType type, ArrestChance chance, int crimes = 40000) {
    ReportingParams reporting;  // nobody reports: only the arrest draws matter here
    ReportContext context;
    context.type = type;
    const CounterRng rng({2024, 0});
    Tally t;
    for (int k = 0; k < crimes; ++k) {
        const Aftermath a =
            draw_aftermath(reporting, params(), context, chance, rng, static_cast<std::uint32_t>(k), 17);
        ++t.crimes;
        if (a.arrested) {
            ++t.arrested;
            t.spell_hours += a.spell_hours;
            EXPECT_GE(a.spell_hours, 1);
        } else {
            EXPECT_EQ(a.spell_hours, 0);
        }
    }
    return t;
}

// 40,000 draws: the binomial s.e. of a share p is √(p(1 − p)/40000) ≤ 0.0025, so 4 s.e. is
// at most 0.01; an exponential spell's mean has s.e. mean/√arrests (≤ 2.5 % at 0.1).
TEST(Arrests, TheShareArrestedFollowsTheProbabilityAndSpellsAverageTheirMean) {
    auto expect_share = [](const Tally& t, double want) {
        const double se = std::sqrt(want * (1.0 - want) / t.crimes);
        EXPECT_NEAR(t.share(), want, 4.0 * se + 1e-12);
        std::printf("arrest share %.4f (want %.4f)\n", t.share(), want);
    };
    const Tally plain = draw(CrimeType::Burglary, {0.0, 1.0});
    expect_share(plain, 0.1);
    std::printf("mean spell %.2f days (want 10)\n", plain.mean_spell_days());
    EXPECT_NEAR(plain.mean_spell_days(), 10.0, 4.0 * 10.0 / std::sqrt(plain.arrested));
    expect_share(draw(CrimeType::Burglary, {1.0, 1.0}), 0.2);   // monitored cameras: × (1 + gain)
    expect_share(draw(CrimeType::Burglary, {0.0, 2.5}), 0.25);  // a patrol on duty: × its factor
    expect_share(draw(CrimeType::Assault, {1.0, 2.0}), 1.0);    // 0.6 × 2 × 2, capped
    expect_share(draw(CrimeType::Drugs, {1.0, 2.0}), 0.0);
}

}  // namespace
}  // namespace trygg
