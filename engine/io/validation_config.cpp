#include "io/validation_config.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/yaml_reader.hpp"
#include "model/crime_type.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string_view>
#include <utility>

namespace trygg {
namespace {

namespace fs = std::filesystem;

template <class E>
using Names = std::vector<std::pair<std::string_view, E>>;

const Names<Statistic> kStatistics = {{"percent_change", Statistic::PercentChange},
                                      {"wdq", Statistic::Wdq},
                                      {"knox_ratio", Statistic::KnoxRatio},
                                      {"cells_holding", Statistic::CellsHolding},
                                      {"share", Statistic::Share},
                                      {"yearly_count", Statistic::YearlyCount}};
const Names<AreaChoice> kAreas = {{"study_area", AreaChoice::StudyArea},
                                  {"districts", AreaChoice::Districts},
                                  {"treated", AreaChoice::Treated},
                                  {"buffer", AreaChoice::Buffer},
                                  {"rest", AreaChoice::Rest}};
const Names<LightChoice> kLights = {
    {"any", LightChoice::Any}, {"dark", LightChoice::Dark}, {"daylight", LightChoice::Daylight}};
const Names<Counted> kCounted = {
    {"crimes", Counted::Crimes}, {"reported", Counted::Reported}, {"youth_offences", Counted::YouthOffences}};
constexpr std::array<std::string_view, 7> kDayNames = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

template <class E>
E choose(const ConfigMap& m, std::string_view key, const Names<E>& names, E fallback, bool required = false) {
    std::vector<std::string_view> all;
    for (const auto& [n, e] : names) all.push_back(n);
    const std::optional<std::size_t> k =
        required ? std::optional<std::size_t>(m.choice(key, all)) : m.optional_choice(key, all);
    return k ? names[*k].second : fallback;
}

fs::path beside(const fs::path& file, const std::string& name) {
    fs::path p = name;
    return p.is_relative() ? (file.parent_path() / p).lexically_normal() : p;
}

ScenarioConfig scenario_at(const ConfigMap& m, std::string_view key, const fs::path& file) {
    const fs::path path = beside(file, m.string(key));
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) m.fail(key, "file not found: " + path.string());
    return load_scenario_config(path);
}

std::vector<int> crime_types(const ConfigMap& m) {
    std::vector<int> types;
    if (!m.has("types")) return types;
    const auto chosen = m.choices("types", kCrimeTypeNames, "crime type");
    if (chosen.empty()) m.fail("types", "no types: leave the key out for every type");
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const int t = static_cast<int>(chosen[k]);
        if (std::find(types.begin(), types.end(), t) != types.end()) m.fail_item("types", k, "listed twice");
        types.push_back(t);
    }
    return types;
}

// [from, to] clock hours, wrapping past midnight as scenarios' windows do: [22, 4] is
// 22:00–04:00.
std::vector<int> clock_hours(const ConfigMap& m) {
    std::vector<int> hours;
    if (!m.has("hours")) return hours;
    const auto h = m.numbers("hours", {0, 24});
    if (h.size() != 2) m.fail("hours", "expected [from, to] clock hours, e.g. [18, 24] or [22, 4]");
    for (std::size_t k = 0; k < 2; ++k) {
        if (h[k] != std::floor(h[k])) m.fail_item("hours", k, "expected a whole hour");
    }
    const int from = static_cast<int>(h[0]), to = static_cast<int>(h[1]);
    if (from == 24) m.fail_item("hours", 0, "a window starts at 0–23");
    if (from == to) m.fail("hours", "an empty window; leave the key out for every hour");
    for (int c = from; c != to % 24 || hours.empty(); c = (c + 1) % 24) {
        hours.push_back(c);
        if (static_cast<int>(hours.size()) == 24) break;
    }
    return hours;
}

