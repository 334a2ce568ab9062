#include "io/comparison_file.hpp"

#include "io/atomic_file.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <stdexcept>

namespace trygg {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;  // keys in the documented order

// Four decimals, and no "-0": the same numbers always give the same text.
double rounded(double v) {
    const double r = std::round(v * 1e4) / 1e4;
    return r == 0.0 ? 0.0 : r;
}

std::string csv_number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", rounded(v));
    return buf;
}

std::string csv_number(const std::optional<double>& v) {
    return v ? csv_number(*v) : std::string();
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (const char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

Json number(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? Json(rounded(*v)) : Json(nullptr);
}

std::optional<double> low_of(const std::optional<Interval>& i) {
    return i ? std::optional(i->low) : std::nullopt;
}
std::optional<double> high_of(const std::optional<Interval>& i) {
    return i ? std::optional(i->high) : std::nullopt;
}

// The CSV row's fields as a JSON object, in the same order.
Json estimate_json(const Estimate& e) {
    Json j;
    j["outcome"] = e.outcome;
    j["key"] = e.key;
    j["base_mean"] = number(e.base_mean);
    j["other_mean"] = number(e.other_mean);
    j["change"] = number(e.change);
    j["change_low"] = number(low_of(e.change_interval));
    j["change_high"] = number(high_of(e.change_interval));
    j["percent"] = number(e.percent);
    j["percent_low"] = number(low_of(e.percent_interval));
    j["percent_high"] = number(high_of(e.percent_interval));
    j["replicates"] = e.replicates;
    j["pairing"] = name_of(e.pairing);
    return j;
}

Json source_json(const ComparedFile& f) {
    Json j;
    j["file"] = f.file;
    j["group"] = f.group;
    j["scenario_file"] = f.scenario_file;
    return j;
}

Json area_json(int cells, const Estimate& e) {
    Json j;
    j["cells"] = cells;
    const Json row = estimate_json(e);  // named: a temporary would die before the loop runs
    for (const auto& [key, value] : row.items()) {
        if (key != "outcome" && key != "key") j[key] = value;
    }
    return j;
}

void write_text(const fs::path& out, const std::string& text) {
    write_text_atomically(out, text);
}

}  // namespace

std::string comparison_csv(const Comparison& c) {
    std::string text = std::string(kComparisonCsvHeader) + "\n";
    for (const Estimate& e : c.outcomes) {
        text += csv_field(e.outcome) + "," + csv_field(e.key) + "," + csv_number(e.base_mean) + "," +
                csv_number(e.other_mean) + "," + csv_number(e.change) + "," + csv_number(low_of(e.change_interval)) +
                "," + csv_number(high_of(e.change_interval)) + "," + csv_number(e.percent) + "," +
                csv_number(low_of(e.percent_interval)) + "," + csv_number(high_of(e.percent_interval)) + "," +
                std::to_string(e.replicates) + "," + name_of(e.pairing) + "\n";
    }
    return text;
}

std::string comparison_json(const Comparison& c, const ComparedFile& base, const ComparedFile& other) {
    Json j;
    j["format"] = kComparisonFormat;
    j["base"] = source_json(base);
    j["other"] = source_json(other);
    j["pairing"] = name_of(c.pairing);
    j["replicates"] = c.replicates;
    j["weeks"] = c.weeks;
    Json outcomes = Json::array();
    for (const Estimate& e : c.outcomes) outcomes.push_back(estimate_json(e));
    j["outcomes"] = std::move(outcomes);

    const AreaComparison& a = c.areas;
    Json areas;
    areas["buffer_m"] = number(a.split.buffer_m);
    areas["treated"] = area_json(a.split.treated, a.treated);
    areas["buffer"] = area_json(a.split.buffer, a.buffer);
    areas["rest"] = area_json(a.split.rest, a.rest);
    Json wdq;
    wdq["value"] = number(a.wdq.value);
    wdq["low"] = number(low_of(a.wdq.interval));
    wdq["high"] = number(high_of(a.wdq.interval));
    wdq["meaning"] = a.wdq.meaning;
    areas["wdq"] = std::move(wdq);
    j["areas"] = std::move(areas);

    Json cost;
    cost["sek"] = number(c.cost.sek);
    cost["prevented"] = number(c.cost.prevented);
    cost["sek_per_crime_prevented"] = number(c.cost.sek_per_crime_prevented);
    cost["low"] = number(low_of(c.cost.interval));
    cost["high"] = number(high_of(c.cost.interval));
    cost["note"] = c.cost.note;
    j["cost"] = std::move(cost);

    Json youth;
    youth["compared"] = c.youth.compared;
    youth["last_year_weeks"] = c.youth.last_year_weeks;
    youth["note"] = c.youth.note;
    j["youth"] = std::move(youth);
    // Names come from files; a stray invalid byte must not make the whole comparison fail.
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void write_comparison_csv(const fs::path& out, const Comparison& comparison) {
    write_text(out, comparison_csv(comparison));
}

void write_comparison_json(const fs::path& out, const Comparison& comparison, const ComparedFile& base,
                           const ComparedFile& other) {
    write_text(out, comparison_json(comparison, base, other));
}

}  // namespace trygg
