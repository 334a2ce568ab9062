#include "reference/small_city.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace trygg::reference {
namespace {

Shape rectangle(double x0, double y0, double width, double height) {
    return {Polygon{{{x0, y0}, {x0 + width, y0}, {x0 + width, y0 + height}, {x0, y0 + height}}, {}}};
}

PlaceTypeTraits traits(double jobs, double shops, double errand, double hangout, int open_from, int open_to,
                       bool weekends, double lighting, double cameras, double footprint_m) {
    PlaceTypeTraits t;
    t.jobs = jobs;
    t.shops = shops;
    t.errand_weight = errand;
    t.hangout_weight = hangout;
    t.open_from = open_from;
    t.open_to = open_to;
    t.open_weekends = weekends;
    t.lighting = lighting;
    t.cameras = cameras;
    t.footprint_m = footprint_m;
    return t;
}

// Visitors by clock hour, a share of the peak.
constexpr std::array<float, 24> kShopping = {0,    0,    0,     0,    0,    0,    0,    0,    0,    0.2f, 0.5f, 0.7f,
                                             0.9f, 0.9f, 0.85f, 0.9f, 1.0f, 1.0f, 0.8f, 0.5f, 0.2f, 0,    0,    0};
constexpr std::array<float, 24> kNight = {1.0f, 0.8f, 0.5f, 0.1f,  0,     0,     0,    0,    0,    0,    0,    0.2f,
                                          0.2f, 0.2f, 0.2f, 0.15f, 0.15f, 0.15f, 0.3f, 0.4f, 0.5f, 0.7f, 0.9f, 1.0f};
constexpr std::array<float, 24> kTravel = {0,     0,     0,    0,    0,    0.2f, 0.6f, 1.0f, 0.8f, 0.4f, 0.35f, 0.35f,
                                           0.35f, 0.35f, 0.4f, 0.6f, 0.9f, 1.0f, 0.6f, 0.4f, 0.3f, 0.2f, 0.15f, 0.1f};

BlockSpec block(std::array<double, kDayClasses> p, double start, double start_sd, double hours, double hours_sd,
                double weekend_night = 1.0, double late_shift = 0.0) {
    BlockSpec b;
    b.probability = p;
    b.start_mean = start;
    b.start_sd = start_sd;
    b.hours_mean = hours;
    b.hours_sd = hours_sd;
    b.weekend_night_factor = weekend_night;
    b.festive_night_factor = weekend_night;
    b.late_night_shift = late_shift;
    return b;
}

// [main, errand, activity, hangout, night out] of each schedule (as the shipped config's shapes).
RoutineParams routines() {
    RoutineParams r;
    auto set = [&](Schedule s, std::array<BlockSpec, kBlocks> blocks) {
        r.schedules[static_cast<std::size_t>(s)].blocks = std::move(blocks);
    };
    const BlockSpec no_night = block({0, 0, 0}, 22, 1, 3, 1);
    set(Schedule::Preschool, {block({0.9, 0.85, 0}, 7.5, 0.7, 8, 1), block({0.3, 0.4, 0.5}, 16.5, 1.5, 1, 0.5),
                              block({0, 0, 0}, 16, 1, 1, 0.5), block({0.3, 0.4, 0.4}, 16.5, 1.5, 1.5, 0.7), no_night});
    set(Schedule::ChildPupil,
        {block({0.95, 0, 0}, 8, 0.4, 6.5, 0.8), block({0.2, 0.3, 0.4}, 16, 2, 1, 0.5),
         block({0.35, 0.15, 0.25}, 17.5, 1, 1.5, 0.5), block({0.4, 0.6, 0.5}, 15, 2, 2, 1), no_night});
    set(Schedule::TeenPupil,
        {block({0.93, 0, 0}, 8.2, 0.4, 7, 0.8), block({0.2, 0.3, 0.4}, 16.5, 2, 1, 0.5),
         block({0.3, 0.15, 0.2}, 18, 1, 2, 0.5), block({0.45, 0.6, 0.55}, 18, 2, 2.5, 1, 1.3, 1), no_night});
    set(Schedule::UpperSecondary,
        {block({0.9, 0, 0}, 8.5, 0.7, 7, 1), block({0.25, 0.35, 0.45}, 17, 2, 1.2, 0.5),
         block({0.2, 0.1, 0.15}, 18.5, 1, 2, 0.5), block({0.4, 0.55, 0.5}, 19, 2, 3, 1.2, 1.4, 2.5),
         block({0.02, 0.05, 0.08}, 22, 1, 4, 1, 3)});
    set(Schedule::University, {block({0.75, 0, 0.05}, 9.5, 1.2, 6, 1.5), block({0.35, 0.4, 0.45}, 17, 2, 1.2, 0.5),
                               block({0.1, 0.1, 0.1}, 19, 1, 1.5, 0.5), block({0.15, 0.2, 0.25}, 19, 2, 2.5, 1),
                               block({0.03, 0.05, 0.08}, 22, 1, 4, 1, 3)});
    set(Schedule::Worker, {block({0.86, 0, 0.12}, 7.3, 1.1, 8.5, 1), block({0.35, 0.4, 0.5}, 17.5, 1.5, 1.2, 0.5),
                           block({0.12, 0.1, 0.12}, 19, 1, 1.5, 0.5), block({0.08, 0.1, 0.15}, 18.5, 2, 2, 1, 1.5, 3),
                           block({0.01, 0.02, 0.03}, 22, 1, 3.5, 1, 3)});
    set(Schedule::NotEmployed,
        {block({0.1, 0, 0}, 9, 1, 4, 1), block({0.45, 0.45, 0.45}, 13, 3, 1.5, 0.7),
         block({0.05, 0.05, 0.05}, 14, 2, 1.5, 0.5), block({0.3, 0.3, 0.3}, 14, 4, 3, 1.5, 1.3, 6),
         block({0.01, 0.02, 0.03}, 22, 1, 3.5, 1, 3)});
    set(Schedule::Pensioner,
        {block({0, 0, 0}, 9, 1, 4, 1), block({0.5, 0.5, 0.4}, 11, 2, 1.5, 0.7), block({0.1, 0.1, 0.05}, 14, 2, 2, 0.5),
         block({0.15, 0.15, 0.15}, 14, 3, 1.5, 0.7), no_night});
    r.industrial_holiday_factor = 0.35;
    for (auto& f : r.leisure_factor) f = {1, 1, 1, 1, 1};
    r.leisure_factor[static_cast<std::size_t>(Leisure::Structured)] = {1.0, 1.0, 2.0, 0.6, 0.8};
    r.leisure_factor[static_cast<std::size_t>(Leisure::Unstructured)] = {1.0, 1.0, 0.4, 1.8, 3.0};
    r.leisure_factor[static_cast<std::size_t>(Leisure::Homebody)] = {1.0, 0.8, 0.6, 0.3, 0.5};
    r.hangout_radius_m = 400;
    r.errand_distance_scale_m = 1500;
    r.night_out_min_age = 18;
    return r;
}

OffendingParams offending() {
    OffendingParams o;
    // base rate, opportunity half, guardian scale, lighting effect, camera effect: the shipped
    // config's scales, base rates raised about fivefold for a small city's few weeks.
    o.types = {{{0.17, 5, 3, 0.30, 0.30},
                {0.04, 20, 60, 0.35, 0.50},
                {0.27, 20, 40, 0.30, 0.40},
                {0.25, 50, 30, 0.20, 0.20},
                {1.35, 10, 100, 0.0, 0.20},
                {0.29, 20, 4, 0.35, 0.30},
                {0.05, 10, 8, 0.30, 0.20},
                {0.08, 5, 100, 0.05, 0.05},
                {0.05, 20, 50, 0.05, 0.10}}};
    o.max_deterrence = 0.9;
    o.unmonitored_camera_factor = 0.5;
    o.home_guardian_weight = 0.3;
    o.peer_gain = 1.0;
    o.peer_cap = 5;
    o.cars_per_resident = 0.46;
    o.cars_per_worker = 0.6;
    o.cars_per_visitor = 0.5;
    o.bikes_per_person = 0.3;
    o.vandalism_place_weight = 20;
    o.nightlife_violence_factor = 2.0;
    o.nightlife_from = 21;
    o.nightlife_to = 3;
    o.festive_violence_factor = 2.0;
    o.displacement = 0.5;  // higher than shipped (0.25), so displaced crimes happen in a small city
    o.diffusion_of_benefit = 0.25;
    o.search = 0.5;
    return o;
}

void youth_and_safety(ModelParams& p, std::size_t districts) {
    p.demography.mortality_a = 1.5e-5;
    p.demography.mortality_b = 0.1;
    p.demography.migration = {{0, 19, 0.05, 0.3}, {20, 34, 0.12, 0.5}, {35, 100, 0.03, 0.2}};
    p.demography.births_per_1000 = 10.5;

    auto& d = p.development;
    d.min_age = 10;
    d.max_age = 24;
    d.offending_from_age = 12;
    d.threshold = 1.0;  // lower than shipped (1.73): more offenders in a small city
    d.maturation = {{10, 0.5}, {13, 0.33}, {17, 0.0}, {20, 0.05}, {25, 0.35}, {30, 0.6}, {55, 1.3}, {85, 3.0}};
    d.adjustment_weeks = 52;
    d.exposure_effect = 0.15;
    d.exposure_reference = 0.18;
    d.peer_effect = 0.8;
    d.peer_reference = 0.04;
    d.substance_effect = 0.3;
    d.substance_reference = 0.18;
    d.school_failure_effect = 0.3;
    d.school_failure_reference = 0.22;
    d.structured_effect = 0.2;
    d.structured_reference = 0.22;
    d.engagement_effect = 0.1;
    d.school_failure_threshold = -0.84;
    d.engagement_substance_effect = 0.5;
    d.engagement_peer_effect = 0.5;

    auto& s = p.substance;
    s.profile[0] = {{15, 0.4, 0.1}, {17, 0.7, 0.25}};
    s.profile[1] = {{15, 0.03, 0.01}, {17, 0.08, 0.03}};
    s.peer_gain = 1.0;
    s.market_gain = 0.5;
    s.quit_per_year = 0.2;
    s.debt_per_year = 0.1;
    s.debt_clear_per_year = 0.5;

    auto& r = p.recruitment;
    r.contact_per_tie = 0.01;
    r.contact_per_exposure = 0.01;
    r.contact_per_presence = 0.001;
    r.associate_rate = 0.002;
    r.associate_slope = 1.0;
    r.debt_factor = 2.0;
    r.member_rate = 0.002;
    r.member_per_tie = 0.005;
    r.contact_lapse_per_year = 0.5;
    r.associate_lapse_per_year = 0.3;
    r.member_exit_per_year = 0.1;
    r.ageing_out_per_year = 0.05;
    r.arrest_exit_share = 0.2;
    r.exit_programme_factor = 2.0;
    r.member_violence_factor = 2.0;
    r.member_drug_factor = 3.0;
    r.initial_members.assign(districts, 0.0);
    r.initial_associates.assign(districts, 0.0);
    r.initial_members[2] = 3;  // the poorest district has a few network members
    r.initial_associates[2] = 4;

    auto& q = p.safety;
    q.unsafe_threshold = 1.0;
    q.avoid_threshold = 1.6;
    q.avoid_from_hour = 21;
    q.female_shift = 0.3;
    q.elderly_shift = 0.2;
    q.violence_effect = 0.3;
    q.disorder_effect = 0.2;
    q.network_effect = 0.1;
    q.victimisation_effect = 0.2;
    q.emptiness_effect = 0.3;
    q.night_presence_scale = 20;
    q.darkness_effect = 0.3;
    q.victim_effect = 0.5;
    q.victim_memory_weeks = 26;
    q.memory_weeks = 8;
    q.problem_threshold = 1.5;
    q.gang_effect = 0.3;
    q.dealing_effect = 0.3;
    q.status_quo.assign(districts, DistrictSignals{0.5, 0.5, 1.0, 0.1, 20.0, 2.0});
    auto& e = p.efficacy;
    e.weeks_to_settle = 156;
    e.victimisation_effect = 0.01;
    e.insecurity_effect = 0.1;
    e.disorder_effect = 0.01;
    e.network_effect = 0.01;
    e.turnover_effect = 0.01;
    e.status_quo.assign(districts, EfficacyDrivers{2.0, 0.3, 0.5, 1.0, 1.0, 0.0, 0.0});
    auto& a = p.risk_area;
    a.ses_cutoff = -0.5;
    a.reference = {5, 1, 0.5, 2, 1, 0.3};
    a.weight = {1, 1, 1, 1, 1, 1};
    a.cap = 8;
    a.utsatt = 3.5;
    a.risk = 3.9;
    a.sarskilt_utsatt = 6.0;
    a.trend_step = 0.2;
    auto& m = p.rumours;
    m.start_chance = 0.5;
    m.witnesses = 3;
    m.youth_share = 0.1;
    m.neighbour_share = 0.1;
    m.neighbour_contacts = 4;
    m.stop_per_day = 0.5;
    m.immunity_days = 30;
    m.worry_effect = 0.3;
    m.worry_memory_weeks = 4;
    m.retaliation = 1.0;
    m.retaliation_days = 7;
}

}  // namespace