std::vector<int> weekdays(const ConfigMap& m) {
    std::vector<int> days;
    if (!m.has("days")) return days;
    const auto chosen = m.choices("days", kDayNames, "day", ", expected mon … sun");
    if (chosen.empty()) m.fail("days", "no days: leave the key out for every day");
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const int day = static_cast<int>(chosen[k]) + 1;
        if (std::find(days.begin(), days.end(), day) != days.end()) m.fail_item("days", k, "listed twice");
        days.push_back(day);
    }
    return days;
}

Interval interval(const ConfigMap& m, std::string_view key) {
    const auto v = m.numbers(key, Range::any());
    if (v.size() != 2 || !(v[0] <= v[1])) m.fail(key, "expected [low, high] with low ≤ high");
    return {v[0], v[1]};
}

std::string num(double v) {
    char text[64];
    std::snprintf(text, sizeof text, "%.3g", v);
    return text;
}

// A published figure on the statistic's scale, or as an odds ratio (the Campbell reviews'
// effect size: crimes before/after in control over the same in treated), which becomes a
// percent change in the treated area: 100 · (1/OR − 1).
// Yearly counts from a CSV of `year,crime_type,registered` rows (configs/data/
// borlange_registered_by_type.csv): the mean over the years, and their range as the interval.
PublishedFigure observed_counts(const ConfigMap& m, const fs::path& study_file, const std::vector<int>& types) {
    const fs::path file = beside(study_file, m.string("from_csv"));
    const Interval years = interval(m, "years");
    if (types.size() != 1) m.fail("from_csv", "a count from the table is of one crime type: give `types: [one]`");
    const std::string type(kCrimeTypeNames[static_cast<std::size_t>(types[0])]);
    std::ifstream in(file);
    if (!in) m.fail("from_csv", "cannot open file " + file.string());
    std::string line;
    std::getline(in, line);
    if (line != "year,crime_type,registered") {
        throw InputError(file.string() + ":1: expected the header year,crime_type,registered");
    }
    std::vector<double> counts;
    for (int n = 2; std::getline(in, line); ++n) {
        const auto a = line.find(','), b = line.rfind(',');
        int year = 0;
        double count = 0.0;
        if (a == std::string::npos || a == b || std::sscanf(line.c_str(), "%d", &year) != 1 ||
            std::sscanf(line.c_str() + b + 1, "%lf", &count) != 1 || !std::isfinite(count) || count < 0.0) {
            throw InputError(file.string() + ":" + std::to_string(n) + ": expected year,crime_type,registered");
        }
        if (line.substr(a + 1, b - a - 1) == type && year >= years.low && year <= years.high) counts.push_back(count);
    }
    if (counts.empty()) m.fail("from_csv", "no rows of " + type + " in the years asked for in " + file.string());
    PublishedFigure p;
    double sum = 0.0;
    for (const double c : counts) sum += c;
    p.estimate = sum / static_cast<double>(counts.size());
    p.interval = {*std::min_element(counts.begin(), counts.end()), *std::max_element(counts.begin(), counts.end())};
    p.source = m.optional_string("source").value_or("police-registered offences, " + file.filename().string());
    p.note = "mean of " + std::to_string(counts.size()) + " years " + num(years.low) + "–" + num(years.high) +
             "; interval: their range";
    if (auto note = m.optional_string("note")) p.note += "; " + *note;
    return p;
}

