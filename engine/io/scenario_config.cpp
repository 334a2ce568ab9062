#include "io/scenario_config.hpp"

#include "core/clock.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/projection.hpp"
#include "io/yaml_reader.hpp"
#include "io/youth_config.hpp"
#include "world/rasterise.hpp"

#include <algorithm>
#include <bitset>
#include <cmath>

namespace trygg {
namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 7> kDayNames = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

Blame blame(const ConfigMap& m, std::string_view key) {
    return Blame{m.file(), m.line(key), m.path(key)};
}

[[noreturn]] void fail(const Blame& b, const std::string& problem) {
    throw ConfigError(b.file, b.line, b.path, problem);
}

std::string kind_name(InterventionKind k) {
    return std::string(kInterventionKindNames[static_cast<std::size_t>(k)]);
}

// The keys that belong to some kinds only, and which kinds take them. A key of another kind
// is refused naming the item's kind; anything else left over is a typo, caught by finish().
struct KindKey {
    std::string_view key;
    bool (*takes)(InterventionKind);
};
constexpr std::array<KindKey, 14> kKindKeys = {{
    {"intensity",
     [](InterventionKind k) {
         return k == InterventionKind::Lighting || k == InterventionKind::FixedCameras ||
                k == InterventionKind::MobileCameras;
     }},
    {"monitored",
     [](InterventionKind k) { return k == InterventionKind::FixedCameras || k == InterventionKind::MobileCameras; }},
    {"units", [](InterventionKind k) { return is_mobile(k); }},
    {"catchment_m", [](InterventionKind k) { return k == InterventionKind::Programme; }},
    {"uptake", [](InterventionKind k) { return k == InterventionKind::Programme; }},
    {"capacity", [](InterventionKind k) { return k == InterventionKind::Programme; }},
    {"structure", [](InterventionKind k) { return k == InterventionKind::Programme; }},
    {"ages", [](InterventionKind k) { return k == InterventionKind::Programme || is_social(k); }},
    {"target", [](InterventionKind k) { return is_social(k); }},
    {"risk_score", [](InterventionKind k) { return is_social(k); }},
    {"participants", [](InterventionKind k) { return is_social(k); }},
    {"setting", [](InterventionKind k) { return k == InterventionKind::AndtsPrevention; }},
    {"share", [](InterventionKind k) { return k == InterventionKind::HousingDevelopment; }},
    {"new_resident_ses", [](InterventionKind k) { return k == InterventionKind::HousingDevelopment; }},
}};

void check_keys_of_kind(const ConfigMap& m, InterventionKind kind) {
    for (const auto& key : m.given_keys()) {
        const auto it =
            std::find_if(kKindKeys.begin(), kKindKeys.end(), [&](const KindKey& k) { return k.key == key; });
        if (it == kKindKeys.end() || it->takes(kind)) continue;
        std::string takers;
        for (int k = 0; k < kInterventionKinds; ++k) {
            if (it->takes(static_cast<InterventionKind>(k)))
                takers += (takers.empty() ? "" : ", ") + kind_name(static_cast<InterventionKind>(k));
        }
        m.fail(key, "'" + key + "' does not apply to kind " + kind_name(kind) + " (it is a key of " + takers + ")");
    }
}

// `when`: dates, hours and weekdays; all optional (the whole run, all day, every day).
void read_when(const ConfigMap& m, InterventionSpec& spec) {
    ActiveWindow& w = spec.item.when;
    const bool programme = spec.item.kind == InterventionKind::Programme;
    if (auto start = m.optional_date("start")) spec.start = parse_date(*start);
    if (auto end = m.optional_date("end")) spec.end = parse_date(*end);
    if (spec.start && spec.end && *spec.end < *spec.start) {
        m.fail("end", "ends before it starts (" + to_string(*spec.start) + ")");
    }
    if (is_social(spec.item.kind) || acts_on_residents(spec.item.kind)) {
        // A social measure takes its participants week by week; rumour work and housing act
        // on residents day by day: all day, every day of their period.
        for (const std::string_view key : {"hours", "days"}) {
            if (m.has(key)) {
                m.fail(key, "'" + std::string(key) + "' does not apply to kind " + kind_name(spec.item.kind) +
                                (is_social(spec.item.kind) ? ": a social measure acts week by week"
                                                           : ": it acts on residents every day of its period") +
                                ", so `when` takes start and end only");
            }
        }
        return;
    }
    if (m.has("hours")) {
        const auto hours = m.numbers("hours", {0, 24});
        if (hours.size() != 2) m.fail("hours", "expected [from, to] clock hours, e.g. [18, 24] or [22, 2]");
        for (std::size_t k = 0; k < 2; ++k) {
            if (hours[k] != std::floor(hours[k])) m.fail_item("hours", k, "expected a whole hour");
        }
        w.from_hour = static_cast<int>(hours[0]);
        w.to_hour = static_cast<int>(hours[1]);
        if (w.from_hour == 24) m.fail_item("hours", 0, "a window starts at 0–23");
        if (w.from_hour == w.to_hour) m.fail("hours", "an empty window; [0, 24] is all day");
    }
    if (programme && w.from_hour < kModelDayStart) {
        m.fail("hours", "a programme runs in the day or evening: it starts at 04:00 or later");
    }
    if (m.has("days")) {
        const auto days = m.choices("days", kDayNames, "day", ", expected mon … sun");
        if (days.empty()) m.fail("days", "no days: leave the key out for every day");
        w.weekdays = 0;
        for (std::size_t k = 0; k < days.size(); ++k) {
            const auto bit = static_cast<std::uint8_t>(1u << days[k]);
            if (w.weekdays & bit) m.fail_item("days", k, "'" + std::string(kDayNames[days[k]]) + "' is listed twice");
            w.weekdays |= bit;
        }
    }
}

// The forms of `where` a kind takes, and what to say when another form is given.
std::vector<std::string> where_forms(InterventionKind kind) {
    if (is_mobile(kind)) return {"places", "cells"};
    if (kind == InterventionKind::Programme) return {"places"};
    if (kind == InterventionKind::AndtsPrevention) return {"district", "polygon", "cells", "places"};
    if (is_social(kind) || acts_on_residents(kind)) return {"district", "polygon", "cells"};
    return {"district", "places", "polygon", "cells"};
}

std::string wrong_where(InterventionKind kind) {
    if (kind == InterventionKind::Programme) return "a programme is at one place: where: {places: [name]}";
    if (is_mobile(kind)) return "mobile units stand at places or cells, or follow the picture (where: adaptive)";
    if (acts_on_residents(kind))
        return "kind " + kind_name(kind) +
               " acts on the residents of an area: where: {district: name}, {polygon: …} or {cells: …}";
    return "a " + kind_name(kind) +
           " item acts on the young people living in an area: where: {district: name}, {polygon: …} or {cells: …}";
}

void read_where(const ConfigMap& item, InterventionSpec& spec) {
    const bool mobile = is_mobile(spec.item.kind);
    const bool programme = spec.item.kind == InterventionKind::Programme;
    spec.where_at = blame(item, "where");
    if (item.has("where") && !item.holds_map("where")) {
        const std::string where = item.string("where");
        if (!mobile || where != "adaptive") {
            if (mobile)
                item.fail("where", "expected 'adaptive' or a mapping such as {places: [name]}, got '" + where + "'");
            if (programme || is_social(spec.item.kind) || acts_on_residents(spec.item.kind))
                item.fail("where", wrong_where(spec.item.kind));
            item.fail("where",
                      "expected a mapping such as {district: name}, {places: [names]}, "
                      "{polygon: [[lon, lat], …]} or {cells: [[column, row], …]}");
        }
        spec.item.adaptive = true;
        return;
    }
    const ConfigMap m = item.map("where");
    const std::vector<std::string> forms = where_forms(spec.item.kind);
    const std::vector<std::string> given = m.given_keys();
    if (given.size() != 1) {
        std::string options;
        for (const auto& f : forms) options += (options.empty() ? "" : ", ") + f;
        m.fail("", std::string("expected exactly one of: ") + options + (mobile ? " (or where: adaptive)" : ""));
    }
    const std::string& form = given.front();
    if (std::find(forms.begin(), forms.end(), form) == forms.end()) {
        if (form == "district" || form == "polygon" || form == "cells" || form == "places") {
            m.fail(form, wrong_where(spec.item.kind));
        }
        for (const auto& f : forms) (void)m.has(f);
        m.finish();
    }
    if (form == "district") {
        spec.district = m.string("district");
        spec.district_at = blame(m, "district");
    } else if (form == "places") {
        spec.places = m.strings("places");
        if (spec.places.empty()) m.fail("places", "no places given");
        if (programme && spec.places.size() != 1) m.fail("places", "a programme is at exactly one place");
        for (std::size_t k = 0; k < spec.places.size(); ++k) {
            spec.place_at.push_back(
                Blame{m.file(), m.line("places"), m.path("places") + "[" + std::to_string(k) + "]"});
        }
    } else if (form == "polygon") {
        const auto vertices = m.number_tuples("polygon", 2, {Range{-180, 180}, Range{-90, 90}});
        if (vertices.size() < 3) m.fail("polygon", "a polygon needs at least 3 [longitude, latitude] vertices");
        for (const auto& v : vertices) spec.polygon.push_back(GeoPoint{v[1], v[0]});
        spec.polygon_at = blame(m, "polygon");
    } else if (form == "cells") {
        const auto cells = m.number_tuples("cells", 2, {Range{0, 1e6}, Range{0, 1e6}});
        if (cells.empty()) m.fail("cells", "no cells given");
        for (std::size_t k = 0; k < cells.size(); ++k) {
            if (cells[k][0] != std::floor(cells[k][0]) || cells[k][1] != std::floor(cells[k][1]))
                m.fail_item("cells", k, "expected whole [column, row] indices of the grid (/grid/x, /grid/y)");
            spec.cells.push_back({static_cast<int>(cells[k][0]), static_cast<int>(cells[k][1])});
            spec.cell_at.push_back(Blame{m.file(), m.line("cells"), m.path("cells") + "[" + std::to_string(k) + "]"});
        }
    }
    m.finish();
}

// A programme: who comes, how many, and its structure (optional, default high: the
// programmes of scenarios written before structure existed were structured openings).
void read_programme(const ConfigMap& m, Intervention& item) {
    item.catchment_m = m.number("catchment_m", {0, 50000});
    item.uptake = m.number("uptake", Range::unit());
    item.capacity = static_cast<int>(m.integer("capacity", {1, 100000}));
    std::tie(item.min_age, item.max_age) = read_age_span(m, "ages");
    if (m.has("structure")) {
        constexpr std::array<std::string_view, 2> kStructures = {"high", "low"};
        item.structure = m.choice("structure", kStructures) == 0 ? Structure::High : Structure::Low;
    }
}

// A social measure: the ages it is for, whom it takes (target, risk_score), how many at
// once, and for ANDTS prevention its setting. Everything is required.
void read_social(const ConfigMap& m, InterventionSpec& spec) {
    Intervention& item = spec.item;
    std::tie(item.min_age, item.max_age) = read_age_span(m, "ages");
    item.target = static_cast<Target>(m.choice("target", kTargetNames));
    if (item.target == Target::RiskScore) {
        item.risk_score = m.number("risk_score", {-10, 10});
    } else if (m.has("risk_score")) {
        m.fail("risk_score", "only with target: risk_score (this item's target is " +
                                 std::string(kTargetNames[static_cast<std::size_t>(item.target)]) + ")");
    }
    item.participants = static_cast<int>(m.integer("participants", {1, 100000}));
    if (item.kind == InterventionKind::AndtsPrevention) {
        constexpr std::array<std::string_view, 2> kSettings = {"schools", "venues"};
        item.setting = m.choice("setting", kSettings) == 0 ? PreventionSetting::Schools : PreventionSetting::Venues;
        if (!spec.places.empty() && item.setting != PreventionSetting::Venues) {
            fail(spec.where_at,
                 "places name night-life venues: only with setting: venues; prevention in schools "
                 "acts on the young people living in an area ({district: …}, {polygon: …} or "
                 "{cells: …})");
        }
    }
}

InterventionSpec read_intervention(const ConfigMap& m) {
    InterventionSpec spec;
    spec.at = blame(m, "");
    Intervention& item = spec.item;
    item.name = m.string("name");
    if (item.name.empty()) m.fail("name", "an intervention needs a name");
    item.kind = static_cast<InterventionKind>(m.choice("kind", kInterventionKindNames));
    const bool programme = item.kind == InterventionKind::Programme;
    check_keys_of_kind(m, item.kind);
    read_where(m, spec);
    if (auto when = m.optional_map("when")) {
        spec.when_at = blame(m, "when");
        read_when(*when, spec);
        when->finish();
    } else {
        spec.when_at = spec.at;
        if (programme) m.fail("when", "a programme needs its hours: when: {hours: [18, 24], days: [fri]}");
    }
    switch (item.kind) {
        case InterventionKind::Lighting:
            item.intensity = m.number("intensity", Range::unit());
            break;
        case InterventionKind::FixedCameras:
            item.intensity = m.number("intensity", Range::unit());
            item.monitored = m.boolean("monitored");
            break;
        case InterventionKind::MobileCameras:
            item.intensity = m.number("intensity", Range::unit());
            item.monitored = m.boolean("monitored");
            item.units = static_cast<int>(m.integer("units", {1, 1000}));
            break;
        case InterventionKind::Patrols:
        case InterventionKind::FieldWorkers:
            item.units = static_cast<int>(m.integer("units", {1, 1000}));
            break;
        case InterventionKind::Programme:
            read_programme(m, item);
            break;
        case InterventionKind::AwarenessWork:
        case InterventionKind::OfficialInformation:
        case InterventionKind::CivilSociety:
            break;
        case InterventionKind::HousingDevelopment:
            item.share = m.number("share", Range::unit());
            if (item.share <= 0.0) m.fail("share", "must be greater than 0: the share of the area's homes rebuilt");
            item.new_resident_ses = m.number("new_resident_ses", {-5, 5});
            if (!spec.end) {
                fail(spec.when_at,
                     "a housing development needs its end (when: {start: …, end: YYYY-MM-DD}): its share of "
                     "homes is rebuilt at an even pace until then");
            }
            break;
        default:
            read_social(m, spec);
            break;
    }
    const ConfigMap cost = m.map("cost");
    // Bounded so that investment + running × years (up to 10) stays a finite, meaningful sum:
    // 1e308 SEK a year became inf SEK over the horizon.
    item.investment_sek = cost.number("investment_sek", {0, kMaxCostSek});
    item.running_sek_per_year = cost.number("running_sek_per_year", {0, kMaxCostSek});
    cost.finish();
    (void)m.optional_string("source");
    m.finish();
    return spec;
}

// `chain`: the files being read, outermost first (a loop is an error); `loaded`: files done.
void load_chain(const fs::path& file, std::vector<fs::path>& chain, std::vector<fs::path>& loaded, ScenarioConfig& out,
                const std::string& via, int via_line, const std::string& via_path) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(file, ec);
    for (const auto& seen : chain) {
        if (seen == canonical) {
            std::string loop;
            for (const auto& f : chain) loop += f.filename().string() + " → ";
            throw ConfigError(via, via_line, via_path,
                              "the scenario extends itself (" + loop + canonical.filename().string() + ")");
        }
    }
    // A scenario reached twice without a loop (two parents extending the same baseline)
    // contributes once.
    if (std::find(loaded.begin(), loaded.end(), canonical) != loaded.end()) return;
    const YamlDocument doc = YamlDocument::load(file);
    const ConfigMap root = doc.root();
    chain.push_back(canonical);
    if (root.has("extends")) {
        // One parent, or several applied in order (a combined strategy of packages).
        std::vector<std::string> parents;
        const bool list = root.holds_sequence("extends");
        if (list) {
            parents = root.strings("extends");
            if (parents.empty()) root.fail("extends", "an empty list: leave the key out");
        } else {
            parents.push_back(root.string("extends"));
        }
        for (std::size_t k = 0; k < parents.size(); ++k) {
            fs::path parent_file = parents[k];
            if (parent_file.is_relative()) parent_file = (file.parent_path() / parent_file).lexically_normal();
            if (!fs::is_regular_file(parent_file, ec)) {
                if (list) root.fail_item("extends", k, "file not found: " + parent_file.string());
                root.fail("extends", "file not found: " + parent_file.string());
            }
            const std::string at = list ? root.path("extends") + "[" + std::to_string(k) + "]" : root.path("extends");
            // Each level is a recursion: a chain 10,000 files deep overflowed the stack.
            if (chain.size() >= static_cast<std::size_t>(kMaxExtendsDepth)) {
                throw ConfigError(
                    root.file(), root.line("extends"), at,
                    "the chain of extended scenarios is more than " + std::to_string(kMaxExtendsDepth) + " files deep");
            }
            load_chain(parent_file, chain, loaded, out, root.file(), root.line("extends"), at);
        }
    }
    loaded.push_back(canonical);
    out.files.push_back(file);
    out.text += "# ---- " + file.string() + " ----\n" + doc.text();
    if (!out.text.empty() && out.text.back() != '\n') out.text += '\n';

