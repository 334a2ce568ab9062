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

namespace {

Json cost_json(const CostEffect& c) {
    Json cost;
    cost["sek"] = number(c.sek);
    cost["prevented"] = number(c.prevented);
    cost["sek_per_unit_prevented"] = number(c.sek_per_crime_prevented);
    cost["low"] = number(low_of(c.interval));
    cost["high"] = number(high_of(c.interval));
    cost["note"] = c.note;
    return cost;
}

Json comparison_object(const Comparison& c, const ComparedFile& base, const ComparedFile& other) {
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

    const HarmCostComparison& h = c.harm;
    Json harm;
    harm["index"] = h.index_name;
    harm["unit"] = h.index_unit;
    harm["source"] = h.index_source;
    Json weights = Json::object();
    for (const HarmWeight& w : h.weights) weights[w.crime_type] = number(w.weight);
    harm["weights"] = std::move(weights);
    harm["discount_rate"] = number(h.discount_rate);
    harm["cost_sek"] = number(h.cost_sek);
    harm["cost_pv_sek"] = number(h.cost_pv_sek);
    harm["timing_assumed"] = h.timing_assumed;
    harm["per_crime_prevented_pv"] = cost_json(h.per_crime_pv);
    harm["per_harm_prevented_pv"] = cost_json(h.per_harm_pv);
    j["harm"] = std::move(harm);

    Json hot;
    hot["top_cells"] = c.hotspots.top_cells;
    hot["top_crime_share"] = number(c.hotspots.top_crime_share);
    hot["baseline_rule"] = c.hotspots.weekly;
    hot["persistent_share"] = number(c.hotspots.persistent_share);
    hot["note"] = c.hotspots.note;
    j["hotspots"] = std::move(hot);
    return j;
}

// Names come from files; a stray invalid byte must not make the whole comparison fail.
std::string dump(const Json& j) {
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string label_of(const ComparedFile& f) {
    return f.group.empty() ? f.file : f.file + ":" + f.group;
}

}  // namespace

std::string comparison_json(const Comparison& c, const ComparedFile& base, const ComparedFile& other) {
    return dump(comparison_object(c, base, other));
}

std::string ranking_csv(const StrategyRanking& r) {
    std::string text = std::string(kRankingCsvHeader) + "\n";
    for (const RankCriterion& c : r.criteria) {
        for (std::size_t s = 0; s < c.scores.size(); ++s) {
            const RankScore& x = c.scores[s];
            text += csv_field(c.name) + "," + csv_field(c.unit) + "," + csv_field(r.strategies[s]) + "," +
                    (x.rank > 0 ? std::to_string(x.rank) : std::string()) + "," + csv_number(x.mean) + "," +
                    csv_number(low_of(x.interval)) + "," + csv_number(high_of(x.interval)) + "," +
                    csv_number(x.p_best_replicates) + "," + csv_number(x.p_best_bootstrap) + "," + name_of(r.pairing) +
                    "\n";
        }
    }
    return text;
}

std::string ranking_json(const StrategyRanking& r, const ComparedFile& base, const std::vector<ComparedFile>& others) {
    Json j;
    j["format"] = kRankingFormat;
    j["base"] = source_json(base);
    j["pairing"] = name_of(r.pairing);
    j["replicates"] = r.replicates;
    Json ranking = Json::array();
    for (const RankCriterion& c : r.criteria) {
        Json criterion;
        criterion["criterion"] = c.name;
        criterion["unit"] = c.unit;
        criterion["description"] = c.description;
        Json scores = Json::array();
        for (std::size_t s = 0; s < c.scores.size(); ++s) {
            const RankScore& x = c.scores[s];
            Json score;
            score["strategy"] = r.strategies[s];
            score["rank"] = x.rank > 0 ? Json(x.rank) : Json(nullptr);
            score["mean"] = number(x.mean);
            score["low"] = number(low_of(x.interval));
            score["high"] = number(high_of(x.interval));
            score["p_best_replicates"] = number(x.p_best_replicates);
            score["p_best_bootstrap"] = number(x.p_best_bootstrap);
            scores.push_back(std::move(score));
        }
        criterion["scores"] = std::move(scores);
        ranking.push_back(std::move(criterion));
    }
    j["ranking"] = std::move(ranking);
    Json strategies = Json::array();
    for (std::size_t s = 0; s < r.comparisons.size(); ++s) {
        Json strategy;
        strategy["label"] = label_of(others[s]);
        strategy["comparison"] = comparison_object(r.comparisons[s], base, others[s]);
        strategies.push_back(std::move(strategy));
    }
    j["strategies"] = std::move(strategies);
    return dump(j);
}

void write_comparison_csv(const fs::path& out, const Comparison& comparison) {
    write_text(out, comparison_csv(comparison));
}

void write_comparison_json(const fs::path& out, const Comparison& comparison, const ComparedFile& base,
                           const ComparedFile& other) {
    write_text(out, comparison_json(comparison, base, other));
}

void write_ranking_csv(const fs::path& out, const StrategyRanking& ranking) {
    write_text(out, ranking_csv(ranking));
}

void write_ranking_json(const fs::path& out, const StrategyRanking& ranking, const ComparedFile& base,
                        const std::vector<ComparedFile>& others) {
    write_text(out, ranking_json(ranking, base, others));
}

}  // namespace trygg
