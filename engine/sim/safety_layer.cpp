#include "sim/safety_layer.hpp"

#include "core/clock.hpp"
#include "model/day_plan.hpp"
#include "policy/intervention.hpp"

#include <algorithm>
#include <cmath>

namespace trygg {
namespace {

constexpr double kPerThousand = 1000.0;
// Draws a spreader may use in a day (8 ties, two per neighbourhood contact, one to stop):
// room for 50 contacts, the most the config allows.
constexpr std::uint32_t kRumourDrawsPerDay = 32;  // counters of four draws each

bool is_public_violence(CrimeType t) {
    return t == CrimeType::Assault || t == CrimeType::Robbery;
}

double per_thousand(double count, double residents) {
    return residents > 0.0 ? count * kPerThousand / residents : 0.0;
}

}  // namespace

void SafetyLayer::WeekCounts::clear() {
    for (auto* v : {&violence, &disorder, &network, &dealing, &night_presence, &victimisation, &turnover,
                    &registered_violence, &victim_crimes, &victim_registered})
        std::fill(v->begin(), v->end(), 0.0);
}

void SafetyLayer::QuarterCounts::clear() {
    for (auto* v : {&registered_violence, &dealing, &victim_crimes, &victim_registered, &recruits, &unsafe, &avoided,
                    &gangs, &dealing_problems})
        std::fill(v->begin(), v->end(), 0.0);
    weeks = 0;
}

SafetyLayer::SafetyLayer(const City& city, const ModelParams& params, const Timeline& timeline, const CounterRng& rng,
                         const Population& pop)
    : city_(city), params_(params), timeline_(timeline), rng_(rng), pop_(pop), districts_(city.districts.size()) {
    const std::size_t d = districts_;
    for (auto* v :
         {&week_.violence, &week_.disorder, &week_.network, &week_.dealing, &week_.night_presence, &week_.victimisation,
          &week_.turnover, &week_.registered_violence, &week_.victim_crimes, &week_.victim_registered})
        v->assign(d, 0.0);
    for (auto* v :
         {&quarter_.registered_violence, &quarter_.dealing, &quarter_.victim_crimes, &quarter_.victim_registered,
          &quarter_.recruits, &quarter_.unsafe, &quarter_.avoided, &quarter_.gangs, &quarter_.dealing_problems})
        v->assign(d, 0.0);
    for (auto* v : {&residents_, &youth_residents_, &population_, &unsafe_now_, &avoided_now_, &gangs_now_,
                    &dealing_now_, &turnover_smoothed_})
        v->assign(d, 0.0);
    efficacy_.resize(d);
    smoothed_.resize(d);
    for (std::size_t k = 0; k < d; ++k) {
        efficacy_[k] = city.districts[k].collective_efficacy;
        smoothed_[k] = params.safety.status_quo[k];
        turnover_smoothed_[k] = params.efficacy.status_quo[k].turnover;
    }
    const std::size_t weeks = static_cast<std::size_t>(timeline.weeks);
    const std::size_t quarters = (weeks + kWeeksPerQuarter - 1) / kWeeksPerQuarter;
    tallies_.signals.assign(weeks * d * kSignals, 0.0f);
    tallies_.unsafe_weekly.assign(weeks * d, 0.0f);
    for (auto* v : {&tallies_.unsafe_share, &tallies_.avoided_share, &tallies_.gang_problems,
                    &tallies_.dealing_problems, &tallies_.collective_efficacy, &tallies_.risk_score})
        v->assign(quarters * d, 0.0f);
    tallies_.risk_class.assign(quarters * d, 0);
    tallies_.components.assign(quarters * d * kRiskComponents, 0.0f);
    tallies_.rumours_started.assign(weeks * d, 0);
    tallies_.rumours_exposed.assign(weeks * d, 0);
    quarter_weeks_.assign(quarters, 0);
}

void SafetyLayer::attach(Sites& sites, const YouthLayer& youth) {
    sites_ = &sites;
    site_district_ = sites.district;
    const std::size_t n = pop_.size();
    person_district_.resize(n);
    home_site_.resize(n);
    const auto cells = static_cast<std::size_t>(city_.grid.cells());
    cell_first_.assign(cells + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<std::size_t>(pop_.home_cell[i]);
        person_district_[i] = city_.cell_district[c];
        home_site_[i] = sites.of_cell(pop_.home_cell[i]);
        ++cell_first_[c + 1];
    }
    for (std::size_t c = 0; c < cells; ++c) cell_first_[c + 1] += cell_first_[c];
    residents_by_cell_.resize(n);
    std::vector<std::int32_t> next(cell_first_.begin(), cell_first_.end() - 1);
    for (std::size_t i = 0; i < n; ++i)
        residents_by_cell_[static_cast<std::size_t>(next[static_cast<std::size_t>(pop_.home_cell[i])]++)] =
            static_cast<std::int32_t>(i);
    district_first_.assign(districts_ + 1, 0);
    for (std::size_t i = 0; i < n; ++i) ++district_first_[static_cast<std::size_t>(person_district_[i]) + 1];
    for (std::size_t k = 0; k < districts_; ++k) district_first_[k + 1] += district_first_[k];
    residents_by_district_.resize(n);
    std::vector<std::int32_t> at(district_first_.begin(), district_first_.end() - 1);
    for (std::size_t i = 0; i < n; ++i)
        residents_by_district_[static_cast<std::size_t>(at[static_cast<std::size_t>(person_district_[i])]++)] =
            static_cast<std::int32_t>(i);
    heard_day_.assign(n, kNeverHeard);
    retaliating_until_.assign(n, -1);
    spreading_.assign(n, 0);
    rumour_district_.assign(n, -1);
    rumour_.assign(n, 0);
    for (const Intervention& item : params_.interventions) {
        if (item.kind == InterventionKind::AwarenessWork || item.kind == InterventionKind::OfficialInformation) {
            awareness_cells_.assign(cells, 0);
            official_cells_.assign(cells, 0);
        }
    }
    disposition_.resize(n);
    notice_.resize(n);
    generation_.assign(n, 0);
    victimised_.assign(n, -1);
    avoids_.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        generation_[i] = youth.arrivals(i);
        DrawSequence draw(rng_, Stream::Safety, static_cast<std::uint32_t>(i), 0, generation_[i]);
        disposition_[i] = static_cast<float>(draw.normal());
        notice_[i] = static_cast<float>(draw.normal());
    }
    survey(0, false);  // the start: the status quo's worries, so the first week's nights are right
}

