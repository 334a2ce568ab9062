#include "sim/run.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/parallel.hpp"
#include "model/crime_type.hpp"
#include "model/hotspots.hpp"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <string>

namespace trygg {

namespace {

GridDescription describe_grid(const City& city, const std::vector<std::int32_t>& residents) {
    GridDescription g;
    g.nx = city.grid.nx;
    g.ny = city.grid.ny;
    g.cell_size = city.grid.cell_size;
    g.x0 = city.grid.west + city.grid.cell_size / 2;
    g.y0 = city.grid.south + city.grid.cell_size / 2;
    g.district = city.cell_district;
    g.deso = city.cell_deso;
    g.population = residents;
    return g;
}

DistrictTable describe_districts(const City& city) {
    DistrictTable t;
    t.population.assign(city.districts.size(), 0);
    for (const auto& d : city.districts) {
        t.names.push_back(d.name);
        t.codes.push_back(d.code);
    }
    for (std::size_t k = 0; k < city.desos.size(); ++k) {
        t.population[static_cast<std::size_t>(city.deso_district[k])] += city.desos[k].population;
    }
    return t;
}

// Weisburd (2015): the share of crime in the top x % of places, and the share of places
// holding 25 / 50 / 80 % of crime; over the study area's cells, all crime types together.
void add_concentration(const City& city, const std::vector<std::int32_t>& by_cell, RunResults& res) {
    static const std::vector<double> cell_shares = {0.001, 0.002, 0.004, 0.01, 0.016, 0.02,
                                                    0.05,  0.06,  0.1,   0.2,  0.5,   1.0};
    static const std::vector<double> crime_shares = {0.25, 0.5, 0.8};
    const auto cells = static_cast<std::size_t>(city.grid.cells());
    std::vector<double> counts(cells, 0.0);
    for (std::size_t k = 0; k < by_cell.size(); ++k) counts[k % cells] += by_cell[k];
    std::vector<std::uint8_t> area(cells);
    for (std::size_t c = 0; c < cells; ++c) area[c] = city.cell_district[c] >= 0 ? 1 : 0;
    res.cell_shares = cell_shares;
    res.crime_shares = crime_shares;
    const auto curve = share_of_crime_in_top(counts, area, cell_shares);
    res.concentration.insert(res.concentration.end(), curve.begin(), curve.end());
    for (double s : crime_shares) res.cells_holding.push_back(share_of_cells_holding(counts, area, s));
}

// The youth tallies of one replicate (YouthTallies) or of a later part of a run
// (RunResults::Youth) appended to a run's: the same fields by name.
template <class Tallies>
void append_youth(RunResults::Youth& to, const Tallies& from) {
    auto append = [](auto& a, const auto& b) { a.insert(a.end(), b.begin(), b.end()); };
    append(to.members, from.members);
    append(to.associates, from.associates);
    append(to.recruits, from.recruits);
    append(to.substance_use, from.substance_use);
    append(to.offences, from.offences);
    append(to.propensity_mean, from.propensity_mean);
    append(to.school_failure, from.school_failure);
    append(to.offences_by_age, from.offences_by_age);
    append(to.residents_by_age, from.residents_by_age);
    append(to.substance_by_age, from.substance_by_age);
    append(to.participants, from.participants);
}

// The safety tallies of one replicate (SafetyTallies) or of a later part (RunResults::Safety).
template <class Tallies>
void append_safety(RunResults::Safety& to, const Tallies& from) {
    auto append = [](auto& a, const auto& b) { a.insert(a.end(), b.begin(), b.end()); };
    append(to.signals, from.signals);
    append(to.unsafe_weekly, from.unsafe_weekly);
    append(to.unsafe_share, from.unsafe_share);
    append(to.avoided_share, from.avoided_share);
    append(to.gang_problems, from.gang_problems);
    append(to.dealing_problems, from.dealing_problems);
    append(to.collective_efficacy, from.collective_efficacy);
    append(to.risk_score, from.risk_score);
    append(to.risk_class, from.risk_class);
    append(to.components, from.components);
    append(to.risk_trend, from.risk_trend);
    append(to.rumours_started, from.rumours_started);
    append(to.rumours_exposed, from.rumours_exposed);
}

}  // namespace

RunOutput run_scenario(const City& city, const ModelParams& params, const Timeline& timeline, const RunOptions& options,
                       const Progress& progress) {
    // The arena asks for exactly `threads` workers; the global limit is raised so that a
    // request above the core count (for scaling studies, or the 3-thread determinism test
    // on 2 cores) is honoured rather than silently capped.
    const tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                                    static_cast<std::size_t>(std::max(options.threads, 1)));
    tbb::task_arena arena(options.threads);
    RunOutput out;
    arena.execute([&] { out = run_replicates(city, params, timeline, options, progress); });
    return out;
}

