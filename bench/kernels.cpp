// Google Benchmark kernels of the hour step, on the shipped Borlänge city.
//   build/bin/bench_kernels [--benchmark_filter=...]
#include "core/timeline.hpp"
#include "io/city_config.hpp"
#include "model/day_plan.hpp"
#include "model/development.hpp"
#include "model/occupancy.hpp"
#include "model/offending.hpp"
#include "model/short2008.hpp"
#include "population/synthesis.hpp"
#include "world/rasterise.hpp"

#include <benchmark/benchmark.h>

#include <memory>

namespace trygg {
namespace {

// The offenders at the start of a run (the youth layer marks them in a replicate).
Population with_offenders(Population pop, const DevelopmentParams& development) {
    set_offenders(development, pop);
    return pop;
}

struct Borlange {
    Borlange()
        : config(load_city_config(std::string(TRYGG_SOURCE_DIR) + "/configs/borlange.yaml")),
          city(build_city(config.spec)),
          timeline(build_timeline({2025, 1, 6}, 4, city.location, city.school_holidays)),
          population(
              with_offenders(synthesise_population(city, config.params.population, {1, 0}), config.params.development)),
          sites(build_sites(city, population)),
          agents(build_routine_agents(population, sites)),
          destinations(build_destinations(city, sites, config.params.routine)),
          tables(build_day_tables(timeline, config.params.routine)),
          rng({1, 0}) {}
    CityConfig config;
    City city;
    Timeline timeline;
    Population population;
    Sites sites;
    RoutineAgents agents;
    Destinations destinations;
    DayTables tables;
    CounterRng rng;
};

Borlange& world() {
    static Borlange b;
    return b;
}

// Offender whereabouts sized for the world's offenders, as the simulation keeps them.
OffenderDay offender_day(const Borlange& w) {
    OffenderDay d;
    d.segments.resize(w.agents.offenders.size() * kMaxSegments);
    d.count.resize(w.agents.offenders.size());
    return d;
}

// One person-day: two Philox calls, block sampling and the moves it emits.
// The young people's weekly exposure as a run keeps it (sites weighted as if offenders had
// been seen everywhere last week, so every unstructured block adds to it).
struct ExposureArrays {
    explicit ExposureArrays(std::size_t people, std::size_t sites)
        : hours(people * 4, 0.0f), met(people, 0), leisure(people, -1), weight(sites, SiteExposure{0.5f, 0.5f, 0.5f}) {
        view.criminogenic_hours = hours.data();
        view.member_hours = hours.data() + people;
        view.structured_hours = hours.data() + 2 * people;
        view.programme_hours = hours.data() + 3 * people;
        view.sites = weight.data();
        view.met_field_workers = met.data();
        view.leisure_site = leisure.data();
    }
    std::vector<float> hours;
    std::vector<std::uint8_t> met;
    std::vector<std::int32_t> leisure;
    std::vector<SiteExposure> weight;
    WeekExposureView view;
};

void BM_PlanDay(benchmark::State& state) {
    auto& w = world();
    ExposureArrays exposure(w.population.size(), static_cast<std::size_t>(w.sites.size()));
    const DayPlanContext ctx{w.city, w.tables, w.destinations, w.agents,      w.config.params.routine,
                             w.rng,  nullptr,  nullptr,        &exposure.view};
    MoveBuckets moves;
    OffenderDay offenders = offender_day(w);
    int day = 0;
    for (auto _ : state) {
        moves.clear();
        plan_day(ctx, day, 0, w.population.size(), moves, offenders);
        benchmark::DoNotOptimize(moves.by_hour[4].data());
        day = (day + 1) % w.tables.days;
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(w.population.size()));
    state.counters["agent_hours_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * static_cast<double>(w.population.size()) * 24.0,
                           benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PlanDay)->Unit(benchmark::kMillisecond);

// Applying one day's moves to the occupancy array: the transitions-only update.
void BM_ApplyMoves(benchmark::State& state) {
    auto& w = world();
    const DayPlanContext ctx{w.city, w.tables, w.destinations, w.agents, w.config.params.routine, w.rng};
    MoveBuckets moves;
    OffenderDay offenders = offender_day(w);
    plan_day(ctx, 1, 0, w.population.size(), moves, offenders);
    std::int64_t n = 0;
    for (const auto& b : moves.by_hour) n += static_cast<std::int64_t>(b.size());
    Occupancy occ(w.sites, w.agents);
    for (auto _ : state) {
        for (int b = 0; b < kDayHours; ++b) occ.apply(moves, b);
        benchmark::DoNotOptimize(occ.raw().data());
    }
    state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_ApplyMoves)->Unit(benchmark::kMicrosecond);

// The offending rule for one offender-hour at a busy site (all nine crime types).
void BM_OffenceRates(benchmark::State& state) {
    auto& w = world();
    Occupancy occ(w.sites, w.agents);
    const std::int32_t site = w.sites.of_cell(w.city.place_cell.front());
    Setting s{site, 22, 1.0f, true, false};
    for (auto _ : state) {
        benchmark::DoNotOptimize(offence_rates(w.config.params.offending, w.sites, occ, s, 1.0, true));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OffenceRates);

// Philox4x32-10: one call, four 32-bit words.
void BM_Philox(benchmark::State& state) {
    const CounterRng rng({1, 2});
    std::uint32_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(rng.words(Stream::DayPlan, i++, 7));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Philox);

// Philox4x32-10 for 64 consecutive entities at once (CounterRng::words_for_entities), the
// day planner's way: per call, so comparable with BM_Philox.
void BM_PhiloxBatch(benchmark::State& state) {
    const CounterRng rng({1, 2});
    WordBatch batch;
    std::uint32_t i = 0;
    for (auto _ : state) {
        rng.words_for_entities(Stream::DayPlan, i, WordBatch::kSize, 7, 0, batch);
        benchmark::DoNotOptimize(batch.word[3][WordBatch::kSize - 1]);
        i += WordBatch::kSize;
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(WordBatch::kSize));
}
BENCHMARK(BM_PhiloxBatch);

// Rasterising the 27 DeSOs at 100 m.
void BM_Rasterise(benchmark::State& state) {
    auto& w = world();
    std::vector<Shape> shapes;
    for (const auto& d : w.city.desos) shapes.push_back(d.shape);
    for (auto _ : state) benchmark::DoNotOptimize(rasterise(w.city.grid, shapes));
}
BENCHMARK(BM_Rasterise)->Unit(benchmark::kMillisecond);

// One step of the Short et al. (2008) lattice model (paper set c: η = 0.03, stationary
// hotspots), after a burn-in that brings burglars and hotspots to their steady state.
void BM_Short2008Step(benchmark::State& state) {
    Short2008Params p;
    p.size = static_cast<int>(state.range(0));
    Short2008 model(p, 1);
    const int burn_in = p.size <= 256 ? 20000 : 1500;
    for (int s = 0; s < burn_in; ++s) model.step();
    for (auto _ : state) model.step();
    state.counters["steps_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["burglars"] = model.mean_burglars() * p.size * p.size;
}
BENCHMARK(BM_Short2008Step)->Arg(128)->Arg(1024)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace trygg

BENCHMARK_MAIN();
