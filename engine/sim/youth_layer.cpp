#include "sim/youth_layer.hpp"

#include "core/clock.hpp"
#include "core/parallel.hpp"
#include "model/peer_network.hpp"
#include "model/recruitment.hpp"
#include "model/substance_use.hpp"
#include "population/demography.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace trygg {
namespace {

int day_of_year(Date d) {
    return static_cast<int>(days_from_civil(d) - days_from_civil(Date{d.year, 1, 1}));
}

// Weekly chance from a yearly probability.
double weekly(double per_year) {
    return -std::expm1(std::log1p(-std::min(per_year, 0.999999)) / kWeeksPerYear);
}

bool in_network(const Population& pop, std::size_t j) {
    return pop.network[j] >= static_cast<std::uint8_t>(Network::Associate);
}

// Runs body(i) for every person, in parallel over fixed chunks. Only for steps where each
// person's update reads the week's starting state and writes that person's own entries, with
// draws keyed by the person: the result is then the same at any thread count.
template <class Body>
void for_each_person(std::size_t n, const Body& body) {
    constexpr std::size_t kChunk = 4096;
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, n, kChunk),
        [&](const tbb::blocked_range<std::size_t>& r) {
            for (std::size_t i = r.begin(); i != r.end(); ++i) body(i);
        },
        tbb::simple_partitioner());
    stop_if_cancelled();
}

}  // namespace

YouthLayer::YouthLayer(const City& city, const ModelParams& params, const Timeline& timeline, const CounterRng& rng,
                       Population& pop)
    : city_(city),
      params_(params),
      timeline_(timeline),
      rng_(rng),
      pop_(pop),
      roles_(city, params.population, pop.home_cell),
      sat_(params.development),
      use_table_(params.substance) {
    const std::size_t n = pop.size();
    district_.resize(n);
    arrivals_.assign(n, 0);
    residents_.assign(city.districts.size(), 0);
    for (std::size_t i = 0; i < n; ++i) {
        district_[i] = city.cell_district[static_cast<std::size_t>(pop.home_cell[i])];
        ++residents_[static_cast<std::size_t>(district_[i])];
    }
    // Housing: every home starts at its district's standing; each household's persons; each
    // development's homes in a random order, the order they will be rebuilt in.
    const std::size_t households = pop.households();
    home_ses_.resize(households);
    rebuilt_.assign(households, 0);
    for (std::size_t h = 0; h < households; ++h) {
        const std::int32_t d = city.cell_district[static_cast<std::size_t>(pop.household_cell[h])];
        home_ses_[h] = static_cast<float>(d < 0 ? 0.0 : city.districts[static_cast<std::size_t>(d)].ses_index);
    }
    household_first_.assign(households + 1, 0);
    for (std::size_t i = 0; i < n; ++i) ++household_first_[pop.household[i] + 1];
    for (std::size_t h = 0; h < households; ++h) household_first_[h + 1] += household_first_[h];
    household_people_.resize(n);
    {
        std::vector<std::int32_t> at(household_first_.begin(), household_first_.end() - 1);
        for (std::size_t i = 0; i < n; ++i)
            household_people_[static_cast<std::size_t>(at[pop.household[i]]++)] = static_cast<std::int32_t>(i);
    }
    for (std::size_t k = 0; k < params.interventions.size(); ++k) {
        const Intervention& item = params.interventions[k];
        if (item.kind != InterventionKind::HousingDevelopment) continue;
        std::vector<std::uint8_t> area(static_cast<std::size_t>(city.grid.cells()), 0);
        for (int c : item.cells) area[static_cast<std::size_t>(c)] = 1;
        Development dev;
        dev.item = k;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed;  // (random key, household)
        for (std::size_t h = 0; h < households; ++h) {
            if (!area[static_cast<std::size_t>(pop.household_cell[h])] ||
                household_first_[h] == household_first_[h + 1])
                continue;
            const auto w =
                rng.words(Stream::LifeCourse, static_cast<std::uint32_t>(h), static_cast<std::uint32_t>(k), 5);
            keyed.emplace_back(w[0], static_cast<std::uint32_t>(h));
        }
        std::sort(keyed.begin(), keyed.end());
        for (const auto& kh : keyed) dev.households.push_back(kh.second);
        developments_.push_back(std::move(dev));
    }
    district_ses_.assign(city.districts.size(), 0.0);
    rebuilt_share_.assign(city.districts.size(), 0.0);
    tally_housing();
    birth_share_ = birth_share_of_arrivals(params.demography, pop.age);
    for (int a = 0; a <= kMaxAge; ++a) {
        leave_chance_[static_cast<std::size_t>(a)] =
            weekly(death_probability(params.demography, a)) + weekly(out_migration_probability(params.demography, a));
    }
    exposure_.criminogenic_hours.assign(n, 0.0f);
    exposure_.member_hours.assign(n, 0.0f);
    exposure_.structured_hours.assign(n, 0.0f);
    exposure_.programme_hours.assign(n, 0.0f);
    tallies_.programme_hours.assign(n, 0.0f);
    tallies_.measure_weeks.assign(n, 0);
    last_est_offence_.assign(n, -1000);
    last_field_contact_.assign(n, -1000);
    exposure_.met_field_workers.assign(n, 0);
    exposure_.leisure_site.assign(n, -1);
    new_member_.assign(n, 0);
    support_.assign(n, 0.0f);
    engagement_support_.assign(n, 0.0f);
    exit_programme_.assign(n, 0);
    prevention_.assign(n, 0);
    failing_.assign(n, 0);
    const std::size_t districts = city.districts.size();
    const std::size_t weeks = static_cast<std::size_t>(timeline.weeks);
    tallies_.members.assign(weeks * districts, 0);
    tallies_.associates.assign(weeks * districts, 0);
    tallies_.recruits.assign(weeks * districts, 0);
    tallies_.substance_use.assign(weeks * districts * kSubstanceLevels, 0);
    tallies_.offences.assign(weeks * districts, 0);
    tallies_.propensity_mean.assign(weeks * districts, 0.0f);
    tallies_.school_failure.assign(weeks * districts, 0);
    tallies_.offences_by_age.assign(
        static_cast<std::size_t>((timeline.weeks + kWeeksPerYear - 1) / kWeeksPerYear) * (kMaxAge + 1), 0);
    tallies_.participants.assign(weeks * params.interventions.size(), 0);
    tallies_.residents_by_age.assign(tallies_.offences_by_age.size(), 0);
    tallies_.substance_by_age.assign(tallies_.offences_by_age.size() * kSubstanceLevels, 0);
    area_.resize(params.interventions.size());
    for (std::size_t k = 0; k < params.interventions.size(); ++k) {
        if (!is_social(params.interventions[k].kind)) continue;
        area_[k].assign(static_cast<std::size_t>(city.grid.cells()), 0);
        for (int c : params.interventions[k].cells) area_[k][static_cast<std::size_t>(c)] = 1;
    }
    initialise();
}

