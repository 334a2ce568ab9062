#include "reference/reference_planner.hpp"

#include "core/clock.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace trygg::reference {
namespace {

// 16-bit uniform number k of a Philox call (two to a word, low half first).
std::uint32_t uniform16(const std::array<std::uint32_t, 4>& words, int k) {
    return (words[static_cast<std::size_t>(k / 2)] >> (16 * (k % 2))) & 0xffffu;
}

// The standard normal quantile, by bisection on Φ(z) = erfc(−z/√2)/2.
double normal_quantile(double p) {
    double lo = -12.0, hi = 12.0;
    for (int k = 0; k < 200; ++k) {
        const double mid = (lo + hi) / 2.0;
        if (std::erfc(-mid / std::sqrt(2.0)) / 2.0 < p)
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2.0;
}

bool at_school(Schedule s) {
    return s == Schedule::ChildPupil || s == Schedule::TeenPupil || s == Schedule::UpperSecondary;
}

}  // namespace

ReferencePlanner::ReferencePlanner(const City& city, const Sites& sites, const RoutineParams& params,
                                   const Timeline& timeline, const CounterRng& rng)
    : city_(city), sites_(sites), params_(params), timeline_(timeline), rng_(rng), quantile_(256) {
    for (int q = 0; q < 256; ++q) quantile_[static_cast<std::size_t>(q)] = normal_quantile((q + 0.5) / 256.0);
    pull_.assign(static_cast<std::size_t>(sites.size()), 0.0);
    for (std::int32_t s = 0; s < sites.size(); ++s) {
        if (sites.residents[static_cast<std::size_t>(s)] > 0) pull_[static_cast<std::size_t>(s)] = 1.0;
    }
    for (std::size_t p = 0; p < city.places.size(); ++p) {
        const double pull = city.place_types[static_cast<std::size_t>(city.places[p].type)].hangout_weight;
        const auto& footprint = sites.place_footprint[p];
        for (std::int32_t s : footprint)
            pull_[static_cast<std::size_t>(s)] += pull / static_cast<double>(footprint.size());
    }
}

int ReferencePlanner::choose(const std::vector<double>& weights, std::uint32_t u16, double& within) {
    double total = 0.0;
    for (double w : weights) total += w > 0 ? w : 0.0;
    if (!(total > 0)) return -1;
    int last = -1;
    for (std::size_t k = 0; k < weights.size(); ++k)
        if (weights[k] > 0) last = static_cast<int>(k);
    double cum = 0.0;
    std::uint32_t below = 0;  // the share × 65536 of the entries before
    for (std::size_t k = 0; k < weights.size(); ++k) {
        if (!(weights[k] > 0)) continue;
        cum += weights[k];
        const std::uint32_t upto =
            static_cast<int>(k) == last ? 65536u : static_cast<std::uint32_t>(std::lround(cum / total * 65536.0));
        if (u16 < upto) {
            within = static_cast<double>(u16 - below) / static_cast<double>(upto - below);
            return static_cast<int>(k);
        }
        below = upto;
    }
    return -1;  // not reached: the last share ends at 65536
}

int ReferencePlanner::start_of(int schedule, int block, bool late, std::uint32_t byte) const {
    const BlockSpec& b = params_.schedules[static_cast<std::size_t>(schedule)].blocks[static_cast<std::size_t>(block)];
    const double mean = b.start_mean + (late ? b.late_night_shift : 0.0);
    return static_cast<int>(std::clamp(std::lround(mean + b.start_sd * quantile_[byte]), 4L, 26L));
}

int ReferencePlanner::hours_of(int schedule, int block, std::uint32_t byte) const {
    const BlockSpec& b = params_.schedules[static_cast<std::size_t>(schedule)].blocks[static_cast<std::size_t>(block)];
    return static_cast<int>(std::clamp(std::lround(b.hours_mean + b.hours_sd * quantile_[byte]), 1L, 23L));
}

std::int32_t ReferencePlanner::cell_of_place(std::size_t place, double within) const {
    const auto& footprint = sites_.place_footprint[place];
    const auto k =
        std::min(footprint.size() - 1, static_cast<std::size_t>(within * static_cast<double>(footprint.size())));
    return footprint[k];
}

// Errands: places that draw errands, by pull × e^(−distance / scale) from home.
std::int32_t ReferencePlanner::errand_site(std::int32_t home, std::uint32_t u16) const {
    const Point at = city_.grid.centre(sites_.cell[static_cast<std::size_t>(home)]);
    std::vector<std::size_t> places;
    std::vector<double> weights;
    for (std::size_t p = 0; p < city_.places.size(); ++p) {
        const double pull = city_.place_types[static_cast<std::size_t>(city_.places[p].type)].errand_weight;
        if (pull <= 0) continue;
        places.push_back(p);
        weights.push_back(pull * std::exp(-distance(at, city_.places[p].where) / params_.errand_distance_scale_m));
    }
    double within = 0.0;
    const int k = choose(weights, u16, within);
    return k < 0 ? -1 : cell_of_place(places[static_cast<std::size_t>(k)], within);
}

// Unstructured time: a site within the hangout radius of home, by its pull.
std::int32_t ReferencePlanner::hangout_site(std::int32_t home, std::uint32_t u16) const {
    const int cell = sites_.cell[static_cast<std::size_t>(home)];
    const Point at = city_.grid.centre(cell);
    const double radius = params_.hangout_radius_m;
    std::vector<std::int32_t> near;
    std::vector<double> weights;
    for (int r = 0; r < city_.grid.ny; ++r) {
        for (int c = 0; c < city_.grid.nx; ++c) {
            const int other = city_.grid.index(c, r);
            const std::int32_t s = sites_.of_cell(other);
            if (s < 0 || distance(at, city_.grid.centre(other)) > radius) continue;
            near.push_back(s);
            weights.push_back(pull_[static_cast<std::size_t>(s)]);
        }
    }
    double within = 0.0;
    const int k = choose(weights, u16, within);
    return k < 0 ? -1 : near[static_cast<std::size_t>(k)];
}

// A night out: any night-life place, alike.
std::int32_t ReferencePlanner::night_site(std::uint32_t u16) const {
    std::vector<std::size_t> places;
    for (std::size_t p = 0; p < city_.places.size(); ++p) {
        if (city_.place_types[static_cast<std::size_t>(city_.places[p].type)].nightlife) places.push_back(p);
    }
    double within = 0.0;
    const int k = choose(std::vector<double>(places.size(), 1.0), u16, within);
    return k < 0 ? -1 : cell_of_place(places[static_cast<std::size_t>(k)], within);
}

std::vector<PlannedMove> ReferencePlanner::plan(const RoutineAgents& agents, std::size_t i,
                                                const PlanningDay& planning) const {
    std::vector<PlannedMove> moves;
    const auto person = static_cast<std::uint32_t>(i);
    const auto uday = static_cast<std::uint32_t>(planning.day);
    const DayInfo& day = timeline_.days[static_cast<std::size_t>(planning.day)];
    const int rc = agents.routine_class[i];
    const int schedule = rc / kLeisurePatterns;
    const int leisure = rc % kLeisurePatterns;
    const auto sched = static_cast<Schedule>(schedule);
    const DayClass cls = !day.work_day                         ? DayClass::Weekend
                         : at_school(sched) && !day.school_day ? DayClass::Off
                                                               : DayClass::Duty;
    const auto first = rng_.words(Stream::DayPlan, person, uday, 0);
    bool any = false;
    std::array<bool, kBlocks> happens{};
    for (int b = 0; b < kBlocks; ++b) {
        const BlockSpec& spec =
            params_.schedules[static_cast<std::size_t>(schedule)].blocks[static_cast<std::size_t>(b)];
        double p = spec.probability[static_cast<std::size_t>(cls)] *
                   params_.leisure_factor[static_cast<std::size_t>(leisure)][static_cast<std::size_t>(b)];
        if (day.weekend_night) p *= spec.weekend_night_factor;
        if (day.festive_night) p *= spec.festive_night_factor;
        if (day.industrial_holiday && sched == Schedule::Worker && b == static_cast<int>(Block::Main))
            p *= params_.industrial_holiday_factor;
        const auto threshold = static_cast<std::uint32_t>(std::lround(std::clamp(p, 0.0, 1.0) * 65536.0));
        happens[static_cast<std::size_t>(b)] = uniform16(first, b) < threshold;
        any = any || happens[static_cast<std::size_t>(b)];
    }
    if (!any) return moves;
    const auto second = rng_.words(Stream::DayPlan, person, uday, 1);
    auto uniform = [&](int k) { return k < 3 ? uniform16(first, 5 + k) : uniform16(second, k - 3); };

    const auto group = static_cast<AgeGroup>(agents.age_group[i]);
    const Presence out = group == AgeGroup::Adult   ? Presence::PublicAdult
                         : group == AgeGroup::Youth ? Presence::PublicYouth
                                                    : Presence::PublicChild;
    const Presence indoors = group == AgeGroup::Adult ? Presence::IndoorsAdult : Presence::IndoorsMinor;
    const std::int32_t home = agents.home_site[i];
    const std::int32_t home_slot = slot(home, group == AgeGroup::Adult ? Presence::HomeAdult : Presence::HomeMinor);
    const bool late = day.weekend_night || day.festive_night;
    const bool weekend = day.weekday >= 6 || day.public_holiday;
    int free_from = kModelDayStart;  // a block starts no earlier than the previous one ends
    for (int b = 0; b < kBlocks; ++b) {
        if (!happens[static_cast<std::size_t>(b)]) continue;
        const std::uint32_t timing = uniform(2 * b), choice = uniform(2 * b + 1);
        int start = std::max(start_of(schedule, b, late, timing & 0xffu), free_from);
        int end = std::min(start + hours_of(schedule, b, timing >> 8), kLatestReturn);
        auto block = static_cast<Block>(b);
        std::int32_t site = -1;
        Presence kind = out;
        if (block == Block::Main) {
            site = agents.anchor_site[i];
            kind = indoors;
        } else if (block == Block::Errand) {
            site = errand_site(home, choice);
            if (site < 0) continue;
        } else if (block == Block::Activity) {
            // The nearest supervised venue, if it is open when the block starts.
            const Point at = city_.grid.centre(sites_.cell[static_cast<std::size_t>(home)]);
            int venue = -1;
            double nearest = 0.0;
            for (std::size_t p = 0; p < city_.places.size(); ++p) {
                if (!city_.place_types[static_cast<std::size_t>(city_.places[p].type)].structured_activity) continue;
                const double d = distance(at, city_.places[p].where);
                if (venue < 0 || d < nearest) {
                    venue = static_cast<int>(p);
                    nearest = d;
                }
            }
            const Place* place = venue < 0 ? nullptr : &city_.places[static_cast<std::size_t>(venue)];
            if (place && is_open(place->open_from, place->open_to, place->open_weekends, weekend, start % 24)) {
                site = sites_.of_cell(city_.place_cell[static_cast<std::size_t>(venue)]);
                kind = indoors;
                // Closing in the model day's hours (4..28): past midnight counts on.
                const int closes = place->open_to <= place->open_from || place->open_to < kModelDayStart
                                       ? place->open_to + kHoursPerDay
                                       : place->open_to;
                end = std::min(end, closes);
            } else {
                if (group == AgeGroup::Adult) continue;  // nowhere to go: adults stay home
                block = Block::Hangout;                  // the young go out with peers instead
                site = hangout_site(home, choice);
                if (site < 0) continue;
            }
        } else if (block == Block::Hangout) {
            site = hangout_site(home, choice);
            if (site < 0) continue;
        } else {
            if (agents.age[i] < params_.night_out_min_age) continue;
            site = night_site(choice);
            if (site < 0) continue;
        }
        if (planning.avoids_night && planning.avoids_night[i] && kind == out) end = std::min(end, planning.avoid_from);
        if (start >= end) continue;
        // An evening out with peers may end at a programme: out until it opens, there while it
        // runs, home when it closes (docs/model.md §6c).
        const int out_from = start;
        const std::int32_t out_site = site;
        const Presence out_kind = kind;
        bool joined = false;
        if (block == Block::Hangout && planning.programmes && !planning.programmes->empty()) {
            const std::uint32_t reach = planning.reach->home_site[static_cast<std::size_t>(home)];
            const auto& programmes = *planning.programmes;
            for (std::size_t k = 0; k < programmes.size() && reach != 0; ++k) {
                const ProgrammeDay& p = programmes[k];
                if (!(reach & p.bit) || agents.age[i] < p.min_age || agents.age[i] > p.max_age || start >= p.to ||
                    end <= p.from)
                    continue;
                const auto w = rng_.words(Stream::DayPlan, person, uday, static_cast<std::uint16_t>(2 + k / 8));
                if (uniform16(w, static_cast<int>(k % 8)) >= p.uptake16) continue;
                site = p.site;
                kind = p.low_structure ? out : indoors;
                start = std::max(start, p.from);
                end = std::min(end, p.to);
                joined = true;
                break;
            }
        }
        const std::int32_t away = site < 0 ? -1 : slot(site, kind);
        if (joined && out_from < start) {
            moves.push_back({out_from - kModelDayStart, home_slot, slot(out_site, out_kind)});
            moves.push_back({start - kModelDayStart, slot(out_site, out_kind), away});
        } else {
            moves.push_back({start - kModelDayStart, home_slot, away});
        }
        moves.push_back({end - kModelDayStart, away, home_slot});
        free_from = end;
    }
    return moves;
}

}  // namespace trygg::reference
