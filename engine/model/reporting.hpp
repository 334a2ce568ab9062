#pragma once
// Who learns of a crime (DESIGN §3.6). Every event is true; whether the police register it,
// and which of the EST actors (effektiv samordning för trygghet: the weekly joint picture of
// the police, Tunabyggen, fältgruppen, schools, social services, youth centres, Maserhallen,
// the fire service and Keolis) see it, is drawn separately, so the model keeps both the truth
// and the picture.
#include "model/crime_type.hpp"
#include "model/incident_type.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace trygg {

// Who the victim is (DESIGN §3.3): a resident, a business (shops, premises, public
// buildings) or a visitor from outside the city.
enum class VictimGroup : std::uint8_t { Resident, Business, Visitor, Count };
inline constexpr int kVictimGroups = static_cast<int>(VictimGroup::Count);
inline constexpr std::array<const char*, kVictimGroups> kVictimGroupNames = {"resident", "business", "visitor"};

// One EST actor: which crimes it can see and how often it reports one it can see.
struct EstReporter {
    std::string name;
    std::uint32_t crime_types = 0;      // bit t: sees crimes of type t
    std::uint32_t incidents = 0;        // bit t: sees incidents of type t (disorder, fire)
    std::uint32_t place_types = 0;      // bit p: only at sites with a place of type p (0: anywhere)
    std::vector<int> districts;         // only in these districts (empty: everywhere)
    bool young_offenders_only = false;  // only crimes by offenders under 21 (schools, social services)
    double probability = 0.0;           // reports a crime it can see with this probability
};

struct ReportingParams {
    // Share of crimes of each type registered by the police where collective efficacy is at
    // its reference level (Brå NTU: the share of incidents reported).
    std::array<double, kCrimeTypes> police{};
    // Types the police find themselves (drug offences) rather than being told of: no victim
    // to be reluctant, so collective efficacy does not change their registration.
    std::array<bool, kCrimeTypes> found_by_police{};
    // Share of incidents of each type (model/incidents.hpp: disorder, fire) that reach the
    // police (calls, not registered crimes), at the reference efficacy.
    std::array<double, kIncidentTypes> police_incidents{};
    double efficacy_reference = 0.5;
    // Reluctance to report (a police criterion for vulnerable areas): the police share is
    // × (efficacy / reference)^exponent, capped at 1.
    double efficacy_exponent = 0.0;
    std::vector<EstReporter> est;  // the other EST actors; the police are always bit 0
};

inline constexpr int kMaxEstReporters = 31;

// What a crime site looks like to the reporters.
struct ReportContext {
    CrimeType type = CrimeType::Burglary;
    int incident = -1;              // an incident of this type (disorder 0, fire 1) rather than a crime
    std::uint32_t place_types = 0;  // bits of the place types at the site
    int district = -1;
    bool young_offender = false;
    double collective_efficacy = 0.5;
};

// The police's registration probability for this crime.
double police_probability(const ReportingParams& p, const ReportContext& c);
// Whether reporter k (0 = police) can see this crime at all.
bool sees(const EstReporter& r, const ReportContext& c);

}  // namespace trygg
