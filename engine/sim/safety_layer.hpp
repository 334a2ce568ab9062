#pragma once
// How safe a district is and feels (DESIGN §3.8, §3.10), weekly and quarterly. The hour step
// tells it of each crime, of network members in public space and of who is out at 22:00;
// on Mondays at 04:00, after the youth layer's week, it closes the week past: the district
// signals residents see, every resident's worry (unsafe out late, avoiding the night),
// NTU's perceived problems, each district's collective efficacy (written back into the
// sites, where guardianship and reporting read it); and at a quarter's end the risk-area
// indicator. The day planner reads who avoids the night.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/rng.hpp"
#include "core/timeline.hpp"
#include "model/collective_efficacy.hpp"
#include "model/incident_type.hpp"
#include "model/insecurity.hpp"
#include "model/occupancy.hpp"
#include "model/risk_area.hpp"
#include "model/rumours.hpp"
#include "model/sites.hpp"
#include "population/population.hpp"
#include "sim/crime_ledger.hpp"
#include "sim/model_params.hpp"
#include "sim/youth_layer.hpp"
#include "world/city.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trygg {

// The weekly signals written to /safety/signals (per 1,000 residents a week).
enum class Signal : std::uint8_t {
    Violence,
    Disorder,
    Network,
    Dealing,
    NightPresence,
    Victimisation,
    Turnover,
    Count
};
inline constexpr int kSignals = static_cast<int>(Signal::Count);
inline constexpr std::array<std::string_view, kSignals> kSignalNames = {
    "violence", "disorder", "network", "dealing", "night_presence", "victimisation", "turnover"};

struct SafetyTallies {
    std::vector<float> signals;        // [week][district][signal], raw weekly rates
    std::vector<float> unsafe_weekly;  // [week][district] share of residents 16–84 unsafe out late
    // [quarter][district]
    std::vector<float> unsafe_share, avoided_share, gang_problems, dealing_problems, collective_efficacy;
    std::vector<float> risk_score;              // of the last four quarters' components (the police assess a year)
    std::vector<std::int8_t> risk_class;        // RiskClass, from risk_score
    std::vector<float> components;              // [quarter][district][component] (model/risk_area.hpp)
    std::vector<std::int8_t> risk_trend;        // [district] RiskTrend of the score over the last four quarters
    std::vector<std::int32_t> rumours_started;  // [week][district] rumours started by incidents there
    std::vector<std::int32_t> rumours_exposed;  // [week][district] residents who heard one (by home)
};

class SafetyLayer {
public:
    SafetyLayer(const City& city, const ModelParams& params, const Timeline& timeline, const CounterRng& rng,
                const Population& pop);

    // The replicate's sites: where residents live, and where efficacy is written. Everyone's
    // worry at the start, from the status quo.
    void attach(Sites& sites, const YouthLayer& youth);

    // The hour step's part.
    void record_crime(const CrimeEvent& e, bool by_member, std::uint32_t crime_index);
    void member_in_public(std::int32_t site) { ++week_.network[district_of_site(site)]; }
    // Disorder and fires are seen as disorder; a fire may start a rumour like violence.
    void record_incident(IncidentType type, std::int32_t district, int hour, std::uint32_t index);
    void count_night(const Occupancy& occupancy);  // at 22:00
    // 04:00 each model day: rumours spread one day and spreaders stop.
    void rumour_day(int day);
    // Violence of a network member who heard of violence in their district lately.
    double retaliation_factor(std::uint32_t person, int hour) const {
        return retaliating_until_[person] > hour / kHoursPerDay ? 1.0 + params_.rumours.retaliation : 1.0;
    }

    // Monday 04:00 of week `week` (≥ 1), after the youth layer's week: week − 1 closes.
    void step(int week, const YouthLayer& youth) { close_week(week - 1, youth); }
    // After the last week (and the youth layer's finish).
    void finish(const YouthLayer& youth);

    const std::uint8_t* avoids_night() const { return avoids_.data(); }
    const SafetyTallies& tallies() const { return tallies_; }
    double efficacy(int district) const { return efficacy_[static_cast<std::size_t>(district)]; }

