#pragma once
// The social side of a replicate, weekly (DESIGN §3.7, §3.9): people age, die, move and
// arrive; the school year moves cohorts on; young people's substance use, morality and
// network involvement develop; the social measures take their participants; and who
// offends follows. It runs at 04:00 on Mondays, when everyone is at home, so a change of a
// person's routine never meets a plan already made. The day planner and the offending
// step feed it the week's exposure; it hands back the offenders and their propensities.
#include "core/error.hpp"
#include "core/rng.hpp"
#include "core/timeline.hpp"
#include "model/day_plan.hpp"
#include "model/development.hpp"
#include "model/occupancy.hpp"
#include "model/sites.hpp"
#include "model/substance_use.hpp"
#include "population/population.hpp"
#include "population/roles.hpp"
#include "sim/model_params.hpp"
#include "world/city.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace trygg {

// What the day planner and the hour step add to a young person's week.
struct WeekExposure {
    std::vector<float> criminogenic_hours;  // [person] unstructured with peers, × offenders there last week
    std::vector<float> member_hours;        // [person] unstructured where network members were last week
    std::vector<float> structured_hours;    // [person] supervised activities, high-structure programmes
    std::vector<float> programme_hours;     // [person] at programmes, any structure
    std::vector<SiteExposure> sites;        // [site] offenders and members seen last week, field workers this week
    std::vector<std::uint8_t> met_field_workers;  // [person] out where field workers stood this week
    std::vector<std::int32_t> leisure_site;       // [person] a venue of structured leisure this week, or -1
};

// Weekly tallies of the youth layer, [week][district] unless said.
struct YouthTallies {
    std::vector<std::int32_t> members, associates, recruits;
    std::vector<std::int32_t> substance_use;     // [week][district][level]: alcohol exp/reg, narcotics exp/reg
    std::vector<std::int32_t> offences;          // offences by residents 12–20 of the district
    std::vector<float> propensity_mean;          // mean SAT index of residents 12–20
    std::vector<std::int32_t> school_failure;    // failing pupils 13–19
    std::vector<std::int32_t> offences_by_age;   // [year][age 0..100]
    std::vector<std::int32_t> residents_by_age;  // [year][age 0..100] at the year's last week
    std::vector<std::int32_t> substance_by_age;  // [year][age 0..100][level] at the year's last week
    std::vector<std::int32_t> participants;      // [week][intervention item]
    // Per person slot, over the run (for studies of who a measure reached; not written to
    // the run file): hours at programmes, and weeks in any social measure.
    std::vector<float> programme_hours;
    std::vector<std::int32_t> measure_weeks;
};
inline constexpr int kSubstanceLevels = 4;
inline constexpr int kMaxAge = 100;

// Saving and restoring a replicate's state (sim/replicate_state.hpp).
template <class Archive>
void persist(Archive& a, WeekExposure& e) {
    a.field("criminogenic_hours", e.criminogenic_hours);
    a.field("member_hours", e.member_hours);
    a.field("structured_hours", e.structured_hours);
    a.field("programme_hours", e.programme_hours);
    a.field("sites", e.sites);
    a.field("met_field_workers", e.met_field_workers);
    a.field("leisure_site", e.leisure_site);
}
// `items`: the plan's interventions (a branch may add some after the saved ones).
template <class Archive>
void persist(Archive& a, YouthTallies& t, std::size_t items) {
    a.grown("members", t.members);
    a.grown("associates", t.associates);
    a.grown("recruits", t.recruits);
    a.grown("substance_use", t.substance_use);
    a.grown("offences", t.offences);
    a.grown("propensity_mean", t.propensity_mean);
    a.grown("school_failure", t.school_failure);
    a.grown("offences_by_age", t.offences_by_age);
    a.grown("residents_by_age", t.residents_by_age);
    a.grown("substance_by_age", t.substance_by_age);
    a.table("participants", t.participants, items);
    a.field("programme_hours", t.programme_hours);
    a.field("measure_weeks", t.measure_weeks);
}

