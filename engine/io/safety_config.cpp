#include "io/safety_config.hpp"

#include "core/text.hpp"
#include "io/youth_config.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace trygg {
namespace {

constexpr Range kAge = {0, 120};
constexpr Range kSd = {-10, 10};     // a shift or a threshold of worry, in standard deviations
constexpr Range kEffect = {0, 100};  // SD per unit of a signal
constexpr Range kRate = {0, 1e6};    // per 1,000 residents a week
constexpr Range kWeeks = {0, 10000};

double positive(const ConfigMap& m, std::string_view key, Range r) {
    const double v = m.number(key, r);
    if (v <= 0.0) m.fail(key, "must be greater than 0");
    return v;
}

// `status_quo: {<district name or code>: {violence: …, …}, …}`: every district once.
void read_status_quo(const ConfigMap& parent, const CitySpec& spec, InsecurityParams& safety,
                     CollectiveEfficacyParams& efficacy) {
    const ConfigMap m = parent.map("status_quo");
    const std::size_t n = spec.districts.size();
    safety.status_quo.assign(n, {});
    efficacy.status_quo.assign(n, {});
    std::vector<bool> seen(n, false);
    for (const auto& key : m.keys()) {
        const std::size_t d = district_key(m, key, spec, seen);
        const ConfigMap v = m.map(key);
        DistrictSignals& s = safety.status_quo[d];
        s.violence = v.number("violence", kRate);
        s.disorder = v.number("disorder", kRate);
        s.network = v.number("network", kRate);
        s.dealing = v.number("dealing", kRate);
        s.night_presence = v.number("night_presence", kRate);
        s.victimisation = v.number("victimisation", kRate);
        EfficacyDrivers& e = efficacy.status_quo[d];
        e.victimisation = s.victimisation;
        e.disorder = s.disorder;
        e.network = s.network;
        e.unsafe = v.number("unsafe", Range::unit());
        e.turnover = v.number("turnover", kRate);
    }
    for (std::size_t d = 0; d < n; ++d) {
        if (!seen[d]) {
            parent.fail("status_quo", "district " + spec.districts[d].name + " (" + spec.districts[d].code +
                                          ") has no status quo (tools/status_quo.py writes every district)");
        }
    }
}

}  // namespace

InsecurityParams read_safety(const ConfigMap& m, const CitySpec& spec, CollectiveEfficacyParams& efficacy) {
    InsecurityParams p;
    std::tie(p.min_age, p.max_age) = read_age_span(m, "ages");
    p.unsafe_threshold = m.number("unsafe_threshold", kSd);
    p.avoid_threshold = m.number("avoid_threshold", kSd);
    if (p.avoid_threshold < p.unsafe_threshold)
        m.fail_together({"avoid_threshold", "unsafe_threshold"},
                        "avoid_threshold is below unsafe_threshold: those who avoid the night feel unsafe too");
    p.avoid_from_hour = static_cast<int>(m.integer("avoid_from_hour", {12, 27}));
    p.female_shift = m.number("female_shift", kSd);
    p.elderly_shift = m.number("elderly_shift", kSd);
    p.elderly_from = static_cast<int>(m.integer("elderly_from", kAge));
    p.violence_effect = m.number("violence_effect", kEffect);
    p.disorder_effect = m.number("disorder_effect", kEffect);
    p.network_effect = m.number("network_effect", kEffect);
    p.victimisation_effect = m.number("victimisation_effect", kEffect);
    p.emptiness_effect = m.number("emptiness_effect", kEffect);
    p.night_presence_scale = positive(m, "night_presence_scale", kRate);
    p.darkness_effect = m.number("darkness_effect", kEffect);
    p.victim_effect = m.number("victim_effect", kEffect);
    p.victim_memory_weeks = positive(m, "victim_memory_weeks", kWeeks);
    p.memory_weeks = m.number("memory_weeks", kWeeks);
    if (p.memory_weeks < 1.0) m.fail("memory_weeks", "must be at least 1 (one week: no memory beyond the week)");
    p.problem_threshold = m.number("problem_threshold", kSd);
    p.gang_effect = m.number("gang_effect", kEffect);
    p.dealing_effect = m.number("dealing_effect", kEffect);
    read_status_quo(m, spec, p, efficacy);
    return p;
}