    if (auto city = root.optional_string("city")) {
        fs::path city_file = *city;
        if (city_file.is_relative()) city_file = (file.parent_path() / city_file).lexically_normal();
        if (!fs::is_regular_file(city_file, ec)) root.fail("city", "file not found: " + city_file.string());
        out.city_file = city_file;
    }
    if (auto start = root.optional_date("start_date")) {
        const auto date = parse_date(*start);
        if (!date) root.fail("start_date", "years run from 0001 to 9999");
        out.start_date = *date;
    }
    if (auto weeks = root.optional_integer("weeks", {1, kMaxWeeks})) out.weeks = static_cast<int>(*weeks);
    if (auto reps = root.optional_integer("replicates", {1, kMaxReplicates})) out.replicates = static_cast<int>(*reps);
    if (auto seed = root.optional_integer("seed", {0, kMaxSeed})) out.seed = static_cast<std::uint64_t>(*seed);
    constexpr std::array<std::string_view, 2> kSteering = {"static", "adaptive"};
    if (auto steering = root.optional_choice("steering", kSteering)) out.adaptive_steering = *steering == 1;
    if (auto description = root.optional_string("description")) out.description = *description;
    if (auto overrides = root.optional_map("overrides")) {
        for (const auto& path : overrides->keys()) {
            ParameterOverride o{path, overrides->raw(path), blame(*overrides, path)};
            auto same = [&](const ParameterOverride& x) { return x.path == path; };
            out.overrides.erase(std::remove_if(out.overrides.begin(), out.overrides.end(), same), out.overrides.end());
            out.overrides.push_back(std::move(o));
        }
    }
    if (root.has("interventions")) {
        for (const ConfigMap& item : root.maps("interventions")) out.interventions.push_back(read_intervention(item));
    }
    root.finish();
    chain.pop_back();
}