    // Saving and restoring a replicate's state (sim/replicate_state.hpp).
    template <class Archive>
    void persist(Archive& a) {
        a.field("person_district", person_district_);
        a.field("home_site", home_site_);
        a.field("cell_first", cell_first_);
        a.field("residents_by_cell", residents_by_cell_);
        a.field("disposition", disposition_);
        a.field("notice", notice_);
        a.field("district_first", district_first_);
        a.field("residents_by_district", residents_by_district_);
        a.field("spreaders", spreaders_);
        a.field("pending", pending_);
        a.field("heard_day", heard_day_);
        a.field("retaliating_until", retaliating_until_);
        a.field("rumour_district", rumour_district_);
        a.field("rumour", rumour_);
        a.field("spreading", spreading_);
        // Sized only when the plan has awareness work or official information: a branch that
        // adds the first such item keeps its fresh (empty) cells, as on the Sunday before.
        for (auto [name, cells] :
             {std::pair{"awareness_cells", &awareness_cells_}, {"official_cells", &official_cells_}}) {
            std::vector<std::uint8_t> saved = *cells;
            a.list(name, saved);
            if (saved.size() != cells->size() && !saved.empty())
                throw InputError(std::string("the state's field 'safety.") + name + "' has another length");
            if (!saved.empty()) *cells = std::move(saved);
        }
        a.field("today", today_);
        a.field("generation", generation_);
        a.field("victimised", victimised_);
        a.field("avoids", avoids_);
        a.field("smoothed", smoothed_);
        a.field("efficacy", efficacy_);
        a.field("turnover_smoothed", turnover_smoothed_);
        a.field("residents", residents_);
        a.field("youth_residents", youth_residents_);
        a.field("population", population_);
        a.field("unsafe_now", unsafe_now_);
        a.field("avoided_now", avoided_now_);
        a.field("gangs_now", gangs_now_);
        a.field("dealing_now", dealing_now_);
        a.grown("quarter_weeks", quarter_weeks_);
        a.field("nights", nights_);
        a.nested("week", week_);
        a.nested("quarter", quarter_);
        auto& t = tallies_;
        a.scoped("tallies", [&](Archive& b) {
            b.grown("signals", t.signals);
            b.grown("unsafe_weekly", t.unsafe_weekly);
            b.grown("unsafe_share", t.unsafe_share);
            b.grown("avoided_share", t.avoided_share);
            b.grown("gang_problems", t.gang_problems);
            b.grown("dealing_problems", t.dealing_problems);
            b.grown("collective_efficacy", t.collective_efficacy);
            b.grown("risk_score", t.risk_score);
            b.grown("risk_class", t.risk_class);
            b.grown("components", t.components);
            b.field("risk_trend", t.risk_trend);
            b.grown("rumours_started", t.rumours_started);
            b.grown("rumours_exposed", t.rumours_exposed);
        });
    }

private:
    struct WeekCounts {  // per district, this week
        std::vector<double> violence, disorder, network, dealing, night_presence, victimisation, turnover;
        std::vector<double> registered_violence, victim_crimes, victim_registered;
        void clear();
        template <class Archive>
        void persist(Archive& a) {
            a.field("violence", violence);
            a.field("disorder", disorder);
            a.field("network", network);
            a.field("dealing", dealing);
            a.field("night_presence", night_presence);
            a.field("victimisation", victimisation);
            a.field("turnover", turnover);
            a.field("registered_violence", registered_violence);
            a.field("victim_crimes", victim_crimes);
            a.field("victim_registered", victim_registered);
        }
    };
    struct QuarterCounts {  // per district, this quarter
        std::vector<double> registered_violence, dealing, victim_crimes, victim_registered, recruits;
        std::vector<double> unsafe, avoided, gangs, dealing_problems;  // Σ weekly shares
        int weeks = 0;
        void clear();
        template <class Archive>
        void persist(Archive& a) {
            a.field("registered_violence", registered_violence);
            a.field("dealing", dealing);
            a.field("victim_crimes", victim_crimes);
            a.field("victim_registered", victim_registered);
            a.field("recruits", recruits);
            a.field("unsafe", unsafe);
            a.field("avoided", avoided);
            a.field("gangs", gangs);
            a.field("dealing_problems", dealing_problems);
            a.field("weeks", weeks);
        }
    };
    std::size_t district_of_site(std::int32_t site) const {
        return static_cast<std::size_t>(site_district_[static_cast<std::size_t>(site)]);
    }
    void close_week(int week, const YouthLayer& youth);
    void survey(int week, bool record);  // everyone's worry; the week's shares if `record`
    void close_quarter(int week, const YouthLayer& youth);
    void newcomers(const YouthLayer& youth);
    std::vector<double> civil_society_reach(int week) const;
    void start_rumour(std::int32_t district, std::uint32_t crime_index, int hour);
    // `rumour`: which one (its incident's index + 1), so no one takes the same one up twice.
    void hear(std::uint32_t person, int day, std::int32_t origin, std::uint32_t rumour);
    std::uint32_t random_resident(std::int32_t district, double u) const;

    const City& city_;
    const ModelParams& params_;
    const Timeline& timeline_;
    const CounterRng& rng_;
    const Population& pop_;
    Sites* sites_ = nullptr;
    std::size_t districts_;
    std::vector<std::int32_t> site_district_;                           // [site], -1 outside (counted nowhere)
    std::vector<std::int32_t> person_district_;                         // [person]
    std::vector<std::int32_t> home_site_;                               // [person]
    std::vector<std::int32_t> cell_first_, residents_by_cell_;          // CSR: the residents of each cell
    std::vector<float> disposition_, notice_;                           // [person] standard normal, the person's own
    std::vector<std::int32_t> district_first_, residents_by_district_;  // CSR: the residents of each district
    // Rumours: who is spreading one, when each resident last heard one, until when a member
    // is set on retaliation (days), and the cells where the measures run today.
    std::vector<std::uint32_t> spreaders_, pending_, still_, started_;  // the last two: rumour_day's scratch
    static constexpr std::int32_t kNeverHeard = -1000000;
    std::vector<std::int32_t> heard_day_, retaliating_until_, rumour_district_;
    std::vector<std::uint32_t> rumour_;  // [person] the last rumour heard (index + 1), 0 none
    std::vector<std::uint8_t> spreading_;
    std::vector<std::uint8_t> awareness_cells_, official_cells_;
    int today_ = 0;
    std::vector<std::uint16_t> generation_;             // [person] the slot's newcomer count last seen
    std::vector<std::int32_t> victimised_;              // [person] week of the last victimisation, −1 none
    std::vector<std::uint8_t> avoids_;                  // [person] home by avoid_from_hour
    std::vector<DistrictSignals> smoothed_;             // [district]
    std::vector<double> efficacy_, turnover_smoothed_;  // [district]
    std::vector<double> residents_, youth_residents_;   // [district] 16–84 surveyed, 12–20
    std::vector<double> population_;                    // [district] all residents
    std::vector<double> unsafe_now_, avoided_now_, gangs_now_, dealing_now_;  // [district] shares this week
    std::vector<int> quarter_weeks_;                                          // [quarter] weeks it had
    int nights_ = 0;                                                          // nights counted this week
    WeekCounts week_;
    QuarterCounts quarter_;
    SafetyTallies tallies_;
};

}  // namespace trygg
