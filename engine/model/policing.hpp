#pragma once
// Police patrols and field workers (DESIGN §3.6, §3.11): units on duty in a shift, each
// covering a beat (policy/mobile_units.hpp). The city's own police stand at the places the
// city config names, or follow the EST picture when the scenario says `steering: adaptive`.
// Where a patrol is, it guards (deterrence), finds drug offences that would otherwise go
// unseen, and arrests more. Field workers (fältgruppen) are adults young people know: they
// guard against youth offending far more than against adults'.
#include <vector>

namespace trygg {

enum class Steering { Static, Adaptive };

struct PolicingParams {
    int patrols = 0;     // units on duty in the shift
    int shift_from = 0;  // clock hours [from, to); to ≤ from: past midnight
    int shift_to = 0;
    std::vector<int> static_places;  // where static patrols stand (place indices), in order
    double guardian_weight = 0.0;    // a patrol counts as this many guardians
    double deterrence = 0.0;         // and deters this share of offences on its beat besides
    double drug_detection = 0.0;     // drug offences found × (1 + this) where a patrol is
    double arrest_gain = 0.0;        // arrest probability × (1 + this) where a patrol is
    Steering steering = Steering::Static;
};

struct FieldWorkerParams {
    double youth_guardian_weight = 0.0;  // a pair of field workers counts as this many guardians for youth
    double adult_guardian_weight = 0.0;  // … and as this many for adult offenders
};

}  // namespace trygg
