#include "model/offending.hpp"

#include "model/aftermath.hpp"
#include "model/incidents.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace trygg {
namespace {

// One site with 20 residents in 10 homes, 5 shops open 10–20, some lighting and cameras.
Sites one_site() {
    Sites s;
    s.cell = {0};
    s.site_of_cell = {0};
    s.district = {0};
    s.residents = {20};
    s.homes = {10};
    s.shops = {5};
    s.shop_open_from = {10};
    s.shop_open_to = {20};
    s.shop_open_weekends = {1};
    s.places = {1};
    s.lighting = {0.0f};
    s.cameras = {0.0f};
    s.monitored = {0};
    s.nightlife = {0};
    s.collective_efficacy = {0.5f};
    return s;
}

Occupancy with(const Sites& sites, std::initializer_list<std::pair<Presence, int>> counts) {
    Occupancy occ(sites, RoutineAgents{});
    std::vector<Move> moves;
    for (const auto& [kind, n] : counts) {
        for (int k = 0; k < n; ++k) moves.push_back({-1, slot(0, kind)});
    }
    occ.apply(moves);
    return occ;
}

const OffendingParams& params() {
    return testing::borlange_config().params.offending;
}

TEST(Opportunity, BurglaryNeedsEmptyHomes) {
    const Sites s = one_site();
    const Setting noon{0, 12, 0.0f, false, false};
    const double all_home = opportunity(CrimeType::Burglary, params(), s, with(s, {{Presence::HomeAdult, 20}}), noon);
    const double half_away = opportunity(CrimeType::Burglary, params(), s, with(s, {{Presence::HomeAdult, 10}}), noon);
    const double all_away = opportunity(CrimeType::Burglary, params(), s, with(s, {}), noon);
    EXPECT_EQ(all_home, 0.0);
    EXPECT_GT(half_away, 0.0);
    EXPECT_GT(all_away, half_away);
    EXPECT_LT(all_away, 1.0);  // saturating
}

TEST(Opportunity, ShopTheftOnlyWhileShopsAreOpen) {
    const Sites s = one_site();
    const Occupancy occ = with(s, {});
    EXPECT_GT(opportunity(CrimeType::ShopTheft, params(), s, occ, {0, 12, 0.0f, false, false}), 0.0);
    EXPECT_EQ(opportunity(CrimeType::ShopTheft, params(), s, occ, {0, 22, 0.0f, false, false}), 0.0);
}

TEST(Deterrence, RisesWithGuardiansAndSaturatesBelowTheMaximum) {
    const Sites s = one_site();
    const Setting st{0, 14, 0.0f, false, false};
    double last = -1.0;
    for (int guardians : {0, 2, 10, 50, 1000}) {
        const double d = deterrence(CrimeType::Robbery, params(), s, with(s, {{Presence::PublicAdult, guardians}}), st);
        EXPECT_GT(d, last);
        EXPECT_LT(d, params().max_deterrence + 1e-12);
        last = d;
    }
    EXPECT_NEAR(last, params().max_deterrence, 1e-6);
}

TEST(Deterrence, LightingActsOnlyInTheDark) {
    Sites lit = one_site();
    lit.lighting = {1.0f};
    const Sites dark_site = one_site();
    const Occupancy occ = with(lit, {});
    const Setting day{0, 13, 0.0f, false, false};
    const Setting night{0, 23, 1.0f, false, false};
    EXPECT_EQ(deterrence(CrimeType::VehicleTheft, params(), lit, occ, day),
              deterrence(CrimeType::VehicleTheft, params(), dark_site, occ, day));
    EXPECT_GT(deterrence(CrimeType::VehicleTheft, params(), lit, occ, night),
              deterrence(CrimeType::VehicleTheft, params(), dark_site, occ, night) + 0.1);
}

TEST(Deterrence, CamerasWorkOnVehicleCrimeMoreThanViolenceAndMoreWhenMonitored) {
    Sites cams = one_site();
    cams.cameras = {1.0f};
    Sites watched = cams;
    watched.monitored = {1};
    const Occupancy occ = with(cams, {});
    const Setting st{0, 14, 0.0f, false, false};
    const double vehicle = deterrence(CrimeType::VehicleTheft, params(), cams, occ, st);
    const double assault = deterrence(CrimeType::Assault, params(), cams, occ, st);
    EXPECT_GT(vehicle, 2 * assault);
    EXPECT_GT(deterrence(CrimeType::VehicleTheft, params(), watched, occ, st), vehicle);
}

// A patrol on duty deters a share P of what guardians, lighting and cameras leave: the
// undeterred part max·(1 − G)… shrinks by exactly (1 − P), for every crime type.
TEST(Deterrence, APatrolOnDutyDetersItsShareOfWhatIsLeft) {
    const Sites s = one_site();
    const Occupancy occ = with(s, {{Presence::PublicAdult, 3}});
    const Setting off_duty{0, 22, 0.5f, false, false};
    Setting on_duty = off_duty;
    on_duty.police_deterrence = 0.2;
    const double m = params().max_deterrence;
    for (int t = 0; t < kCrimeTypes; ++t) {
        const auto type = static_cast<CrimeType>(t);
        const double without = deterrence(type, params(), s, occ, off_duty);
        const double with_patrol = deterrence(type, params(), s, occ, on_duty);
        EXPECT_NEAR(m - with_patrol, (m - without) * 0.8, 1e-12) << kCrimeTypeNames[static_cast<std::size_t>(t)];
    }
}

TEST(OffenceRates, ScaleWithPropensityAndPeers) {
    const Sites s = one_site();
    const Occupancy alone = with(s, {{Presence::PublicYouth, 1}, {Presence::PublicAdult, 3}});
    const Occupancy group = with(s, {{Presence::PublicYouth, 6}, {Presence::PublicAdult, 3}});
    const Setting st{0, 14, 0.0f, false, false};
    const auto r1 = offence_rates(params(), s, alone, st, 1.0, true);
    const auto r2 = offence_rates(params(), s, alone, st, 2.0, true);
    EXPECT_NEAR(r2.total, 2 * r1.total, 1e-12);
    const auto with_peers = offence_rates(params(), s, group, st, 1.0, true);
    const auto adult = offence_rates(params(), s, group, st, 1.0, false);
    EXPECT_GT(with_peers.total, adult.total);
}

// Disorder and fires (model/incidents.hpp) by the offending rule's terms.
TEST(Incidents, DisorderNeedsPeopleAroundAndFiresNeedHomesOrCars) {
    const IncidentParams& ip = testing::borlange_config().params.incidents;
    Sites s = one_site();
    const Setting st{0, 14, 0.0f, false, false};
    const Occupancy nobody = with(s, {});
    const Occupancy crowd = with(s, {{Presence::PublicAdult, 30}});
    const auto empty = incident_rates(ip, params(), s, nobody, st, 1.0, 1.0);
    EXPECT_EQ(empty.rate[static_cast<std::size_t>(IncidentType::Disorder)], 0.0);
    EXPECT_GT(empty.rate[static_cast<std::size_t>(IncidentType::Fire)], 0.0);  // the homes' bins are there
    const auto busy = incident_rates(ip, params(), s, crowd, st, 1.0, 1.0);
    EXPECT_GT(busy.rate[static_cast<std::size_t>(IncidentType::Disorder)], 0.0);
    // Twice the propensity, twice the rate; guardians (the crowd) deter fires.
    const auto twice = incident_rates(ip, params(), s, crowd, st, 2.0, 1.0);
    EXPECT_NEAR(twice.total, 2 * busy.total, 1e-12);
    EXPECT_LT(busy.rate[static_cast<std::size_t>(IncidentType::Fire)],
              empty.rate[static_cast<std::size_t>(IncidentType::Fire)]);
    s.homes = {0};
    s.places = {0};
    EXPECT_EQ(incident_rates(ip, params(), s, nobody, st, 1.0, 1.0).total, 0.0);
}

TEST(Incidents, NightLifeHoursRaiseDisorderAtVenues) {
    const IncidentParams& ip = testing::borlange_config().params.incidents;
    Sites s = one_site();
    s.nightlife = {1};
    s.alcohol_service = {1.0f};
    const Occupancy crowd = with(s, {{Presence::PublicAdult, 30}});
    const Setting afternoon{0, 14, 0.0f, false, false}, night{0, 23, 0.0f, false, false};
    const double day_rate = incident_rates(ip, params(), s, crowd, afternoon, 1.0, 1.0).rate[0];
    const double night_rate = incident_rates(ip, params(), s, crowd, night, 1.0, 1.0).rate[0];
    EXPECT_NEAR(night_rate / day_rate, 1.0 + ip.nightlife_disorder_factor, 1e-9);
}

TEST(Incidents, PickFollowsTheRates) {
    IncidentRates r;
    r.rate = {3.0, 1.0};
    r.total = 4.0;
    EXPECT_EQ(pick_incident(r, 0.7), IncidentType::Disorder);
    EXPECT_EQ(pick_incident(r, 0.8), IncidentType::Fire);
}

// The fire service sees fires, not disorder; Keolis disorder at its stops; the police each
// with its own share. Every actor draws on its own.
TEST(Incidents, EachEstActorReportsTheIncidentsOfItsDomain) {
    const ReportingParams& rp = testing::borlange_config().params.reporting;
    const CounterRng rng(RngKey{5, 0});
    int fire_service = -1;
    for (std::size_t r = 0; r < rp.est.size(); ++r)
        if (rp.est[r].name.find("Räddningstjänsten") != std::string::npos) fire_service = static_cast<int>(r);
    ASSERT_GE(fire_service, 0);
    ReportContext fire, disorder;
    fire.incident = static_cast<int>(IncidentType::Fire);
    disorder.incident = static_cast<int>(IncidentType::Disorder);
    EXPECT_TRUE(sees(rp.est[static_cast<std::size_t>(fire_service)], fire));
    EXPECT_FALSE(sees(rp.est[static_cast<std::size_t>(fire_service)], disorder));
    int by_fire_service = 0, by_police = 0;
    const int n = 4000;
    for (int k = 0; k < n; ++k) {
        const std::uint32_t bits = draw_incident_reports(rp, fire, rng, static_cast<std::uint32_t>(k), 100);
        by_fire_service += (bits >> (fire_service + 1)) & 1u;
        by_police += bits & 1u;
    }
    // Binomial, n = 4000: ±4 standard errors around each configured share.
    const double fs = rp.est[static_cast<std::size_t>(fire_service)].probability;
    EXPECT_NEAR(by_fire_service / double{n}, fs, 4 * std::sqrt(fs * (1 - fs) / n));
    const double police = police_probability(rp, fire);
    EXPECT_NEAR(by_police / double{n}, police, 4 * std::sqrt(police * (1 - police) / n) + 1e-9);
}

}  // namespace
}  // namespace trygg