// Responsible alcohol service acts at the night-life venues of its area: an area without
// one is a mistake, not a measure that does nothing.
void check_has_nightlife(const InterventionSpec& spec, const Intervention& item, const City& city) {
    for (std::size_t p = 0; p < city.places.size(); ++p) {
        if (!city.place_types[static_cast<std::size_t>(city.places[p].type)].nightlife) continue;
        if (std::binary_search(item.cells.begin(), item.cells.end(), city.place_cell[p])) return;
    }
    fail(spec.where_at, "'" + item.name +
                            "' works at night-life venues (setting: venues), but its area has none; "
                            "`trygg places` lists them");
}

// Whether two social measures could take the same young people: their ages overlap and,
// for ANDTS prevention, they work in the same setting.
bool same_people(const Intervention& x, const Intervention& y) {
    if (!is_social(x.kind)) return true;
    if (x.max_age < y.min_age || y.max_age < x.min_age) return false;
    return x.kind != InterventionKind::AndtsPrevention || x.setting == y.setting;
}

// Whether two items name the same place to act on: the same district, a place or cell in
// common, the same polygon, or both following the picture. (Footprints of different places
// may touch; that is no conflict: the stronger measure holds where they do.)
bool same_where(const InterventionSpec& a, const InterventionSpec& b, int district_a, int district_b) {
    if (a.item.adaptive || b.item.adaptive) return a.item.adaptive && b.item.adaptive;
    if (district_a >= 0 && district_a == district_b) return true;
    for (const auto& p : a.places) {
        if (std::find(b.places.begin(), b.places.end(), p) != b.places.end()) return true;
    }
    for (const auto& c : a.cells) {
        if (std::find(b.cells.begin(), b.cells.end(), c) != b.cells.end()) return true;
    }
    auto same_point = [](const GeoPoint& x, const GeoPoint& y) {
        return x.lat_deg == y.lat_deg && x.lon_deg == y.lon_deg;
    };
    return !a.polygon.empty() && a.polygon.size() == b.polygon.size() &&
           std::equal(a.polygon.begin(), a.polygon.end(), b.polygon.begin(), same_point);
}