void SafetyLayer::record_crime(const CrimeEvent& e, bool by_member, std::uint32_t crime_index) {
    if (e.district < 0) return;
    const auto d = static_cast<std::size_t>(e.district);
    const bool registered = (e.reported_by & 1u) != 0;
    if (is_public_violence(e.type)) {
        week_.violence[d] += 1.0;
        if (registered) week_.registered_violence[d] += 1.0;
    }
    if (e.type == CrimeType::Vandalism) week_.disorder[d] += 1.0;
    if (is_public_violence(e.type)) start_rumour(e.district, crime_index, e.hour);
    if (e.type == CrimeType::Drugs && by_member) week_.dealing[d] += 1.0;
    if (e.victim != VictimGroup::Resident) return;
    week_.victimisation[d] += 1.0;
    week_.victim_crimes[d] += 1.0;
    if (registered) week_.victim_registered[d] += 1.0;
    // The victim: a resident of the cell where it happened (their home, their car, their
    // street), chosen with a draw of its own.
    const auto c = static_cast<std::size_t>(e.cell);
    const std::int32_t first = cell_first_[c], count = cell_first_[c + 1] - first;
    if (count <= 0) return;
    const auto w = rng_.words(Stream::Safety, crime_index, 0, 1);
    const auto pick = static_cast<std::int32_t>(to_unit(w[0]) * count);
    const auto person = static_cast<std::size_t>(residents_by_cell_[static_cast<std::size_t>(first + pick)]);
    victimised_[person] = e.hour / kHoursPerWeek;
}

// An incident may start a rumour: its first spreaders are residents of its district (who saw
// it, or heard it from someone who did), from the next day on.
void SafetyLayer::start_rumour(std::int32_t district, std::uint32_t crime_index, int hour) {
    const RumourParams& p = params_.rumours;
    DrawSequence draw(rng_, Stream::Safety, crime_index, 2, 0);
    if (draw.uniform() >= p.start_chance) return;
    const int day = hour / kHoursPerDay;
    const auto week = static_cast<std::size_t>(day / kDaysPerWeek);
    if (week < static_cast<std::size_t>(timeline_.weeks))
        ++tallies_.rumours_started[week * districts_ + static_cast<std::size_t>(district)];
    for (int k = 0; k < p.witnesses; ++k) {
        const std::uint32_t person = random_resident(district, draw.uniform());
        if (spreading_[person]) continue;
        hear(person, day, district, crime_index + 1);
        pending_.push_back(person);
    }
}