RunOutput run_replicates(const City& city, const ModelParams& params, const Timeline& timeline,
                         const RunOptions& options, const Progress& progress) {
    const int r_count = options.replicates;
    std::vector<ReplicateOutput> outputs(static_cast<std::size_t>(r_count));
    const std::int64_t total = static_cast<std::int64_t>(r_count) * timeline.weeks;
    if (options.from_state && options.from_state->size() < static_cast<std::size_t>(options.first_replicate + r_count))
        throw LogicError("run_replicates: one state per replicate is needed");
    if (options.save_state) options.save_state->assign(static_cast<std::size_t>(r_count), {});
    std::atomic<std::int64_t> done{options.from_state ? static_cast<std::int64_t>(r_count) * options.from_week : 0};
    tbb::parallel_for(0, r_count, [&](int r) {
        const RngKey key{options.seed, static_cast<std::uint32_t>(options.first_replicate + r)};
        const auto k = static_cast<std::size_t>(r);
        ReplicateResume resume;
        if (options.from_state) {
            resume.from = &(*options.from_state)[static_cast<std::size_t>(options.first_replicate + r)];
            resume.from_week = options.from_week;
        }
        if (options.save_state) resume.save = &(*options.save_state)[k];
        outputs[k] = run_replicate(
            city, params, timeline, key,
            [&](int) {
                const auto now = ++done;
                if (progress) progress(now, total);
            },
            options.event_log, nullptr, resume);
    });
    stop_if_cancelled();  // a batch task elsewhere failed: these outputs are not all there

    RunOutput out;
    auto& res = out.results;
    res.replicates = r_count;
    res.weeks = timeline.weeks;
    res.districts = static_cast<int>(city.districts.size());
    res.crime_types = kCrimeTypes;
    res.ny = city.grid.ny;
    res.nx = city.grid.nx;
    for (auto name : kCrimeTypeNames) res.crime_type_names.emplace_back(name);
    for (auto name : kVictimGroupNames) res.victim_group_names.emplace_back(name);
    res.reporter_names.emplace_back("police");
    for (const auto& r : params.reporting.est) res.reporter_names.push_back(r.name);
    res.has_events = options.event_log;
    res.has_picture = true;
    res.picture.gi_band_m = params.lagesbild.gi_band_m;
    res.picture.alpha = params.lagesbild.alpha;
    res.picture.fdr = params.lagesbild.correction == Correction::FalseDiscoveryRate;
    const int days = static_cast<int>(timeline.days.size());
    for (const Intervention& item : params.interventions) {
        auto& t = res.interventions;
        t.name.push_back(item.name);
        t.kind.emplace_back(kInterventionKindNames[static_cast<std::size_t>(item.kind)]);
        t.investment_sek.push_back(item.investment_sek);
        t.running_sek_per_year.push_back(item.running_sek_per_year);
        t.cost_sek.push_back(item.cost_over(days));
        t.first_day.push_back(std::max(item.when.first_day, 0));
        t.last_day.push_back(std::min(item.when.last_day, days - 1));
    }
    auto append = [](std::vector<std::int32_t>& to, const std::vector<std::int32_t>& from) {
        to.insert(to.end(), from.begin(), from.end());
    };
    res.youth.substance_levels = {"alcohol_experimenting", "alcohol_regular", "narcotics_experimenting",
                                  "narcotics_regular"};
    res.youth.years = (timeline.weeks + kWeeksPerYear - 1) / kWeeksPerYear;
    res.safety.quarters = (timeline.weeks + kWeeksPerQuarter - 1) / kWeeksPerQuarter;
    for (auto name : kSignalNames) res.safety.signal_names.emplace_back(name);
    for (auto name : kRiskComponentNames) res.safety.component_names.emplace_back(name);
    for (auto name : kIncidentTypeNames) res.incident_type_names.emplace_back(name);
    for (std::size_t r = 0; r < outputs.size(); ++r) {
        const auto& o = outputs[r];
        append_youth(res.youth, o.youth);
        append_safety(res.safety, o.safety);
        append(res.crimes_true, o.weekly);
        append(res.crimes_reported, o.weekly_reported);
        append(res.crimes_est, o.weekly_est);
        append(res.crimes_cells, o.by_cell);
        append(res.crimes_cells_est, o.by_cell_est);
        append(res.victims, o.victims);
        res.arrests.push_back(static_cast<std::int32_t>(o.arrests));
        append(res.hotspots_true, o.hotspots_true);
        append(res.hotspots_est, o.hotspots_est);
        append(res.kde_top_est, o.kde_top_est);
        append(res.patrol_weeks, o.patrol_weeks);
        append(res.crimes_by_hour, o.by_hour);
        append(res.incidents_true, o.incidents_true);
        append(res.incidents_reported, o.incidents_reported);
        append(res.incidents_est, o.incidents_est);
        res.youth_public_hours.insert(res.youth_public_hours.end(), o.youth_public.begin(), o.youth_public.end());
        if (res.treated.empty()) res.treated.assign(o.treated.size(), 0);
        for (std::size_t c = 0; c < o.treated.size(); ++c) res.treated[c] |= o.treated[c];
        for (const auto& w : o.weekly_hotspots) {
            res.weekly_hotspots_true.push_back(w.true_cells);
            res.weekly_hotspots_est.push_back(w.est_cells);
            res.weekly_hotspots_both.push_back(w.both);
        }
        add_concentration(city, o.by_cell, res);
        for (const PictureEntry& e : o.picture) {
            res.picture.replicate.push_back(static_cast<std::int32_t>(r));
            res.picture.week.push_back(e.week);
            res.picture.cell.push_back(e.cell);
            res.picture.count.push_back(e.count);
        }
        for (const auto& e : o.events) {
            auto& log = res.events;
            log.replicate.push_back(static_cast<std::int32_t>(options.first_replicate) + static_cast<std::int32_t>(r));
            log.hour.push_back(e.hour);
            log.cell.push_back(e.cell);
            log.crime_type.push_back(static_cast<std::int32_t>(e.type));
            log.offender.push_back(static_cast<std::int32_t>(e.offender));
            log.victim_group.push_back(e.victim == VictimGroup::Count ? -1 : static_cast<std::int32_t>(e.victim));
            log.reported_by.push_back(static_cast<std::int32_t>(e.reported_by));
            log.arrested.push_back(e.arrested ? 1 : 0);
        }
        out.agent_hours += o.agent_hours;
    }
    out.grid =
        describe_grid(city, outputs.empty() ? std::vector<std::int32_t>(static_cast<std::size_t>(city.grid.cells()), 0)
                                            : outputs.front().residents);
    out.districts = describe_districts(city);
    if (res.treated.empty()) res.treated.assign(static_cast<std::size_t>(city.grid.cells()), 0);
    return out;
}

