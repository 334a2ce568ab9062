#include "io/sensitivity_file.hpp"

#include "io/atomic_file.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <optional>

namespace trygg {
namespace {

using Json = nlohmann::ordered_json;  // keys in the documented order

// Six significant digits, and no "-0": the same numbers always give the same text. Outputs
// are counts of crimes (thousands) or shares (indices), so digits after rounding are noise.
std::string text_of(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    const std::string s = buf;
    return s == "-0" ? "0" : s;
}

Json json_of(const std::optional<double>& v) {
    if (!v || !std::isfinite(*v)) return Json(nullptr);
    return Json(std::stod(text_of(*v)));
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (const char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

struct IndexValue {
    const char* name;
    double value;
    std::optional<Interval> interval;
};

// The indices of one parameter, in the CSV's order.
std::vector<IndexValue> values_of(const MorrisIndex& m) {
    return {
        {"mu_star", m.mu_star, m.mu_star_interval}, {"mu", m.mu, m.mu_interval}, {"sigma", m.sigma, m.sigma_interval}};
}
std::vector<IndexValue> values_of(const SobolIndex& s) {
    return {{"first", s.first, s.first_interval}, {"total", s.total, s.total_interval}};
}

// Calls row(parameter index, indices) for every parameter of a result, in its order.
template <typename Row>
void for_each_parameter(const SensitivityResult& r, Row row) {
    for (const MorrisIndex& m : r.morris) row(m.parameter, values_of(m));
    for (const SobolIndex& s : r.sobol) row(s.parameter, values_of(s));
}

}  // namespace

std::string sensitivity_csv(const SensitivityReport& report) {
    std::string out = std::string(kSensitivityCsvHeader) + "\n";
    const std::string method = name_of(report.design.method);
    for (const SensitivityResult& r : report.results) {
        for_each_parameter(r, [&](std::size_t parameter, const std::vector<IndexValue>& values) {
            for (const IndexValue& v : values) {
                out += method + "," + csv_field(r.subject) + "," + csv_field(r.outcome) + "," +
                       csv_field(report.design.parameters[parameter]) + "," + v.name + "," + text_of(v.value) + "," +
                       (v.interval ? text_of(v.interval->low) : "") + "," +
                       (v.interval ? text_of(v.interval->high) : "") + "\n";
            }
        });
    }
    return out;
}

std::string sensitivity_json(const SensitivityReport& report) {
    const SweepDesign& d = report.design;
    Json j;
    j["format"] = kSensitivityFormat;
    j["file"] = report.file;
    j["method"] = name_of(d.method);
    j["points"] = d.size();
    j["trajectories"] = d.trajectories;
    j["levels"] = d.levels;
    j["candidates"] = d.candidates;
    j["base_samples"] = d.base_samples;
    j["replicates"] = report.replicates;
    j["weeks"] = report.weeks;
    j["bootstrap_resamples"] = kSensitivityResamples;
    Json parameters = Json::array();
    for (std::size_t i = 0; i < d.dimensions(); ++i) {
        parameters.push_back(Json{{"path", d.parameters[i]}, {"low", d.low[i]}, {"high", d.high[i]}});
    }
    j["parameters"] = parameters;
    Json results = Json::array();
    for (const SensitivityResult& r : report.results) {
        Json rows = Json::array();
        for_each_parameter(r, [&](std::size_t parameter, const std::vector<IndexValue>& values) {
            Json row;
            row["parameter"] = d.parameters[parameter];
            for (const IndexValue& v : values) {
                row[v.name] = json_of(v.value);
                row[std::string(v.name) + "_low"] = json_of(v.interval ? std::optional(v.interval->low) : std::nullopt);
                row[std::string(v.name) + "_high"] =
                    json_of(v.interval ? std::optional(v.interval->high) : std::nullopt);
            }
            rows.push_back(row);
        });
        results.push_back(Json{{"subject", r.subject}, {"outcome", r.outcome}, {"parameters", rows}});
    }
    j["results"] = results;
    return j.dump(2) + "\n";
}

void write_sensitivity_csv(const std::filesystem::path& out, const SensitivityReport& report) {
    write_text_atomically(out, sensitivity_csv(report));
}

void write_sensitivity_json(const std::filesystem::path& out, const SensitivityReport& report) {
    write_text_atomically(out, sensitivity_json(report));
}

}  // namespace trygg