CitySpec small_city_spec() {
    CitySpec spec;
    spec.name = "Småstad";
    spec.location = {60.48, 15.42};  // Borlänge's latitude: long autumn evenings
    spec.school_holidays.hostlov_iso_week = 44;
    spec.school_holidays.sommarlov_first = {6, 13};
    spec.school_holidays.sommarlov_last = {8, 17};
    spec.school_holidays.jullov_first = {12, 21};
    spec.school_holidays.jullov_last = {1, 7};
    spec.cell_size_m = 100;
    // code, name, collective efficacy, employment, SES index, street lighting
    spec.districts = {{"R1", "Centrum", 0.45, 0.7, 0.0, 0.6},
                      {"R2", "Norr", 0.6, 0.8, 0.5, 0.5},
                      {"R3", "Söder", 0.3, 0.55, -1.0, 0.3}};
    spec.desos = {{"D1", "R1", 1400, rectangle(0, 0, 600, 400)},
                  {"D2", "R2", 1200, rectangle(0, 400, 1200, 400)},
                  {"D3", "R3", 1000, rectangle(600, 0, 600, 400)}};
    auto& t = spec.place_types;
    auto type = [&](PlaceType p) -> PlaceTypeTraits& { return t[static_cast<std::size_t>(p)]; };
    type(PlaceType::Nightlife) = traits(10, 0, 0, 2, 18, 3, true, 0.7, 0.2, 0);
    type(PlaceType::Nightlife).nightlife = true;
    type(PlaceType::Nightlife).visitors_peak = 30;
    type(PlaceType::Nightlife).visitor_profile = kNight;
    type(PlaceType::ShoppingCentre) = traits(60, 6, 3, 4, 10, 20, true, 0.8, 0.3, 100);
    type(PlaceType::ShoppingCentre).visitors_peak = 60;
    type(PlaceType::ShoppingCentre).visitor_profile = kShopping;
    type(PlaceType::ShoppingCentre).weekend_visitor_factor = 1.3;
    type(PlaceType::TravelCentre) = traits(20, 1, 0.5, 3, 5, 1, true, 0.8, 0.5, 0);
    type(PlaceType::TravelCentre).visitors_peak = 40;
    type(PlaceType::TravelCentre).visitor_profile = kTravel;
    type(PlaceType::TravelCentre).weekend_visitor_factor = 0.6;
    type(PlaceType::School) = traits(25, 0, 0, 1, 7, 17, false, 0.5, 0, 0);
    type(PlaceType::School79) = traits(25, 0, 0, 1.5, 7, 17, false, 0.5, 0, 0);
    type(PlaceType::UpperSecondary) = traits(30, 0, 0, 1.5, 7, 17, false, 0.5, 0.1, 0);
    type(PlaceType::YouthCentre) = traits(3, 0, 0, 2, 15, 22, false, 0.5, 0, 0);
    type(PlaceType::YouthCentre).structured_activity = true;
    type(PlaceType::SportsHall) = traits(5, 0, 0, 1.5, 8, 22, true, 0.6, 0, 0);
    type(PlaceType::SportsHall).structured_activity = true;
    type(PlaceType::Industrial) = traits(80, 0, 0, 0, 6, 18, false, 0.3, 0.2, 0);
    type(PlaceType::LocalShop) = traits(3, 1, 1, 2, 8, 22, true, 0.5, 0, 0);
    auto place = [&](const char* name, PlaceType p, double x, double y) {
        spec.places.push_back(typical_place(name, p, {x, y}, type(p)));
    };
    place("Stationsgatan", PlaceType::Nightlife, 250, 150);  // place 0: the patrol's beat
    place("Köpcentret", PlaceType::ShoppingCentre, 450, 250);
    place("Resecentrum", PlaceType::TravelCentre, 150, 50);
    place("Norra skolan", PlaceType::School, 350, 550);
    place("Södra skolan 7-9", PlaceType::School79, 850, 250);
    place("Gymnasiet", PlaceType::UpperSecondary, 250, 350);
    place("Fritidsgården", PlaceType::YouthCentre, 950, 150);  // place 6
    place("Industriområdet", PlaceType::Industrial, 1050, 650);
    place("Kiosken Söder", PlaceType::LocalShop, 750, 350);
    place("Kiosken Norr", PlaceType::LocalShop, 650, 650);
    place("Sporthallen", PlaceType::SportsHall, 550, 650);
    spec.rural_min_area_km2 = 100;
    return spec;
}

