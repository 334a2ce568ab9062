#include "io/city_config.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/geojson.hpp"
#include "io/places_csv.hpp"
#include "io/projection.hpp"
#include "io/safety_config.hpp"
#include "io/yaml_reader.hpp"
#include "io/youth_config.hpp"
#include "model/crime_type.hpp"
#include "model/incident_type.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace trygg {
namespace {

namespace fs = std::filesystem;

constexpr double kInf = std::numeric_limits<double>::infinity();
const Range kNonNegative = Range::at_least(0.0);

fs::path existing_file(const ConfigMap& m, std::string_view key, const fs::path& base) {
    fs::path p = m.string(key);
    if (p.is_relative()) p = base / p;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) m.fail(key, "file not found: " + p.string());
    return p;
}

std::array<double, 2> pair_of(const ConfigMap& m, std::string_view key, Range r, const char* meaning) {
    const auto v = m.numbers(key, r);
    if (v.size() != 2)
        m.fail(key, std::string("expected two numbers ") + meaning + ", got " + std::to_string(v.size()));
    return {v[0], v[1]};
}

int whole(const ConfigMap& m, std::string_view key, double v) {
    if (v != std::floor(v)) m.fail(key, "expected whole hours, got " + std::to_string(v));
    return static_cast<int>(v);
}

MonthDay month_day(const ConfigMap& m, std::string_view key) {
    const std::string text = m.string(key);
    MonthDay md;
    // Two digits each: from_chars alone would take "06-1x" as June 1 and leave the
    // defaults (January 1) in place of "ab-cd".
    auto two_digits = [&](std::size_t at, int& out) {
        const bool digits = std::isdigit(static_cast<unsigned char>(text[at])) &&
                            std::isdigit(static_cast<unsigned char>(text[at + 1]));
        return digits && std::from_chars(text.data() + at, text.data() + at + 2, out).ec == std::errc();
    };
    const bool shaped = text.size() == 5 && text[2] == '-' && two_digits(0, md.month) && two_digits(3, md.day);
    if (!shaped || !is_valid(md)) m.fail(key, "expected a month and day written \"MM-DD\", got '" + text + "'");
    return md;
}

GeoPoint read_location(const ConfigMap& m) {
    return {m.number("latitude", {-90, 90}), m.number("longitude", {-180, 180})};
}

SchoolHolidayRules read_calendar(const ConfigMap& calendar) {
    const ConfigMap m = calendar.map("school_holidays");
    SchoolHolidayRules r;
    r.sportlov_iso_week = static_cast<int>(m.integer("sportlov_week", {1, 53}));
    r.hostlov_iso_week = static_cast<int>(m.integer("hostlov_week", {1, 53}));
    const ConfigMap summer = m.map("sommarlov");
    r.sommarlov_first = month_day(summer, "first");
    r.sommarlov_last = month_day(summer, "last");
    const ConfigMap christmas = m.map("jullov");
    r.jullov_first = month_day(christmas, "first");
    r.jullov_last = month_day(christmas, "last");
    return r;
}

// DeSO polygons and populations from the GeoJSON the geography section names.
void read_areas(const ConfigMap& geo, const fs::path& base, CitySpec& spec, const Projection& to_grid,
                std::vector<fs::path>& files) {
    const fs::path areas = existing_file(geo, "areas_file", base);
    files.push_back(areas);
    const std::string deso_key = geo.string("deso_code_property");
    const std::string district_key = geo.string("district_code_property");
    const std::string population_key = geo.string("population_property");
    AreaCollection collection;
    try {
        collection = read_geojson_areas(areas, to_grid);
    } catch (const ConfigError&) {
        throw;
    } catch (const InputError& e) {
        geo.fail("areas_file", e.what());
    }
    std::size_t index = 0;
    for (auto& f : collection.features) {
        auto property = [&](const std::string& name, std::string_view key) -> std::string {
            const auto it = f.properties.find(name);
            if (it == f.properties.end()) {
                std::vector<std::string> names;
                for (const auto& [k, v] : f.properties) names.push_back(k);
                geo.fail(key, "feature " + std::to_string(index) + " of " + areas.string() + " has no property '" +
                                  name + "'" + did_you_mean(name, names));
            }
            return it->second;
        };
        DesoSpec d;
        d.code = property(deso_key, "deso_code_property");
        d.district_code = property(district_key, "district_code_property");
        const std::string pop = property(population_key, "population_property");
        const auto [end, ec] = std::from_chars(pop.data(), pop.data() + pop.size(), d.population);
        if (ec != std::errc() || end != pop.data() + pop.size() || d.population < 0) {
            geo.fail("population_property", "feature " + std::to_string(index) + " (" + d.code + ") has population '" +
                                                pop + "', not a whole number ≥ 0");
        }
        d.shape = std::move(f.shape);
        spec.desos.push_back(std::move(d));
        ++index;
    }
}

