#pragma once
// The offence types trygg models: the place-based categories of police-registered crime
// (DESIGN §3.5). Fraud and traffic offences have no place-based mechanism and are out of scope.
#include <array>
#include <cstdint>
#include <string_view>

namespace trygg {

enum class CrimeType : std::uint8_t {
    Burglary,      // inbrott: dwellings, cellars and storage, business premises
    VehicleTheft,  // theft of and from motor vehicles
    BicycleTheft,
    OtherTheft,  // pickpocketing, bag snatching, other theft in public
    ShopTheft,   // tillgrepp i butik
    Vandalism,   // skadegörelse, including arson
    Robbery,     // personrån in public
    Assault,     // assault and unlawful threats in public
    Drugs,       // narkotikabrott: dealing, and possession found by police
    Count
};
inline constexpr int kCrimeTypes = static_cast<int>(CrimeType::Count);

inline constexpr std::array<std::string_view, kCrimeTypes> kCrimeTypeNames = {
    "burglary",  "vehicle_theft", "bicycle_theft", "other_theft", "shop_theft",
    "vandalism", "robbery",       "assault",       "drugs"};

inline std::string_view name_of(CrimeType t) {
    return kCrimeTypeNames[static_cast<std::size_t>(t)];
}

}  // namespace trygg