// The hours of the week (0 = Monday 00:00) the window covers on the calendar. Small hours of a
// window past midnight belong to the evening before (docs/scenarios.md): mon [22, 2] covers
// Monday 22–24 and Tuesday 00–02, so it meets tue [0, 3] although their days differ.
std::bitset<168> week_hours(const ActiveWindow& w) {
    std::bitset<168> hours;
    const bool past_midnight = w.to_hour <= w.from_hour;
    for (int day = 0; day < 7; ++day) {
        if (((w.weekdays >> day) & 1u) == 0) continue;
        for (int h = 0; h < 24; ++h) {
            if (!w.in_hours(h)) continue;
            const int calendar_day = past_midnight && h < w.to_hour ? (day + 1) % 7 : day;
            hours.set(static_cast<std::size_t>(calendar_day * 24 + h));
        }
    }
    return hours;
}

// The last calendar day with an active hour: a day later for a window past midnight.
long long last_calendar_day(const ActiveWindow& w) {
    return static_cast<long long>(w.last_day) + (w.to_hour <= w.from_hour ? 1 : 0);
}

// Two items of one kind on the same place in the same hours of the same days: the scenario
// is ambiguous (which intensity, which cost?), so it is refused rather than guessed.
void check_overlaps(const ScenarioConfig& s, const InterventionPlan& plan, const std::vector<int>& districts) {
    for (std::size_t b = 0; b < plan.size(); ++b) {
        for (std::size_t a = 0; a < b; ++a) {
            const Intervention &x = plan[a], &y = plan[b];
            if (x.kind != y.kind) continue;
            const ActiveWindow &wx = x.when, &wy = y.when;
            if (last_calendar_day(wx) < wy.first_day || last_calendar_day(wy) < wx.first_day) continue;
            if ((week_hours(wx) & week_hours(wy)).none()) continue;
            if (!same_people(x, y)) continue;
            if (!same_where(s.interventions[a], s.interventions[b], districts[a], districts[b])) continue;
            const Blame& other = s.interventions[a].at;
            fail(s.interventions[b].when_at,
                 "'" + y.name + "' overlaps '" + x.name + "' (" + other.file + ":" + std::to_string(other.line) +
                     "): both " + std::string(kInterventionKindNames[static_cast<std::size_t>(y.kind)]) +
                     " at the same place at the same time; give them separate dates, days, hours or places");
        }
    }
}

}  // namespace