void read_districts(const ConfigMap& root, CitySpec& spec) {
    const ConfigMap m = root.map("districts");
    std::set<std::string> in_data;
    for (const auto& d : spec.desos) in_data.insert(d.district_code);
    std::vector<std::string> data_codes(in_data.begin(), in_data.end());
    for (const auto& code : m.keys()) {
        const ConfigMap d = m.map(code);
        if (!in_data.count(code)) {
            m.fail(code, "district " + code + " is not in the areas file" + did_you_mean(code, data_codes));
        }
        DistrictSpec s;
        s.code = code;
        s.name = d.string("name");
        s.ses_index = d.number("ses_index", {-5, 5});
        s.collective_efficacy = d.number("collective_efficacy", Range::unit());
        s.employment_rate = d.number("employment_rate", Range::unit());
        s.street_lighting = d.number("street_lighting", Range::unit());
        spec.districts.push_back(std::move(s));
    }
    for (const auto& code : data_codes) {
        const bool listed =
            std::any_of(spec.districts.begin(), spec.districts.end(), [&](const auto& d) { return d.code == code; });
        if (!listed) m.fail("", "the areas file has district " + code + ", which is not listed here");
    }
}

void read_settlements(const ConfigMap& root, CitySpec& spec, const Projection& from_wgs84) {
    const ConfigMap m = root.map("settlements");
    spec.rural_min_area_km2 = m.number("rural_min_area_km2", kNonNegative);
    spec.rural_scattered_share = m.number("scattered_share", Range::unit());
    std::vector<std::string> codes;
    for (const auto& d : spec.desos) codes.push_back(d.code);
    auto deso_index = [&](const std::string& code) {
        return std::find(codes.begin(), codes.end(), code) - codes.begin();
    };
    spec.spread_evenly = m.strings("spread_evenly");
    for (std::size_t k = 0; k < spec.spread_evenly.size(); ++k) {
        if (deso_index(spec.spread_evenly[k]) == static_cast<std::ptrdiff_t>(codes.size())) {
            m.fail_item("spread_evenly", k,
                        "no DeSO " + spec.spread_evenly[k] + did_you_mean(spec.spread_evenly[k], codes));
        }
    }
    for (const auto& v : m.maps("villages")) {
        VillageSpec s;
        s.name = v.string("name");
        s.deso_code = v.string("deso");
        const auto d = deso_index(s.deso_code);
        if (d == static_cast<std::ptrdiff_t>(codes.size()))
            v.fail("deso", "no DeSO " + s.deso_code + did_you_mean(s.deso_code, codes));
        const double lat = v.number("latitude", {-90, 90});
        const double lon = v.number("longitude", {-180, 180});
        s.centre = from_wgs84(lon, lat);
        if (!contains(spec.desos[static_cast<std::size_t>(d)].shape, s.centre)) {
            v.fail("latitude", "village '" + s.name + "' at (" + std::to_string(lat) + ", " + std::to_string(lon) +
                                   ") lies outside its DeSO " + s.deso_code);
        }
        s.radius_m = v.number("radius_m", {0, 20000});
        s.weight = v.number("weight", kNonNegative);
        spec.villages.push_back(std::move(s));
    }
    for (const auto& d : spec.desos) {
        const double km2 = area(d.shape) * 1e-6;
        const bool placed =
            std::any_of(spec.villages.begin(), spec.villages.end(),
                        [&](const auto& v) { return v.deso_code == d.code; }) ||
            std::find(spec.spread_evenly.begin(), spec.spread_evenly.end(), d.code) != spec.spread_evenly.end();
        if (km2 > spec.rural_min_area_km2 && d.population > 0 && !placed) {
            m.fail("villages",
                   "DeSO " + d.code + " covers " + std::to_string(std::lround(km2)) +
                       " km² (more than rural_min_area_km2) but has no village and is not listed in spread_evenly");
        }
    }
}

