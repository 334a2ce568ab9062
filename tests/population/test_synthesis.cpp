#include "population/synthesis.hpp"

#include "model/development.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace trygg {
namespace {

using testing::borlange_city;
using testing::borlange_config;

const Population& borlange_population() {
    static const Population pop =
        synthesise_population(borlange_city(), borlange_config().params.population, {2025, 0});
    return pop;
}

int deso_of(const City& city, const Population& pop, std::size_t i) {
    return city.cell_deso[static_cast<std::size_t>(pop.home_cell[i])];
}

TEST(Synthesis, ResidentsPerDesoAreExact) {
    const City& city = borlange_city();
    const Population& pop = borlange_population();
    EXPECT_EQ(pop.size(), 51425u);  // SCB 2024 total for Borlänge
    std::vector<int> per_deso(city.desos.size(), 0);
    for (std::size_t i = 0; i < pop.size(); ++i) ++per_deso[static_cast<std::size_t>(deso_of(city, pop, i))];
    for (std::size_t d = 0; d < city.desos.size(); ++d)
        EXPECT_EQ(per_deso[d], city.desos[d].population) << city.desos[d].code;
}

TEST(Synthesis, ResidentsPerDistrictAndAgeBandFollowTheShares) {
    const City& city = borlange_city();
    const Population& pop = borlange_population();
    const auto& bands = borlange_config().params.population.age_bands;
    // Per DeSO and band the count is the largest-remainder rounding of population × share,
    // so per district it is within one person per DeSO of the unrounded value.
    std::map<std::pair<int, std::size_t>, int> count;
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const int district = city.cell_district[static_cast<std::size_t>(pop.home_cell[i])];
        for (std::size_t b = 0; b < bands.size(); ++b) {
            if (pop.age[i] >= bands[b].from && pop.age[i] <= bands[b].to) ++count[{district, b}];
        }
    }
    for (std::size_t k = 0; k < city.districts.size(); ++k) {
        int residents = 0, desos = 0;
        for (std::size_t d = 0; d < city.desos.size(); ++d) {
            if (city.deso_district[d] == static_cast<int>(k)) {
                residents += city.desos[d].population;
                ++desos;
            }
        }
        for (std::size_t b = 0; b < bands.size(); ++b) {
            const int counted = count[{static_cast<int>(k), b}];
            EXPECT_NEAR(counted, residents * bands[b].share, desos)
                << city.districts[k].name << " band " << bands[b].from << "–" << bands[b].to;
        }
    }
}

TEST(Synthesis, PersonsAreOrderedByHomeCellAndLiveInTheirHouseholdsCell) {
    const Population& pop = borlange_population();
    EXPECT_TRUE(std::is_sorted(pop.home_cell.begin(), pop.home_cell.end()));
    for (std::size_t i = 0; i < pop.size(); ++i) {
        ASSERT_EQ(pop.home_cell[i], pop.household_cell[pop.household[i]]);
    }
}

TEST(Synthesis, ChildrenLiveWithAnAdult) {
    const Population& pop = borlange_population();
    std::vector<int> oldest(pop.households(), 0);
    for (std::size_t i = 0; i < pop.size(); ++i)
        oldest[pop.household[i]] = std::max<int>(oldest[pop.household[i]], pop.age[i]);
    int children = 0, with_adult = 0;
    for (std::size_t i = 0; i < pop.size(); ++i) {
        if (pop.age[i] >= 18) continue;
        ++children;
        with_adult += oldest[pop.household[i]] >= 20;
    }
    // Families take parents aged 25–54 and fall back to other adults; all children should
    // find one in a DeSO with an ordinary age structure.
    EXPECT_GT(with_adult, 0.999 * children);
    // Mean household size in Sweden is about 2.2 (SCB); with this structure, 1.9–2.5.
    const double size = static_cast<double>(pop.size()) / static_cast<double>(pop.households());
    EXPECT_GT(size, 1.9);
    EXPECT_LT(size, 2.5);
}

TEST(Synthesis, SchedulesFollowAge) {
    const Population& pop = borlange_population();
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const auto s = static_cast<Schedule>(pop.schedule[i]);
        const int age = pop.age[i];
        const Schedule expected = age <= 5    ? Schedule::Preschool
                                  : age <= 12 ? Schedule::ChildPupil
                                  : age <= 15 ? Schedule::TeenPupil
                                  : age >= 65 ? Schedule::Pensioner
                                              : s;
        ASSERT_EQ(s, expected) << "age " << age;
        if (s == Schedule::Worker) {
            ASSERT_GE(age, 18);
        }
        if (s == Schedule::NotEmployed || s == Schedule::Pensioner) {
            ASSERT_EQ(pop.anchor_cell[i], pop.home_cell[i]);
        }
    }
}

