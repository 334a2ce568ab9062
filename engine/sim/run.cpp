#include "sim/run.hpp"

#include "model/crime_type.hpp"

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

}  // namespace

RunOutput run_scenario(const City& city, const ModelParams& params, const Timeline& timeline,
                       const RunOptions& options, const Progress& progress) {
    const int r_count = options.replicates;
    std::vector<ReplicateOutput> outputs(static_cast<std::size_t>(r_count));
    const std::int64_t total = static_cast<std::int64_t>(r_count) * timeline.weeks;
    std::atomic<std::int64_t> done{0};

    // The arena asks for exactly `threads` workers; the global limit is raised so that a
    // request above the core count (for scaling studies, or the 3-thread determinism test
    // on 2 cores) is honoured rather than silently capped.
    const tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                                    static_cast<std::size_t>(std::max(options.threads, 1)));
    tbb::task_arena arena(options.threads);
    arena.execute([&] {
        tbb::parallel_for(0, r_count, [&](int r) {
            const RngKey key{options.seed, static_cast<std::uint32_t>(r)};
            outputs[static_cast<std::size_t>(r)] = run_replicate(city, params, timeline, key, [&](int) {
                const auto now = ++done;
                if (progress) progress(now, total);
            });
        });
    });

    RunOutput out;
    auto& res = out.results;
    res.replicates = r_count;
    res.weeks = timeline.weeks;
    res.districts = static_cast<int>(city.districts.size());
    res.crime_types = kCrimeTypes;
    res.ny = city.grid.ny;
    res.nx = city.grid.nx;
    for (auto name : kCrimeTypeNames) res.crime_type_names.emplace_back(name);
    for (const auto& o : outputs) {
        res.crimes_true.insert(res.crimes_true.end(), o.weekly.begin(), o.weekly.end());
        res.crimes_cells.insert(res.crimes_cells.end(), o.by_cell.begin(), o.by_cell.end());
        out.agent_hours += o.agent_hours;
    }
    out.grid = describe_grid(city, outputs.empty() ? std::vector<std::int32_t>(static_cast<std::size_t>(city.grid.cells()), 0)
                                                   : outputs.front().residents);
    out.districts = describe_districts(city);
    return out;
}

}  // namespace trygg
