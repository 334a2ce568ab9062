// Visitors (model/visitors.hpp) on a hand-built town: a place's visitors are its type's peak ×
// the hour's profile (× the weekend factor), spread evenly over its footprint, only while it
// is open; places sharing a site add up; each hour replaces the last hour's visitors.
#include "model/visitors.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace trygg {
namespace {

// Four sites. A shopping centre (peak 90, open 10–20 every day, weekends × 1.5) fills sites
// 0–2; two public offices (peak 10, open 8–16 on weekdays) share site 3; a school there has
// no visitors.
struct Town {
    City city;
    Sites sites;
    Town() {
        auto& mall = city.place_types[static_cast<std::size_t>(PlaceType::ShoppingCentre)];
        mall.visitors_peak = 90.0;
        mall.visitor_profile[12] = 1.0f;
        mall.visitor_profile[15] = 0.5f;
        mall.visitor_profile[22] = 0.3f;  // a profile past closing time brings nobody
        mall.weekend_visitor_factor = 1.5;
        auto& office = city.place_types[static_cast<std::size_t>(PlaceType::PublicOffice)];
        office.visitors_peak = 10.0;
        office.visitor_profile[12] = 0.8f;
        Place centre;
        centre.type = PlaceType::ShoppingCentre;
        centre.open_from = 10;
        centre.open_to = 20;
        Place tax;
        tax.type = PlaceType::PublicOffice;
        tax.open_from = 8;
        tax.open_to = 16;
        tax.open_weekends = false;
        Place school;
        school.type = PlaceType::School;
        city.places = {centre, tax, tax, school};
        sites.cell = {0, 1, 2, 3};
        sites.place_footprint = {{0, 1, 2}, {3}, {3}, {3}};
    }
};

std::vector<int> visitors(const Town& town, int clock_hour, bool weekend, Occupancy* reuse = nullptr) {
    Occupancy fresh(town.sites, RoutineAgents{});
    Occupancy& occ = reuse ? *reuse : fresh;
    VisitorFlow(town.city, town.sites).apply(occ, clock_hour, weekend);
    std::vector<int> v;
    for (std::int32_t s = 0; s < town.sites.size(); ++s) v.push_back(occ.at(s, Presence::Visitor));
    return v;
}

TEST(Visitors, APlacesPeakTimesTheHoursProfileSpreadsOverItsFootprint) {
    const Town town;
    // 90 × 1.0 / 3 per centre site; 2 offices × 10 × 0.8 at site 3.
    EXPECT_EQ(visitors(town, 12, false), (std::vector<int>{30, 30, 30, 16}));
    EXPECT_EQ(visitors(town, 15, false), (std::vector<int>{15, 15, 15, 0}));
    // Saturday: the centre × 1.5; the offices are closed.
    EXPECT_EQ(visitors(town, 12, true), (std::vector<int>{45, 45, 45, 0}));
    // Before opening and after closing nobody comes, whatever the profile says.
    EXPECT_EQ(visitors(town, 22, false), (std::vector<int>{0, 0, 0, 0}));
    EXPECT_EQ(visitors(town, 9, false), (std::vector<int>{0, 0, 0, 0}));
}

TEST(Visitors, EachHourReplacesTheLastHoursVisitors) {
    const Town town;
    Occupancy occ(town.sites, RoutineAgents{});
    EXPECT_EQ(visitors(town, 12, false, &occ), (std::vector<int>{30, 30, 30, 16}));
    EXPECT_EQ(visitors(town, 15, false, &occ), (std::vector<int>{15, 15, 15, 0}));  // not 45, not 16
    EXPECT_EQ(visitors(town, 22, false, &occ), (std::vector<int>{0, 0, 0, 0}));
    // Visitors are not residents: they are not in the resident totals.
    EXPECT_EQ(occ.residents_present(), 0);
}

}  // namespace
}  // namespace trygg
