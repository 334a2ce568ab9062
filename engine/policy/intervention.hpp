#pragma once
// The intervention catalogue (DESIGN §3.11): scenario items that change the city the model
// sees — where people can be, who guards, what deters — and never a crime count directly.
// Each item has a where (cells, or adaptive), a when (dates, hours, weekdays), an intensity
// and a cost. The io layer turns a scenario's YAML into these plain structs, already
// validated; the simulation reads them hour by hour.
//
// Situational items act through the offending rule: lighting and fixed cameras change the
// sites' lighting and camera coverage; patrols, field workers and mobile cameras are mobile
// units that stand somewhere each hour of their shift (static, or steered weekly to the EST
// picture's hotspots). A programme (an opening of a sports hall or youth centre) acts
// through routines: young people near it spend evenings there instead of in public space;
// its structure decides what those evenings do to them (Mahoney & Stattin 2000).
// Social measures (school and family support, mentoring, exit programmes, ANDTS prevention)
// act on youth development only: each week they take participants — the young people of
// their ages living in the area, chosen by their target rule, up to their places — and
// shift what the development, substance-use and recruitment rules see for them, by the
// effect sizes the city config cites. None of them touches a crime count.
#include <array>
#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace trygg {

enum class InterventionKind : std::uint8_t {
    Lighting,             // street and path lighting: site lighting at least `intensity` in the area
    FixedCameras,         // camera coverage at least `intensity` in the area, monitored or not
    MobileCameras,        // `units` camera posts of coverage `intensity`, each a 3×3-cell beat
    Patrols,              // `units` police patrols, each a 3×3-cell beat
    FieldWorkers,         // `units` pairs of field workers (fältgruppen), each a 3×3-cell beat
    Programme,            // a venue open for young people in its hours: they go there instead of out
    SchoolSupport,        // extra support in school: engagement of participants up
    FamilySupport,        // family support, parenting programmes (SIG): morality of participants up
    Mentoring,            // a mentor for a young person: morality of participants up
    ExitProgramme,        // avhopparverksamhet: network members and associates helped out
    AndtsPrevention,      // school-based prevention (initiation down) or responsible alcohol service at venues
    AwarenessWork,        // rumour and source-criticism work in schools: young people share rumours less
    OfficialInformation,  // quick official statements after incidents: rumours stop sooner
    HousingDevelopment,   // homes rebuilt or converted over years: new residents, tenure mix, status
    CivilSociety,         // civil-society work (night walkers, associations, neighbourhood watch): efficacy up
    Count
};
inline constexpr int kInterventionKinds = static_cast<int>(InterventionKind::Count);
inline constexpr std::array<std::string_view, kInterventionKinds> kInterventionKindNames = {"lighting",
                                                                                            "fixed_cameras",
                                                                                            "mobile_cameras",
                                                                                            "patrols",
                                                                                            "field_workers",
                                                                                            "programme",
                                                                                            "school_support",
                                                                                            "family_support",
                                                                                            "mentoring",
                                                                                            "exit_programme",
                                                                                            "andts_prevention",
                                                                                            "awareness_work",
                                                                                            "official_information",
                                                                                            "housing_development",
                                                                                            "civil_society"};

// Measures that act on the residents of an area through the safety layer (rumours) or the
// city's housing (sim/safety_layer, sim/youth_layer), not on sites or routines.
inline bool acts_on_residents(InterventionKind k) {
    return k == InterventionKind::AwarenessWork || k == InterventionKind::OfficialInformation ||
           k == InterventionKind::HousingDevelopment || k == InterventionKind::CivilSociety;
}

inline bool is_social(InterventionKind k) {
    return k == InterventionKind::SchoolSupport || k == InterventionKind::FamilySupport ||
           k == InterventionKind::Mentoring || k == InterventionKind::ExitProgramme ||
           k == InterventionKind::AndtsPrevention;
}

// Who a social measure takes (DESIGN §3.11 `target:`).
enum class Target : std::uint8_t {
    All,        // every young person of its ages in the area (chosen at random when full)
    RiskScore,  // those whose SAT index is at least `risk_score`, highest first
    Referrals,  // those referred by field workers and EST: offences known to the picture or
                // in contact with a network in the last half year, highest risk first
    Count
};
inline constexpr std::array<std::string_view, static_cast<int>(Target::Count)> kTargetNames = {"all", "risk_score",
                                                                                               "referrals"};
