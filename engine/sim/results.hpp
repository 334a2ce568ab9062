#pragma once
// What a run produces, as plain arrays ready for any writer. The core fills these; the io
// layer turns them into HDF5. Layouts are row-major in the order the comment gives.
#include <cstdint>
#include <string>
#include <vector>

namespace trygg {

// Provenance of a run: enough to reproduce it and to know what produced a file.
struct RunProvenance {
    std::string trygg_version;
    std::string git_commit;
    std::string city_file;      // path as given
    std::string scenario_file;  // path as given
    std::string city_yaml;      // the city config's full text
    std::string scenario_yaml;  // the scenario's full text, with command-line overrides applied
    std::string start_date;     // ISO date of the first simulated day
    std::uint64_t seed = 0;
    int replicates = 0;
    int first_replicate = 0;  // the file holds replicates first … first + replicates − 1 (a batch's kept part)
    int weeks = 0;
    int threads = 0;
    double wall_seconds = 0.0;
};

// The raster every per-cell output lives on (SWEREF99 TM, EPSG:3006, metres).
struct GridDescription {
    int nx = 0;
    int ny = 0;
    double x0 = 0.0;                       // easting of the centre of column 0 [m]
    double y0 = 0.0;                       // northing of the centre of row 0 (the southernmost row) [m]
    double cell_size = 0.0;                // [m]
    std::vector<std::int32_t> district;    // [y][x] district index, -1 outside every district
    std::vector<std::int32_t> deso;        // [y][x] DeSO index, -1 outside
    std::vector<std::int32_t> population;  // [y][x] synthetic residents (replicate 0)
};

struct DistrictTable {
    std::vector<std::string> names;
    std::vector<std::string> codes;
    std::vector<std::int32_t> population;  // residents in the input data
};

struct RunResults {
    int replicates = 0;
    int weeks = 0;
    int districts = 0;
    int crime_types = 0;
    int ny = 0;
    int nx = 0;
    std::vector<std::string> crime_type_names;
    std::vector<std::int32_t> crimes_true;       // [replicate][week][district][crime_type]
    std::vector<std::int32_t> crimes_reported;   // same, registered by the police
    std::vector<std::int32_t> crimes_est;        // same, known to at least one EST actor
    std::vector<std::int32_t> crimes_cells;      // [replicate][crime_type][y][x], true, over the horizon
    std::vector<std::int32_t> crimes_cells_est;  // [replicate][crime_type][y][x], known to EST
    std::vector<std::string> victim_group_names;
    std::vector<std::int32_t> victims;        // [replicate][victim_group][district]
    std::vector<std::string> reporter_names;  // bit k of reported_by; "police" first
    std::vector<std::int32_t> arrests;        // [replicate]

    // The weekly lägesbild's hotspots over the run.
    std::vector<std::int32_t> hotspots_true;  // [replicate][y][x] weeks as a Gi* hotspot of true crime
    std::vector<std::int32_t> hotspots_est;   // [replicate][y][x] weeks as a Gi* hotspot of the EST picture
    std::vector<std::int32_t> kde_top_est;    // [replicate][y][x] weeks among the EST picture's top-k KDE cells
    std::vector<std::int32_t> weekly_hotspots_true, weekly_hotspots_est, weekly_hotspots_both;  // [replicate][week]
    std::vector<std::int32_t> patrol_weeks;  // [replicate][y][x] weeks the cell was in a patrol's beat

    // The weekly true picture the lägesbild tests for hotspots (crimes and incidents per cell),
    // sparse: one entry per replicate, week and cell with a count above 0, replicates in order
    // (0 … replicates − 1, the file's own), then weeks, then cells. With the test's settings,
    // so another run's weeks can be tested against this run's yardstick. Files written before
    // it was stored lack it (has_picture false).
    struct Picture {
        std::vector<std::int32_t> replicate, week, cell, count;
        double gi_band_m = 0.0;
        double alpha = 0.0;
        bool fdr = true;  // Benjamini–Hochberg; false: uncorrected
        std::size_t size() const { return cell.size(); }
    };
    bool has_picture = false;
    Picture picture;