PopulationParams read_population(const ConfigMap& m, CitySpec& spec) {
    PopulationParams p;
    // Optional: a larger synthetic city on the same polygons, for benchmarks (world/city.hpp).
    // 64 × Borlänge is 3.3 million people, what one machine's memory comfortably holds.
    spec.population_scale = m.optional_number("scale", {1e-3, 64}).value_or(1.0);
    double share_sum = 0.0;
    int next_age = 0;
    const auto bands = m.maps("age_bands");
    for (const auto& b : bands) {
        AgeBand band;
        band.from = static_cast<int>(b.integer("from", {0, 120}));
        band.to = static_cast<int>(b.integer("to", {0, 120}));
        band.share = b.number("share", Range::unit());
        if (band.from != next_age)
            b.fail("from", "age bands must be contiguous from 0: expected " + std::to_string(next_age));
        if (band.to < band.from) b.fail("to", "the band ends before it starts");
        next_age = band.to + 1;
        share_sum += band.share;
        p.age_bands.push_back(band);
    }
    if (bands.empty()) m.fail("age_bands", "at least one age band is needed");
    if (std::abs(share_sum - 1.0) > 0.002)
        m.fail("age_bands", "shares sum to " + std::to_string(share_sum) + ", not 1");
    p.male_share = m.number("male_share", Range::unit());
    p.at_home_share_18_19 = m.number("at_home_share_18_19", Range::unit());
    p.children_per_family = m.numbers("children_per_family", Range::unit());
    double family_sum = 0.0;
    for (double f : p.children_per_family) family_sum += f;
    if (p.children_per_family.empty() || std::abs(family_sum - 1.0) > 0.01) {
        m.fail("children_per_family", "shares must sum to 1, not " + std::to_string(family_sum));
    }
    p.single_parent_share = m.number("single_parent_share", Range::unit());
    p.couple_share = m.number("couple_share", Range::unit());
    p.upper_secondary_enrolment = m.number("upper_secondary_enrolment", Range::unit());
    p.university_share_20_24 = m.number("university_share_20_24", Range::unit());
    p.out_commute_share = m.number("out_commute_share", Range::unit());
    p.distributed_jobs_share = m.number("distributed_jobs_share", Range::unit());
    p.job_distance_scale_m = m.number("job_distance_scale_m", {1, kInf});
    p.male_trait_shift = m.number("male_trait_shift", {-5, 5});
    p.ses_trait_shift = m.number("ses_trait_shift", {-5, 5});
    p.propensity_sigma = m.number("propensity_sigma", {0, 5});
    const ConfigMap leisure = m.map("youth_leisure");
    p.structured_share = leisure.number("structured", Range::unit());
    p.unstructured_share = leisure.number("unstructured", Range::unit());
    if (p.structured_share + p.unstructured_share > 1.0) {
        leisure.fail_together({"unstructured", "structured"}, "structured + unstructured shares exceed 1");
    }
    return p;
}

constexpr std::array<std::string_view, kSchedules> kScheduleNames = {
    "preschool", "child_pupil", "teen_pupil", "upper_secondary", "university", "worker", "not_employed", "pensioner"};
constexpr std::array<std::string_view, kBlocks> kBlockNames = {"main", "errand", "activity", "hangout", "night_out"};