class YouthLayer {
public:
    YouthLayer(const City& city, const ModelParams& params, const Timeline& timeline, const CounterRng& rng,
               Population& pop);

    // The replicate's sites, once built: the per-site tallies of offenders and members.
    void attach(const Sites& sites);

    // Ready before the routine agents are built: ties, substance use and network states, and
    // who offends at the start.
    // Monday 04:00 of week `week` (≥ 1): everything of the week past, then the offenders.
    // Returns whether any person's routine changed (the caller refreshes what depends on it).
    void step(int week, int day, RoutineAgents& agents, const Sites& sites, Occupancy& occupancy);
    // Where field workers stand this week (after the EST meeting has steered them).
    // Copied in place: the day planner holds a pointer to the array.
    void set_field_workers(const std::vector<float>& at) {
        for (std::size_t s = 0; s < at.size(); ++s) exposure_.sites[s].field_workers = at[s];
    }

    // The hour step's part: an offender in public at `site` this hour; a crime by `person`.
    void seen_in_public(std::int32_t site, std::uint32_t person) {
        offenders_seen_[static_cast<std::size_t>(site)] += 1.0f;
        if (pop_.network[person] == static_cast<std::uint8_t>(Network::Member))
            members_seen_[static_cast<std::size_t>(site)] = 1.0f;
    }
    void record_offence(int hour, std::int32_t site, std::uint32_t person, bool known_to_est);
    // After the last week: its tallies.
    void finish() { tally(timeline_.weeks - 1); }
    void arrested(std::uint32_t person, double u);

    WeekExposure& exposure() { return exposure_; }
    // How many newcomers have taken person slot `i` (a death or a move, and a new resident
    // in the same home): a slot whose count changed holds someone else.
    std::uint16_t arrivals(std::size_t i) const { return arrivals_[i]; }
    // Housing development (scenario kind housing_development): the district's socio-economic
    // index as its residents now make it up, and the share of them in rebuilt homes.
    double district_ses(int district) const { return district_ses_[static_cast<std::size_t>(district)]; }
    double rebuilt_share(int district) const { return rebuilt_share_[static_cast<std::size_t>(district)]; }
    const YouthTallies& tallies() const { return tallies_; }
    // Violence and drug-offence factors of a person's offending (network members).
    double violence_factor(std::uint32_t person) const;
    double drug_factor(std::uint32_t person) const;

