#pragma once
// The city config's sections on young people growing up (DESIGN §3.7, §3.9): demography,
// youth_development, peer_network, substance_use, recruitment and social_measures, read
// into the model's structs and validated key by key like the rest of the city config
// (io/city_config.cpp). All six are required: a city without them has no defaults.
#include "io/yaml_reader.hpp"
#include "model/development.hpp"
#include "model/peer_network.hpp"
#include "model/recruitment.hpp"
#include "model/social_measures.hpp"
#include "model/substance_use.hpp"
#include "population/demography.hpp"
#include "world/city.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trygg {

// `key: [youngest, oldest]`, whole years 0–120 with youngest ≤ oldest: the ages a rule or
// a measure is for. Shared with the scenario's programmes and social measures.
std::pair<int, int> read_age_span(const ConfigMap& m, std::string_view key);

// A mapping key naming a district of `spec` by name or RegSO code: its index, marked in
// `seen` (sized to the districts). An unknown name (with the closest) or a district named
// twice is an error at the key. Shared by the sections keyed by district.
std::size_t district_key(const ConfigMap& m, const std::string& key, const CitySpec& spec, std::vector<bool>& seen);

// `oldest_age` is the last age of population.age_bands: the migration bands must reach it.
DemographyParams read_demography(const ConfigMap& m, int oldest_age);
DevelopmentParams read_development(const ConfigMap& m);
PeerNetworkParams read_peer_network(const ConfigMap& m);
SubstanceParams read_substance_use(const ConfigMap& m);
// `initial:` is keyed by district name (or RegSO code) of `spec.districts`.
RecruitmentParams read_recruitment(const ConfigMap& m, const CitySpec& spec);
SocialMeasureEffects read_social_measures(const ConfigMap& m);

}  // namespace trygg