BlockSpec read_block(const ConfigMap& m) {
    BlockSpec b;
    const auto p = m.numbers("p", Range::unit());
    if (p.size() != kDayClasses) m.fail("p", "expected three probabilities [duty day, weekday off, weekend]");
    std::copy(p.begin(), p.end(), b.probability.begin());
    const auto start = pair_of(m, "start", {0, 27}, "[mean, sd] clock hours");
    b.start_mean = start[0];
    b.start_sd = start[1];
    const auto hours = pair_of(m, "hours", {0, 23}, "[mean, sd] hours");
    b.hours_mean = hours[0];
    b.hours_sd = hours[1];
    // Absent night factors mean "no change" (1): stated in the config's comments.
    b.weekend_night_factor = m.optional_number("weekend_night_factor", {0, 20}).value_or(1.0);
    b.festive_night_factor = m.optional_number("festive_night_factor", {0, 20}).value_or(1.0);
    b.late_night_shift = m.optional_number("late_night_shift", {-12, 12}).value_or(0.0);
    return b;
}

RoutineParams read_routines(const ConfigMap& m) {
    RoutineParams r;
    r.industrial_holiday_factor = m.number("industrial_holiday_factor", Range::unit());
    r.hangout_radius_m = m.number("hangout_radius_m", {0, 20000});
    r.errand_distance_scale_m = m.number("errand_distance_scale_m", {1, kInf});
    r.night_out_min_age = static_cast<int>(m.integer("night_out_min_age", {0, 120}));
    const ConfigMap leisure = m.map("leisure_factors");
    r.leisure_factor[static_cast<std::size_t>(Leisure::Neutral)].fill(1.0);
    constexpr std::array<std::pair<std::string_view, Leisure>, 3> patterns = {{{"structured", Leisure::Structured},
                                                                               {"unstructured", Leisure::Unstructured},
                                                                               {"homebody", Leisure::Homebody}}};
    for (const auto& [name, pattern] : patterns) {
        const auto f = leisure.numbers(name, {0, 20});
        if (f.size() != kBlocks)
            leisure.fail(name, "expected five factors [main, errand, activity, hangout, night_out]");
        std::copy(f.begin(), f.end(), r.leisure_factor[static_cast<std::size_t>(pattern)].begin());
    }
    const ConfigMap schedules = m.map("schedules");
    for (int s = 0; s < kSchedules; ++s) {
        const ConfigMap sm = schedules.map(kScheduleNames[static_cast<std::size_t>(s)]);
        for (int b = 0; b < kBlocks; ++b) {
            r.schedules[static_cast<std::size_t>(s)].blocks[static_cast<std::size_t>(b)] =
                read_block(sm.map(kBlockNames[static_cast<std::size_t>(b)]));
        }
    }
    return r;
}

std::map<std::string, std::array<float, 24>> read_visitor_profiles(const ConfigMap& m) {
    std::map<std::string, std::array<float, 24>> profiles;
    for (const auto& name : m.keys()) {
        const auto v = m.numbers(name, Range::unit());
        if (v.size() != 24) m.fail(name, "expected 24 hourly shares, got " + std::to_string(v.size()));
        std::array<float, 24> a{};
        for (std::size_t h = 0; h < 24; ++h) a[h] = static_cast<float>(v[h]);
        profiles[name] = a;
    }
    return profiles;
}

void read_opening(const ConfigMap& m, int& from, int& to) {
    const auto open = pair_of(m, "open", {0, 24}, "[from, to) clock hours");
    from = whole(m, "open", open[0]);
    to = whole(m, "open", open[1]);
}

void read_place_types(const ConfigMap& m, const std::map<std::string, std::array<float, 24>>& profiles,
                      CitySpec& spec) {
    std::vector<std::string> profile_names;
    for (const auto& [k, v] : profiles) profile_names.push_back(k);
    const auto names = place_type_names();
    for (int t = 0; t < kPlaceTypes; ++t) {
        const ConfigMap pm = m.map(names[static_cast<std::size_t>(t)]);
        PlaceTypeTraits& tr = spec.place_types[static_cast<std::size_t>(t)];
        tr.jobs = pm.number("jobs", kNonNegative);
        tr.shops = pm.number("shops", kNonNegative);
        tr.errand_weight = pm.number("errand", kNonNegative);
        tr.hangout_weight = pm.number("hangout", kNonNegative);
        tr.structured_activity = pm.boolean("structured");
        tr.nightlife = pm.boolean("nightlife");
        read_opening(pm, tr.open_from, tr.open_to);
        tr.open_weekends = pm.boolean("open_weekends");
        tr.visitors_peak = pm.number("visitors_peak", kNonNegative);
        const std::string profile = pm.string("visitor_profile");
        const auto it = profiles.find(profile);
        if (it == profiles.end())
            pm.fail("visitor_profile", "no visitor profile '" + profile + "'" + did_you_mean(profile, profile_names));
        tr.visitor_profile = it->second;
        tr.weekend_visitor_factor = pm.number("weekend_visitors", kNonNegative);
        tr.lighting = pm.number("lighting", Range::unit());
        tr.cameras = pm.number("cameras", Range::unit());
        tr.cameras_monitored = pm.boolean("cameras_monitored");
        tr.footprint_m = pm.number("footprint_m", {0.0, 5000.0});
    }
}