void YouthLayer::initialise() {
    const std::size_t n = pop_.size();
    const auto& sp = params_.substance;
    for (std::size_t i = 0; i < n; ++i) {
        const auto w = rng_.words(Stream::Youth, static_cast<std::uint32_t>(i), 0, 1);
        const double age = exact_age(i, timeline_.start);
        pop_.alcohol[i] = static_cast<std::uint8_t>(initial_use(sp, kAlcohol, age, to_unit(w[0])));
        pop_.narcotics[i] = static_cast<std::uint8_t>(initial_use(sp, kNarcotics, age, to_unit(w[1])));
        pop_.drug_debt[i] =
            pop_.narcotics[i] == static_cast<std::uint8_t>(Use::Regular) && to_unit(w[2]) < sp.debt_per_year ? 1 : 0;
    }
    // The network at the start: in each district, its members and associates are the
    // 16–30-year-olds most prone to crime (highest SAT index).
    const auto& rp = params_.recruitment;
    for (std::size_t d = 0; d < city_.districts.size(); ++d) {
        const int members = d < rp.initial_members.size() ? static_cast<int>(std::lround(rp.initial_members[d])) : 0;
        const int associates =
            d < rp.initial_associates.size() ? static_cast<int>(std::lround(rp.initial_associates[d])) : 0;
        if (members + associates == 0) continue;
        std::vector<std::uint32_t> candidates;
        for (std::size_t i = 0; i < n; ++i) {
            if (district_[i] == static_cast<std::int32_t>(d) && pop_.age[i] >= 16 && pop_.age[i] <= 30)
                candidates.push_back(static_cast<std::uint32_t>(i));
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return sat_(pop_, a) > sat_(pop_, b); });
        for (std::size_t k = 0; k < candidates.size() && k < static_cast<std::size_t>(members + associates); ++k) {
            pop_.network[candidates[k]] =
                static_cast<std::uint8_t>(k < static_cast<std::size_t>(members) ? Network::Member : Network::Associate);
        }
    }
    form_ties(pop_, district_, params_.peers, rng_, 0);
    update_offenders();
}