std::uint32_t SafetyLayer::random_resident(std::int32_t district, double u) const {
    const auto d = static_cast<std::size_t>(district);
    const std::int32_t first = district_first_[d], count = district_first_[d + 1] - first;
    return static_cast<std::uint32_t>(
        residents_by_district_[static_cast<std::size_t>(first + static_cast<std::int32_t>(u * count))]);
}

void SafetyLayer::hear(std::uint32_t person, int day, std::int32_t origin, std::uint32_t rumour) {
    rumour_[person] = rumour;
    heard_day_[person] = day;
    spreading_[person] = 1;
    rumour_district_[person] = origin;
    const auto week = static_cast<std::size_t>(day / kDaysPerWeek);
    if (week < static_cast<std::size_t>(timeline_.weeks))
        ++tallies_.rumours_exposed[week * districts_ + static_cast<std::size_t>(person_district_[person])];
    // A member who hears of violence in their own district may answer it.
    if (pop_.network[person] == static_cast<std::uint8_t>(Network::Member) && person_district_[person] == origin)
        retaliating_until_[person] = day + params_.rumours.retaliation_days;
}

void SafetyLayer::rumour_day(int day) {
    const RumourParams& p = params_.rumours;
    today_ = day;
    if (!awareness_cells_.empty()) {  // where the measures run today
        std::fill(awareness_cells_.begin(), awareness_cells_.end(), 0);
        std::fill(official_cells_.begin(), official_cells_.end(), 0);
        const int weekday = timeline_.days[static_cast<std::size_t>(day)].weekday;
        for (const Intervention& item : params_.interventions) {
            const bool awareness = item.kind == InterventionKind::AwarenessWork;
            if (!awareness && item.kind != InterventionKind::OfficialInformation) continue;
            if (!item.when.runs_on(day, weekday)) continue;
            auto& cells = awareness ? awareness_cells_ : official_cells_;
            for (int c : item.cells) cells[static_cast<std::size_t>(c)] = 1;
        }
    }
    spreaders_.insert(spreaders_.end(), pending_.begin(), pending_.end());
    pending_.clear();
    if (spreaders_.empty()) return;
    std::vector<std::uint32_t>& still = still_;
    std::vector<std::uint32_t>& started = started_;
    still.clear();
    started.clear();
    auto pass_on = [&](std::uint32_t from, std::uint32_t to) {
        // Not while spreading one, not the same one twice, and a new one only after a while.
        if (spreading_[to] || rumour_[to] == rumour_[from] ||
            (heard_day_[to] != kNeverHeard && day - heard_day_[to] < p.immunity_days))
            return;
        hear(to, day, rumour_district_[from], rumour_[from]);
        started.push_back(to);
    };
    for (const std::uint32_t s : spreaders_) {
        if (!spreading_[s]) continue;  // a newcomer took the slot
        const auto home = static_cast<std::size_t>(pop_.home_cell[s]);
        const bool aware = !awareness_cells_.empty() && awareness_cells_[home];
        const bool official = !official_cells_.empty() && official_cells_[home];
        DrawSequence draw(rng_, Stream::Safety, s, 3, static_cast<std::uint32_t>(day) * kRumourDrawsPerDay);
        const int age = pop_.age[s];
        if (age >= p.youth_min_age && age <= p.youth_max_age) {
            const double share = youth_share_chance(p, aware);
            for (int k = 0; k < kTies; ++k) {
                const std::int32_t tie = pop_.ties[s * static_cast<std::size_t>(kTies) + static_cast<std::size_t>(k)];
                if (draw.uniform() < share && tie >= 0) pass_on(s, static_cast<std::uint32_t>(tie));
            }
        }
        for (int k = 0; k < p.neighbour_contacts; ++k) {
            const std::uint32_t c = random_resident(person_district_[s], draw.uniform());
            if (draw.uniform() < p.neighbour_share) pass_on(s, c);
        }
        if (draw.uniform() < stop_chance(p, official)) {
            spreading_[s] = 0;
        } else {
            still.push_back(s);
        }
    }
    still.insert(still.end(), started.begin(), started.end());
    spreaders_.swap(still);
}