void read_places(const ConfigMap& geo, const ConfigMap& root, const fs::path& base, const Projection& from_wgs84,
                 CitySpec& spec, std::vector<fs::path>& files) {
    const fs::path file = existing_file(geo, "places_file", base);
    files.push_back(file);
    std::vector<PlaceRecord> records;
    try {
        records = read_places_csv(file, from_wgs84);
    } catch (const InputError& e) {
        geo.fail("places_file", e.what());
    }
    std::vector<std::string> names;
    for (const auto& r : records) {
        const bool inside = std::any_of(spec.desos.begin(), spec.desos.end(),
                                        [&](const DesoSpec& d) { return contains(d.shape, r.place.where); });
        if (!inside) {
            throw ConfigError(file.string(), r.line, "lat",
                              "place '" + r.place.name + "' lies outside every area of the areas file");
        }
    }
    for (auto& r : records) {
        r.place = typical_place(std::move(r.place.name), r.place.type, r.place.where,
                                spec.place_types[static_cast<std::size_t>(r.place.type)]);
        names.push_back(r.place.name);
    }
    const ConfigMap overrides = root.map("places");
    for (const auto& name : overrides.keys()) {
        const auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end())
            overrides.fail(name, "no place named '" + name + "' in " + file.string() + did_you_mean(name, names));
        Place& p = records[static_cast<std::size_t>(it - names.begin())].place;
        const ConfigMap o = overrides.map(name);
        if (auto v = o.optional_number("jobs", kNonNegative)) p.jobs = *v;
        if (auto v = o.optional_number("lighting", Range::unit())) p.lighting = *v;
        if (auto v = o.optional_number("cameras", Range::unit())) p.cameras = *v;
        if (auto v = o.optional_boolean("cameras_monitored")) p.cameras_monitored = *v;
        if (auto v = o.optional_boolean("open_weekends")) p.open_weekends = *v;
        if (o.has("open")) read_opening(o, p.open_from, p.open_to);
    }
    for (auto& r : records) spec.places.push_back(std::move(r.place));
}

// neighbourhood_places: {<place type>: {residents_per_place: N}, …}
void read_neighbourhood(const ConfigMap& m, CitySpec& spec) {
    std::vector<std::string> type_names;
    for (auto n : place_type_names()) type_names.emplace_back(n);
    for (const auto& key : m.keys()) {
        NeighbourhoodRule rule;
        if (!place_type_from_name(key, rule.type))
            m.fail(key, "no place type '" + key + "'" + did_you_mean(key, type_names));
        rule.residents_per_place = m.map(key).number("residents_per_place", Range::at_least(1.0));
        spec.neighbourhood.push_back(rule);
    }
}

// One crime or incident type's terms in the offending rule: base rate, opportunity,
// deterrence by guardians, lighting and cameras.
CrimeTypeParams read_type_scales(const ConfigMap& tm) {
    CrimeTypeParams c;
    c.base_rate = tm.number("base_rate", Range::unit());
    c.opportunity_half = tm.number("opportunity_half", {1e-9, kInf});
    c.guardian_scale = tm.number("guardian_scale", {1e-9, kInf});
    c.lighting_effect = tm.number("lighting_effect", Range::unit());
    c.camera_effect = tm.number("camera_effect", Range::unit());
    return c;
}

