#include "io/youth_config.hpp"

#include "core/calendar.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

namespace trygg {
namespace {

const Range kNonNegative = Range::at_least(0.0);
constexpr Range kAge = {0, 120};
constexpr Range kSd = {-10, 10};  // a shift or a threshold in standard deviations
constexpr Range kFactor = {0, 100};

std::string number_text(double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

// A value that must be strictly positive (a rate constant, a scale).
double positive(const ConfigMap& m, std::string_view key, double max) {
    const double v = m.number(key, {0, max});
    if (v <= 0.0) m.fail(key, "must be greater than 0");
    return v;
}

// `{effect: e, reference: r}`: a development driver's shift [SD] per unit and its baseline level.
std::pair<double, double> effect_of(const ConfigMap& parent, std::string_view key, Range reference) {
    const ConfigMap m = parent.map(key);
    return {m.number("effect", {0, 10}), m.number("reference", reference)};
}

std::vector<MigrationBand> read_migration(const ConfigMap& m, int oldest_age) {
    std::vector<MigrationBand> bands;
    int next_age = 0;
    double in_sum = 0.0;
    for (const auto& b : m.maps("migration")) {
        MigrationBand band;
        band.from = static_cast<int>(b.integer("from", kAge));
        band.to = static_cast<int>(b.integer("to", kAge));
        band.out_per_year = b.number("out_per_year", Range::unit());
        band.in_share = b.number("in_share", Range::unit());
        if (band.from != next_age) {
            b.fail("from", "migration bands must be contiguous from 0 without gaps or overlaps: expected " +
                               std::to_string(next_age));
        }
        if (band.to < band.from) b.fail("to", "the band ends before it starts");
        next_age = band.to + 1;
        in_sum += band.in_share;
        bands.push_back(band);
    }
    if (bands.empty()) m.fail("migration", "at least one migration band is needed");
    if (std::abs(in_sum - 1.0) > 1e-6) m.fail("migration", "in_share sums to " + number_text(in_sum) + ", not 1");
    if (bands.back().to < oldest_age) {
        m.fail("migration", "the bands end at " + std::to_string(bands.back().to) +
                                "; they must reach the oldest age of population.age_bands (" +
                                std::to_string(oldest_age) + ")");
    }
    return bands;
}

// The (age, gain) points of self-control's maturation, strictly increasing in age.
std::vector<std::pair<int, double>> read_maturation(const ConfigMap& m) {
    const auto points = m.number_tuples("maturation", 2, {kAge, kSd});
    if (points.empty()) m.fail("maturation", "at least one [age, gain] point is needed");
    std::vector<std::pair<int, double>> out;
    for (std::size_t k = 0; k < points.size(); ++k) {
        if (points[k][0] != std::floor(points[k][0])) m.fail_item("maturation", k, "expected a whole age in years");
        const int age = static_cast<int>(points[k][0]);
        if (!out.empty() && age <= out.back().first) {
            m.fail_item(
                "maturation", k,
                "ages must increase strictly: " + std::to_string(age) + " follows " + std::to_string(out.back().first));
        }
        out.emplace_back(age, points[k][1]);
    }
    return out;
}

// A substance's observed age profile: ages strictly increasing, 0 ≤ regular ≤ any ≤ 1, and
// `any` (past-year or ever use) never falling with age.
std::vector<UsePoint> read_profile(const ConfigMap& m, std::string_view key) {
    std::vector<UsePoint> out;
    for (const auto& p : m.maps(key)) {
        UsePoint u;
        u.age = static_cast<int>(p.integer("age", kAge));
        u.any = p.number("any", Range::unit());
        u.regular = p.number("regular", Range::unit());
        if (u.regular > u.any) {
            p.fail("regular",
                   "regular use (" + number_text(u.regular) + ") cannot exceed any use (" + number_text(u.any) + ")");
        }
        if (!out.empty() && u.age <= out.back().age) {
            p.fail("age", "ages must increase strictly: " + std::to_string(u.age) + " follows " +
                              std::to_string(out.back().age));
        }
        if (!out.empty() && u.any < out.back().any) {
            p.fail("any", "use cannot fall with age: " + number_text(u.any) + " at " + std::to_string(u.age) +
                              " after " + number_text(out.back().any) + " at " + std::to_string(out.back().age));
        }
        out.push_back(u);
    }
    if (out.empty()) m.fail(key, "at least one {age, any, regular} point is needed");
    return out;
}

// `initial: {<district name or code>: {members: n, associates: n}, …}`; districts not
// listed start with none.
void read_initial_network(const ConfigMap& m, const CitySpec& spec, RecruitmentParams& p) {
    const std::size_t n = spec.districts.size();
    p.initial_members.assign(n, 0.0);
    p.initial_associates.assign(n, 0.0);
    std::vector<bool> seen(n, false);
    for (const auto& key : m.keys()) {
        const std::size_t d = district_key(m, key, spec, seen);
        const ConfigMap counts = m.map(key);
        p.initial_members[d] = counts.number("members", {0, 1e6});
        p.initial_associates[d] = counts.number("associates", {0, 1e6});
    }
}

}  // namespace

std::size_t district_key(const ConfigMap& m, const std::string& key, const CitySpec& spec, std::vector<bool>& seen) {
    const auto it = std::find_if(spec.districts.begin(), spec.districts.end(),
                                 [&](const DistrictSpec& d) { return d.name == key || d.code == key; });
    if (it == spec.districts.end()) {
        std::vector<std::string> names;
        for (const auto& d : spec.districts) names.push_back(d.name);
        m.fail(key, "no district named '" + key + "' (a name or a RegSO code)" + did_you_mean(key, names));
    }
    const auto d = static_cast<std::size_t>(it - spec.districts.begin());
    if (seen[d]) m.fail(key, "district " + it->name + " (" + it->code + ") is listed twice");
    seen[d] = true;
    return d;
}

std::pair<int, int> read_age_span(const ConfigMap& m, std::string_view key) {
    const auto ages = m.numbers(key, kAge);
    if (ages.size() != 2 || ages[0] != std::floor(ages[0]) || ages[1] != std::floor(ages[1])) {
        m.fail(key, "expected [youngest, oldest] whole years, e.g. [13, 20]");
    }
    if (ages[0] > ages[1]) {
        m.fail(key, "the youngest age " + number_text(ages[0]) + " is above the oldest " + number_text(ages[1]));
    }
    return {static_cast<int>(ages[0]), static_cast<int>(ages[1])};
}

DemographyParams read_demography(const ConfigMap& m, int oldest_age) {
    DemographyParams p;
    const ConfigMap mortality = m.map("mortality");
    p.mortality_a = positive(mortality, "a", 1.0);
    p.mortality_b = positive(mortality, "b", 1.0);
    p.births_per_1000 = m.number("births_per_1000", {0, 100});
    const ConfigMap start = m.map("school_start");
    p.school_start_month = static_cast<int>(start.integer("month", {1, 12}));
    p.school_start_day = static_cast<int>(start.integer("day", {1, 31}));
    if (!is_valid(MonthDay{p.school_start_month, p.school_start_day})) {
        start.fail("day", "month " + std::to_string(p.school_start_month) + " has no day " +
                              std::to_string(p.school_start_day));
    }
    p.migration = read_migration(m, oldest_age);
    return p;
}

DevelopmentParams read_development(const ConfigMap& m) {
    DevelopmentParams p;
    std::tie(p.min_age, p.max_age) = read_age_span(m, "ages");
    p.offending_from_age = static_cast<int>(m.integer("offending_from_age", kAge));
    p.threshold = m.number("threshold", kSd);
    p.maturation = read_maturation(m);
    p.adjustment_weeks = m.number("adjustment_weeks", {1, 5200});
    std::tie(p.exposure_effect, p.exposure_reference) = effect_of(m, "exposure", {0, 16.8});
    std::tie(p.peer_effect, p.peer_reference) = effect_of(m, "delinquent_peers", Range::unit());
    std::tie(p.substance_effect, p.substance_reference) = effect_of(m, "regular_substance_use", Range::unit());
    std::tie(p.school_failure_effect, p.school_failure_reference) = effect_of(m, "school_failure", Range::unit());
    std::tie(p.structured_effect, p.structured_reference) = effect_of(m, "structured_leisure", {0, 16.8});
    p.engagement_effect = m.number("school_engagement_effect", {0, 10});
    p.school_failure_threshold = m.number("school_failure_threshold", kSd);
    p.engagement_substance_effect = m.number("engagement_substance_effect", {0, 10});
    p.engagement_peer_effect = m.number("engagement_peer_effect", {0, 10});
    return p;
}

PeerNetworkParams read_peer_network(const ConfigMap& m) {
    PeerNetworkParams p;
    std::tie(p.min_age, p.max_age) = read_age_span(m, "ages");
    p.neighbour_age_gap = static_cast<int>(m.integer("neighbour_age_gap", {0, 120}));
    return p;
}

SubstanceParams read_substance_use(const ConfigMap& m) {
    SubstanceParams p;
    std::tie(p.min_age, p.max_age) = read_age_span(m, "ages");
    p.profile[kAlcohol] = read_profile(m, "alcohol");
    p.profile[kNarcotics] = read_profile(m, "narcotics");
    p.peer_gain = m.number("peer_gain", kFactor);
    p.market_gain = m.number("market_gain", kFactor);
    p.quit_per_year = m.number("quit_per_year", kNonNegative);
    p.debt_per_year = m.number("debt_per_year", kNonNegative);
    p.debt_clear_per_year = m.number("debt_clear_per_year", kNonNegative);
    p.prevention_effect = m.number("prevention_effect", Range::unit());
    return p;
}

RecruitmentParams read_recruitment(const ConfigMap& m, const CitySpec& spec) {
    RecruitmentParams p;
    std::tie(p.min_age, p.max_age) = read_age_span(m, "ages");
    const ConfigMap contact = m.map("contact");
    p.contact_per_tie = contact.number("per_tie", kNonNegative);
    p.contact_per_exposure = contact.number("per_exposure", kNonNegative);
    p.contact_per_presence = contact.number("per_presence", kNonNegative);
    const ConfigMap associate = m.map("associate");
    p.associate_rate = associate.number("rate", kNonNegative);
    p.associate_slope = associate.number("slope", {0, 20});
    p.debt_factor = associate.number("debt_factor", kFactor);
    const ConfigMap member = m.map("member");
    p.member_rate = member.number("rate", kNonNegative);
    p.member_per_tie = member.number("per_tie", kNonNegative);
    p.contact_lapse_per_year = m.number("contact_lapse_per_year", kNonNegative);
    p.associate_lapse_per_year = m.number("associate_lapse_per_year", kNonNegative);
    p.member_exit_per_year = m.number("member_exit_per_year", kNonNegative);
    const ConfigMap ageing = m.map("ageing_out");
    p.ageing_out_from = static_cast<int>(ageing.integer("from", kAge));
    p.ageing_out_per_year = ageing.number("per_year", kNonNegative);
    p.arrest_exit_share = m.number("arrest_exit_share", Range::unit());
    p.exit_programme_factor = m.number("exit_programme_factor", kFactor);
    p.member_violence_factor = m.number("member_violence_factor", kFactor);
    p.member_drug_factor = m.number("member_drug_factor", kFactor);
    read_initial_network(m.map("initial"), spec, p);
    return p;
}

SocialMeasureEffects read_social_measures(const ConfigMap& m) {
    SocialMeasureEffects s;
    s.school_support_engagement = m.number("school_support_engagement", {0, 10});
    s.family_support_morality = m.number("family_support_morality", {0, 10});
    s.mentoring_morality = m.number("mentoring_morality", {0, 10});
    s.persistence_weeks = m.number("persistence_weeks", {0, 5200});
    s.structured_programme_hours = m.number("structured_programme_hours", {0, 10});
    s.low_structure_exposure = m.number("low_structure_exposure", {0, 10});
    s.venue_alcohol_reduction = m.number("venue_alcohol_reduction", Range::unit());
    return s;
}

}  // namespace trygg
