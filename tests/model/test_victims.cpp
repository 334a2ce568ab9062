// Victim choice (model/victims.hpp) on a hand-built site: the group follows the crime type and
// the targets present, and the uniform draw splits between groups at exactly their share.
#include "model/victims.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <utility>

namespace trygg {
namespace {

// One site: 3 homes, 1 shop and 1 public building.
Sites one_site() {
    Sites s;
    s.cell = {0};
    s.site_of_cell = {0};
    s.district = {0};
    s.residents = {6};
    s.homes = {3};
    s.shops = {1};
    s.places = {1};
    return s;
}

Occupancy with(const Sites& sites, std::initializer_list<std::pair<Presence, int>> counts) {
    Occupancy occ(sites, RoutineAgents{});
    std::vector<Move> moves;
    for (const auto& [kind, n] : counts) {
        if (kind == Presence::Visitor) {
            occ.set_visitors(0, n);
            continue;
        }
        for (int k = 0; k < n; ++k) moves.push_back({-1, slot(0, kind)});
    }
    occ.apply(moves);
    return occ;
}

OffendingParams params() {
    OffendingParams p;
    p.vandalism_place_weight = 2.0;  // a public building counts as two homes
    p.cars_per_resident = 0.5;
    p.cars_per_worker = 0.25;
    p.cars_per_visitor = 1.0;
    return p;
}

// The group at draws just below and just above `share`: the first group below, the second above.
void expect_split(CrimeType type, const Occupancy& occ, double share, VictimGroup below, VictimGroup above) {
    const Sites s = one_site();
    const OffendingParams p = params();
    EXPECT_EQ(victim_of(type, p, s, occ, 0, share - 1e-9), below) << name_of(type);
    EXPECT_EQ(victim_of(type, p, s, occ, 0, share + 1e-9), above) << name_of(type);
}

TEST(Victims, ShopTheftHitsABusinessBicycleTheftAResidentAndDrugsNobody) {
    const Sites s = one_site();
    const Occupancy occ = with(s, {{Presence::Visitor, 50}});
    for (double u : {0.0, 0.5, 0.999}) {
        EXPECT_EQ(victim_of(CrimeType::ShopTheft, params(), s, occ, 0, u), VictimGroup::Business);
        EXPECT_EQ(victim_of(CrimeType::BicycleTheft, params(), s, occ, 0, u), VictimGroup::Resident);
        EXPECT_EQ(victim_of(CrimeType::Drugs, params(), s, occ, 0, u), VictimGroup::Count);
    }
}

TEST(Victims, BurglaryAndVandalismHitPremisesInProportionToPremisesAgainstHomes) {
    // Premises 1 shop + 2 × 1 public building = 3 against 3 homes: half are businesses.
    const Occupancy occ = with(one_site(), {});
    expect_split(CrimeType::Burglary, occ, 0.5, VictimGroup::Business, VictimGroup::Resident);
    expect_split(CrimeType::Vandalism, occ, 0.5, VictimGroup::Business, VictimGroup::Resident);
}

TEST(Victims, VehicleTheftHitsAVisitorInProportionToVisitorsCars) {
    // Cars: 4 visitors × 1 against 8 adults at home × 0.5 + 8 at work × 0.25 = 6: a visitor's
    // with probability 0.4; children and people in public space bring no car.
    const Occupancy occ = with(one_site(), {{Presence::Visitor, 4},
                                            {Presence::HomeAdult, 8},
                                            {Presence::IndoorsAdult, 8},
                                            {Presence::HomeMinor, 5},
                                            {Presence::PublicAdult, 9}});
    expect_split(CrimeType::VehicleTheft, occ, 0.4, VictimGroup::Visitor, VictimGroup::Resident);
    // No car at all: a resident's (the draw never falls below a share of 0).
    const Occupancy empty = with(one_site(), {});
    EXPECT_EQ(victim_of(CrimeType::VehicleTheft, params(), one_site(), empty, 0, 0.0), VictimGroup::Resident);
}

TEST(Victims, CrimesAgainstPersonsHitAVisitorInProportionToVisitorsInPublic) {
    // 3 visitors against 4 adults and 5 youths in public: a visitor with probability 0.25;
    // children in public, people at home or indoors are not counted.
    const Occupancy occ = with(one_site(), {{Presence::Visitor, 3},
                                            {Presence::PublicAdult, 4},
                                            {Presence::PublicYouth, 5},
                                            {Presence::PublicChild, 10},
                                            {Presence::HomeAdult, 20},
                                            {Presence::IndoorsMinor, 7}});
    for (CrimeType type : {CrimeType::Assault, CrimeType::Robbery, CrimeType::OtherTheft})
        expect_split(type, occ, 0.25, VictimGroup::Visitor, VictimGroup::Resident);
}

}  // namespace
}  // namespace trygg