OffendingParams read_offending(const ConfigMap& m) {
    OffendingParams p;
    p.max_deterrence = m.number("max_deterrence", {0, 0.999});
    p.unmonitored_camera_factor = m.number("unmonitored_camera_factor", Range::unit());
    p.home_guardian_weight = m.number("home_guardian_weight", kNonNegative);
    p.peer_gain = m.number("peer_gain", kNonNegative);
    p.peer_cap = static_cast<int>(m.integer("peer_cap", {1, 1000}));
    p.cars_per_resident = m.number("cars_per_resident", kNonNegative);
    p.cars_per_worker = m.number("cars_per_worker", kNonNegative);
    p.cars_per_visitor = m.number("cars_per_visitor", kNonNegative);
    p.bikes_per_person = m.number("bikes_per_person", kNonNegative);
    p.vandalism_place_weight = m.number("vandalism_place_weight", kNonNegative);
    p.nightlife_violence_factor = m.number("nightlife_violence_factor", kNonNegative);
    const auto hours = pair_of(m, "nightlife_hours", {0, 24}, "[from, to) clock hours");
    p.nightlife_from = whole(m, "nightlife_hours", hours[0]);
    p.nightlife_to = whole(m, "nightlife_hours", hours[1]);
    p.festive_violence_factor = m.number("festive_violence_factor", kNonNegative);
    p.displacement = m.number("displacement", Range::unit());
    p.diffusion_of_benefit = m.number("diffusion_of_benefit", Range::unit());
    p.search = m.number("search", Range::unit());
    const ConfigMap types = m.map("types");
    for (int t = 0; t < kCrimeTypes; ++t) {
        const ConfigMap tm = types.map(kCrimeTypeNames[static_cast<std::size_t>(t)]);
        p.types[static_cast<std::size_t>(t)] = read_type_scales(tm);
    }
    return p;
}

std::vector<std::string> crime_type_list() {
    return {kCrimeTypeNames.begin(), kCrimeTypeNames.end()};
}

// Near repeat per crime type; a type not listed has none (stated in the config).
std::array<NearRepeatParams, kCrimeTypes> read_near_repeat(const ConfigMap& m) {
    std::array<NearRepeatParams, kCrimeTypes> out{};
    const auto names = crime_type_list();
    for (const auto& name : m.keys()) {
        const auto it = std::find(names.begin(), names.end(), name);
        if (it == names.end()) m.fail(name, "no crime type '" + name + "'" + did_you_mean(name, names));
        const ConfigMap t = m.map(name);
        auto& p = out[static_cast<std::size_t>(it - names.begin())];
        p.enabled = true;
        p.theta = t.number("theta", kNonNegative);
        p.eta = t.number("eta", Range::unit());
        p.omega_per_day = t.number("omega_per_day", {0.0, 1.0});
    }
    return out;
}