// Everyone has traits (z-scores around the sex and district shifts); only 12–20-year-olds
// have a leisure pattern; nobody is in a network or offends before the youth layer says so.
TEST(Synthesis, TraitsForEveryoneLeisureFor12To20) {
    const Population& pop = borlange_population();
    double sum = 0;
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const bool young = pop.age[i] >= 12 && pop.age[i] <= 20;
        ASSERT_EQ(pop.leisure[i] != static_cast<std::uint8_t>(Leisure::Neutral), young) << "age " << int(pop.age[i]);
        ASSERT_EQ(pop.network[i], static_cast<std::uint8_t>(Network::None));
        ASSERT_EQ(pop.propensity[i], 0.0f);
        ASSERT_GT(pop.intensity[i], 0.0f);
        ASSERT_EQ(pop.morality[i], pop.morality_base[i]);
        sum += pop.self_control[i];
    }
    // z-scores with ± 0.23 by sex and + 0.15 × SES (mean near 0 over the city): the mean of
    // 51,425 has s.e. 0.005; tolerance 0.05 for the SES mix.
    EXPECT_NEAR(sum / static_cast<double>(pop.size()), 0.0, 0.05);
}

// Who offends at the start follows from the traits: none under 12, more at 16–19 than at
// 25–44, 45–64 and 65+, as Brå's suspects by age (the maturation points are calibrated so).
TEST(Synthesis, OffendersFollowTheAgeCrimeCurve) {
    Population pop = borlange_population();
    set_offenders(borlange_config().params.development, pop);
    std::map<int, std::pair<int, int>> by_band;  // band start → (offenders, persons)
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const int a = pop.age[i];
        const int band = a < 12 ? 0 : a < 16 ? 12 : a < 20 ? 16 : a < 25 ? 20 : a < 45 ? 25 : a < 65 ? 45 : 65;
        by_band[band].second += 1;
        by_band[band].first += pop.propensity[i] > 0;
    }
    auto rate = [&](int band) { return static_cast<double>(by_band[band].first) / by_band[band].second; };
    EXPECT_EQ(by_band[0].first, 0);
    EXPECT_GT(rate(16), rate(25));
    EXPECT_GT(rate(25), rate(45));
    EXPECT_GT(rate(45), rate(65));
    // Adults who offend live the unstructured lifestyle; other adults have no pattern.
    for (std::size_t i = 0; i < pop.size(); ++i) {
        if (pop.age[i] <= 20) continue;
        ASSERT_EQ(pop.leisure[i] == static_cast<std::uint8_t>(Leisure::Unstructured), pop.propensity[i] > 0);
    }
}

TEST(Synthesis, PoorerDistrictsHaveMoreOffenders) {
    const City& city = borlange_city();
    Population pop = borlange_population();
    set_offenders(borlange_config().params.development, pop);
    auto rate = [&](const std::string& name) {
        int offenders = 0, people = 0;
        for (std::size_t i = 0; i < pop.size(); ++i) {
            const auto& d = city.districts[static_cast<std::size_t>(
                city.cell_district[static_cast<std::size_t>(pop.home_cell[i])])];
            if (d.name != name || pop.age[i] < 12) continue;
            ++people;
            offenders += pop.propensity[i] > 0;
        }
        return static_cast<double>(offenders) / people;
    };
    EXPECT_GT(rate("Tjärna Ängar"), 1.5 * rate("Gylle-Åselby-Färjegårdarna-Hytting"));
}

TEST(Synthesis, RuralResidentsLiveInVillages) {
    const City& city = borlange_city();
    const Population& pop = borlange_population();
    // DeSO 2081C1010 (Romme, 16 km²): 1 − scattered share = 75 % of residents should live
    // within the village radius; sampling noise on ~1,800 persons is about 1 %.
    int in_deso = 0, in_village = 0;
    const VillageSpec* romme = nullptr;
    for (const auto& v : city.villages)
        if (v.name == "Romme") romme = &v;
    ASSERT_NE(romme, nullptr);
    for (std::size_t i = 0; i < pop.size(); ++i) {
        const auto& deso = city.desos[static_cast<std::size_t>(deso_of(city, pop, i))];
        if (deso.code != "2081C1010") continue;
        ++in_deso;
        in_village += distance(city.grid.centre(pop.home_cell[i]), romme->centre) <= romme->radius_m;
    }
    EXPECT_GT(in_village, 0.72 * in_deso);
}

TEST(Synthesis, SameKeySamePopulationOtherReplicateAnother) {
    const auto& params = borlange_config().params.population;
    const Population a = synthesise_population(borlange_city(), params, {2025, 0});
    const Population b = synthesise_population(borlange_city(), params, {2025, 1});
    const Population& c = borlange_population();
    EXPECT_EQ(a.age, c.age);
    EXPECT_EQ(a.home_cell, c.home_cell);
    EXPECT_EQ(a.morality, c.morality);
    EXPECT_EQ(a.intensity, c.intensity);
    EXPECT_NE(a.home_cell, b.home_cell);
}

TEST(Synthesis, Works250MetreGrid) {
    const City& city = borlange_city(250.0);
    const Population pop = synthesise_population(city, borlange_config().params.population, {2025, 0});
    EXPECT_EQ(pop.size(), 51425u);
}

}  // namespace
}  // namespace trygg