// The share of each district's residents living where civil-society work runs this week.
std::vector<double> SafetyLayer::civil_society_reach(int week) const {
    std::vector<double> reached(districts_, 0.0);
    const int day = week * kDaysPerWeek;
    const int weekday = timeline_.days[static_cast<std::size_t>(day)].weekday;
    std::vector<std::uint8_t> cells;
    for (const Intervention& item : params_.interventions) {
        if (item.kind != InterventionKind::CivilSociety || !item.when.runs_on(day, weekday)) continue;
        if (cells.empty()) cells.assign(static_cast<std::size_t>(city_.grid.cells()), 0);
        for (int c : item.cells) cells[static_cast<std::size_t>(c)] = 1;
    }
    if (cells.empty()) return reached;
    for (std::size_t i = 0; i < pop_.size(); ++i)
        reached[static_cast<std::size_t>(person_district_[i])] += cells[static_cast<std::size_t>(pop_.home_cell[i])];
    for (std::size_t d = 0; d < districts_; ++d) reached[d] /= std::max(population_[d], 1.0);
    return reached;
}

void SafetyLayer::record_incident(IncidentType type, std::int32_t district, int hour, std::uint32_t index) {
    if (district < 0) return;
    week_.disorder[static_cast<std::size_t>(district)] += 1.0;
    if (type == IncidentType::Fire) start_rumour(district, index, hour);
}

void SafetyLayer::count_night(const Occupancy& occupancy) {
    for (std::int32_t s = 0; s < static_cast<std::int32_t>(site_district_.size()); ++s) {
        const std::int32_t d = site_district_[static_cast<std::size_t>(s)];
        if (d < 0) continue;
        week_.night_presence[static_cast<std::size_t>(d)] += occupancy.at(s, Presence::PublicAdult) +
                                                             occupancy.at(s, Presence::PublicYouth) +
                                                             occupancy.at(s, Presence::PublicChild);
    }
    ++nights_;
}

// Slots taken by newcomers since last week: a move counts towards turnover, and the newcomer
// brings a disposition of their own and no memory of the district's crimes.
void SafetyLayer::newcomers(const YouthLayer& youth) {
    for (std::size_t i = 0; i < pop_.size(); ++i) {
        const std::uint16_t g = youth.arrivals(i);
        if (g == generation_[i]) continue;
        week_.turnover[static_cast<std::size_t>(person_district_[i])] += g - generation_[i];
        generation_[i] = g;
        DrawSequence draw(rng_, Stream::Safety, static_cast<std::uint32_t>(i), 0, g);
        disposition_[i] = static_cast<float>(draw.normal());
        notice_[i] = static_cast<float>(draw.normal());
        victimised_[i] = -1;
        heard_day_[i] = kNeverHeard;
        spreading_[i] = 0;
        retaliating_until_[i] = -1;
        rumour_district_[i] = -1;
        rumour_[i] = 0;
    }
}

void SafetyLayer::survey(int week, bool record) {
    const InsecurityParams& p = params_.safety;
    std::vector<double> env(districts_), gang_bar(districts_), dealing_bar(districts_);
    for (std::size_t d = 0; d < districts_; ++d) {
        env[d] = environment(p, smoothed_[d]);
        gang_bar[d] = gang_problem_bar(p, smoothed_[d]);
        dealing_bar[d] = dealing_problem_bar(p, smoothed_[d]);
    }
    std::fill(residents_.begin(), residents_.end(), 0.0);
    std::fill(youth_residents_.begin(), youth_residents_.end(), 0.0);
    std::fill(population_.begin(), population_.end(), 0.0);
    std::fill(unsafe_now_.begin(), unsafe_now_.end(), 0.0);
    std::fill(avoided_now_.begin(), avoided_now_.end(), 0.0);
    std::fill(gangs_now_.begin(), gangs_now_.end(), 0.0);
    std::fill(dealing_now_.begin(), dealing_now_.end(), 0.0);
    for (std::size_t i = 0; i < pop_.size(); ++i) {
        const auto d = static_cast<std::size_t>(person_district_[i]);
        const int age = pop_.age[i];
        population_[d] += 1.0;
        if (age >= 12 && age <= 20) youth_residents_[d] += 1.0;
        if (age < p.min_age || age > p.max_age) {
            avoids_[i] = 0;
            continue;
        }
        const std::int32_t site = home_site_[i];
        const double lighting = site >= 0 ? sites_->lighting[static_cast<std::size_t>(site)] : 0.0;
        const double since = victimised_[i] < 0 ? -1.0 : static_cast<double>(week - victimised_[i]);
        double w = worry(p, disposition_[i], pop_.male[i] == 0, age, env[d], lighting, since);
        if (heard_day_[i] != kNeverHeard) {  // a rumour heard lately
            const double weeks_since = (kDaysPerWeek * (week + 1) - heard_day_[i]) / double{kDaysPerWeek};
            w += params_.rumours.worry_effect * std::exp(-weeks_since / params_.rumours.worry_memory_weeks);
        }
        avoids_[i] = w > p.avoid_threshold ? 1 : 0;
        residents_[d] += 1.0;
        unsafe_now_[d] += w > p.unsafe_threshold ? 1.0 : 0.0;
        avoided_now_[d] += avoids_[i];
        gangs_now_[d] += notice_[i] > gang_bar[d] ? 1.0 : 0.0;
        dealing_now_[d] += notice_[i] > dealing_bar[d] ? 1.0 : 0.0;
    }
    for (std::size_t d = 0; d < districts_; ++d) {
        const double n = std::max(residents_[d], 1.0);
        unsafe_now_[d] /= n;
        avoided_now_[d] /= n;
        gangs_now_[d] /= n;
        dealing_now_[d] /= n;
        if (!record) continue;
        tallies_.unsafe_weekly[static_cast<std::size_t>(week) * districts_ + d] = static_cast<float>(unsafe_now_[d]);
        quarter_.unsafe[d] += unsafe_now_[d];
        quarter_.avoided[d] += avoided_now_[d];
        quarter_.gangs[d] += gangs_now_[d];
        quarter_.dealing_problems[d] += dealing_now_[d];
    }
}