PublishedFigure published(const ConfigMap& m, Statistic statistic, const fs::path& study_file,
                          const std::vector<int>& types) {
    if (m.has("from_csv")) {
        if (statistic != Statistic::YearlyCount) m.fail("from_csv", "a table of counts is read by yearly_count only");
        return observed_counts(m, study_file, types);
    }
    PublishedFigure p;
    p.source = m.string("source");
    p.note = m.optional_string("note").value_or("");
    const bool odds = m.has("odds_ratio");
    if (odds && m.has("estimate")) m.fail("odds_ratio", "give an estimate or an odds ratio, not both");
    if (odds) {
        if (statistic != Statistic::PercentChange) m.fail("odds_ratio", "an odds ratio reads as a percent change only");
        const double ratio = m.number("odds_ratio", {1e-6, 1e6});
        const Interval r = interval(m, "interval");
        if (r.low <= 0.0) m.fail("interval", "an odds ratio's interval is positive");
        if (!(r.low <= ratio && ratio <= r.high)) m.fail("odds_ratio", "outside its own interval");
        const auto percent = [](double o) { return 100.0 * (1.0 / o - 1.0); };
        p.estimate = percent(ratio);
        p.interval = {percent(r.high), percent(r.low)};
        const std::string conv = "OR " + num(ratio) + " (" + num(r.low) + "–" + num(r.high) + ") as 100·(1/OR − 1)";
        p.note = p.note.empty() ? conv : conv + "; " + p.note;
        return p;
    }
    p.estimate = m.number("estimate");
    p.interval = interval(m, "interval");
    if (!(p.interval.low <= p.estimate && p.estimate <= p.interval.high)) {
        m.fail("estimate", "outside its own interval");
    }
    return p;
}

FindingConfig finding(const ConfigMap& m, const fs::path& study_file, bool has_treated, int weeks) {
    FindingConfig f;
    FindingSpec& s = f.spec;
    s.name = m.string("name");
    s.label = m.string("label");
    s.statistic = choose(m, "statistic", kStatistics, Statistic::PercentChange, true);
    if (needs_treated_run(s.statistic) && !has_treated) {
        m.fail("statistic", "'" + m.path("") + "' compares two runs: the study needs `treated:`");
    }
    CrimeSelection& c = s.crimes;
    c.counted = choose(m, "count", kCounted, Counted::Crimes);
    c.area = choose(m, "area", kAreas, AreaChoice::StudyArea);
    if ((c.area == AreaChoice::Treated || c.area == AreaChoice::Buffer || c.area == AreaChoice::Rest) && !has_treated) {
        m.fail("area", "treated, buffer and rest are where a treated run's measures act: the study needs `treated:`");
    }
    if (s.statistic == Statistic::Wdq && m.has("area")) {
        m.fail("area", "a WDQ uses the treated area, the buffer and the rest together: leave `area` out");
    }
    if (c.area == AreaChoice::Districts && !m.has("districts")) m.fail("area", "`area: districts` needs `districts:`");
    if (m.has("districts")) {
        f.districts.names = m.strings("districts");
        if (f.districts.names.empty()) m.fail("districts", "no districts: leave the key out for every district");
        f.districts.file = m.file();
        f.districts.line = m.line("districts");
        f.districts.key = m.path("districts");
    }
    c.types = crime_types(m);
    c.light = choose(m, "light", kLights, LightChoice::Any);
    c.hours = clock_hours(m);
    c.weekdays = weekdays(m);
    // A fixed range (the schema's), then the study's own horizon.
    c.first_week = static_cast<int>(m.optional_integer("from_week", {0, kMaxWeeks - 1}).value_or(0));
    if (c.first_week >= weeks) {
        m.fail("from_week", "value " + std::to_string(c.first_week) + " is out of range [0, " +
                                std::to_string(weeks - 1) + "]: the study runs " + std::to_string(weeks) + " weeks");
    }
    if (c.counted == Counted::YouthOffences) {
        for (const std::string_view key : {"types", "light", "hours", "days"}) {
            if (m.has(key)) m.fail(key, "youth offences are counted by week and home district only");
        }
        if (c.area != AreaChoice::StudyArea && c.area != AreaChoice::Districts) {
            m.fail("area", "youth offences are counted by home district: study_area or districts");
        }
    }
    if (s.statistic == Statistic::KnoxRatio) {
        const ConfigMap band = m.map("band");
        const Interval d = interval(band, "distance_m");
        const Interval t = interval(band, "days");
        if (d.low < 0.0 || t.low < 0.0) band.fail("distance_m", "distances and lags are ≥ 0");
        s.band = {d.low, d.high, t.low, t.high};
    } else if (m.has("band")) {
        m.fail("band", "a band is read by knox_ratio only");
    }
    if (s.statistic == Statistic::CellsHolding) {
        s.crime_share = m.number("crime_share", {0.01, 1.0});
    } else if (m.has("crime_share")) {
        m.fail("crime_share", "read by cells_holding only");
    }
    if (s.statistic == Statistic::Share && c.hours.empty() && c.weekdays.empty() && c.light == LightChoice::Any) {
        m.fail("statistic", "a share needs hours, days or light to say which part of the crimes it is");
    }
    if (c.counted == Counted::YouthOffences && s.statistic != Statistic::PercentChange &&
        s.statistic != Statistic::YearlyCount) {
        m.fail("count", "youth offences have no place or hour: percent_change or yearly_count only");
    }
    s.published = published(m.map("published"), s.statistic, study_file, c.types);
    s.tolerance = m.optional_number("tolerance", Range::at_least(0.0)).value_or(0.0);
    constexpr std::array<std::string_view, 2> kExpect = {"overlap", "gap"};
    s.expect_overlap = m.optional_choice("expect", kExpect).value_or(0) == 0;
    if (!s.expect_overlap) {
        s.gap = m.string("gap");
        if (s.gap.empty()) m.fail("gap", "say which mechanism is missing");
    } else if (m.has("gap")) {
        m.fail("gap", "a gap's reason goes with `expect: gap`");
    }
    return f;
}

}  // namespace