// Structure of a programme (Mahoney & Stattin 2000): high — adult-led, regular, with a
// goal; low — a drop-in where older delinquent youth also come.
enum class Structure : std::uint8_t { High, Low };
// Where ANDTS prevention works: in schools (initiation), or at licensed venues
// (responsible alcohol service, Stockholm's STAD model).
enum class PreventionSetting : std::uint8_t { Schools, Venues };

inline bool is_mobile(InterventionKind k) {
    return k == InterventionKind::MobileCameras || k == InterventionKind::Patrols ||
           k == InterventionKind::FieldWorkers;
}

// When an item acts: model days [first_day, last_day] (0 = the run's first day), clock hours
// [from_hour, to_hour) (to ≤ from: past midnight, the small hours belonging to the evening
// before), on the weekdays of the mask (bit 0 Monday … bit 6 Sunday) of that evening.
struct ActiveWindow {
    int first_day = 0;
    int last_day = INT_MAX;
    int from_hour = 0;
    int to_hour = 24;
    std::uint8_t weekdays = 0x7f;

    // Whether clock hour 0..23 lies in [from_hour, to_hour), past midnight when to ≤ from.
    bool in_hours(int clock) const {
        return from_hour < to_hour ? clock >= from_hour && clock < to_hour : clock >= from_hour || clock < to_hour;
    }
    // Whether the window runs on model day `day`, an ISO `weekday` (1..7).
    bool runs_on(int day, int weekday) const {
        return day >= 0 && day >= first_day && day <= last_day && ((weekdays >> (weekday - 1)) & 1u);
    }
    // Whether the window covers simulation hour `hour`, where `weekday_of_day(d)` is the ISO
    // weekday (1..7) of model day d.
    template <class WeekdayOfDay>
    bool covers(int hour, WeekdayOfDay weekday_of_day) const {
        const int clock = hour % 24;
        if (!in_hours(clock)) return false;
        // After midnight in a window that began the evening before, that evening counts.
        const int day = hour / 24 - (from_hour >= to_hour && clock < to_hour ? 1 : 0);
        return day >= 0 && runs_on(day, weekday_of_day(day));
    }
    // Days of [0, days) with any active hour: for costs that run per day of operation.
    int days_in(int days) const {
        const int first = first_day < 0 ? 0 : first_day;
        const int last = last_day >= days ? days - 1 : last_day;
        return last >= first ? last - first + 1 : 0;
    }
};

struct Intervention {
    std::string name;
    InterventionKind kind = InterventionKind::Lighting;
    // The area (sorted, unique); for mobile units the cells they stand in first, one per unit
    // (empty for adaptive units with no starting place: they wait for the first picture).
    std::vector<int> cells;
    bool adaptive = false;  // mobile units only: moved weekly to the EST picture's hotspots
    ActiveWindow when;
    double intensity = 0.0;  // lighting level or camera coverage, 0..1
    bool monitored = false;  // cameras watched live by an operator
    int units = 0;           // mobile units on duty at once
    // Programmes: the venue's place and who comes.
    int place = -1;
    double catchment_m = 0.0;  // young people living within this distance can come
    double uptake = 0.0;       // share of them who come on an evening they would have been out
    int capacity = 0;          // at most this many expected on one evening
    int min_age = 12;          // who the programme or measure is for
    int max_age = 17;
    Structure structure = Structure::High;
    // Social measures: who takes part, and how many at once.
    Target target = Target::All;
    double risk_score = 0.0;  // Target::RiskScore: the SAT index from which a young person is taken
    int participants = 0;     // places at once
    PreventionSetting setting = PreventionSetting::Schools;
    // Housing development: the share of the area's homes rebuilt or converted by the item's
    // last day, at an even pace from its first (their households move out, newcomers move in).
    double share = 0.0;
    double new_resident_ses = 0.0;  // socio-economic index of the households moving in
    // Cost (DESIGN §3.11): investment at the start, running cost per year of operation.
    double investment_sek = 0.0;
    double running_sek_per_year = 0.0;

    // Investment plus the running cost for the days the item runs within [0, days).
    double cost_over(int days) const {
        const double invested = when.first_day < days ? investment_sek : 0.0;
        return invested + running_sek_per_year * when.days_in(days) / 365.0;
    }
};

using InterventionPlan = std::vector<Intervention>;

// Programmes per scenario: the day planner keeps their catchments as bits of a word.
inline constexpr int kMaxProgrammes = 32;

}  // namespace trygg