void SafetyLayer::close_week(int week, const YouthLayer& youth) {
    if (week < 0 || week >= timeline_.weeks) return;
    newcomers(youth);
    // The week's signals, per 1,000 residents (night presence: the nightly mean).
    const InsecurityParams& p = params_.safety;
    const double alpha = 1.0 / p.memory_weeks;
    for (std::size_t d = 0; d < districts_; ++d) {
        const double n = population_[d];
        const std::array<double, kSignals> raw = {per_thousand(week_.violence[d], n),
                                                  per_thousand(week_.disorder[d], n),
                                                  per_thousand(week_.network[d], n),
                                                  per_thousand(week_.dealing[d], n),
                                                  per_thousand(week_.night_presence[d] / std::max(nights_, 1), n),
                                                  per_thousand(week_.victimisation[d], n),
                                                  per_thousand(week_.turnover[d], n)};
        auto* out = &tallies_.signals[(static_cast<std::size_t>(week) * districts_ + d) * kSignals];
        for (int k = 0; k < kSignals; ++k) out[k] = static_cast<float>(raw[static_cast<std::size_t>(k)]);
        DistrictSignals& s = smoothed_[d];
        s.violence += alpha * (raw[0] - s.violence);
        s.disorder += alpha * (raw[1] - s.disorder);
        s.network += alpha * (raw[2] - s.network);
        s.dealing += alpha * (raw[3] - s.dealing);
        if (nights_ > 0) s.night_presence += alpha * (raw[4] - s.night_presence);
        s.victimisation += alpha * (raw[5] - s.victimisation);
        turnover_smoothed_[d] += alpha * (raw[6] - turnover_smoothed_[d]);
        quarter_.registered_violence[d] += week_.registered_violence[d];
        quarter_.dealing[d] += week_.dealing[d];
        quarter_.victim_crimes[d] += week_.victim_crimes[d];
        quarter_.victim_registered[d] += week_.victim_registered[d];
        quarter_.recruits[d] += youth.tallies().recruits[static_cast<std::size_t>(week) * districts_ + d];
    }
    survey(week, true);
    ++quarter_.weeks;
    // Collective efficacy moves towards what the district now lives with.
    const CollectiveEfficacyParams& ce = params_.efficacy;
    const std::vector<double> reached = civil_society_reach(week);
    for (std::size_t d = 0; d < districts_; ++d) {
        const EfficacyDrivers now{smoothed_[d].victimisation,
                                  unsafe_now_[d],
                                  smoothed_[d].disorder,
                                  smoothed_[d].network,
                                  turnover_smoothed_[d],
                                  youth.rebuilt_share(static_cast<int>(d)),
                                  reached[d]};
        const double target = efficacy_target(ce, city_.districts[d].collective_efficacy, now, ce.status_quo[d]);
        efficacy_[d] = settle(ce, efficacy_[d], target);
    }
    for (std::size_t s = 0; s < site_district_.size(); ++s) {
        const std::int32_t d = site_district_[s];
        if (d >= 0) sites_->collective_efficacy[s] = static_cast<float>(efficacy_[static_cast<std::size_t>(d)]);
    }
    if ((week + 1) % kWeeksPerQuarter == 0 || week == timeline_.weeks - 1) close_quarter(week, youth);
    week_.clear();
    nights_ = 0;
}

