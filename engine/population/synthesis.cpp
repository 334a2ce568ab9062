#include "population/synthesis.hpp"

#include "core/error.hpp"
#include "population/roles.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace trygg {
namespace {

template <class T>
std::size_t pick_cumulative(const std::vector<T>& cumulative, double u) {
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u * cumulative.back());
    return std::min(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

// Largest-remainder apportionment: integer counts summing exactly to `total`.
std::vector<int> apportion(int total, const std::vector<double>& shares) {
    std::vector<int> counts(shares.size());
    std::vector<std::pair<double, std::size_t>> remainders;
    int assigned = 0;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        const double exact = total * shares[i];
        counts[i] = static_cast<int>(std::floor(exact));
        assigned += counts[i];
        remainders.emplace_back(exact - counts[i], i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; assigned < total; ++k, ++assigned) ++counts[remainders[k % remainders.size()].second];
    return counts;
}

struct Person {
    int age = 0;
    bool male = false;
    int household = -1;
    std::uint16_t birthday = 0;  // day of the year
};

// Groups one DeSO's residents into households: families with children first (children and
// 18–19-year-olds at home with one or two parents aged 25–54), then couples and singles.
void form_households(std::vector<Person>& people, const PopulationParams& p, DrawSequence& draw, int& next_household) {
    std::vector<std::size_t> children, parents, others;
    for (std::size_t i = 0; i < people.size(); ++i) {
        const int a = people[i].age;
        if (a < 18 || (a < 20 && draw.uniform() < p.at_home_share_18_19))
            children.push_back(i);
        else if (a >= 25 && a <= 54)
            parents.push_back(i);
        else
            others.push_back(i);
    }
    std::vector<double> family_cum(p.children_per_family.size());
    std::partial_sum(p.children_per_family.begin(), p.children_per_family.end(), family_cum.begin());
    std::size_t next_parent = 0;
    for (std::size_t c = 0; c < children.size();) {
        const int household = next_household++;
        const std::size_t size = pick_cumulative(family_cum, draw.uniform()) + 1;
        for (std::size_t k = 0; k < size && c < children.size(); ++k, ++c) people[children[c]].household = household;
        const int adults = draw.uniform() < p.single_parent_share ? 1 : 2;
        for (int k = 0; k < adults; ++k) {
            if (next_parent < parents.size()) {
                people[parents[next_parent++]].household = household;
            } else if (!others.empty()) {  // too few 25–54-year-olds: an older or younger adult
                people[others.back()].household = household;
                others.pop_back();
            }
        }
    }
    for (; next_parent < parents.size(); ++next_parent) others.push_back(parents[next_parent]);
    // Partners are of similar age: sort the rest by age and pair neighbours.
    std::sort(others.begin(), others.end(),
              [&](std::size_t a, std::size_t b) { return people[a].age < people[b].age; });
    for (std::size_t k = 0; k < others.size(); ++k) {
        const int household = next_household++;
        people[others[k]].household = household;
        if (k + 1 < others.size() && draw.uniform() < p.couple_share) people[others[++k]].household = household;
    }
}

}  // namespace

Population synthesise_population(const City& city, const PopulationParams& params, RngKey key) {
    const CounterRng rng(key);
    std::vector<double> band_shares;
    for (const auto& b : params.age_bands) band_shares.push_back(b.share);

    struct Resident {
        Person person;
        int cell = -1;
    };
    std::vector<Resident> residents;
    std::vector<int> household_cell;
    int next_household = 0;
    for (std::size_t d = 0; d < city.desos.size(); ++d) {
        const auto counts = apportion(city.desos[d].population, band_shares);
        DrawSequence draw(rng, Stream::Synthesis, static_cast<std::uint32_t>(d));
        std::vector<Person> people;
        for (std::size_t b = 0; b < counts.size(); ++b) {
            const auto& band = params.age_bands[b];
            for (int k = 0; k < counts[b]; ++k) {
                Person p;
                p.age = band.from + static_cast<int>(draw.uniform() * (band.to - band.from + 1));
                p.male = draw.uniform() < params.male_share;
                p.birthday = static_cast<std::uint16_t>(draw.uniform() * 365.0);
                people.push_back(p);
            }
        }
        const int first_household = next_household;
        form_households(people, params, draw, next_household);
        const HomeCells homes = home_cells_of(city, static_cast<int>(d));
        for (int h = first_household; h < next_household; ++h) {
            DrawSequence place(rng, Stream::Placement, static_cast<std::uint32_t>(h));
            household_cell.push_back(homes.cells[pick_cumulative(homes.cumulative, place.uniform())]);
        }
        for (const auto& p : people) {
            residents.push_back({p, household_cell[static_cast<std::size_t>(p.household)]});
        }
    }

    // Order by home cell, then household, then age: stable for a given input.
    std::vector<std::size_t> order(residents.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& ra = residents[a];
        const auto& rb = residents[b];
        if (ra.cell != rb.cell) return ra.cell < rb.cell;
        return ra.person.household < rb.person.household;
    });

    Population pop;
    const std::size_t n = residents.size();
    pop.age.resize(n);
    pop.male.resize(n);
    pop.household.resize(n);
    pop.home_cell.resize(n);
    pop.schedule.resize(n);
    pop.anchor_cell.resize(n);
    pop.school_place.assign(n, -1);
    pop.birthday.resize(n);
    pop.propensity.assign(n, 0.0f);
    pop.self_control.assign(n, 0.0f);
    pop.morality.assign(n, 0.0f);
    pop.morality_base.assign(n, 0.0f);
    pop.intensity.assign(n, 0.0f);
    pop.school_engagement.assign(n, 0.0f);
    pop.leisure.assign(n, static_cast<std::uint8_t>(Leisure::Neutral));
    pop.alcohol.assign(n, 0);
    pop.narcotics.assign(n, 0);
    pop.drug_debt.assign(n, 0);
    pop.network.assign(n, static_cast<std::uint8_t>(Network::None));
    pop.ties.assign(n * kTies, -1);
    pop.household_cell = std::move(household_cell);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& r = residents[order[i]];
        pop.age[i] = static_cast<std::uint8_t>(std::min(r.person.age, 255));
        pop.male[i] = r.person.male ? 1 : 0;
        pop.household[i] = static_cast<std::uint32_t>(r.person.household);
        pop.home_cell[i] = r.cell;
        pop.birthday[i] = r.person.birthday;
    }
    assign_roles(pop, city, params, rng);
    return pop;
}

}  // namespace trygg
