#include "model/day_plan.hpp"

#include "core/clock.hpp"

#include <algorithm>

namespace trygg {

Presence home_kind(AgeGroup g) {
    return g == AgeGroup::Adult ? Presence::HomeAdult : Presence::HomeMinor;
}
Presence indoors_kind(AgeGroup g) {
    return g == AgeGroup::Adult ? Presence::IndoorsAdult : Presence::IndoorsMinor;
}
Presence public_kind(AgeGroup g) {
    switch (g) {
        case AgeGroup::Adult:
            return Presence::PublicAdult;
        case AgeGroup::Youth:
            return Presence::PublicYouth;
        default:
            return Presence::PublicChild;
    }
}

void refresh_agent(RoutineAgents& a, const Population& pop, const Sites& sites, std::size_t i) {
    a.routine_class[i] = static_cast<std::uint8_t>(
        routine_class(static_cast<Schedule>(pop.schedule[i]), static_cast<Leisure>(pop.leisure[i])));
    const int age = pop.age[i];
    a.age[i] = pop.age[i];
    a.age_group[i] = static_cast<std::uint8_t>(age < 12   ? AgeGroup::Child
                                               : age < 18 ? AgeGroup::Youth
                                                          : AgeGroup::Adult);
    a.home_site[i] = sites.of_cell(pop.home_cell[i]);
    a.anchor_site[i] = pop.anchor_cell[i] < 0 ? -1 : sites.of_cell(pop.anchor_cell[i]);
}

void rank_offenders(RoutineAgents& a, const Population& pop) {
    a.offenders.clear();
    a.offender_rank.assign(pop.size(), -1);
    for (std::size_t i = 0; i < pop.size(); ++i) {
        if (pop.propensity[i] > 0) {
            a.offender_rank[i] = static_cast<std::int32_t>(a.offenders.size());
            a.offenders.push_back(static_cast<std::uint32_t>(i));
        }
    }
}

RoutineAgents build_routine_agents(const Population& pop, const Sites& sites) {
    RoutineAgents a;
    const std::size_t n = pop.size();
    a.routine_class.resize(n);
    a.age_group.resize(n);
    a.age.resize(n);
    a.home_site.resize(n);
    a.anchor_site.resize(n);
    for (std::size_t i = 0; i < n; ++i) refresh_agent(a, pop, sites, i);
    rank_offenders(a, pop);
    return a;
}

namespace {

// 16-bit uniforms from Philox words: word k holds lanes 2k and 2k+1.
inline std::uint32_t lane16(const std::array<std::uint32_t, 4>& w, int k) {
    return (w[static_cast<std::size_t>(k >> 1)] >> ((k & 1) * 16)) & 0xffffu;
}

// Closing hour of a place in the model day's clock (4..28).
inline int closing_in_day(int open_from, int open_to) {
    return open_to <= open_from || open_to < kModelDayStart ? open_to + kHoursPerDay : open_to;
}

// An evening out with peers ends at a programme when the person is of its ages, lives within
// its catchment, is out in its hours, and comes (a third draw, made only for those who
// could): out with peers until it opens, at the venue while it runs, home when it closes.
// Returns whether the person comes; `start`, `site` and `kind` then describe the venue part.
bool join_programme(const DayPlanContext& ctx, std::size_t person, std::uint32_t day, std::int32_t home, int& start,
                    int& end, std::int32_t& site, Presence& kind, bool& low_structure) {
    const std::uint32_t reach = ctx.reach->home_site[static_cast<std::size_t>(home)];
    if (reach == 0) return false;
    const int age = ctx.agents.age[person];
    const auto& programmes = *ctx.programmes;
    for (std::size_t k = 0; k < programmes.size(); ++k) {
        const ProgrammeDay& p = programmes[k];
        if (!(reach & p.bit) || age < p.min_age || age > p.max_age || start >= p.to || end <= p.from) continue;
        const auto w = ctx.rng.words(Stream::DayPlan, static_cast<std::uint32_t>(person), day,
                                     static_cast<std::uint16_t>(2 + k / 8));
        if (lane16(w, static_cast<int>(k % 8)) >= p.uptake16) continue;
        site = p.site;
        low_structure = p.low_structure;
        // A structured programme supervises those who come; a low-structure drop-in gathers
        // them, unsupervised, with older delinquent youth (Mahoney & Stattin 2000): they are
        // in public at the venue, where they can offend and be offended against.
        const auto group = static_cast<AgeGroup>(ctx.agents.age_group[person]);
        kind = low_structure ? public_kind(group) : indoors_kind(group);
        start = std::max(start, p.from);
        end = std::min(end, p.to);
        return true;
    }
    return false;
}

// What a young person's block adds to their week (Situational Action Theory's exposure):
// unstructured time with peers in public counts as criminogenic in proportion to the
// offenders seen there last week; supervised activities and high-structure programmes
// count as structured; a low-structure drop-in counts as unstructured time with older
// delinquent youth (Mahoney & Stattin 2000).
inline void note_exposure(WeekExposureView& e, std::size_t i, Block b, bool joined, bool low_structure,
                          std::int32_t out_site, int out_hours, std::int32_t site, int hours, Presence kind) {
    auto unstructured = [&](std::int32_t where, int h) {
        if (where < 0 || h <= 0) return;
        const SiteExposure& at = e.sites[static_cast<std::size_t>(where)];
        e.criminogenic_hours[i] += static_cast<float>(h) * at.offenders;
        e.member_hours[i] += static_cast<float>(h) * at.members;
        if (at.field_workers > 0) e.met_field_workers[i] = 1;
    };
    unstructured(out_site, out_hours);
    if (joined) {
        e.programme_hours[i] += static_cast<float>(hours);
        e.leisure_site[i] = site;
        if (low_structure)
            e.criminogenic_hours[i] += static_cast<float>(hours) * e.low_structure_exposure;
        else
            e.structured_hours[i] += static_cast<float>(hours) * e.structured_programme_hours;
    } else if (b == Block::Hangout || b == Block::NightOut) {
        unstructured(site, hours);
    } else if (b == Block::Activity && (kind == Presence::IndoorsMinor || kind == Presence::IndoorsAdult)) {
        e.structured_hours[i] += static_cast<float>(hours);
        e.leisure_site[i] = site;
    }
}

}  // namespace

void plan_day(const DayPlanContext& ctx, int day, std::size_t first, std::size_t last, MoveBuckets& moves,
              OffenderDay& offenders) {
    const auto& a = ctx.agents;
    const auto& t = ctx.tables;
    const auto& dest = ctx.destinations;
    const bool weekend = t.weekend[static_cast<std::size_t>(day)] != 0;
    const bool late = t.late_night[static_cast<std::size_t>(day)] != 0;
    const auto uday = static_cast<std::uint32_t>(day);
    constexpr std::array<Block, kBlocks> order = {Block::Main, Block::Errand, Block::Activity, Block::Hangout,
                                                  Block::NightOut};

    // Each person's two Philox calls, 64 persons at a time, side by side (vectorised): the
    // same words as one call per person. Those who stay home all day need no second call,
    // but making it for everyone costs less than a ragged batch.
    WordBatch w1s;
    WordBatch w2s;
    constexpr std::size_t kAhead = 4;  // persons ahead; 2 and 8 measured the same (BM_PlanDay)
    std::size_t batch_first = first;
    std::size_t batch_end = first;
    for (std::size_t i = first; i < last; ++i) {
        if (i == batch_end) {
            const std::size_t n = std::min(last - i, WordBatch::kSize);
            ctx.rng.words_for_entities(Stream::DayPlan, static_cast<std::uint32_t>(i), n, uday, 0, w1s);
            ctx.rng.words_for_entities(Stream::DayPlan, static_cast<std::uint32_t>(i), n, uday, 1, w2s);
            batch_first = i;
            batch_end = i + n;
        }
        const std::size_t j = i - batch_first;  // i's place in the batch
        // The choice tables (4.7 MB) are read at random, one cache miss a pick: ask for the
        // lines a later person of the batch will read, the row's guide first, then the
        // entries its errand and hangout draws start on.
        if (i + kAhead < batch_end) {
            const auto later = w2s.of(j + kAhead);
            const auto row = static_cast<std::size_t>(a.home_site[i + kAhead]);
            dest.errand.prefetch(row, lane16(later, 0));   // the errand's choice lane
            dest.hangout.prefetch(row, lane16(later, 4));  // the hangout's
            if (i + 2 * kAhead < batch_end) {
                const auto row2 = static_cast<std::size_t>(a.home_site[i + 2 * kAhead]);
                dest.errand.prefetch_guide(row2);
                dest.hangout.prefetch_guide(row2);
            }
        }
        const int rc = a.routine_class[i];
        const std::uint32_t* p = t.row(day, rc);
        const auto w1 = w1s.of(j);
        unsigned present = 0;
        for (int b = 0; b < kBlocks; ++b) present |= (lane16(w1, b) < p[b] ? 1u : 0u) << b;
        const int rank = a.offender_rank[i];
        if (rank >= 0) offenders.count[static_cast<std::size_t>(rank)] = 0;
        if (present == 0) continue;

        // Ten more lanes for start/length and destination: lanes 5..7 of w1, all of w2.
        const auto w2 = w2s.of(j);
        auto detail = [&](int k) { return k < 3 ? lane16(w1, 5 + k) : lane16(w2, k - 3); };

        const int schedule = rc / kLeisurePatterns;
        const auto group = static_cast<AgeGroup>(a.age_group[i]);
        const std::int32_t home = a.home_site[i];
        const std::int32_t home_slot = slot(home, home_kind(group));
        int clock = 4;
        for (int k = 0; k < kBlocks; ++k) {
            Block b = order[static_cast<std::size_t>(k)];
            if (!(present & (1u << static_cast<int>(b)))) continue;
            const std::uint32_t timing = detail(2 * k);
            const std::uint32_t choice = detail(2 * k + 1);
            int start = std::max<int>(t.start_hour(schedule, static_cast<int>(b), late, timing & 0xffu), clock);
            int end = std::min<int>(start + t.length(schedule, static_cast<int>(b), timing >> 8), kLatestReturn);
            std::int32_t site = -1;
            Presence kind = public_kind(group);
            switch (b) {
                case Block::Main:
                    site = a.anchor_site[i];
                    kind = indoors_kind(group);
                    break;
                case Block::Errand: {
                    double residual = 0.0;
                    const std::int32_t place = dest.errand.pick(static_cast<std::size_t>(home), choice, residual);
                    if (place < 0) continue;
                    site = dest.site_in(place, residual);
                    break;
                }
                case Block::Activity: {
                    const int venue = dest.venue_place[static_cast<std::size_t>(home)];
                    const Place* place = venue < 0 ? nullptr : &ctx.city.places[static_cast<std::size_t>(venue)];
                    if (place && is_open(place->open_from, place->open_to, place->open_weekends, weekend, start % 24)) {
                        site = dest.venue_site[static_cast<std::size_t>(home)];
                        kind = indoors_kind(group);
                        end = std::min(end, closing_in_day(place->open_from, place->open_to));
                        break;
                    }
                    // Nowhere supervised to go: the young spend the time with peers outside
                    // instead (the Mahoney & Stattin 2000 mechanism); adults stay home.
                    if (group == AgeGroup::Adult) continue;
                    b = Block::Hangout;
                    site = dest.hangout.pick(static_cast<std::size_t>(home), choice);
                    if (site < 0) continue;
                    break;
                }
                case Block::Hangout:
                    site = dest.hangout.pick(static_cast<std::size_t>(home), choice);
                    if (site < 0) continue;
                    break;
                case Block::NightOut: {
                    if (a.age[i] < ctx.params.night_out_min_age) continue;
                    double residual = 0.0;
                    const std::int32_t place = dest.night_out.pick(0, choice, residual);
                    if (place < 0) continue;
                    site = dest.site_in(place, residual);
                    break;
                }
                default:
                    break;
            }
            // Afraid to be out late: home by the hour, or not out at all (fewer guardians).
            if (ctx.avoids_night && ctx.avoids_night[i] && kind == public_kind(group))
                end = std::min(end, ctx.avoid_from);
            if (start >= end) continue;
            // The part of an evening out before a programme opens, if the person goes on there.
            const int out_from = start;
            const std::int32_t out_site = site;
            const Presence out_kind = kind;
            bool low_structure = false;
            const bool joined = b == Block::Hangout && ctx.programmes && !ctx.programmes->empty() &&
                                join_programme(ctx, i, uday, home, start, end, site, kind, low_structure);
            const std::int32_t away_slot = site < 0 ? -1 : slot(site, kind);
            auto record = [&](std::int32_t where, int from, int to, Presence what) {
                if (rank < 0) return;
                auto& n = offenders.count[static_cast<std::size_t>(rank)];
                offenders.segments[static_cast<std::size_t>(rank) * kMaxSegments + n++] =
                    Segment{where, static_cast<std::uint8_t>(from), static_cast<std::uint8_t>(to), what, 0};
            };
            if (joined && out_from < start) {
                const std::int32_t out_slot = slot(out_site, out_kind);
                moves.add(out_from - kModelDayStart, {home_slot, out_slot});
                moves.add(start - kModelDayStart, {out_slot, away_slot});
                record(out_site, out_from, start, out_kind);
            } else {
                moves.add(start - kModelDayStart, {home_slot, away_slot});
            }
            moves.add(end - kModelDayStart, {away_slot, home_slot});
            record(site, start, end, kind);
            if (ctx.exposure && a.age[i] >= ctx.exposure_from && a.age[i] <= ctx.exposure_to) {
                note_exposure(*ctx.exposure, i, b, joined, low_structure, joined && out_from < start ? out_site : -1,
                              start - out_from, site, end - start, kind);
            }
            clock = end;
        }
    }
}

}  // namespace trygg