double YouthLayer::violence_factor(std::uint32_t person) const {
    return pop_.network[person] == static_cast<std::uint8_t>(Network::Member)
               ? params_.recruitment.member_violence_factor
               : 1.0;
}

double YouthLayer::drug_factor(std::uint32_t person) const {
    return pop_.network[person] == static_cast<std::uint8_t>(Network::Member) ? params_.recruitment.member_drug_factor
                                                                              : 1.0;
}

void YouthLayer::record_offence(int hour, std::int32_t site, std::uint32_t person, bool known_to_est) {
    const int week = hour / kHoursPerWeek;
    const int age = pop_.age[person];
    const std::size_t d = static_cast<std::size_t>(district_[person]);
    if (age >= 12 && age <= 20) ++tallies_.offences[static_cast<std::size_t>(week) * city_.districts.size() + d];
    const auto year = static_cast<std::size_t>(week / kWeeksPerYear);
    ++tallies_.offences_by_age[year * (kMaxAge + 1) + static_cast<std::size_t>(std::min(age, kMaxAge))];
    if (known_to_est) last_est_offence_[person] = week;
    // Offending together: two young offenders offending at one site in one hour.
    if (age > params_.peers.max_age) return;
    const auto s = static_cast<std::size_t>(site);
    if (co_hour_[s] == hour && co_person_[s] >= 0 && co_person_[s] != static_cast<std::int32_t>(person)) {
        tie_co_offenders(pop_, static_cast<std::uint32_t>(co_person_[s]), person);
    }
    co_hour_[s] = hour;
    co_person_[s] = static_cast<std::int32_t>(person);
}

void YouthLayer::arrested(std::uint32_t person, double u) {
    // A prison spell ends some memberships (PROTON-OC: incarceration removes members).
    if (pop_.network[person] == static_cast<std::uint8_t>(Network::Member) && u < params_.recruitment.arrest_exit_share)
        pop_.network[person] = static_cast<std::uint8_t>(Network::None);
}

void YouthLayer::attach(const Sites& sites) {
    const auto n = static_cast<std::size_t>(sites.size());
    offenders_seen_.assign(n, 0.0f);
    members_seen_.assign(n, 0.0f);
    exposure_.sites.assign(n, SiteExposure{});  // nothing seen before the first week
    co_hour_.assign(n, -1);
    co_person_.assign(n, -1);
}

void YouthLayer::step(int week, int day, RoutineAgents& agents, const Sites& sites, Occupancy& occupancy) {
    tally(week - 1);  // the week that has just ended, as it was
    for (std::size_t i = 0; i < pop_.size(); ++i) {
        if (exposure_.met_field_workers[i]) last_field_contact_[i] = week - 1;
        exposure_.met_field_workers[i] = 0;
    }
    // Friends made at the venues (sports, programmes) of the last four weeks: a leisure tie
    // is renewed monthly, the venue being the last one a young person went to.
    if (week % 4 == 0) {
        tie_leisure(pop_, exposure_.leisure_site, params_.peers.neighbour_age_gap, rng_,
                    static_cast<std::uint32_t>(week));
        std::fill(exposure_.leisure_site.begin(), exposure_.leisure_site.end(), -1);
    }
    age_and_move(week, day);
    if (!developments_.empty()) build_housing(week, day);
    choose_participants(week, day);
    develop_youth(week);
    update_offenders();
    refresh_routines(agents, sites, occupancy);
    // Last week's offenders and members at each site weigh this week's exposure there.
    for (std::size_t s = 0; s < offenders_seen_.size(); ++s) {
        exposure_.sites[s].offenders = static_cast<float>(-std::expm1(-offenders_seen_[s] / 10.0));
        exposure_.sites[s].members = members_seen_[s];
        offenders_seen_[s] = 0.0f;
        members_seen_[s] = 0.0f;
    }
    std::fill(exposure_.criminogenic_hours.begin(), exposure_.criminogenic_hours.end(), 0.0f);
    std::fill(exposure_.member_hours.begin(), exposure_.member_hours.end(), 0.0f);
    std::fill(exposure_.structured_hours.begin(), exposure_.structured_hours.end(), 0.0f);
    for (std::size_t i = 0; i < pop_.size(); ++i) tallies_.programme_hours[i] += exposure_.programme_hours[i];
    std::fill(exposure_.programme_hours.begin(), exposure_.programme_hours.end(), 0.0f);
    ++weeks_done_;
}

