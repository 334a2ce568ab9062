#pragma once
// A small city made in code for the reference model's test (tests/reference): three districts
// as rectangles, 3,600 residents (two of the engine's planning chunks of 2,048), a dozen
// places, and every parameter of the model set here — no config file, so the test links only
// the simulation libraries, not io.
//
// The values are plausible, not calibrated: base rates are raised so that a few weeks give
// several hundred crimes, and the scenario lights one district, puts cameras on the shopping
// centre, a camera post at the travel centre, two patrols steered weekly by the EST picture,
// field workers by the youth centre and a Friday drop-in there, so every situational mechanism
// acts somewhere.
#include "core/timeline.hpp"
#include "sim/model_params.hpp"
#include "world/city.hpp"

namespace trygg::reference {

CitySpec small_city_spec();
// The city's parameters and scenario; `city` gives the cells of the scenario's areas.
ModelParams small_city_params(const City& city);
// Weeks from Monday 27 October 2025 (höstlov, long dark evenings).
Timeline small_city_timeline(const City& city, int weeks = 6);

}  // namespace trygg::reference