ReportingParams read_reporting(const ConfigMap& m, const CitySpec& spec) {
    ReportingParams r;
    const ConfigMap police = m.map("police");
    for (int t = 0; t < kCrimeTypes; ++t) {
        r.police[static_cast<std::size_t>(t)] =
            police.number(kCrimeTypeNames[static_cast<std::size_t>(t)], Range::unit());
    }
    const ConfigMap incidents = m.map("police_incidents");
    for (int t = 0; t < kIncidentTypes; ++t) {
        r.police_incidents[static_cast<std::size_t>(t)] =
            incidents.number(kIncidentTypeNames[static_cast<std::size_t>(t)], Range::unit());
    }
    for (const std::size_t t : m.choices("found_by_police", kCrimeTypeNames, "crime type")) r.found_by_police[t] = true;
    r.efficacy_reference = m.number("efficacy_reference", {1e-6, 1.0});
    r.efficacy_exponent = m.number("efficacy_exponent", {0.0, 10.0});
    const auto place_types = place_type_names();
    std::vector<std::string> district_codes;
    for (const auto& d : spec.districts) district_codes.push_back(d.code);
    const auto reporters = m.maps("est_reporters");
    if (reporters.size() > static_cast<std::size_t>(kMaxEstReporters)) {
        m.fail("est_reporters", "at most " + std::to_string(kMaxEstReporters) + " reporters besides the police");
    }
    for (const auto& e : reporters) {
        EstReporter rep;
        rep.name = e.string("name");
        // Crimes, incidents (disorder, fire) or both; at least one of either.
        if (e.has("crime_types") || !e.has("incidents")) {
            for (const std::size_t t : e.choices("crime_types", kCrimeTypeNames, "crime type")) {
                rep.crime_types |= 1u << static_cast<unsigned>(t);
            }
        }
        if (e.has("incidents")) {
            for (const std::size_t t : e.choices("incidents", kIncidentTypeNames, "incident type")) {
                rep.incidents |= 1u << static_cast<unsigned>(t);
            }
        }
        if (rep.crime_types == 0 && rep.incidents == 0)
            e.fail(e.has("incidents") ? "incidents" : "crime_types",
                   "a reporter must see at least one crime type or incident type");
        if (e.has("place_types")) {
            // place_type_names() is in PlaceType order.
            for (const std::size_t t : e.choices("place_types", place_types, "place type")) {
                rep.place_types |= 1u << static_cast<unsigned>(t);
            }
        }
        if (e.has("districts")) {
            const auto codes = e.strings("districts");
            for (std::size_t k = 0; k < codes.size(); ++k) {
                const auto it = std::find(district_codes.begin(), district_codes.end(), codes[k]);
                if (it == district_codes.end()) {
                    e.fail_item("districts", k, "no district " + codes[k] + did_you_mean(codes[k], district_codes));
                }
                rep.districts.push_back(static_cast<int>(it - district_codes.begin()));
            }
        }
        // Absent means "offenders of any age": stated in the config's comments.
        rep.young_offenders_only = e.optional_boolean("young_offenders_only").value_or(false);
        rep.probability = e.number("probability", Range::unit());
        r.est.push_back(std::move(rep));
    }
    return r;
}

// `incidents`: disorder and fires (model/incidents.hpp), each with the offending rule's scales.
IncidentParams read_incidents(const ConfigMap& m) {
    IncidentParams p;
    p.nightlife_disorder_factor = m.number("nightlife_disorder_factor", kNonNegative);
    const ConfigMap types = m.map("types");
    for (int t = 0; t < kIncidentTypes; ++t) {
        const ConfigMap tm = types.map(kIncidentTypeNames[static_cast<std::size_t>(t)]);
        p.types[static_cast<std::size_t>(t)] = read_type_scales(tm);
    }
    return p;
}

LagesbildParams read_lagesbild(const ConfigMap& m) {
    LagesbildParams l;
    l.gi_band_m = m.number("gi_band_m", {0.0, 10000.0});
    l.alpha = m.number("alpha", {1e-9, 0.5});
    constexpr std::array<std::string_view, 2> kCorrections = {"fdr", "none"};
    l.correction = m.choice("correction", kCorrections) == 0 ? Correction::FalseDiscoveryRate : Correction::None;
    l.kde_bandwidth_m = m.number("kde_bandwidth_m", {1.0, 10000.0});
    l.top_k = static_cast<int>(m.integer("top_k", {0, 100000}));
    return l;
}

PolicingParams read_police(const ConfigMap& m, const CitySpec& spec) {
    PolicingParams p;
    p.patrols = static_cast<int>(m.integer("patrols", {0, 1000}));
    const auto shift = pair_of(m, "shift", {0, 24}, "[from, to) clock hours");
    p.shift_from = whole(m, "shift", shift[0]);
    p.shift_to = whole(m, "shift", shift[1]);
    std::vector<std::string> names;
    for (const auto& place : spec.places) names.push_back(place.name);
    const auto places = m.strings("static_places");
    for (std::size_t k = 0; k < places.size(); ++k) {
        const auto it = std::find(names.begin(), names.end(), places[k]);
        if (it == names.end())
            m.fail_item("static_places", k, "no place named '" + places[k] + "'" + did_you_mean(places[k], names));
        p.static_places.push_back(static_cast<int>(it - names.begin()));
    }
    if (p.patrols > 0 && p.static_places.empty())
        m.fail("static_places", "patrols need at least one place to stand at");
    p.guardian_weight = m.number("guardian_weight", kNonNegative);
    p.deterrence = m.number("deterrence", Range::unit());
    p.drug_detection = m.number("drug_detection", kNonNegative);
    p.arrest_gain = m.number("arrest_gain", kNonNegative);
    return p;
}