void YouthLayer::refresh_routines(RoutineAgents& agents, const Sites& sites, Occupancy& occupancy) {
    // Everyone is at home at 04:00: a person whose age group changed moves between the
    // home's presence kinds (a 17-year-old turned 18 is now an adult guardian at home).
    std::vector<std::uint8_t> was(agents.age_group);
    for_each_person(pop_.size(), [&](std::size_t i) { refresh_agent(agents, pop_, sites, i); });
    std::vector<Move> moves;
    for (std::size_t i = 0; i < pop_.size(); ++i) {
        const auto before = static_cast<AgeGroup>(was[i]), after = static_cast<AgeGroup>(agents.age_group[i]);
        if (before != after) {
            moves.push_back(
                {slot(agents.home_site[i], home_kind(before)), slot(agents.home_site[i], home_kind(after))});
        }
    }
    occupancy.apply(moves);
    rank_offenders(agents, pop_);
}

double YouthLayer::exact_age(std::size_t i, Date on) const {
    const int since = (day_of_year(on) - pop_.birthday[i] + 365) % 365;  // days since the last birthday
    return pop_.age[i] + since / 365.0;
}

void YouthLayer::age_and_move(int week, int day) {
    const auto& dp = params_.demography;
    // The past week's days of the year: birthdays among them.
    const Date last = timeline_.days[static_cast<std::size_t>(day - 1)].date;
    const int to = day_of_year(last);
    const int from = to - (kDaysPerWeek - 1);
    auto had_birthday = [&](int b) { return from >= 0 ? b >= from && b <= to : b >= from + 365 || b <= to; };
    const auto uweek = static_cast<std::uint32_t>(week);
    // Each person's week is their own (a departure refills their own slot), so persons run in
    // parallel, four at a time: one Philox call draws the week's departure for four persons.
    auto one = [&](std::size_t i, std::uint32_t departure_word) {
        const int age = pop_.age[i];
        const double leave = leave_chance_[static_cast<std::size_t>(age)];
        if (to_unit(departure_word) < leave) {
            arrive(i, week);
            return;
        }
        if (!had_birthday(pop_.birthday[i]) || age >= kMaxAge) return;
        pop_.age[i] = static_cast<std::uint8_t>(age + 1);
        const int now = age + 1;
        if (now == 12) {
            const auto l = rng_.words(Stream::LifeCourse, static_cast<std::uint32_t>(i), uweek, 4);
            pop_.leisure[i] = static_cast<std::uint8_t>(draw_leisure(params_.population, 12, to_unit(l[0])));
        }
        const auto s = static_cast<Schedule>(pop_.schedule[i]);
        if (now == 65 && (s == Schedule::Worker || s == Schedule::NotEmployed)) {
            pop_.schedule[i] = static_cast<std::uint8_t>(Schedule::Pensioner);
            pop_.anchor_cell[i] = pop_.home_cell[i];
        }
    };
    const std::size_t n = pop_.size();
    for_each_person((n + 3) / 4, [&](std::size_t group) {
        const auto w = rng_.words(Stream::LifeCourse, static_cast<std::uint32_t>(group), uweek, 0);
        for (std::size_t i = 4 * group; i < std::min(4 * group + 4, n); ++i) one(i, w[i % 4]);
    });
    // The school year: the week it starts, cohorts move on by birth year.
    const Date first = timeline_.days[static_cast<std::size_t>(day)].date;
    const Date start{first.year, dp.school_start_month, dp.school_start_day};
    const auto d0 = days_from_civil(first), ds = days_from_civil(start);
    if (ds >= d0 && ds < d0 + kDaysPerWeek) school_year(day);
}

