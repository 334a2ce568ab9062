// The calibrated baseline against what it was calibrated to, and against the facts the
// mechanisms must produce without being told (DESIGN §6).
#include "sim/run.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace trygg {
namespace {

using testing::borlange_city;
using testing::borlange_config;

const RunOutput& baseline_year() {
    static const RunOutput out =
        run_scenario(borlange_city(), borlange_config().params, testing::borlange_timeline(52), {20251, 2, 2});
    return out;
}

std::vector<double> yearly_by_type() {
    const auto& r = baseline_year().results;
    std::vector<double> by_type(static_cast<std::size_t>(r.crime_types), 0.0);
    for (std::size_t k = 0; k < r.crimes_true.size(); ++k) by_type[k % by_type.size()] += r.crimes_true[k];
    for (auto& v : by_type) v /= r.replicates;
    return by_type;
}

// Police-registered offences in Borlänge, 2023–2025 averages (configs/borlange.yaml).
TEST(Baseline, ReproducesTheRegisteredCountsItIsCalibratedTo) {
    const std::map<std::string, double> target = {
        {"burglary", 394}, {"vehicle_theft", 248}, {"bicycle_theft", 353}, {"other_theft", 416}, {"shop_theft", 385},
        {"vandalism", 587}, {"robbery", 27},       {"assault", 843},       {"drugs", 730}};
    const auto by_type = yearly_by_type();
    const auto& names = baseline_year().results.crime_type_names;
    double total = 0.0;
    for (std::size_t t = 0; t < names.size(); ++t) {
        const double want = target.at(names[t]);
        // Two replicates: Poisson s.e. of the mean is √(want/2); allow 4 s.e. plus 5 % for
        // the calibration's own noise.
        const double tolerance = 4.0 * std::sqrt(want / 2.0) + 0.05 * want;
        EXPECT_NEAR(by_type[t], want, tolerance) << names[t];
        total += by_type[t];
    }
    EXPECT_NEAR(total, 3983, 200);  // DESIGN §6.6: about 4,000 a year in the modelled types
}

TEST(Baseline, CrimeConcentratesInFewCells) {
    // Weisburd's law of crime concentration (DESIGN §6.2). The full target (50 % in 2–6 %
    // of cells) is the near-repeat issue's; here: crime is far from uniform over the
    // inhabited cells — half of it falls in under a tenth of them.
    const auto& r = baseline_year().results;
    const auto cells = static_cast<std::size_t>(r.nx) * static_cast<std::size_t>(r.ny);
    std::vector<double> per_cell(cells, 0.0);
    for (std::size_t k = 0; k < r.crimes_cells.size(); ++k) per_cell[k % cells] += r.crimes_cells[k];
    const auto& pop = baseline_year().grid.population;
    std::size_t inhabited = 0;
    for (auto p : pop) inhabited += p > 0;
    std::sort(per_cell.begin(), per_cell.end(), std::greater<>());
    double total = 0.0;
    for (double v : per_cell) total += v;
    double cum = 0.0;
    std::size_t k = 0;
    while (cum < 0.5 * total) cum += per_cell[k++];
    EXPECT_LT(static_cast<double>(k), 0.1 * static_cast<double>(inhabited));
}

TEST(Baseline, PoorerResidentialAreasHaveMoreCrimePerResident) {
    const auto& out = baseline_year();
    const auto& r = out.results;
    const auto D = static_cast<std::size_t>(r.districts), T = static_cast<std::size_t>(r.crime_types);
    std::vector<double> per_district(D, 0.0);
    for (std::size_t k = 0; k < r.crimes_true.size(); ++k) per_district[(k / T) % D] += r.crimes_true[k];
    auto rate = [&](const std::string& name) {
        for (std::size_t d = 0; d < D; ++d) {
            if (out.districts.names[d] == name) return per_district[d] / out.districts.population[d];
        }
        ADD_FAILURE() << "no district " << name;
        return 0.0;
    };
    // Tjärna Ängar is a police risk area; Gylle and Romme are affluent villa areas.
    EXPECT_GT(rate("Tjärna Ängar"), 2.0 * rate("Gylle-Åselby-Färjegårdarna-Hytting"));
    EXPECT_GT(rate("Tjärna Ängar"), 2.0 * rate("Romme"));
}

}  // namespace
}  // namespace trygg