FieldWorkerParams read_field_workers(const ConfigMap& m) {
    FieldWorkerParams f;
    f.youth_guardian_weight = m.number("youth_guardian_weight", kNonNegative);
    f.adult_guardian_weight = m.number("adult_guardian_weight", kNonNegative);
    return f;
}

ArrestParams read_arrests(const ConfigMap& m) {
    ArrestParams a;
    const ConfigMap p = m.map("probability");
    for (int t = 0; t < kCrimeTypes; ++t) {
        a.probability[static_cast<std::size_t>(t)] =
            p.number(kCrimeTypeNames[static_cast<std::size_t>(t)], Range::unit());
    }
    a.camera_gain = m.number("camera_gain", {0.0, 20.0});
    a.spell_days_mean = m.number("spell_days_mean", {0.0, 3650.0});
    return a;
}

}  // namespace

CityConfig load_city_config(const fs::path& file, const std::vector<ParameterOverride>& overrides) {
    YamlDocument doc = YamlDocument::load(file);
    for (const auto& o : overrides) doc.set(o.path, o.yaml, o.blame.file, o.blame.line);
    const ConfigMap root = doc.root();
    const fs::path base = file.parent_path();
    CityConfig out;
    out.file = file;
    out.files = {file};
    out.text = doc.text();
    CitySpec& spec = out.spec;
    spec.name = root.string("name");
    spec.location = read_location(root.map("location"));

    const ConfigMap geo = root.map("geography");
    const std::string areas_crs = geo.string("areas_crs");
    const std::string grid_crs = geo.string("crs");
    spec.cell_size_m = geo.number("cell_size_m", {10, 5000});
    auto projection = [&](const std::string& from, std::string_view key) {
        try {
            return std::make_unique<Projection>(from, grid_crs);
        } catch (const InputError& e) {
            geo.fail(key, e.what());
        }
    };
    const auto to_grid = projection(areas_crs, "areas_crs");
    const auto from_wgs84 = projection("EPSG:4326", "crs");
    read_areas(geo, base, spec, *to_grid, out.files);

    spec.school_holidays = read_calendar(root.map("calendar"));
    read_districts(root, spec);
    read_settlements(root, spec, *from_wgs84);
    out.params.population = read_population(root.map("population"), spec);
    out.params.routine = read_routines(root.map("routines"));
    const auto profiles = read_visitor_profiles(root.map("visitor_profiles"));
    read_place_types(root.map("place_types"), profiles, spec);
    read_places(geo, root, base, *from_wgs84, spec, out.files);
    read_neighbourhood(root.map("neighbourhood_places"), spec);
    out.params.offending = read_offending(root.map("offending"));
    out.params.incidents = read_incidents(root.map("incidents"));
    out.params.near_repeat = read_near_repeat(root.map("near_repeat"));
    out.params.reporting = read_reporting(root.map("reporting"), spec);
    out.params.arrests = read_arrests(root.map("arrests"));
    out.params.lagesbild = read_lagesbild(root.map("lagesbild"));
    out.params.policing = read_police(root.map("police"), spec);
    out.params.field_workers = read_field_workers(root.map("field_workers"));
    out.params.demography = read_demography(root.map("demography"), out.params.population.age_bands.back().to);
    out.params.development = read_development(root.map("youth_development"));
    out.params.peers = read_peer_network(root.map("peer_network"));
    out.params.substance = read_substance_use(root.map("substance_use"));
    out.params.recruitment = read_recruitment(root.map("recruitment"), spec);
    out.params.social = read_social_measures(root.map("social_measures"));
    out.params.efficacy = read_collective_efficacy(root.map("collective_efficacy"));
    out.params.safety = read_safety(root.map("safety"), spec, out.params.efficacy);
    out.params.risk_area = read_risk_area(root.map("risk_area"));
    out.params.rumours = read_rumours(root.map("rumours"));
    out.grid_crs = grid_crs;
    root.finish();
    return out;
}

}  // namespace trygg