    // Saving and restoring a replicate's state (sim/replicate_state.hpp). The housing
    // developments a branch adds come after the saved ones and have rebuilt nothing yet.
    template <class Archive>
    void persist(Archive& a) {
        a.field("district", district_);
        a.field("arrivals", arrivals_);
        a.field("home_ses", home_ses_);
        a.field("rebuilt", rebuilt_);
        a.field("household_first", household_first_);
        a.field("household_people", household_people_);
        std::size_t developments = developments_.size();
        a.field("developments", developments);
        if (developments > developments_.size())
            throw InputError("the state has more housing developments than this scenario's plan");
        for (std::size_t k = 0; k < developments; ++k)
            a.field("development." + std::to_string(k) + ".rebuilt", developments_[k].rebuilt);
        a.field("district_ses", district_ses_);
        a.field("rebuilt_share", rebuilt_share_);
        a.field("residents", residents_);
        a.nested("exposure", exposure_);
        a.field("offenders_seen", offenders_seen_);
        a.field("members_seen", members_seen_);
        a.field("last_est_offence", last_est_offence_);
        a.field("last_field_contact", last_field_contact_);
        a.field("new_member", new_member_);
        a.field("support", support_);
        a.field("engagement_support", engagement_support_);
        a.field("exit_programme", exit_programme_);
        a.field("prevention", prevention_);
        a.field("co_hour", co_hour_);
        a.field("co_person", co_person_);
        a.field("failing", failing_);
        const std::size_t items = params_.interventions.size();
        a.scoped("tallies", [&](Archive& b) { trygg::persist(b, tallies_, items); });
        a.field("weeks_done", weeks_done_);
    }

private:
    void initialise();
    void age_and_move(int week, int day);
    // Age in years with the fraction since the last birthday, on date `on`.
    double exact_age(std::size_t i, Date on) const;
    void school_year(int day);
    void arrive(std::size_t i, int week);
    // Homes of the housing developments rebuilt by `day`: their households move out, newcomers
    // of the new housing's standing move in.
    void build_housing(int week, int day);
    void tally_housing();
    // What a person's live ties are and do.
    struct PeerCounts {
        int live = 0, delinquent = 0, in_network = 0, members = 0;
        std::array<int, 2> using_ = {0, 0};        // [alcohol, narcotics] ties using
        std::array<double, 2> usual = {0.0, 0.0};  // Σ the share using at each tie's own age
        double beyond_usual(int substance) const {
            const auto k = static_cast<std::size_t>(substance);
            return live > 0 ? (using_[k] - usual[k]) / live : 0.0;
        }
        double share_delinquent() const { return live > 0 ? static_cast<double>(delinquent) / live : 0.0; }
    };
    struct WeekStart {  // the states the week's transitions start from
        std::vector<std::uint8_t> delinquent, alcohol, narcotics, network;
    };
    PeerCounts count_peers(std::size_t i, int gap, const WeekStart& start) const;
    void choose_participants(int week, int day);
    void develop_youth(int week);
    void update_offenders();
    void refresh_routines(RoutineAgents& agents, const Sites& sites, Occupancy& occupancy);
    void tally(int week);

    const City& city_;
    const ModelParams& params_;
    const Timeline& timeline_;
    const CounterRng& rng_;
    Population& pop_;
    RoleAssigner roles_;
    SatIndex sat_;
    UseTable use_table_;
    std::vector<std::int32_t> district_;   // [person] home district
    std::vector<std::uint16_t> arrivals_;  // [person slot] newcomers so far
    // Housing: each household's home standing (the SES index newcomers to it get), the
    // persons of each household, and each development's homes in the order they are rebuilt.
    std::vector<float> home_ses_;                                   // [household]
    std::vector<std::uint8_t> rebuilt_;                             // [household] in a rebuilt home
    std::vector<std::int32_t> household_first_, household_people_;  // CSR
    struct Development {
        std::size_t item = 0;
        std::vector<std::uint32_t> households;  // in the order they are rebuilt
        std::size_t rebuilt = 0;
    };
    std::vector<Development> developments_;
    std::vector<double> district_ses_, rebuilt_share_;  // [district]
    std::vector<std::int32_t> residents_;               // [district]
    double birth_share_ = 0.0;                          // of arrivals
    std::array<double, kMaxAge + 1> leave_chance_{};    // [age] weekly chance of dying or moving out
    WeekExposure exposure_;
    std::vector<float> offenders_seen_, members_seen_;  // [site] this week
    std::vector<std::int32_t> last_est_offence_;        // [person] week of the last offence known to EST, -1000 none
    std::vector<std::int32_t> last_field_contact_;      // [person] week field workers last met them, -1000 none
    std::vector<std::uint8_t> new_member_;              // [person] became a member this week
    std::vector<float> support_, engagement_support_;   // [person] current shifts from measures (fading)
    std::vector<std::uint8_t> exit_programme_, prevention_;  // [person] in such a measure this week
    std::vector<std::int32_t> co_hour_, co_person_;          // [site] the last young offender there, and when
    std::vector<std::uint8_t> failing_;                      // [person] a pupil failing at school this week
    std::vector<std::vector<std::uint8_t>> area_;            // [item][cell] social measures' areas
    YouthTallies tallies_;
    int weeks_done_ = 0;
};

}  // namespace trygg