StudyConfig load_study_config(const fs::path& file) {
    const YamlDocument doc = YamlDocument::load(file);
    const ConfigMap root = doc.root();
    StudyConfig s;
    s.file = file;
    s.name = file.stem().string();
    s.title = root.string("title");
    s.sources = root.strings("sources");
    if (s.sources.empty()) root.fail("sources", "cite the studies replicated");
    s.design = root.string("design");
    s.baseline = scenario_at(root, "baseline", file);
    if (root.has("treated")) s.treated = scenario_at(root, "treated", file);
    s.weeks = static_cast<int>(root.integer("weeks", {1, kMaxWeeks}));
    s.replicates = static_cast<int>(root.integer("replicates", {2, kMaxValidationReplicates}));
    s.seed = static_cast<std::uint64_t>(root.integer("seed", {0, kMaxSeed}));
    s.buffer_m = root.optional_number("buffer_m", {0.0, 10000.0}).value_or(kDefaultBufferM);
    const auto items = root.maps("findings");
    if (items.empty()) root.fail("findings", "no findings to check");
    for (const auto& m : items) {
        s.findings.push_back(finding(m, file, s.treated.has_value(), s.weeks));
        const std::string& name = s.findings.back().spec.name;
        for (std::size_t k = 0; k + 1 < s.findings.size(); ++k) {
            if (s.findings[k].spec.name == name) m.fail("name", "a second finding named '" + name + "'");
        }
    }
    root.finish();
    // The runs share everything but the measures, so replicate r of both draws the same numbers.
    for (ScenarioConfig* sc : {&s.baseline, s.treated ? &*s.treated : nullptr}) {
        if (!sc) continue;
        sc->weeks = s.weeks;
        sc->replicates = s.replicates;
        sc->seed = s.seed;
    }
    if (s.treated && s.treated->start_date != s.baseline.start_date) {
        root.fail("treated", "starts on another date than the baseline: the runs would not be paired");
    }
    if (s.treated && s.treated->city_file != s.baseline.city_file) {
        root.fail("treated", "uses another city config than the baseline: the runs would not be paired");
    }
    return s;
}

std::vector<int> resolve_districts(const DistrictNames& names, const std::vector<std::string>& city_districts) {
    std::vector<int> out;
    for (const auto& n : names.names) {
        const auto it = std::find(city_districts.begin(), city_districts.end(), n);
        if (it == city_districts.end()) {
            throw ConfigError(names.file, names.line, names.key,
                              "unknown district '" + n + "'" + did_you_mean(n, city_districts));
        }
        out.push_back(static_cast<int>(it - city_districts.begin()));
    }
    return out;
}

}  // namespace trygg
