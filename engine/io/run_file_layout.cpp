#include "io/run_file_layout.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "model/risk_area.hpp"

namespace trygg::layout {

namespace {

using D = Dim;
using E = h5::Element;
using F = Feature;

// The member of the run a dataset holds: `p.results->crimes_true` and the like.
#define TRYGG_MEMBER(expr) [](const RunParts& p) -> Column { return &(p.expr); }

constexpr std::array<std::int8_t, kRiskClasses> kRiskClassFlags = {0, 1, 2, 3};
constexpr std::array<std::int8_t, 3> kTrendFlags = {-1, 0, 1};

std::string risk_class_meanings() {
    std::string meanings;
    for (auto name : kRiskClassNames) meanings += (meanings.empty() ? "" : " ") + std::string(name);
    return meanings;
}

// A dimension that is an index 0 … n-1 (units "1").
DatasetLayout index_scale(std::string_view path, Home home, Feature feature, Dim d, std::string_view long_name) {
    return {.path = path,
            .home = home,
            .feature = feature,
            .dims = {d},
            .units = "1",
            .long_name = long_name,
            .source = Source::Index,
            .scale = true};
}

constexpr std::string_view kEasting = "easting of cell centre";
constexpr std::string_view kNorthing = "northing of cell centre (row 0 southernmost)";

// A group's easting and northing coordinate variables on the root dimensions: GDAL looks for a
// map's coordinates only in the map's group, and without them it could not tell that rows are
// stored south first.
DatasetLayout axis(std::string_view path, Home home, bool easting, bool scale) {
    return {.path = path,
            .home = home,
            .element = E::Float64,
            .dims = {easting ? D::x : D::y},
            .units = "m",
            .long_name = easting ? kEasting : kNorthing,
            .source = easting ? Source::Easting : Source::Northing,
            .scale = scale,
            .standard_name = easting ? "projection_x_coordinate" : "projection_y_coordinate"};
}

// A 1-D column of the sparse weekly picture or the event log, on the run's own dimension.
DatasetLayout column(std::string_view path, Feature feature, Dim d, std::string_view long_name, ColumnOf member) {
    return {.path = path,
            .feature = feature,
            .dims = {d},
            .units = "1",
            .long_name = long_name,
            .column = member,
            .chunking = Chunking::Column};
}

std::vector<DatasetLayout> declare_shared() {
    const Home h = Home::File;
    return {
        index_scale("replicate", h, F::Always, D::replicate, "replicate index"),
        // Units "1" rather than "weeks since <date>": xarray's CF time decoding rejects "weeks".
        index_scale("week", h, F::Always, D::week, "week index; week w starts start_date + 7w days"),
        index_scale("district", h, F::Always, D::district, "district index; see /districts/name"),
        index_scale("crime_type", h, F::Always, D::crime_type, "crime type index; see /crime_types/name"),
        axis("x", h, true, true),
        axis("y", h, false, true),
        index_scale("victim_group", h, F::Always, D::victim_group, "victim group index; see /victims/group_name"),
        index_scale("reporter", h, F::Always, D::reporter,
                    "EST reporter index = bit of reported_by; see /reporters/name"),
        index_scale("hour", h, F::Always, D::hour, "clock hour, local time"),
        index_scale("hour_of_week", h, F::Always, D::hour_of_week, "hour of the week, 0 = Monday 00:00 local time"),
        {.path = "cell_share",
         .home = h,
         .element = E::Float64,
         .dims = {D::cell_share},
         .units = "1",
         .long_name = "share of the study area's cells, most crime first",
         .column = TRYGG_MEMBER(results->cell_shares),
         .scale = true},
        {.path = "crime_share",
         .home = h,
         .element = E::Float64,
         .dims = {D::crime_share},
         .units = "1",
         .long_name = "share of all crime",
         .column = TRYGG_MEMBER(results->crime_shares),
         .scale = true},
        index_scale("level", h, F::Youth, D::level, "substance-use level index; see /youth/level_name"),
        index_scale("year", h, F::Youth, D::year, "model year index; year y is weeks 52y to 52y+51 from start_date"),
        index_scale("age", h, F::Youth, D::age, "age in completed years"),
        index_scale("quarter", h, F::Safety, D::quarter,
                    "quarter index; quarter q is weeks 13q to 13q+12 from start_date"),
        index_scale("signal", h, F::Safety, D::signal, "safety signal index; see /safety/signal_name"),
        index_scale("component", h, F::Safety, D::component,
                    "risk-area component index; see /risk_area/component_name"),
        index_scale("incident_type", h, F::Safety, D::incident_type, "incident type index; see /incidents/type_name"),
        {.path = "crs", .home = h, .long_name = "SWEREF99 TM (EPSG:3006)", .source = Source::GridMapping},
        {.path = "districts/name",
         .home = h,
         .element = E::String,
         .dims = {D::district},
         .long_name = "district name",
         .column = TRYGG_MEMBER(districts->names)},
        {.path = "districts/code",
         .home = h,
         .element = E::String,
         .dims = {D::district},
         .long_name = "district code",
         .column = TRYGG_MEMBER(districts->codes)},
        {.path = "districts/population",
         .home = h,
         .dims = {D::district},
         .units = "1",
         .long_name = "residents in the input data",
         .column = TRYGG_MEMBER(districts->population)},
        {.path = "crime_types/name",
         .home = h,
         .element = E::String,
         .dims = {D::crime_type},
         .long_name = "crime type name",
         .column = TRYGG_MEMBER(results->crime_type_names)},
        axis("grid/x", h, true, false),
        axis("grid/y", h, false, false),
        {.path = "grid/district",
         .home = h,
         .dims = {D::y, D::x},
         .units = "1",
         .long_name = "district index of the cell",
         .column = TRYGG_MEMBER(grid->district),
         .map = true,
         .missing_value_note = "-1 outside every district"},
        {.path = "grid/deso",
         .home = h,
         .dims = {D::y, D::x},
         .units = "1",
         .long_name = "DeSO index of the cell",
         .column = TRYGG_MEMBER(grid->deso),
         .map = true,
         .missing_value_note = "-1 outside every DeSO"},
        {.path = "grid/population",
         .home = h,
         .dims = {D::y, D::x},
         .units = "1",
         .long_name = "synthetic residents in the cell (replicate 0)",
         .column = TRYGG_MEMBER(grid->population),
         .map = true},
    };
}

// A count per (replicate, week, district, crime type), one chunk per replicate.
DatasetLayout weekly_crimes(std::string_view path, std::string_view long_name, ColumnOf member) {
    return {.path = path,
            .dims = {D::replicate, D::week, D::district, D::crime_type},
            .units = "1",
            .long_name = long_name,
            .column = member,
            .chunking = Chunking::PerReplicate};
}

// A map per replicate and crime type.
DatasetLayout crime_map(std::string_view path, std::string_view long_name, ColumnOf member, bool est) {
    return {.path = path,
            .dims = {D::replicate, D::crime_type, D::y, D::x},
            .units = "1",
            .long_name = long_name,
            .column = member,
            .chunking = Chunking::PerMap,
            .map = true,
            .est_map = est};
}

// A map of weeks per replicate.
DatasetLayout weeks_map(std::string_view path, std::string_view long_name, ColumnOf member, bool est) {
    return {.path = path,
            .dims = {D::replicate, D::y, D::x},
            .units = "1",
            .long_name = long_name,
            .column = member,
            .chunking = Chunking::PerReplicate,
            .map = true,
            .est_map = est};
}

// A value per (replicate, `middle`, district), one chunk.
DatasetLayout per_district(std::string_view path, Feature feature, Dim middle, h5::Element element,
                           std::string_view long_name, ColumnOf member) {
    return {.path = path,
            .feature = feature,
            .element = element,
            .dims = {D::replicate, middle, D::district},
            .units = "1",
            .long_name = long_name,
            .column = member};
}

DatasetLayout names(std::string_view path, Feature feature, Dim d, std::string_view long_name, ColumnOf member) {
    return {
        .path = path, .feature = feature, .element = E::String, .dims = {d}, .long_name = long_name, .column = member};
}

std::vector<DatasetLayout> declare_crimes() {
    return {
        axis("crimes/x", Home::Run, true, false),
        axis("crimes/y", Home::Run, false, false),
        weekly_crimes("crimes/true", "crimes (true events) per week, district and type",
                      TRYGG_MEMBER(results->crimes_true)),
        crime_map("crimes/cells", "crimes (true events) per cell over the run", TRYGG_MEMBER(results->crimes_cells),
                  false),
        weekly_crimes("crimes/reported", "crimes registered by the police per week, district and type",
                      TRYGG_MEMBER(results->crimes_reported)),
        weekly_crimes("crimes/est", "crimes known to at least one EST actor per week, district and type",
                      TRYGG_MEMBER(results->crimes_est)),
        crime_map("crimes/cells_est", "crimes known to at least one EST actor per cell over the run",
                  TRYGG_MEMBER(results->crimes_cells_est), true),
        {.path = "crimes/arrests",
         .dims = {D::replicate},
         .units = "1",
         .long_name = "offences that led to an arrest, over the run",
         .column = TRYGG_MEMBER(results->arrests)},
        names("victims/group_name", F::Always, D::victim_group, "victim group name",
              TRYGG_MEMBER(results->victim_group_names)),
        per_district("victims/count", F::Always, D::victim_group, E::Int32,
                     "crimes with a victim of the group, per district, over the run (true events)",
                     TRYGG_MEMBER(results->victims)),
        names("reporters/name", F::Always, D::reporter, "EST reporter; reporter k is bit k of /events/reported_by",
              TRYGG_MEMBER(results->reporter_names)),
    };
}

std::vector<DatasetLayout> declare_hotspots() {
    const auto weekly = [](std::string_view path, std::string_view long_name, ColumnOf member) {
        return DatasetLayout{
            .path = path, .dims = {D::replicate, D::week}, .units = "1", .long_name = long_name, .column = member};
    };
    return {
        axis("hotspots/x", Home::Run, true, false),
        axis("hotspots/y", Home::Run, false, false),
        weeks_map("hotspots/frequency_true", "weeks the cell was a Gi* hotspot of true crime",
                  TRYGG_MEMBER(results->hotspots_true), false),
        weeks_map("hotspots/frequency_est", "weeks the cell was a Gi* hotspot of the EST picture",
                  TRYGG_MEMBER(results->hotspots_est), true),
        weeks_map("hotspots/kde_top_est", "weeks the cell was among the EST picture's top-k kernel density cells",
                  TRYGG_MEMBER(results->kde_top_est), true),
        weeks_map("hotspots/patrol_weeks", "weeks the cell was in a police patrol's beat",
                  TRYGG_MEMBER(results->patrol_weeks), true),
        weekly("hotspots/weekly_true", "Gi* hotspot cells of true crime in the week",
               TRYGG_MEMBER(results->weekly_hotspots_true)),
        weekly("hotspots/weekly_est", "Gi* hotspot cells of the EST picture in the week",
               TRYGG_MEMBER(results->weekly_hotspots_est)),
        weekly("hotspots/weekly_both", "cells that were hotspots in both pictures in the week",
               TRYGG_MEMBER(results->weekly_hotspots_both)),
        {.path = "crimes/concentration",
         .element = E::Float64,
         .dims = {D::replicate, D::cell_share},
         .units = "1",
         .long_name = "share of true crime in the top cell_share of the study area's cells (Weisburd 2015)",
         .column = TRYGG_MEMBER(results->concentration)},
        {.path = "crimes/cells_holding",
         .element = E::Float64,
         .dims = {D::replicate, D::crime_share},
         .units = "1",
         .long_name = "smallest share of the study area's cells holding crime_share of true crime",
         .column = TRYGG_MEMBER(results->cells_holding)},
        // The weekly true picture, sparse: four columns on the run's own dimension.
        index_scale("picture_entry", Home::Run, F::Picture, D::picture_entry, "entry of the weekly true picture"),
        column("hotspots/picture_replicate", F::Picture, D::picture_entry, "replicate of the entry",
               TRYGG_MEMBER(results->picture.replicate)),
        column("hotspots/picture_week", F::Picture, D::picture_entry, "week of the entry",
               TRYGG_MEMBER(results->picture.week)),
        column("hotspots/picture_cell", F::Picture, D::picture_entry,
               "grid cell, row-major: y index = cell / nx, x index = cell % nx", TRYGG_MEMBER(results->picture.cell)),
        column("hotspots/picture_count", F::Picture, D::picture_entry,
               "true crimes and incidents in the cell and week (> 0)", TRYGG_MEMBER(results->picture.count)),
        {.path = "crimes/by_hour",
         .dims = {D::replicate, D::hour, D::crime_type},
         .units = "1",
         .long_name = "crimes (true events, study area) by clock hour and type, over the run",
         .column = TRYGG_MEMBER(results->crimes_by_hour)},
    };
}

// /youth: time in public space, and the youth layer's weekly tallies per home district
// (DESIGN §3.7, §3.9); /offending: the age–crime curve, year by year.
std::vector<DatasetLayout> declare_youth() {
    const auto tally = [](std::string_view path, std::string_view long_name, ColumnOf member) {
        return per_district(path, F::Youth, D::week, E::Int32, long_name, member);
    };
    const auto by_age = [](std::string_view path, std::vector<Dim> dims, std::string_view long_name, ColumnOf member) {
        return DatasetLayout{.path = path,
                             .feature = F::Youth,
                             .dims = std::move(dims),
                             .units = "1",
                             .long_name = long_name,
                             .column = member};
    };
    return {
        // Counts of hours, stored as float64, the CF readers' common numeric type.
        {.path = "youth/public_hours",
         .element = E::Float64,
         .dims = {D::replicate, D::hour_of_week},
         .units = "h",
         .long_name =
             "person-hours of 12-17-year-olds in public space (unsupervised), by hour of the week, over the run",
         .column = TRYGG_MEMBER(results->youth_public_hours)},
        tally("youth/members", "criminal network members living in the district, in the week",
              TRYGG_MEMBER(results->youth.members)),
        tally("youth/associates", "criminal network associates living in the district, in the week",
              TRYGG_MEMBER(results->youth.associates)),
        tally("youth/recruits", "residents of the district who became network members in the week",
              TRYGG_MEMBER(results->youth.recruits)),
        tally("youth/offences", "offences (true events) by residents aged 12-20 of the district, in the week",
              TRYGG_MEMBER(results->youth.offences)),
        tally("youth/school_failure", "pupils aged 13-19 of the district failing school, in the week",
              TRYGG_MEMBER(results->youth.school_failure)),
        per_district("youth/propensity_mean", F::Youth, D::week, E::Float32,
                     "mean crime propensity (SAT index) of residents aged 12-20 of the district, in the week; 0 "
                     "where there are none",
                     TRYGG_MEMBER(results->youth.propensity_mean)),
        names("youth/level_name", F::Youth, D::level, "substance-use level",
              TRYGG_MEMBER(results->youth.substance_levels)),
        by_age("youth/substance_use", {D::replicate, D::week, D::district, D::level},
               "residents aged 13-24 of the district at the substance-use level, in the week",
               TRYGG_MEMBER(results->youth.substance_use)),
        by_age("offending/by_age", {D::replicate, D::year, D::age},
               "offences (true events) by the offender's age, in the model year",
               TRYGG_MEMBER(results->youth.offences_by_age)),
        by_age("offending/residents_by_age", {D::replicate, D::year, D::age},
               "residents by age at the model year's last week (offending/by_age per resident)",
               TRYGG_MEMBER(results->youth.residents_by_age)),
        by_age("youth/substance_by_age", {D::replicate, D::year, D::age, D::level},
               "residents at the substance-use level by age, at the model year's last week",
               TRYGG_MEMBER(results->youth.substance_by_age)),
    };
}

// /safety: what residents see and feel, collective efficacy; /risk_area: the indicator inspired
// by the police's criteria (DESIGN §3.8, §3.10).
std::vector<DatasetLayout> declare_safety() {
    const auto quarterly = [](std::string_view path, std::string_view long_name, ColumnOf member) {
        return per_district(path, F::Safety, D::quarter, E::Float32, long_name, member);
    };
    const auto weekly = [](std::string_view path, std::string_view long_name, ColumnOf member) {
        return per_district(path, F::Safety, D::week, E::Int32, long_name, member);
    };
    const auto incidents = [](std::string_view path, std::string_view long_name, ColumnOf member) {
        return DatasetLayout{.path = path,
                             .feature = F::Safety,
                             .dims = {D::replicate, D::week, D::district, D::incident_type},
                             .units = "1",
                             .long_name = long_name,
                             .column = member};
    };
    static const std::string meanings = risk_class_meanings();
    return {
        names("safety/signal_name", F::Safety, D::signal, "safety signal", TRYGG_MEMBER(results->safety.signal_names)),
        {.path = "safety/signals",
         .feature = F::Safety,
         .element = E::Float32,
         .dims = {D::replicate, D::week, D::district, D::signal},
         .units = "1/1000",
         .long_name = "what the district's residents saw in the week, per 1,000 residents: assaults and robberies, "
                      "vandalism, network member-hours in public, drug offences by members, residents out at 22:00 "
                      "(nightly mean), crimes against residents, residents replaced by newcomers",
         .column = TRYGG_MEMBER(results->safety.signals)},
        per_district("safety/unsafe_weekly", F::Safety, D::week, E::Float32,
                     "share of residents 16-84 who feel unsafe out late in their own area (NTU's question), in the "
                     "week",
                     TRYGG_MEMBER(results->safety.unsafe_weekly)),
        quarterly("safety/unsafe_share",
                  "share of residents 16-84 unsafe out late in their own area (incl. those who do not go out), mean "
                  "of the quarter's weeks",
                  TRYGG_MEMBER(results->safety.unsafe_share)),
        quarterly("safety/avoided_share",
                  "share of residents 16-84 who avoid going out at night for fear of crime, mean of the quarter's "
                  "weeks",
                  TRYGG_MEMBER(results->safety.avoided_share)),
        quarterly("safety/gang_problems",
                  "share of residents 16-84 who see gangs in their area as a great problem (NTU), quarter mean",
                  TRYGG_MEMBER(results->safety.gang_problems)),
        quarterly("safety/dealing_problems",
                  "share of residents 16-84 who see open drug dealing in their area as a great problem (NTU), "
                  "quarter mean",
                  TRYGG_MEMBER(results->safety.dealing_problems)),
        quarterly("safety/collective_efficacy",
                  "the district's collective efficacy (0-1, Sampson et al. 1997) at the quarter's end",
                  TRYGG_MEMBER(results->safety.collective_efficacy)),
        weekly("rumours/started", "rumours started by public violence in the district, in the week",
               TRYGG_MEMBER(results->safety.rumours_started)),
        weekly("rumours/exposed", "residents of the district who heard a rumour of violence, in the week",
               TRYGG_MEMBER(results->safety.rumours_exposed)),
        names("incidents/type_name", F::Safety, D::incident_type, "incident type",
              TRYGG_MEMBER(results->incident_type_names)),
        incidents("incidents/true", "disorder incidents and deliberately set fires, in the week",
                  TRYGG_MEMBER(results->incidents_true)),
        incidents("incidents/reported", "incidents that reached the police, in the week",
                  TRYGG_MEMBER(results->incidents_reported)),
        incidents("incidents/est", "incidents known to at least one EST actor (the police included), in the week",
                  TRYGG_MEMBER(results->incidents_est)),
        {.path = "risk_area/class",
         .feature = F::Safety,
         .element = E::Int8,
         .dims = {D::replicate, D::quarter, D::district},
         .long_name = "risk-area class of the district in the quarter (indicator, not the police's list)",
         .column = TRYGG_MEMBER(results->safety.risk_class),
         .flag_values = kRiskClassFlags,
         .flag_meanings = meanings},
        {.path = "risk_area/trend",
         .feature = F::Safety,
         .element = E::Int8,
         .dims = {D::replicate, D::district},
         .long_name = "trend of the district's score over the run's last four quarters (least-squares slope "
                      "against risk_area.trend_step)",
         .column = TRYGG_MEMBER(results->safety.risk_trend),
         .flag_values = kTrendFlags,
         .flag_meanings = "improving unchanged worsening"},
        quarterly("risk_area/score",
                  "criminal-influence score: weighted mean of the components over their municipal references, capped",
                  TRYGG_MEMBER(results->safety.risk_score)),
        names("risk_area/component_name", F::Safety, D::component, "risk-area component",
              TRYGG_MEMBER(results->safety.component_names)),
        {.path = "risk_area/components",
         .feature = F::Safety,
         .element = E::Float32,
         .dims = {D::replicate, D::quarter, D::district, D::component},
         .units = "1",
         .long_name = "the components in their own units: registered public violence and drug offences by members "
                      "per 1,000 residents a year, unreported share, members per 1,000, recruits per 1,000 aged "
                      "12-20 a year, unsafe share",
         .column = TRYGG_MEMBER(results->safety.components)},
    };
}

std::vector<DatasetLayout> declare_interventions() {
    const auto cost = [](std::string_view path, std::string_view units, std::string_view long_name, ColumnOf member) {
        return DatasetLayout{.path = path,
                             .element = E::Float64,
                             .dims = {D::intervention},
                             .units = units,
                             .long_name = long_name,
                             .column = member};
    };
    const auto day = [](std::string_view path, std::string_view long_name, ColumnOf member) {
        return DatasetLayout{.path = path,
                             .feature = F::MeasureDays,
                             .dims = {D::intervention},
                             .units = "1",
                             .long_name = long_name,
                             .column = member};
    };
    return {
        index_scale("intervention", Home::Run, F::Always, D::intervention, "intervention index"),
        axis("interventions/x", Home::Run, true, false),
        axis("interventions/y", Home::Run, false, false),
        names("interventions/name", F::Always, D::intervention, "intervention name",
              TRYGG_MEMBER(results->interventions.name)),
        names("interventions/kind", F::Always, D::intervention, "intervention kind",
              TRYGG_MEMBER(results->interventions.kind)),
        cost("interventions/investment_sek", "SEK", "investment at the start",
             TRYGG_MEMBER(results->interventions.investment_sek)),
        cost("interventions/running_sek_per_year", "SEK/year", "running cost per year of operation",
             TRYGG_MEMBER(results->interventions.running_sek_per_year)),
        cost("interventions/cost_sek", "SEK", "investment plus running cost over the run's horizon",
             TRYGG_MEMBER(results->interventions.cost_sek)),
        day("interventions/first_day", "first model day the measure runs (0 = start_date)",
            TRYGG_MEMBER(results->interventions.first_day)),
        day("interventions/last_day", "last model day the measure runs, clipped to the run",
            TRYGG_MEMBER(results->interventions.last_day)),
        {.path = "interventions/treated",
         .dims = {D::y, D::x},
         .units = "1",
         .long_name = "1 where a measure acts (area, beats stood in, programme catchments)",
         .column = TRYGG_MEMBER(results->treated),
         .map = true},
        {.path = "interventions/participants",
         .feature = F::Youth,
         .dims = {D::replicate, D::week, D::intervention},
         .units = "1",
         .long_name = "participants in the measure (social measures), in the week",
         .column = TRYGG_MEMBER(results->youth.participants)},
    };
}

// The event log (`trygg run --events`), on the run's own event dimension.
std::vector<DatasetLayout> declare_events() {
    const auto event = [](std::string_view path, std::string_view long_name, ColumnOf member) {
        return column(path, F::Events, D::event, long_name, member);
    };
    return {
        index_scale("event", Home::Run, F::Events, D::event, "crime event index"),
        event("events/replicate", "replicate of the event", TRYGG_MEMBER(results->events.replicate)),
        event("events/hour", "hour of the event, hours since start_date 00:00 local time",
              TRYGG_MEMBER(results->events.hour)),
        event("events/cell", "grid cell, row-major: y index = cell / nx, x index = cell % nx",
              TRYGG_MEMBER(results->events.cell)),
        event("events/crime_type", "crime type index", TRYGG_MEMBER(results->events.crime_type)),
        event("events/offender", "offender's person index within the replicate",
              TRYGG_MEMBER(results->events.offender)),
        event("events/victim_group", "victim group index, -1 for no victim (drug offences)",
              TRYGG_MEMBER(results->events.victim_group)),
        event("events/reported_by", "bit k set: reporter k (/reporters/name) reported it",
              TRYGG_MEMBER(results->events.reported_by)),
        event("events/arrested", "1 if the offence led to an arrest", TRYGG_MEMBER(results->events.arrested)),
    };
}

#undef TRYGG_MEMBER

std::vector<DatasetLayout> declare() {
    std::vector<DatasetLayout> all;
    for (auto part : {declare_shared(), declare_crimes(), declare_hotspots(), declare_youth(), declare_safety(),
                      declare_interventions(), declare_events()}) {
        for (auto& d : part) all.push_back(std::move(d));
    }
    return all;
}

}  // namespace

std::string_view name(Dim d) {
    static constexpr std::array<std::string_view, kDimensions> kNames = {
        "replicate",     "week",         "district", "crime_type",   "x",          "y",
        "victim_group",  "reporter",     "hour",     "hour_of_week", "cell_share", "crime_share",
        "level",         "year",         "age",      "quarter",      "signal",     "component",
        "incident_type", "intervention", "event",    "picture_entry"};
    return kNames[static_cast<std::size_t>(d)];
}

int fixed_length(Dim d) {
    switch (d) {
        case Dim::hour:
            return kHoursPerDay;
        case Dim::hour_of_week:
            return kHoursPerWeek;
        case Dim::age:
            return kOffendingAges;
        default:
            return -1;
    }
}

std::string DatasetLayout::group() const {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

std::string DatasetLayout::leaf() const {
    const auto slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

const std::vector<DatasetLayout>& datasets() {
    static const std::vector<DatasetLayout> all = declare();
    return all;
}

const DatasetLayout& dataset(std::string_view path) {
    for (const auto& d : datasets()) {
        if (d.path == path) return d;
    }
    throw LogicError("run file layout: no dataset " + std::string(path));
}

const DatasetLayout& scale_of(Dim d) {
    for (const auto& s : datasets()) {
        if (s.scale && s.dims.front() == d) return s;
    }
    throw LogicError("run file layout: no scale for dimension " + std::string(name(d)));
}

const std::vector<GroupAttributeLayout>& group_attributes() {
    static const std::vector<GroupAttributeLayout> all = {
        {"grid", Feature::Always, kCellSizeAttribute}, {"hotspots", Feature::Picture, "gi_band_m"},
        {"hotspots", Feature::Picture, "alpha"},       {"hotspots", Feature::Picture, "correction"},
        {"risk_area", Feature::Safety, "comment"},
    };
    return all;
}

const std::vector<AttributeLayout<RunProvenance>>& run_provenance_attributes() {
    using P = RunProvenance;
    static const std::vector<AttributeLayout<P>> all = {
        {"trygg_version", &P::trygg_version},
        {"git_commit", &P::git_commit},
        {"city_file", &P::city_file},
        {"scenario_file", &P::scenario_file},
        {"city_yaml", &P::city_yaml},
        {"scenario_yaml", &P::scenario_yaml},
        {"start_date", &P::start_date},
        {"seed", &P::seed},
        {"replicates", &P::replicates},
        // Files written before first_replicate existed hold replicates from 0.
        {"first_replicate", &P::first_replicate, true},
        {"weeks", &P::weeks},
        {"threads", &P::threads},
        {"wall_seconds", &P::wall_seconds},
    };
    return all;
}

const std::vector<AttributeLayout<ExperimentProvenance>>& experiment_provenance_attributes() {
    using P = ExperimentProvenance;
    static const std::vector<AttributeLayout<P>> all = {
        {"trygg_version", &P::trygg_version},
        {"git_commit", &P::git_commit},
        {"experiment_file", &P::experiment_file},
        {"experiment_yaml", &P::experiment_yaml},
        {"seed", &P::seed},
        {"replicates", &P::replicates},
        {"weeks", &P::weeks},
        {"threads", &P::threads},
        {"wall_seconds", &P::wall_seconds},
    };
    return all;
}

std::vector<hsize_t> shape_of(const DatasetLayout& d, const Lengths& lengths) {
    std::vector<hsize_t> shape;
    for (const Dim dim : d.dims) shape.push_back(lengths[static_cast<std::size_t>(dim)]);
    return shape;
}

std::string dims_text(const DatasetLayout& d) {
    std::string text;
    for (const Dim dim : d.dims) text += (text.empty() ? "" : " × ") + std::string(name(dim));
    return text.empty() ? "a scalar" : text;
}

std::string_view element_name(h5::Element e) {
    switch (e) {
        case h5::Element::Int8:
            return "int8";
        case h5::Element::Int32:
            return "int32";
        case h5::Element::Float32:
            return "float32";
        case h5::Element::Float64:
            return "float64";
        case h5::Element::String:
            return "string";
    }
    return "?";
}

}  // namespace trygg::layout
