#pragma once
// The city config's sections on how safe districts are and feel (DESIGN §3.8, §3.10):
// `safety` (residents' worry, NTU's indicators), `collective_efficacy` (how it moves),
// `risk_area` (the indicator's components and thresholds) and `rumours` (how they spread), read and validated key by
// key like the rest of the city config. `status_quo` lists every district: it is written by tools/status_quo.py from
// the baseline, and a district left out would start from nothing.
#include "io/yaml_reader.hpp"
#include "model/collective_efficacy.hpp"
#include "model/insecurity.hpp"
#include "model/risk_area.hpp"
#include "model/rumours.hpp"
#include "world/city.hpp"

namespace trygg {

// `status_quo:` of `safety` fills both the signals residents start from and the drivers
// collective efficacy is measured against.
InsecurityParams read_safety(const ConfigMap& m, const CitySpec& spec, CollectiveEfficacyParams& efficacy);
CollectiveEfficacyParams read_collective_efficacy(const ConfigMap& m);
RiskAreaParams read_risk_area(const ConfigMap& m);
RumourParams read_rumours(const ConfigMap& m);

}  // namespace trygg