void YouthLayer::school_year(int day) {
    const int today = day_of_year(timeline_.days[static_cast<std::size_t>(day)].date);
    const auto year = static_cast<std::uint32_t>(timeline_.days[static_cast<std::size_t>(day)].date.year);
    for (std::size_t i = 0; i < pop_.size(); ++i) {
        // The age reached this calendar year: Swedish schools go by birth year.
        const int cohort = pop_.age[i] + (pop_.birthday[i] > today ? 1 : 0);
        const auto s = static_cast<Schedule>(pop_.schedule[i]);
        int as_age = -1;
        if (cohort == 6 || cohort == 13 || cohort == 16) as_age = cohort;
        if (cohort == 19 && s == Schedule::UpperSecondary) as_age = 20;  // three gymnasium years done
        if (cohort == 25 && s == Schedule::University) as_age = 25;
        if (as_age < 0) continue;
        DrawSequence u(rng_, Stream::LifeCourse, static_cast<std::uint32_t>(i), 3, year * 16);
        roles_.assign(pop_, i, as_age, u);
    }
    form_ties(pop_, district_, params_.peers, rng_, year);
}

void YouthLayer::build_housing(int week, int day) {
    for (Development& dev : developments_) {
        const Intervention& item = params_.interventions[dev.item];
        if (day < item.when.first_day) continue;
        // An even pace from the first day to the last: by `day`, this share of the share.
        const double span = static_cast<double>(item.when.last_day) - item.when.first_day + 1.0;
        const double progress = std::min(1.0, (day - item.when.first_day) / span);
        const auto target =
            static_cast<std::size_t>(item.share * static_cast<double>(dev.households.size()) * progress + 0.5);
        for (; dev.rebuilt < std::min(target, dev.households.size()); ++dev.rebuilt) {
            const std::uint32_t h = dev.households[dev.rebuilt];
            home_ses_[h] = static_cast<float>(item.new_resident_ses);
            rebuilt_[h] = 1;
            for (std::int32_t k = household_first_[h]; k < household_first_[h + 1]; ++k)
                arrive(static_cast<std::size_t>(household_people_[static_cast<std::size_t>(k)]), week);
        }
    }
    tally_housing();
}

void YouthLayer::tally_housing() {
    std::fill(district_ses_.begin(), district_ses_.end(), 0.0);
    std::fill(rebuilt_share_.begin(), rebuilt_share_.end(), 0.0);
    for (std::size_t i = 0; i < pop_.size(); ++i) {
        const auto d = static_cast<std::size_t>(district_[i]);
        const std::uint32_t h = pop_.household[i];
        district_ses_[d] += home_ses_[h];
        rebuilt_share_[d] += rebuilt_[h];
    }
    for (std::size_t d = 0; d < district_ses_.size(); ++d) {
        const double n = std::max(1, residents_[d]);
        district_ses_[d] /= n;
        rebuilt_share_[d] /= n;
    }
}

void YouthLayer::arrive(std::size_t i, int week) {
    // The home is taken by a newborn or an in-migrant: a new person in the same slot.
    ++arrivals_[i];
    const auto w = rng_.words(Stream::LifeCourse, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(week), 1);
    const int age = arrival_age(params_.demography, birth_share_, to_unit(w[2]), to_unit(w[3]));
    pop_.age[i] = static_cast<std::uint8_t>(age);
    pop_.male[i] = to_unit(w[0]) < params_.population.male_share ? 1 : 0;
    pop_.birthday[i] = static_cast<std::uint16_t>(to_unit(w[1]) * 365.0);
    DrawSequence draw(rng_, Stream::LifeCourse, static_cast<std::uint32_t>(i), 2,
                      static_cast<std::uint32_t>(week) * 16);
    roles_.assign(pop_, i, age, draw);
    // The home's standing: its district's, or the new housing's once it was rebuilt.
    draw_traits(pop_, i, home_ses_[pop_.household[i]], params_.population, draw);
    const double exact = exact_age(i, timeline_.days[static_cast<std::size_t>(week) * kDaysPerWeek].date);
    pop_.alcohol[i] = static_cast<std::uint8_t>(initial_use(params_.substance, kAlcohol, exact, draw.uniform()));
    pop_.narcotics[i] = static_cast<std::uint8_t>(initial_use(params_.substance, kNarcotics, exact, draw.uniform()));
    pop_.drug_debt[i] = 0;
    pop_.network[i] = static_cast<std::uint8_t>(Network::None);
    new_member_[i] = 0;
    clear_ties(pop_, i);
    last_est_offence_[i] = -1000;
    last_field_contact_[i] = -1000;
    support_[i] = engagement_support_[i] = 0.0f;
    tallies_.programme_hours[i] = 0.0f;  // a new person in the slot
    tallies_.measure_weeks[i] = 0;
}