ModelParams small_city_params(const City& city) {
    ModelParams p;
    auto& pop = p.population;
    pop.age_bands = {{0, 5, 0.07},   {6, 12, 0.09},  {13, 15, 0.04}, {16, 19, 0.06},
                     {20, 24, 0.06}, {25, 64, 0.50}, {65, 90, 0.18}};
    pop.male_share = 0.5;
    pop.at_home_share_18_19 = 0.7;
    pop.children_per_family = {0.4, 0.4, 0.2};
    pop.single_parent_share = 0.25;
    pop.couple_share = 0.5;
    pop.upper_secondary_enrolment = 0.9;
    pop.university_share_20_24 = 0.1;
    pop.out_commute_share = 0.2;
    pop.distributed_jobs_share = 0.3;
    pop.job_distance_scale_m = 2000;
    pop.male_trait_shift = 0.2;
    pop.ses_trait_shift = 0.2;
    pop.propensity_sigma = 1.0;
    pop.structured_share = 0.4;
    pop.unstructured_share = 0.3;
    p.routine = routines();
    p.offending = offending();
    for (auto& t : p.incidents.types) t = {0.02, 10, 10, 0.2, 0.2};
    p.incidents.nightlife_disorder_factor = 1.0;
    for (CrimeType t : {CrimeType::Burglary, CrimeType::VehicleTheft, CrimeType::Robbery})
        p.near_repeat[static_cast<std::size_t>(t)] = {true, 0.5, 0.2, 0.15};
    p.reporting.police = {0.7, 0.6, 0.3, 0.3, 0.5, 0.4, 0.7, 0.4, 0.0};
    p.reporting.found_by_police[static_cast<std::size_t>(CrimeType::Drugs)] = true;
    p.reporting.police_incidents = {0.2, 0.5};
    p.reporting.efficacy_reference = 0.5;
    p.reporting.efficacy_exponent = 0.5;
    EstReporter housing;
    housing.name = "Bostadsbolaget";
    housing.crime_types = 1u << static_cast<unsigned>(CrimeType::Vandalism);
    housing.incidents = 3;
    housing.districts = {2};
    housing.probability = 0.6;
    p.reporting.est = {housing};
    p.arrests.probability = {0.1, 0.1, 0.05, 0.05, 0.3, 0.1, 0.2, 0.3, 0.9};
    p.arrests.camera_gain = 1.0;
    p.arrests.spell_days_mean = 4;
    p.lagesbild.gi_band_m = 250;
    p.lagesbild.alpha = 0.05;
    p.lagesbild.kde_bandwidth_m = 300;
    p.lagesbild.top_k = 3;
    p.policing.patrols = 2;
    p.policing.shift_from = 16;
    p.policing.shift_to = 2;
    p.policing.static_places = {0, 2};         // they start at the night-life street and the travel centre …
    p.policing.steering = Steering::Adaptive;  // … and follow the EST picture from the first week
    p.policing.guardian_weight = 2.0;
    p.policing.deterrence = 0.3;
    p.policing.drug_detection = 0.5;
    p.policing.arrest_gain = 0.5;
    p.field_workers.youth_guardian_weight = 3.0;
    p.field_workers.adult_guardian_weight = 1.0;
    youth_and_safety(p, city.districts.size());

    // The scenario. Lighting in Söder on weekday evenings, 16–08: the small hours of Saturday
    // belong to Friday evening and are lit, those of Monday belong to Sunday and are not.
    Intervention light;
    light.name = "belysning Söder";
    light.kind = InterventionKind::Lighting;
    for (int c = 0; c < city.grid.cells(); ++c)
        if (city.cell_district[static_cast<std::size_t>(c)] == 2) light.cells.push_back(c);
    light.when.from_hour = 16;
    light.when.to_hour = 8;
    light.when.weekdays = 0x1f;
    light.intensity = 1.0;
    // Monitored cameras over the shopping centre, Friday to Sunday 10–20, from the fourth day.
    Intervention cameras;
    cameras.name = "kameror köpcentret";
    cameras.kind = InterventionKind::FixedCameras;
    cameras.cells = city.footprint(1);
    std::sort(cameras.cells.begin(), cameras.cells.end());
    cameras.when.first_day = 3;
    cameras.when.from_hour = 10;
    cameras.when.to_hour = 20;
    cameras.when.weekdays = 0x70;
    cameras.intensity = 0.9;
    cameras.monitored = true;
    // A pair of field workers by the youth centre on Friday and Saturday evenings, 18–02.
    Intervention field;
    field.name = "fältgruppen";
    field.kind = InterventionKind::FieldWorkers;
    field.cells = {city.place_cell[6]};
    field.units = 1;
    field.when.from_hour = 18;
    field.when.to_hour = 2;
    field.when.weekdays = 0x30;
    // A camera post at the travel centre at night, 20–06, not watched live.
    Intervention post;
    post.name = "kamerapost resecentrum";
    post.kind = InterventionKind::MobileCameras;
    post.cells = {city.place_cell[2]};
    post.units = 1;
    post.when.from_hour = 20;
    post.when.to_hour = 6;
    post.intensity = 0.7;
    // A drop-in evening at the youth centre on Fridays, 19–23, for 13–17-year-olds nearby:
    // low structure, so those who come are in public at the venue.
    Intervention dropin;
    dropin.name = "öppen fredag";
    dropin.kind = InterventionKind::Programme;
    dropin.place = 6;
    dropin.catchment_m = 700;
    dropin.uptake = 0.5;
    dropin.capacity = 40;
    dropin.min_age = 13;
    dropin.max_age = 17;
    dropin.structure = Structure::Low;
    dropin.when.from_hour = 19;
    dropin.when.to_hour = 23;
    dropin.when.weekdays = 0x10;
    p.interventions = {light, cameras, field, post, dropin};
    return p;
}

Timeline small_city_timeline(const City& city, int weeks) {
    return build_timeline({2025, 10, 27}, weeks, city.location, city.school_holidays);
}

}  // namespace trygg::reference