void SafetyLayer::finish(const YouthLayer& youth) {
    close_week(timeline_.weeks - 1, youth);
    // Each district's trend over the last four quarters, as the police's list gives one.
    const int quarters = static_cast<int>(quarter_weeks_.size());
    const int last = std::min(quarters, 4);
    tallies_.risk_trend.assign(districts_, 0);
    for (std::size_t d = 0; d < districts_; ++d) {
        std::vector<double> scores;
        for (int q = quarters - last; q < quarters; ++q)
            scores.push_back(tallies_.risk_score[static_cast<std::size_t>(q) * districts_ + d]);
        tallies_.risk_trend[d] = static_cast<std::int8_t>(
            trend_of(scores.data(), static_cast<int>(scores.size()), params_.risk_area.trend_step));
    }
}

void SafetyLayer::close_quarter(int week, const YouthLayer& youth) {
    const RiskAreaParams& p = params_.risk_area;
    const auto q = static_cast<std::size_t>(week / kWeeksPerQuarter);
    const double weeks = std::max(quarter_.weeks, 1);
    const double per_year = kWeeksPerYear / weeks;
    const auto& members = youth.tallies().members;
    quarter_weeks_[q] = quarter_.weeks;
    for (std::size_t d = 0; d < districts_; ++d) {
        const double n = population_[d];
        RiskComponents c{};
        c[static_cast<std::size_t>(RiskComponent::PublicViolence)] =
            per_thousand(quarter_.registered_violence[d], n) * per_year;
        c[static_cast<std::size_t>(RiskComponent::OpenDealing)] = per_thousand(quarter_.dealing[d], n) * per_year;
        c[static_cast<std::size_t>(RiskComponent::Unreported)] =
            quarter_.victim_crimes[d] > 0.0 ? 1.0 - quarter_.victim_registered[d] / quarter_.victim_crimes[d] : 0.0;
        c[static_cast<std::size_t>(RiskComponent::Members)] =
            per_thousand(members[static_cast<std::size_t>(week) * districts_ + d], n);
        c[static_cast<std::size_t>(RiskComponent::Recruitment)] =
            per_thousand(quarter_.recruits[d], youth_residents_[d]) * per_year;
        c[static_cast<std::size_t>(RiskComponent::Unsafe)] = quarter_.unsafe[d] / weeks;
        const std::size_t at = q * districts_ + d;
        for (int k = 0; k < kRiskComponents; ++k)
            tallies_.components[at * kRiskComponents + static_cast<std::size_t>(k)] =
                static_cast<float>(c[static_cast<std::size_t>(k)]);
        // Like the police's yearly assessment, the class reads the last four quarters (fewer
        // in the first year), weighted by their weeks: one quarter's few recruits or assaults
        // in a district of 2,000 people are too noisy to list it on.
        RiskComponents year{};
        double year_weeks = 0.0;
        for (std::size_t back = 0; back < 4 && back <= q; ++back) {
            const std::size_t qq = q - back;
            const double w = quarter_weeks_[qq];
            for (int k = 0; k < kRiskComponents; ++k)
                year[static_cast<std::size_t>(k)] +=
                    w * tallies_.components[(qq * districts_ + d) * kRiskComponents + static_cast<std::size_t>(k)];
            year_weeks += w;
        }
        for (double& v : year) v /= year_weeks;
        const double score = influence_score(p, year);
        tallies_.risk_score[at] = static_cast<float>(score);
        // The district's standing as its residents now make it up (housing development).
        tallies_.risk_class[at] = static_cast<std::int8_t>(classify(p, youth.district_ses(static_cast<int>(d)), score));
        tallies_.unsafe_share[at] = static_cast<float>(quarter_.unsafe[d] / weeks);
        tallies_.avoided_share[at] = static_cast<float>(quarter_.avoided[d] / weeks);
        tallies_.gang_problems[at] = static_cast<float>(quarter_.gangs[d] / weeks);
        tallies_.dealing_problems[at] = static_cast<float>(quarter_.dealing_problems[d] / weeks);
        tallies_.collective_efficacy[at] = static_cast<float>(efficacy_[d]);
    }
    quarter_.clear();
}

}  // namespace trygg