void YouthLayer::choose_participants(int week, int day) {
    const auto& plan = params_.interventions;
    const auto& fx = params_.social;
    const float fade = params_.social.persistence_weeks > 0
                           ? static_cast<float>(std::exp(-1.0 / params_.social.persistence_weeks))
                           : 0.0f;
    std::vector<float> morality_now(pop_.size(), 0.0f), engagement_now(pop_.size(), 0.0f);
    std::fill(exit_programme_.begin(), exit_programme_.end(), 0);
    std::fill(prevention_.begin(), prevention_.end(), 0);
    const int weekday = timeline_.days[static_cast<std::size_t>(day)].weekday;
    for (std::size_t k = 0; k < plan.size(); ++k) {
        const Intervention& item = plan[k];
        if (!is_social(item.kind)) continue;
        if (item.kind == InterventionKind::AndtsPrevention && item.setting == PreventionSetting::Venues) continue;
        // A measure runs this week if any of its days falls in it.
        bool runs = false;
        for (int d = day; d < day + kDaysPerWeek; ++d)
            runs = runs || item.when.runs_on(d, (weekday + d - day - 1) % 7 + 1);
        if (!runs) continue;
        const auto& area = area_[k];
        std::vector<std::pair<double, std::uint32_t>> eligible;
        for (std::size_t i = 0; i < pop_.size(); ++i) {
            if (pop_.age[i] < item.min_age || pop_.age[i] > item.max_age) continue;
            if (!area[static_cast<std::size_t>(pop_.home_cell[i])]) continue;
            const bool networked = pop_.network[i] >= static_cast<std::uint8_t>(Network::Associate);
            if (item.kind == InterventionKind::ExitProgramme && !networked) continue;
            const double risk = sat_(pop_, i);
            double key = risk;
            if (item.target == Target::RiskScore && risk < item.risk_score) continue;
            if (item.target == Target::Referrals) {
                const bool known = week - last_est_offence_[i] <= kWeeksPerYear / 2 ||
                                   week - last_field_contact_[i] <= kWeeksPerYear / 2 ||
                                   pop_.network[i] != static_cast<std::uint8_t>(Network::None);
                if (!known) continue;
            }
            if (item.target == Target::All) {
                // A stable random order: the same young people keep their places.
                const auto w = rng_.words(Stream::Youth, static_cast<std::uint32_t>(i), 0,
                                          static_cast<std::uint16_t>(2 + k % 200));
                key = to_unit(w[0]);
            }
            eligible.emplace_back(key, static_cast<std::uint32_t>(i));
        }
        const std::size_t take = std::min(eligible.size(), static_cast<std::size_t>(item.participants));
        std::partial_sort(
            eligible.begin(), eligible.begin() + static_cast<std::ptrdiff_t>(take), eligible.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        for (std::size_t r = 0; r < take; ++r) {
            const std::uint32_t i = eligible[r].second;
            ++tallies_.measure_weeks[i];
            switch (item.kind) {
                case InterventionKind::SchoolSupport:
                    engagement_now[i] = std::max(engagement_now[i], static_cast<float>(fx.school_support_engagement));
                    break;
                case InterventionKind::FamilySupport:
                    morality_now[i] = std::max(morality_now[i], static_cast<float>(fx.family_support_morality));
                    break;
                case InterventionKind::Mentoring:
                    morality_now[i] = std::max(morality_now[i], static_cast<float>(fx.mentoring_morality));
                    break;
                case InterventionKind::ExitProgramme:
                    exit_programme_[i] = 1;
                    break;
                default:
                    prevention_[i] = 1;
                    break;
            }
        }
        tallies_.participants[static_cast<std::size_t>(week) * plan.size() + k] = static_cast<std::int32_t>(take);
    }
    // Shifts last while a person takes part and fade after (persistence_weeks).
    for (std::size_t i = 0; i < pop_.size(); ++i) {
        support_[i] = std::max(morality_now[i], support_[i] * fade);
        engagement_support_[i] = std::max(engagement_now[i], engagement_support_[i] * fade);
    }
}

void YouthLayer::develop_youth(int week) {
    const auto& dp = params_.development;
    const auto& sp = params_.substance;
    const auto& rp = params_.recruitment;
    const std::size_t districts = city_.districts.size();
    std::vector<double> members(districts, 0.0);
    std::vector<std::uint8_t> market(districts, 0);
    for (std::size_t i = 0; i < pop_.size(); ++i) {
        if (pop_.network[i] == static_cast<std::uint8_t>(Network::Member)) {
            members[static_cast<std::size_t>(district_[i])] += 1.0;
            market[static_cast<std::size_t>(district_[i])] = 1;
        }
    }
    const int gap = params_.peers.neighbour_age_gap + 3;
    const auto uweek = static_cast<std::uint32_t>(week);
    const double debt_chance = weekly(sp.debt_per_year), clear_chance = weekly(sp.debt_clear_per_year);
    WeekStart start{std::vector<std::uint8_t>(pop_.size()), pop_.alcohol, pop_.narcotics, pop_.network};
    for (std::size_t i = 0; i < pop_.size(); ++i) start.delinquent[i] = pop_.propensity[i] > 0 || in_network(pop_, i);
    const auto& network = start.network;
    for_each_person(pop_.size(), [&](std::size_t i) {
        const int age = pop_.age[i];
        const bool young = age >= dp.min_age && age <= std::max(dp.max_age, rp.max_age);
        if (!young && network[i] == static_cast<std::uint8_t>(Network::None)) return;
        const auto w = rng_.words(Stream::Youth, static_cast<std::uint32_t>(i), uweek, 0);
        const std::size_t d = static_cast<std::size_t>(district_[i]);
        const PeerCounts peers = count_peers(i, gap, start);
        // Substance use, through peers and the market.
        if (age >= sp.min_age - 1 && age <= sp.max_age) {
            pop_.alcohol[i] = static_cast<std::uint8_t>(
                next_use(sp, use_table_, kAlcohol, age, static_cast<Use>(start.alcohol[i]),
                         peers.beyond_usual(kAlcohol), false, prevention_[i] != 0, to_unit(w[0])));
            pop_.narcotics[i] = static_cast<std::uint8_t>(
                next_use(sp, use_table_, kNarcotics, age, static_cast<Use>(start.narcotics[i]),
                         peers.beyond_usual(kNarcotics), market[d] != 0, prevention_[i] != 0, to_unit(w[1])));
            const bool regular = pop_.narcotics[i] == static_cast<std::uint8_t>(Use::Regular);
            const double u = to_unit(w[2]);
            if (!pop_.drug_debt[i] && regular && u < debt_chance)
                pop_.drug_debt[i] = 1;
            else if (pop_.drug_debt[i] && u < clear_chance)
                pop_.drug_debt[i] = 0;
        }
        const double bad_peers = peers.share_delinquent();
        if (age >= dp.min_age && age <= dp.max_age) {
            WeekDrivers drivers;
            drivers.criminogenic_hours = exposure_.criminogenic_hours[i];
            drivers.structured_hours = exposure_.structured_hours[i];
            drivers.delinquent_peers = static_cast<float>(bad_peers);
            drivers.regular_use = pop_.alcohol[i] == static_cast<std::uint8_t>(Use::Regular) ||
                                  pop_.narcotics[i] == static_cast<std::uint8_t>(Use::Regular);
            drivers.support = support_[i];
            drivers.engagement = engagement_support_[i];
            develop(dp, pop_, i, drivers);
            failing_[i] = is_pupil(static_cast<Schedule>(pop_.schedule[i])) &&
                          engagement(dp, pop_, i, drivers) < dp.school_failure_threshold;
        } else {
            failing_[i] = 0;
        }
        // Recruitment.
        RecruitmentInputs in;
        in.ties_in_network = peers.in_network;
        in.ties_to_members = peers.members;
        in.member_exposure_hours = exposure_.member_hours[i];
        in.district_members_per_1000 = residents_[d] > 0 ? 1000.0 * members[d] / residents_[d] : 0.0;
        in.sat_index = sat_(pop_, i);
        in.threshold = dp.threshold;
        in.debt = pop_.drug_debt[i] != 0;
        in.exit_programme = exit_programme_[i] != 0;
        in.age = age;
        const auto before = static_cast<Network>(network[i]);
        const Network after = next_network_state(rp, before, in, to_unit(w[3]));
        pop_.network[i] = static_cast<std::uint8_t>(after);
        new_member_[i] = after == Network::Member && before != Network::Member ? 1 : 0;
    });
}

YouthLayer::PeerCounts YouthLayer::count_peers(std::size_t i, int gap, const WeekStart& start) const {
    PeerCounts c;
    for (int k = 0; k < kTies; ++k) {
        const std::int32_t j = pop_.ties[i * kTies + static_cast<std::size_t>(k)];
        if (j < 0) continue;
        const auto jj = static_cast<std::size_t>(j);
        const int age_gap = static_cast<int>(pop_.age[jj]) - static_cast<int>(pop_.age[i]);
        if (age_gap > gap || age_gap < -gap) continue;  // lapsed: that person moved away
        ++c.live;
        c.delinquent += start.delinquent[jj];
        c.in_network += start.network[jj] >= static_cast<std::uint8_t>(Network::Associate) ? 1 : 0;
        c.members += start.network[jj] == static_cast<std::uint8_t>(Network::Member) ? 1 : 0;
        for (int s : {kAlcohol, kNarcotics}) {
            const auto substance = static_cast<std::size_t>(s);
            c.using_[substance] += (s == kAlcohol ? start.alcohol[jj] : start.narcotics[jj]) > 0 ? 1 : 0;
            c.usual[substance] += use_table_.usual(s, pop_.age[jj]);
        }
    }
    return c;
}

void YouthLayer::update_offenders() {
    for_each_person(pop_.size(), [&](std::size_t i) { set_offender(params_.development, sat_, pop_, i); });
}

void YouthLayer::tally(int week) {
    if (week < 0 || week >= timeline_.weeks) return;
    const std::size_t districts = city_.districts.size();
    const std::size_t base = static_cast<std::size_t>(week) * districts;
    std::vector<double> index_sum(districts, 0.0), youth(districts, 0.0);
    for (std::size_t i = 0; i < pop_.size(); ++i) {
        const std::size_t d = static_cast<std::size_t>(district_[i]);
        const auto net = static_cast<Network>(pop_.network[i]);
        if (net == Network::Member) ++tallies_.members[base + d];
        if (net == Network::Associate) ++tallies_.associates[base + d];
        if (new_member_[i]) ++tallies_.recruits[base + d];
        const int age = pop_.age[i];
        if (age >= 13 && age <= 24) {
            auto* levels = &tallies_.substance_use[(base + d) * kSubstanceLevels];
            if (pop_.alcohol[i] == 1) ++levels[0];
            if (pop_.alcohol[i] == 2) ++levels[1];
            if (pop_.narcotics[i] == 1) ++levels[2];
            if (pop_.narcotics[i] == 2) ++levels[3];
        }
        if (age >= 12 && age <= 20) {
            index_sum[d] += sat_(pop_, i);
            youth[d] += 1.0;
        }
        if (age >= 13 && age <= 19 && failing_[i]) ++tallies_.school_failure[base + d];
    }
    // At the last week of each model year (and of the run): who lives here, by age.
    if ((week + 1) % kWeeksPerYear == 0 || week == timeline_.weeks - 1) {
        const auto year = static_cast<std::size_t>(week / kWeeksPerYear);
        auto* residents = &tallies_.residents_by_age[year * (kMaxAge + 1)];
        auto* use = &tallies_.substance_by_age[year * (kMaxAge + 1) * kSubstanceLevels];
        std::fill(residents, residents + kMaxAge + 1, 0);
        std::fill(use, use + (kMaxAge + 1) * kSubstanceLevels, 0);
        for (std::size_t i = 0; i < pop_.size(); ++i) {
            const auto a = static_cast<std::size_t>(std::min<int>(pop_.age[i], kMaxAge));
            ++residents[a];
            if (pop_.alcohol[i] == 1) ++use[a * kSubstanceLevels + 0];
            if (pop_.alcohol[i] == 2) ++use[a * kSubstanceLevels + 1];
            if (pop_.narcotics[i] == 1) ++use[a * kSubstanceLevels + 2];
            if (pop_.narcotics[i] == 2) ++use[a * kSubstanceLevels + 3];
        }
    }
    for (std::size_t d = 0; d < districts; ++d)
        tallies_.propensity_mean[base + d] = youth[d] > 0 ? static_cast<float>(index_sum[d] / youth[d]) : 0.0f;
}

}  // namespace trygg
