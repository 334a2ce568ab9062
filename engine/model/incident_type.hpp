#pragma once
// Incidents that EST's actors report beside crimes (DESIGN §3.6): public disorder
// (ordningsstörningar: noise, intoxication, youth gatherings that disturb) and deliberately set
// fires (bins, cars, cellars). How they happen is in model/incidents.hpp.
#include <array>
#include <cstdint>
#include <string_view>

namespace trygg {

enum class IncidentType : std::uint8_t { Disorder, Fire, Count };
inline constexpr int kIncidentTypes = static_cast<int>(IncidentType::Count);
inline constexpr std::array<std::string_view, kIncidentTypes> kIncidentTypeNames = {"disorder", "fire"};

}  // namespace trygg