ScenarioConfig load_scenario_config(const fs::path& file) {
    // Required keys are checked on the merged result, since a scenario may inherit them.
    constexpr std::uint64_t kNoSeed = ~0ull;
    ScenarioConfig s;
    s.weeks = -1;
    s.replicates = -1;
    s.start_date = Date{0, 0, 0};
    s.seed = kNoSeed;
    std::vector<fs::path> chain, loaded;
    load_chain(file, chain, loaded, s, "", 0, "");
    s.file = file;
    s.name = file.stem().string();
    auto missing = [&](const char* key) {
        throw ConfigError(file.string(), 1, key,
                          "missing required key (neither this scenario nor one it extends gives it)");
    };
    if (s.city_file.empty()) missing("city");
    if (s.start_date.year == 0) missing("start_date");
    if (s.weeks < 0) missing("weeks");
    if (s.replicates < 0) missing("replicates");
    if (s.seed == kNoSeed) missing("seed");
    return s;
}

InterventionPlan resolve_interventions(const ScenarioConfig& scenario, const City& city, const std::string& grid_crs) {
    InterventionPlan plan;
    std::vector<int> districts;  // [item] the district it names, or -1
    std::unique_ptr<Projection> from_wgs84;
    for (const InterventionSpec& spec : scenario.interventions) {
        Intervention item = spec.item;
        const std::int64_t start = days_from_civil(scenario.start_date);
        auto day_of = [&](Date d) {
            return static_cast<int>(std::clamp<std::int64_t>(days_from_civil(d) - start, -1, 1LL << 30));
        };
        if (spec.start) item.when.first_day = std::max(0, day_of(*spec.start));
        if (spec.end) item.when.last_day = day_of(*spec.end);

        std::vector<int> cells;
        districts.push_back(-1);
        const auto& names = city.places;
        auto place_index = [&](const std::string& name, const Blame& at) {
            for (std::size_t p = 0; p < names.size(); ++p) {
                if (names[p].name == name) return static_cast<int>(p);
            }
            std::vector<std::string> known;
            for (const auto& p : names) known.push_back(p.name);
            fail(at, "no place named '" + name + "'" + did_you_mean(name, known));
        };
        if (!spec.district.empty()) {
            int district = -1;
            std::vector<std::string> known;
            for (std::size_t d = 0; d < city.districts.size(); ++d) {
                const auto& dist = city.districts[d];
                if (dist.name == spec.district || dist.code == spec.district) district = static_cast<int>(d);
                known.push_back(dist.name);
            }
            if (district < 0) {
                fail(spec.district_at, "no district named '" + spec.district + "' (a name or a RegSO code)" +
                                           did_you_mean(spec.district, known));
            }
            districts.back() = district;
            for (int c = 0; c < city.grid.cells(); ++c) {
                if (city.cell_district[static_cast<std::size_t>(c)] == district) cells.push_back(c);
            }
        }
        for (std::size_t k = 0; k < spec.places.size(); ++k) {
            const int p = place_index(spec.places[k], spec.place_at[k]);
            const auto& traits =
                city.place_types[static_cast<std::size_t>(city.places[static_cast<std::size_t>(p)].type)];
            if (item.kind == InterventionKind::AndtsPrevention && !traits.nightlife) {
                fail(spec.place_at[k], "'" + spec.places[k] + "' is a " +
                                           std::string(name_of(city.places[static_cast<std::size_t>(p)].type)) +
                                           ", not a night-life venue (responsible alcohol service acts at bars, "
                                           "restaurants and clubs)");
            }
            if (item.kind == InterventionKind::Programme) {
                if (!traits.structured_activity) {
                    fail(spec.place_at[k], "'" + spec.places[k] + "' is a " +
                                               std::string(name_of(city.places[static_cast<std::size_t>(p)].type)) +
                                               ", not a venue for young people (a sports hall or youth centre)");
                }
                item.place = p;
            }
            if (is_mobile(item.kind)) {
                cells.push_back(city.place_cell[static_cast<std::size_t>(p)]);
            } else {
                const auto footprint = city.footprint(static_cast<std::size_t>(p));
                cells.insert(cells.end(), footprint.begin(), footprint.end());
            }
        }
        if (!spec.polygon.empty()) {
            if (!from_wgs84) from_wgs84 = std::make_unique<Projection>("EPSG:4326", grid_crs);
            Polygon polygon;
            for (const GeoPoint& v : spec.polygon) polygon.outer.push_back((*from_wgs84)(v.lon_deg, v.lat_deg));
            const auto inside = rasterise(city.grid, std::vector<Shape>{Shape{polygon}});
            for (int c = 0; c < city.grid.cells(); ++c) {
                if (inside[static_cast<std::size_t>(c)] == 0) cells.push_back(c);
            }
            if (cells.empty())
                fail(spec.polygon_at, "the polygon covers no cell of the grid (longitude, latitude order?)");
        }
        for (std::size_t k = 0; k < spec.cells.size(); ++k) {
            const auto [col, row] = spec.cells[k];
            if (col >= city.grid.nx || row >= city.grid.ny) {
                fail(spec.cell_at[k], "cell [" + std::to_string(col) + ", " + std::to_string(row) +
                                          "] is outside the grid (" + std::to_string(city.grid.nx) + " × " +
                                          std::to_string(city.grid.ny) + " cells)");
            }
            cells.push_back(city.grid.index(col, row));
        }
        if (is_mobile(item.kind)) {
            // One cell per unit, cycling through the places or cells given.
            std::vector<int> stands;
            for (int u = 0; u < item.units && !cells.empty(); ++u) {
                stands.push_back(cells[static_cast<std::size_t>(u) % cells.size()]);
            }
            item.cells = std::move(stands);
        } else {
            std::sort(cells.begin(), cells.end());
            cells.erase(std::unique(cells.begin(), cells.end()), cells.end());
            item.cells = std::move(cells);
        }
        if (item.kind == InterventionKind::AndtsPrevention && item.setting == PreventionSetting::Venues &&
            spec.places.empty())
            check_has_nightlife(spec, item, city);
        plan.push_back(std::move(item));
    }
    int programmes = 0;
    for (std::size_t k = 0; k < plan.size(); ++k) {
        if (plan[k].kind == InterventionKind::Programme && ++programmes > kMaxProgrammes) {
            fail(scenario.interventions[k].at, "at most " + std::to_string(kMaxProgrammes) + " programmes");
        }
    }
    check_overlaps(scenario, plan, districts);
    return plan;
}

}  // namespace trygg
