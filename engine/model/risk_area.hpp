#pragma once
// The risk-area indicator (DESIGN §3.10), per district and quarter, inspired by the criteria
// of the police's Lägesbild över utsatta områden (Polisen 2015, 2017, 2019, 2021, 2023, 2025):
// an area is listed when it has a low socio-economic status *and* criminals influence the
// local community — violence in public, open drug dealing, reluctance to report or testify,
// threats, network members living there, recruitment of young people, residents who feel
// unsafe. The police weigh these in a qualitative assessment; trygg cannot, so each
// component is a yearly rate or share divided by a reference (the municipal level the
// district is compared with), capped, and averaged with weights into an influence score.
// Thresholds on the score give the classes; a district whose socio-economic index is above
// `ses_cutoff` is never listed. It is an indicator inspired by the criteria, not the police's
// decision, and every output that carries it says so.
#include <array>
#include <cstdint>
#include <string_view>

namespace trygg {

enum class RiskClass : std::int8_t { None, Utsatt, Risk, SarskiltUtsatt, Count };
inline constexpr int kRiskClasses = static_cast<int>(RiskClass::Count);
// Written as CF flag_meanings.
inline constexpr std::array<std::string_view, kRiskClasses> kRiskClassNames = {"none", "utsatt", "risk",
                                                                               "sarskilt_utsatt"};

enum class RiskComponent : std::uint8_t {
    PublicViolence,  // assaults and robberies in public registered by the police, per 1,000 residents a year
    OpenDealing,     // drug offences by network members, per 1,000 residents a year
    Unreported,      // share of crimes against the district's residents that the police never register
    Members,         // network members living in the district, per 1,000 residents
    Recruitment,     // new members, per 1,000 residents aged 12–20 a year
    Unsafe,          // share of residents 16–84 unsafe out late
    Count
};
inline constexpr int kRiskComponents = static_cast<int>(RiskComponent::Count);
inline constexpr std::array<std::string_view, kRiskComponents> kRiskComponentNames = {
    "public_violence", "open_dealing", "unreported", "members", "recruitment", "unsafe"};

using RiskComponents = std::array<double, kRiskComponents>;

struct RiskAreaParams {
    double ses_cutoff = 0.0;     // listed only with ses_index at or below this
    RiskComponents reference{};  // the municipal level of each component (ratio 1)
    RiskComponents weight{};     // weights of the average (sum > 0)
    double cap = 1.0;            // a component counts at most this many times its reference
    double utsatt = 0.0;         // score thresholds, increasing
    double risk = 0.0;
    double sarskilt_utsatt = 0.0;
    double trend_step = 0.0;  // score per quarter that counts as a trend
};

// The trend of a district's score over its last quarters, as the police's list gives one:
// the least-squares slope per quarter against `trend_step` (improving below −step, worsening
// above +step, unchanged between). Fewer than two quarters: unchanged.
enum class RiskTrend : std::int8_t { Improving = -1, Unchanged = 0, Worsening = 1 };
RiskTrend trend_of(const double* scores, int quarters, double step);

// Weighted mean of min(component / reference, cap).
double influence_score(const RiskAreaParams& p, const RiskComponents& c);
RiskClass classify(const RiskAreaParams& p, double ses_index, double score);

}  // namespace trygg