CollectiveEfficacyParams read_collective_efficacy(const ConfigMap& m) {
    CollectiveEfficacyParams p;
    p.weeks_to_settle = m.number("weeks_to_settle", kWeeks);
    if (p.weeks_to_settle < 1.0) m.fail("weeks_to_settle", "must be at least 1 week");
    p.victimisation_effect = m.number("victimisation_effect", kEffect);
    p.insecurity_effect = m.number("insecurity_effect", kEffect);
    p.disorder_effect = m.number("disorder_effect", kEffect);
    p.network_effect = m.number("network_effect", kEffect);
    p.turnover_effect = m.number("turnover_effect", kEffect);
    p.tenure_effect = m.number("tenure_effect", kEffect);
    p.civil_society_effect = m.number("civil_society_effect", kEffect);
    p.floor = m.number("floor", Range::unit());
    p.ceiling = m.number("ceiling", Range::unit());
    if (p.ceiling <= p.floor) m.fail_together({"ceiling", "floor"}, "ceiling must be above floor");
    return p;
}

RiskAreaParams read_risk_area(const ConfigMap& m) {
    RiskAreaParams p;
    p.ses_cutoff = m.number("ses_cutoff", {-10, 10});
    p.cap = positive(m, "cap", {0, 1000});
    const ConfigMap t = m.map("thresholds");
    p.utsatt = t.number("utsatt", {0, 1000});
    p.risk = t.number("risk", {0, 1000});
    p.sarskilt_utsatt = t.number("sarskilt_utsatt", {0, 1000});
    if (!(p.utsatt < p.risk && p.risk < p.sarskilt_utsatt))
        t.fail_together({"utsatt", "risk", "sarskilt_utsatt"},
                        "thresholds must increase: utsatt < risk < sarskilt_utsatt");
    p.trend_step = positive(m, "trend_step", {0, 1000});
    const ConfigMap c = m.map("components");
    double weights = 0.0;
    for (int k = 0; k < kRiskComponents; ++k) {
        const std::string name(kRiskComponentNames[static_cast<std::size_t>(k)]);
        const ConfigMap one = c.map(name);
        p.reference[static_cast<std::size_t>(k)] = positive(one, "reference", {0, 1e6});
        p.weight[static_cast<std::size_t>(k)] = one.number("weight", {0, 1000});
        weights += p.weight[static_cast<std::size_t>(k)];
    }
    if (weights <= 0.0) m.fail("components", "at least one component needs a weight above 0");
    return p;
}

RumourParams read_rumours(const ConfigMap& m) {
    RumourParams p;
    p.start_chance = m.number("start_chance", Range::unit());
    p.witnesses = static_cast<int>(m.integer("witnesses", {1, 100}));
    p.youth_share = m.number("youth_share", Range::unit());
    std::tie(p.youth_min_age, p.youth_max_age) = read_age_span(m, "youth_ages");
    p.neighbour_share = m.number("neighbour_share", Range::unit());
    // Two draws a contact in a spreader's day of at most 128 (sim/safety_layer.cpp).
    p.neighbour_contacts = static_cast<int>(m.integer("neighbour_contacts", {0, 50}));
    p.stop_per_day = positive(m, "stop_per_day", Range::unit());
    p.immunity_days = static_cast<int>(m.integer("immunity_days", {0, 3650}));
    p.worry_effect = m.number("worry_effect", kEffect);
    p.worry_memory_weeks = positive(m, "worry_memory_weeks", kWeeks);
    p.retaliation = m.number("retaliation", kEffect);
    p.retaliation_days = static_cast<int>(m.integer("retaliation_days", {0, 3650}));
    p.awareness_share_reduction = m.number("awareness_share_reduction", Range::unit());
    p.official_stop_factor = m.number("official_stop_factor", {1, 100});
    return p;
}

}  // namespace trygg
