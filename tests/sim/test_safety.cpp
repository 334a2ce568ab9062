// How safe districts are and feel, in the whole model (sim/safety_layer, DESIGN §3.8, §3.10):
// the baseline reproduces today's picture — Tjärna Ängar a riskområde and no other district
// listed, the city's NTU shares inside Brå's survey intervals — and the mechanisms move the
// way the issue demands: incidents raise insecurity that then fades, insecurity keeps people
// in at night, collective efficacy follows crime over years, not weeks.
#include "sim/safety_layer.hpp"

#include "core/clock.hpp"
#include "experiment/compare.hpp"
#include "io/scenario_config.hpp"
#include "model/incident_type.hpp"
#include "model/sites.hpp"
#include "population/synthesis.hpp"
#include "sim/run.hpp"
#include "sim/youth_layer.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace trygg {
namespace {

using testing::borlange_city;
using testing::borlange_config;

int district_of(const std::string& name) {
    const City& city = borlange_city();
    for (std::size_t d = 0; d < city.districts.size(); ++d) {
        if (city.districts[d].name == name) return static_cast<int>(d);
    }
    ADD_FAILURE() << "no district " << name;
    return 0;
}

// The baseline's first year, five replicates (shared by the tests below).
const RunResults& year_one() {
    static const RunOutput out = run_scenario(borlange_city(), borlange_config().params,
                                              testing::borlange_timeline(kWeeksPerYear), {2025, 5, 2, false});
    return out.results;
}

// Share of (replicate, quarter) cells of year one in which `district` has class `c`.
double share_in_class(const RunResults& r, int district, RiskClass c) {
    const auto& f = r.safety;
    int hits = 0, n = 0;
    for (int rep = 0; rep < r.replicates; ++rep) {
        for (int q = 0; q < f.quarters; ++q) {
            const auto k = static_cast<std::size_t>((rep * f.quarters + q) * r.districts + district);
            hits += f.risk_class[k] == static_cast<std::int8_t>(c) ? 1 : 0;
            ++n;
        }
    }
    return static_cast<double>(hits) / n;
}

// The police's list since 2015–16 (kept in December 2023): Tjärna Ängar a riskområde, no other
// Borlänge district listed. Required in at least 80 % of the first year's replicate-quarters.
TEST(Safety, TheBaselinesFirstYearListsTjarnaAngarAsARiskAreaAndNoOtherDistrict) {
    const RunResults& r = year_one();
    ASSERT_EQ(r.safety.quarters, 4);
    const int tjarna = district_of("Tjärna Ängar");
    EXPECT_GE(share_in_class(r, tjarna, RiskClass::Risk), 0.8);
    for (int d = 0; d < r.districts; ++d) {
        if (d == tjarna) continue;
        EXPECT_GE(share_in_class(r, d, RiskClass::None), 0.8)
            << borlange_city().districts[static_cast<std::size_t>(d)].name;
    }
    // docs/model.md §3d prints these: each district's score over the replicate-quarters
    // (Tjärna Ängar 4.46, 3.57–4.85; the next, Södra Bullermyren-Norra Hagalund, 2.13). Tjärna
    // Ängar's mean must lie between the risk threshold and the särskilt utsatt one, and never
    // reach the latter; every other district's mean below the utsatt threshold.
    const RiskAreaParams& thresholds = borlange_config().params.risk_area;
    for (int d = 0; d < r.districts; ++d) {
        float low = 1e9f, high = -1e9f;
        double sum = 0.0;
        int n = 0;
        for (int rep = 0; rep < r.replicates; ++rep) {
            for (int q = 0; q < r.safety.quarters; ++q) {
                const float v =
                    r.safety.risk_score[static_cast<std::size_t>((rep * r.safety.quarters + q) * r.districts + d)];
                low = std::min(low, v);
                high = std::max(high, v);
                sum += v;
                ++n;
            }
        }
        std::printf("  %-60s score %.2f (%.2f–%.2f)\n",
                    borlange_city().districts[static_cast<std::size_t>(d)].name.c_str(), sum / n, low, high);
        if (d == tjarna) {
            EXPECT_GE(sum / n, thresholds.risk);
            EXPECT_LT(high, thresholds.sarskilt_utsatt);
        } else {
            EXPECT_LT(sum / n, thresholds.utsatt);
        }
    }
}

// Brå's NTU for Borlänge (configs/data/borlange_ntu.csv): the model's city-wide shares over
// year one, population-weighted, inside the survey's 95 % interval for 2025, the latest year.
struct Interval {
    double low = 0.0, high = 0.0;
};
Interval ntu_interval(const std::string& indicator_prefix, int year) {
    std::ifstream in(testing::source_path("configs/data/borlange_ntu.csv"));
    std::string line;
    Interval out{-1.0, -1.0};
    while (std::getline(in, line)) {
        if (line.find(indicator_prefix) == std::string::npos) continue;
        if (line.find("," + std::to_string(year) + ",") == std::string::npos) continue;
        const double value = std::stod(line.substr(line.rfind(',') + 1)) / 100.0;
        if (line.find(",ki95_undre,") != std::string::npos) out.low = value;
        if (line.find(",ki95_ovre,") != std::string::npos) out.high = value;
    }
    EXPECT_GE(out.low, 0.0) << indicator_prefix;
    return out;
}

double city_share(const RunResults& r, const std::vector<float>& quarterly) {
    const auto& pop = borlange_city().desos;
    std::vector<double> residents(static_cast<std::size_t>(r.districts), 0.0);
    for (std::size_t k = 0; k < pop.size(); ++k)
        residents[static_cast<std::size_t>(borlange_city().deso_district[k])] += pop[k].population;
    double sum = 0.0, weight = 0.0;
    for (std::size_t k = 0; k < quarterly.size(); ++k) {
        const double w = residents[k % static_cast<std::size_t>(r.districts)];
        sum += w * quarterly[k];
        weight += w;
    }
    return sum / weight;
}

TEST(Safety, TheCitysNtuSharesFallInsideTheSurveysIntervals) {
    const RunResults& r = year_one();
    const struct {
        const char* name;
        const std::vector<float>& values;
        const char* indicator;
    } checks[] = {
        {"unsafe out late", r.safety.unsafe_share, "Otrygghet vid utevistelse sent"},
        {"avoided an activity", r.safety.avoided_share, "Avstått från någon aktivitet"},
        {"gangs a great problem", r.safety.gang_problems, "Problem med gäng"},
        {"open drug dealing a great problem", r.safety.dealing_problems, "Problem med öppen narkotikahandel"},
    };
    for (const auto& c : checks) {
        const Interval ntu = ntu_interval(c.indicator, 2025);
        const double model = city_share(r, c.values);
        std::printf("%-34s model %.3f  NTU 2025 95 %% interval %.2f–%.2f\n", c.name, model, ntu.low, ntu.high);
        EXPECT_GE(model, ntu.low) << c.name;
        EXPECT_LE(model, ntu.high) << c.name;
    }
}

TEST(Safety, ResidentsOfTjarnaAngarFeelLessSafeThanThoseOfGylleAndRomme) {
    const RunResults& r = year_one();
    auto mean = [&](int d) {
        double s = 0.0;
        int n = 0;
        for (std::size_t k = static_cast<std::size_t>(d); k < r.safety.unsafe_share.size();
             k += static_cast<std::size_t>(r.districts)) {
            s += r.safety.unsafe_share[k];
            ++n;
        }
        return s / n;
    };
    const double tjarna = mean(district_of("Tjärna Ängar"));
    const double gylle = mean(district_of("Gylle-Åselby-Färjegårdarna-Hytting"));
    const double romme = mean(district_of("Romme"));
    std::printf("unsafe out late: Tjärna Ängar %.3f, Gylle %.3f, Romme %.3f\n", tjarna, gylle, romme);
    EXPECT_GT(tjarna, gylle + 0.1);
    EXPECT_GT(tjarna, romme + 0.1);
}

// The feedback of DESIGN §3.8: residents who fear the night stay in, so fewer are out as
// guardians. The same replicate with nobody avoiding (the threshold out of reach) has more
// people out at 22:00, most of all where fear is highest.
TEST(Safety, InsecurityKeepsPeopleInAtNight) {
    ModelParams fearless = borlange_config().params;
    fearless.safety.avoid_threshold = 10.0;
    const Timeline timeline = testing::borlange_timeline(kWeeksPerQuarter);
    const ReplicateOutput afraid = run_replicate(borlange_city(), borlange_config().params, timeline, {77, 0});
    const ReplicateOutput bold = run_replicate(borlange_city(), fearless, timeline, {77, 0});
    const auto districts = borlange_city().districts.size();
    auto night = [&](const ReplicateOutput& o, int d) {
        double s = 0.0;
        for (int w = 0; w < kWeeksPerQuarter; ++w)
            s += o.safety.signals[(static_cast<std::size_t>(w) * districts + static_cast<std::size_t>(d)) * kSignals +
                                  static_cast<std::size_t>(Signal::NightPresence)];
        return s / kWeeksPerQuarter;
    };
    const int tjarna = district_of("Tjärna Ängar");
    std::printf("out at 22:00 per 1,000 in Tjärna Ängar: %.1f with fear, %.1f without\n", night(afraid, tjarna),
                night(bold, tjarna));
    EXPECT_LT(night(afraid, tjarna), 0.9 * night(bold, tjarna));
    double all_afraid = 0.0, all_bold = 0.0;
    for (std::size_t d = 0; d < districts; ++d) {
        all_afraid += night(afraid, static_cast<int>(d));
        all_bold += night(bold, static_cast<int>(d));
    }
    EXPECT_LT(all_afraid, all_bold);
    double avoided = 0.0;
    for (float v : afraid.safety.avoided_share) avoided += v;
    EXPECT_GT(avoided, 0.0);
    for (float v : bold.safety.avoided_share) EXPECT_EQ(v, 0.0f);
}

// The layer on its own, fed crimes by hand: a burst of public violence in Tjärna Ängar in
// week 4 raises the district's unsafe share against a twin without it, and the difference
// fades over the following weeks (the residents' memory of 8 weeks; victims' of 26; a
// rumour's 4). Rumours and the measures against them change how far it goes.
class SafetyHarness {
public:
    SafetyHarness(int weeks, const ModelParams& params)
        : city_(borlange_city()),
          params_(params),
          timeline_(testing::borlange_timeline(weeks)),
          rng_(RngKey{31, 0}),
          pop_(synthesise_population(city_, params_.population, RngKey{31, 0})),
          youth_(city_, params_, timeline_, rng_, pop_),
          safety_(city_, params_, timeline_, rng_, pop_),
          sites_(build_sites(city_, pop_)) {
        youth_.attach(sites_);
        safety_.attach(sites_, youth_);
    }
    // Week `w − 1`'s days (rumours spread), then the Monday that closes it.
    void week(int w) {
        for (int day = (w - 1) * kDaysPerWeek; day < w * kDaysPerWeek; ++day) safety_.rumour_day(day);
        safety_.step(w, youth_);
    }
    void assaults(int district, int week, int count) {
        std::vector<std::int32_t> cells;
        for (std::size_t c = 0; c < city_.cell_district.size(); ++c)
            if (city_.cell_district[c] == district && sites_.of_cell(static_cast<std::int32_t>(c)) >= 0)
                cells.push_back(static_cast<std::int32_t>(c));
        for (int k = 0; k < count; ++k) {
            CrimeEvent e;
            e.hour = week * kHoursPerWeek + 20;
            e.cell = cells[static_cast<std::size_t>(k * 7) % cells.size()];
            e.district = district;
            e.type = CrimeType::Assault;
            e.victim = VictimGroup::Resident;
            safety_.record_crime(e, false, static_cast<std::uint32_t>(k));
        }
    }
    int members_retaliating(int district, int hour) const {
        int n = 0;
        for (std::size_t i = 0; i < pop_.size(); ++i) {
            if (city_.cell_district[static_cast<std::size_t>(pop_.home_cell[i])] == district &&
                safety_.retaliation_factor(static_cast<std::uint32_t>(i), hour) > 1.0)
                ++n;
        }
        return n;
    }
    const SafetyTallies& tallies() const { return safety_.tallies(); }

private:
    const City& city_;
    ModelParams params_;
    Timeline timeline_;
    CounterRng rng_;
    Population pop_;
    YouthLayer youth_;
    SafetyLayer safety_;
    Sites sites_;
};

constexpr int kHarnessWeeks = 40;
constexpr int kIncidentWeek = 4;

// One harness with the burst in Tjärna Ängar and its twin without: the weekly unsafe share's
// difference, and the residents who heard a rumour, both for Tjärna Ängar.
struct Burst {
    std::vector<double> gap;      // [week] unsafe share, struck − quiet
    std::vector<double> exposed;  // [week] residents who heard a rumour (struck)
    int retaliating = 0;          // Tjärna Ängar's members set on retaliation after the burst
};
Burst burst(const ModelParams& params) {
    SafetyHarness quiet(kHarnessWeeks, params), struck(kHarnessWeeks, params);
    const int tjarna = district_of("Tjärna Ängar");
    Burst out;
    for (int w = 1; w <= kHarnessWeeks; ++w) {
        if (w == kIncidentWeek + 1) struck.assaults(tjarna, kIncidentWeek, 20);  // before week 4's days
        quiet.week(w);
        struck.week(w);
        if (w == kIncidentWeek + 1) out.retaliating = struck.members_retaliating(tjarna, w * kHoursPerWeek);
    }
    const auto districts = borlange_city().districts.size();
    for (int w = 0; w < kHarnessWeeks; ++w) {
        const auto k = static_cast<std::size_t>(w) * districts + static_cast<std::size_t>(tjarna);
        out.gap.push_back(struck.tallies().unsafe_weekly[k] - quiet.tallies().unsafe_weekly[k]);
        out.exposed.push_back(struck.tallies().rumours_exposed[k]);
    }
    return out;
}

// Every incident starts a rumour, so the differences below are the mechanism's, not luck's.
ModelParams talkative() {
    ModelParams p = borlange_config().params;
    p.rumours.start_chance = 1.0;
    return p;
}

Intervention rumour_measure(InterventionKind kind) {
    Intervention m;
    m.name = "against rumours in Tjärna Ängar";
    m.kind = kind;
    const City& city = borlange_city();
    for (std::size_t c = 0; c < city.cell_district.size(); ++c)
        if (city.cell_district[c] == district_of("Tjärna Ängar")) m.cells.push_back(static_cast<int>(c));
    return m;
}

double sum(const std::vector<double>& v, int from, int to) {
    double s = 0.0;
    for (int k = from; k < to; ++k) s += v[static_cast<std::size_t>(k)];
    return s;
}

TEST(Safety, AViolentIncidentRaisesInsecurityInItsDistrictWhichThenFades) {
    const Burst b = burst(borlange_config().params);
    for (int w = 0; w < kHarnessWeeks; w += 3)
        std::printf("week %2d: unsafe %+.3f in Tjärna Ängar, %3.0f heard a rumour\n", w,
                    b.gap[static_cast<std::size_t>(w)], b.exposed[static_cast<std::size_t>(w)]);
    EXPECT_EQ(b.gap[kIncidentWeek - 1], 0.0);  // before the incident, the twins are the same
    EXPECT_GT(b.gap[kIncidentWeek], 0.03);     // the week it happened
    EXPECT_LT(b.gap[kIncidentWeek + 8], 0.8 * b.gap[kIncidentWeek]);
    EXPECT_LT(b.gap[kHarnessWeeks - 1], 0.35 * b.gap[kIncidentWeek]);
    EXPECT_GT(b.gap[kHarnessWeeks - 1], -0.005);
}

// Rumours amplify it: with every incident talked about, more residents feel unsafe in the
// weeks after than with none; and members hearing of violence at home are set on retaliation.
TEST(Safety, RumoursAmplifyTheInsecurityAfterAnIncident) {
    ModelParams silent = borlange_config().params;
    silent.rumours.start_chance = 0.0;
    const Burst without = burst(silent), with = burst(talkative());
    const double a = sum(without.gap, kIncidentWeek, kIncidentWeek + 4),
                 b = sum(with.gap, kIncidentWeek, kIncidentWeek + 4);
    std::printf("unsafe share over the four weeks after: +%.3f without rumours, +%.3f with; %.0f heard one\n", a / 4,
                b / 4, sum(with.exposed, kIncidentWeek, kIncidentWeek + 4));
    EXPECT_EQ(sum(without.exposed, 0, kHarnessWeeks), 0.0);
    EXPECT_GT(sum(with.exposed, kIncidentWeek, kIncidentWeek + 4), 60.0);  // three witnesses each of 20, and more
    EXPECT_GT(b, a + 0.02);  // at least half a percentage point more each week
    EXPECT_EQ(without.retaliating, 0);
    EXPECT_GT(with.retaliating, 0);
}

// Awareness work among the young and quick official statements both make the rumours reach
// fewer residents, and so less of the insecurity they bring.
TEST(Safety, AwarenessWorkAndOfficialInformationShortenTheRumours) {
    const Burst plain = burst(talkative());
    for (const InterventionKind kind : {InterventionKind::AwarenessWork, InterventionKind::OfficialInformation}) {
        ModelParams p = talkative();
        p.interventions = {rumour_measure(kind)};
        const Burst treated = burst(p);
        const double heard = sum(treated.exposed, kIncidentWeek, kIncidentWeek + 4);
        const double heard_plain = sum(plain.exposed, kIncidentWeek, kIncidentWeek + 4);
        std::printf("%s: %.0f heard a rumour (%.0f without); unsafe +%.3f (+%.3f without)\n",
                    std::string(kInterventionKindNames[static_cast<std::size_t>(kind)]).c_str(), heard, heard_plain,
                    sum(treated.gap, kIncidentWeek, kIncidentWeek + 4) / 4,
                    sum(plain.gap, kIncidentWeek, kIncidentWeek + 4) / 4);
        EXPECT_LT(heard, 0.9 * heard_plain);
        EXPECT_LT(sum(treated.gap, kIncidentWeek, kIncidentWeek + 4), sum(plain.gap, kIncidentWeek, kIncidentWeek + 4));
    }
}

// Collective efficacy follows a sustained fall in crime over years, not weeks: with every
// base rate halved, Tjärna Ängar's efficacy has hardly moved after a month and has risen
// clearly after three years, against the baseline's same replicate.
TEST(Safety, CollectiveEfficacyRespondsToASustainedFallInCrimeOverYears) {
    ModelParams calmer = borlange_config().params;
    for (auto& t : calmer.offending.types) t.base_rate *= 0.5;
    const Timeline timeline = testing::borlange_timeline(3 * kWeeksPerYear);
    const ReplicateOutput base = run_replicate(borlange_city(), borlange_config().params, timeline, {88, 0});
    const ReplicateOutput calm = run_replicate(borlange_city(), calmer, timeline, {88, 0});
    const auto districts = borlange_city().districts.size();
    const int tjarna = district_of("Tjärna Ängar");
    auto efficacy = [&](const ReplicateOutput& o, int q) {
        return o.safety.collective_efficacy[static_cast<std::size_t>(q) * districts + static_cast<std::size_t>(tjarna)];
    };
    for (int q = 0; q < 12; ++q)
        std::printf("quarter %2d: efficacy %.3f baseline, %.3f with crime halved\n", q, efficacy(base, q),
                    efficacy(calm, q));
    const double start = borlange_city().districts[static_cast<std::size_t>(tjarna)].collective_efficacy;
    EXPECT_LT(std::abs(efficacy(calm, 0) - efficacy(base, 0)), 0.02);  // one quarter: little
    EXPECT_GT(efficacy(calm, 11) - efficacy(base, 11), 0.03);          // three years: clearly more
    EXPECT_GT(efficacy(calm, 11), efficacy(calm, 3));                  // and still rising after year one
    EXPECT_NEAR(efficacy(base, 11), start, 0.05);                      // the baseline stays near its start
}

// Disorder and fires happen, reach the actors whose domain they are, and enter the weekly EST
// picture: with the police steered by the picture, their beats follow them (the same
// replicate without incidents sends the patrols elsewhere). Fires are nearly all known (the
// fire service is called to 90 %); disorder far less.
TEST(Safety, DisorderAndFiresEnterThePictureAndSteerThePatrols) {
    ModelParams steered = borlange_config().params;
    steered.policing.steering = Steering::Adaptive;
    ModelParams quiet = steered;
    for (auto& t : quiet.incidents.types) t.base_rate = 0.0;
    const Timeline timeline = testing::borlange_timeline(6);
    const ReplicateOutput with = run_replicate(borlange_city(), steered, timeline, {19, 0});
    const ReplicateOutput without = run_replicate(borlange_city(), quiet, timeline, {19, 0});
    double all[2] = {0, 0}, known[2] = {0, 0};
    for (std::size_t k = 0; k < with.incidents_true.size(); ++k) {
        all[k % kIncidentTypes] += with.incidents_true[k];
        known[k % kIncidentTypes] += with.incidents_est[k];
    }
    std::printf("six weeks: %.0f disorder (%.0f known to EST), %.0f fires (%.0f known)\n", all[0], known[0], all[1],
                known[1]);
    EXPECT_GT(all[0], 60.0);  // about 1,200 a year
    EXPECT_GT(all[1], 5.0);   // about 120 a year
    EXPECT_GT(known[1] / all[1], 0.85);
    EXPECT_LT(known[0] / all[0], 0.8);
    for (const auto v : without.incidents_true) EXPECT_EQ(v, 0);
    EXPECT_NE(with.patrol_weeks, without.patrol_weeks);
}

std::vector<int> cells_of(const std::string& district) {
    std::vector<int> cells;
    const City& city = borlange_city();
    for (std::size_t c = 0; c < city.cell_district.size(); ++c)
        if (city.cell_district[c] == district_of(district)) cells.push_back(static_cast<int>(c));
    return cells;
}

// Housing development changes who lives there: rebuilding every home of Tjärna Ängar within
// its first quarter, for households of the municipal average's standing, replaces its
// residents (turnover far above the baseline's while it is done), takes away the network
// members who lived there, and lifts the district's socio-economic index above the cutoff, so
// the indicator no longer lists it the quarter after.
TEST(Safety, HousingDevelopmentChangesWhoLivesThere) {
    Intervention housing;
    housing.name = "All of Tjärna Ängar rebuilt";
    housing.kind = InterventionKind::HousingDevelopment;
    housing.cells = cells_of("Tjärna Ängar");
    housing.when.first_day = 0;
    housing.when.last_day = kWeeksPerQuarter * kDaysPerWeek - 1;
    housing.share = 1.0;
    housing.new_resident_ses = 0.0;
    ModelParams rebuilt = borlange_config().params;
    rebuilt.interventions = {housing};
    const Timeline timeline = testing::borlange_timeline(2 * kWeeksPerQuarter);
    const ReplicateOutput base = run_replicate(borlange_city(), borlange_config().params, timeline, {61, 0});
    const ReplicateOutput built = run_replicate(borlange_city(), rebuilt, timeline, {61, 0});
    const auto districts = borlange_city().districts.size();
    const auto tjarna = static_cast<std::size_t>(district_of("Tjärna Ängar"));
    auto turnover = [&](const ReplicateOutput& o) {
        double s = 0.0;
        for (int w = 0; w < kWeeksPerQuarter; ++w)
            s += o.safety.signals[(static_cast<std::size_t>(w) * districts + tjarna) * kSignals +
                                  static_cast<std::size_t>(Signal::Turnover)];
        return s;
    };
    std::printf("Tjärna Ängar's first quarter: %.0f per 1,000 replaced (baseline %.0f); members at week 25: %d (%d)\n",
                turnover(built), turnover(base), built.youth.members[25 * districts + tjarna],
                base.youth.members[25 * districts + tjarna]);
    EXPECT_GT(turnover(built), 500.0);  // nearly everyone, against about 15 in a quarter
    EXPECT_LT(turnover(base), 50.0);
    EXPECT_LT(built.youth.members[25 * districts + tjarna], base.youth.members[25 * districts + tjarna]);
    const std::size_t second_quarter = districts + tjarna;
    EXPECT_EQ(base.safety.risk_class[second_quarter], static_cast<std::int8_t>(RiskClass::Risk));
    EXPECT_EQ(built.safety.risk_class[second_quarter], static_cast<std::int8_t>(RiskClass::None));
}

// The board's question over ten years (scenarios/tjarna_development.yaml against the baseline,
// 30 paired replicates): does developing Tjärna Ängar lower the chance that the indicator lists
// it as a risk area at the horizon, the ten years' last year? Per replicate, the share of that
// year's quarters in which it is one (a single quarter's class is one draw of a noisy score;
// the year is what the police's yearly assessment reads). The share of replicates by quarter
// is printed as the trajectory; the change at the horizon must have a 95 % interval below 0.
// With the fitted config (docs/calibration.md) the last year's share went 0.78 → 0.38, change
// −0.41 (−0.63 to −0.19), over 30 replicates; 10 were enough with the assumed values (0.90 →
// 0.15) but not with the fitted ones (0.65 → 0.30, −0.81 to 0.11: stronger police deterrence
// and lighting lower the baseline's own violence too, leaving the measure less to remove).
// 600 replicate-years, 26 min on the loaded 2-core machine: a `Long` suite, which
// `tools/test --long` runs and the ordinary suite (and so CI) leaves out; its mechanism is
// HousingDevelopmentChangesWhoLivesThere above.
TEST(LongSafety, DevelopingTjarnaAngarLowersTheChanceItIsARiskAreaInTenYears) {
    const ScenarioConfig scenario = load_scenario_config(testing::source_path("scenarios/tjarna_development.yaml"));
    ASSERT_EQ(scenario.weeks, 520);
    ModelParams developed = borlange_config().params;
    developed.interventions = resolve_interventions(scenario, borlange_city(), borlange_config().grid_crs);
    const Timeline timeline = testing::borlange_timeline(scenario.weeks, scenario.start_date);
    constexpr int kReplicates = 30;
    const RunOptions options{4242, kReplicates, 2, false};
    const RunOutput base = run_scenario(borlange_city(), borlange_config().params, timeline, options);
    const RunOutput dev = run_scenario(borlange_city(), developed, timeline, options);
    const int tjarna = district_of("Tjärna Ängar");
    const int quarters = base.results.safety.quarters;
    auto at_risk = [&](const RunOutput& o, int rep, int q) {
        const auto k = static_cast<std::size_t>((rep * quarters + q) * o.results.districts + tjarna);
        return o.results.safety.risk_class[k] >= static_cast<std::int8_t>(RiskClass::Risk) ? 1.0 : 0.0;
    };
    std::printf("quarter: share of replicates with Tjärna Ängar a risk area, baseline / developed\n");
    for (int q = 0; q < quarters; q += 2) {
        double b = 0.0, d = 0.0;
        for (int rep = 0; rep < kReplicates; ++rep) {
            b += at_risk(base, rep, q) / kReplicates;
            d += at_risk(dev, rep, q) / kReplicates;
        }
        std::printf("  %2d  %.1f / %.1f\n", q, b, d);
    }
    std::vector<double> b(kReplicates, 0.0), d(kReplicates, 0.0);
    constexpr int kLastYear = kWeeksPerYear / kWeeksPerQuarter;
    for (int rep = 0; rep < kReplicates; ++rep) {
        for (int q = quarters - kLastYear; q < quarters; ++q) {
            b[static_cast<std::size_t>(rep)] += at_risk(base, rep, q) / kLastYear;
            d[static_cast<std::size_t>(rep)] += at_risk(dev, rep, q) / kLastYear;
        }
    }
    const Estimate e = paired_estimate("risk_last_year", "Tjärna Ängar", b, d);
    ASSERT_TRUE(e.change_interval);
    std::printf("the last year: %.2f -> %.2f, change %.2f (%.2f to %.2f)\n", e.base_mean, e.other_mean, e.change,
                e.change_interval->low, e.change_interval->high);
    EXPECT_GE(e.base_mean, 0.6);  // the baseline keeps today's picture in most replicates
    EXPECT_LT(e.change_interval->high, 0.0);
}

}  // namespace
}  // namespace trygg