void append_replicates(RunResults& all, const RunResults& p) {
    if (p.weeks != all.weeks || p.districts != all.districts || p.crime_types != all.crime_types || p.ny != all.ny ||
        p.nx != all.nx || p.has_events != all.has_events || p.has_picture != all.has_picture ||
        p.interventions.name != all.interventions.name) {
        throw LogicError("append_replicates: the part is of another run");
    }
    auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
    // The part's picture counts its replicates from 0; here they follow those already held.
    for (const std::int32_t r : p.picture.replicate) all.picture.replicate.push_back(all.replicates + r);
    append(all.picture.week, p.picture.week);
    append(all.picture.cell, p.picture.cell);
    append(all.picture.count, p.picture.count);
    all.replicates += p.replicates;
    append(all.crimes_true, p.crimes_true);
    append(all.crimes_reported, p.crimes_reported);
    append(all.crimes_est, p.crimes_est);
    append(all.crimes_cells, p.crimes_cells);
    append(all.crimes_cells_est, p.crimes_cells_est);
    append(all.victims, p.victims);
    append(all.arrests, p.arrests);
    append(all.hotspots_true, p.hotspots_true);
    append(all.hotspots_est, p.hotspots_est);
    append(all.kde_top_est, p.kde_top_est);
    append(all.weekly_hotspots_true, p.weekly_hotspots_true);
    append(all.weekly_hotspots_est, p.weekly_hotspots_est);
    append(all.weekly_hotspots_both, p.weekly_hotspots_both);
    append(all.patrol_weeks, p.patrol_weeks);
    append(all.concentration, p.concentration);
    append(all.cells_holding, p.cells_holding);
    append(all.crimes_by_hour, p.crimes_by_hour);
    append(all.incidents_true, p.incidents_true);
    append(all.incidents_reported, p.incidents_reported);
    append(all.incidents_est, p.incidents_est);
    append(all.youth_public_hours, p.youth_public_hours);
    append_youth(all.youth, p.youth);
    append_safety(all.safety, p.safety);
    for (std::size_t c = 0; c < all.treated.size() && c < p.treated.size(); ++c) all.treated[c] |= p.treated[c];
    auto& e = all.events;
    const auto& f = p.events;
    append(e.replicate, f.replicate);
    append(e.hour, f.hour);
    append(e.cell, f.cell);
    append(e.crime_type, f.crime_type);
    append(e.offender, f.offender);
    append(e.victim_group, f.victim_group);
    append(e.reported_by, f.reported_by);
    append(e.arrested, f.arrested);
}

}  // namespace trygg