    // Crime concentration (Weisburd 2015), true crime over the run, cells of the study area.
    std::vector<double> cell_shares;    // x: top x of cells …
    std::vector<double> concentration;  // [replicate][cell_share] … hold this share of crime
    std::vector<double> crime_shares;   // s: the smallest share of cells holding s of crime …
    std::vector<double> cells_holding;  // [replicate][crime_share]

    std::vector<std::int32_t> crimes_by_hour;  // [replicate][clock hour][crime_type], true, study area
    // Disorder and fires (schema 3 on): [replicate][week][district][incident type], all, those
    // that reached the police, those known to any EST actor.
    std::vector<std::string> incident_type_names;
    std::vector<std::int32_t> incidents_true, incidents_reported, incidents_est;
    // Person-hours of 12–17-year-olds in public space (unsupervised time), by hour of the
    // week (0 = Monday 00:00), summed over the run's weeks.
    std::vector<std::int64_t> youth_public_hours;  // [replicate][hour_of_week]

    // Young people (DESIGN §3.7, §3.9): the youth layer's weekly tallies, per replicate.
    struct Youth {
        std::vector<std::int32_t> members, associates, recruits;  // [replicate][week][district]
        std::vector<std::int32_t> substance_use;  // [replicate][week][district][level] residents 13–24
        std::vector<std::string> substance_levels;
        std::vector<std::int32_t> offences;          // [replicate][week][district] by residents aged 12–20
        std::vector<float> propensity_mean;          // [replicate][week][district] mean SAT index, residents 12–20
        std::vector<std::int32_t> school_failure;    // [replicate][week][district] failing pupils 13–19
        std::vector<std::int32_t> offences_by_age;   // [replicate][year][age 0..100] true offences by offender age
        std::vector<std::int32_t> residents_by_age;  // [replicate][year][age 0..100] residents at the year's last week
        std::vector<std::int32_t> substance_by_age;  // [replicate][year][age 0..100][level] at the year's last week
        int years = 0;
        std::vector<std::int32_t> participants;  // [replicate][week][intervention] in a social measure that week
    };
    Youth youth;

    // How safe districts are and feel (DESIGN §3.8, §3.10); schema 3 on. A quarter is 13
    // weeks of the run; the last may be shorter.
    struct Safety {
        int quarters = 0;
        std::vector<std::string> signal_names;     // /safety/signal_name
        std::vector<std::string> component_names;  // /risk_area/component_name
        std::vector<float> signals;                // [replicate][week][district][signal] per 1,000 residents
        std::vector<float> unsafe_weekly;          // [replicate][week][district]
        // [replicate][quarter][district]
        std::vector<float> unsafe_share, avoided_share, gang_problems, dealing_problems, collective_efficacy;
        std::vector<float> risk_score;
        std::vector<std::int8_t> risk_class;  // 0 none, 1 utsatt, 2 risk, 3 särskilt utsatt
        std::vector<float> components;        // [replicate][quarter][district][component]
        std::vector<std::int8_t>
            risk_trend;  // [replicate][district] −1 improving, 0 unchanged, 1 worsening (last four quarters)
        // Rumours (/rumours): [replicate][week][district]
        std::vector<std::int32_t> rumours_started;  // started by incidents in the district
        std::vector<std::int32_t> rumours_exposed;  // residents (by home district) who heard one
    };
    Safety safety;

    // The scenario's measures: what they are, what they cost, where they act.
    struct Interventions {
        std::vector<std::string> name, kind;
        std::vector<double> investment_sek, running_sek_per_year;
        std::vector<double> cost_sek;  // investment plus running cost over the run's horizon
        // Model days [first_day, last_day] the measure runs, clipped to the run (last_day < first_day:
        // not within it): when the costs fall, for present values. Empty in files written before
        // they were stored.
        std::vector<std::int32_t> first_day, last_day;
        std::size_t size() const { return name.size(); }
    };
    Interventions interventions;
    std::vector<std::int32_t> treated;  // [y][x] 1 where a measure acts (in any replicate)

    // The optional event log: one entry per true crime, replicates one after another.
    struct EventLog {
        std::vector<std::int32_t> replicate, hour, cell, crime_type, offender, victim_group, reported_by, arrested;
        std::size_t size() const { return hour.size(); }
    };
    bool has_events = false;
    EventLog events;
};

}  // namespace trygg
