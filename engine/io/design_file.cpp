#include "io/design_file.hpp"

#include "core/error.hpp"
#include "io/design_group.hpp"

#include <array>
#include <string>
#include <vector>

namespace trygg {
namespace {

hsize_t dim(std::size_t n) {
    return static_cast<hsize_t>(n);
}

h5::Dataset index_scale(hid_t group, const std::string& name, std::size_t n, const std::string& long_name,
                        const h5::ErrorContext& ctx) {
    std::vector<std::int32_t> values(n);
    for (std::size_t i = 0; i < n; ++i) values[i] = static_cast<std::int32_t>(i);
    const std::array shape{dim(n)};
    h5::Dataset scale = h5::write_dataset(group, name, shape, shape, std::span<const std::int32_t>(values), ctx);
    h5::make_dimension_scale(scale.get(), name, ctx);
    h5::describe(scale.get(), "1", long_name, ctx);
    return scale;
}

template <typename T>
void write_along(hid_t group, const std::string& name, const std::vector<T>& values, hid_t scale,
                 const std::string& long_name, const h5::ErrorContext& ctx) {
    const std::array shape{dim(values.size())};
    const h5::Dataset d = h5::write_dataset(group, name, shape, shape, std::span<const T>(values), ctx);
    h5::attach_scales(d.get(), std::array{scale}, ctx);
    h5::describe(d.get(), long_name, ctx);
}

std::optional<SweepMethod> method_named(const std::string& name) {
    for (const auto m : {SweepMethod::Grid, SweepMethod::LatinHypercube, SweepMethod::Morris, SweepMethod::Sobol}) {
        if (name == name_of(m)) return m;
    }
    return std::nullopt;
}

std::optional<PointRole> role_named(const std::string& name) {
    for (const auto r : {PointRole::Point, PointRole::Trajectory, PointRole::A, PointRole::B, PointRole::AB}) {
        if (name == name_of(r)) return r;
    }
    return std::nullopt;
}

// What the statistics rely on: every role fits the method, every parameter index is one of the
// parameters, and the design has the size its method gives it.
void check_roles(const SweepDesign& d, const h5::ErrorContext& ctx) {
    const auto k = static_cast<int>(d.dimensions());
    for (const DesignPoint& p : d.points) {
        const bool fits = d.method == SweepMethod::Morris ? p.role == PointRole::Trajectory
                          : d.method == SweepMethod::Sobol
                              ? p.role == PointRole::A || p.role == PointRole::B || p.role == PointRole::AB
                              : p.role == PointRole::Point;
        if (!fits)
            ctx.reject(std::string("/design/role: a '") + name_of(p.role) + "' point in a " + name_of(d.method) +
                       " design");
        if (p.parameter < -1 || p.parameter >= k)
            ctx.reject("/design/changed: parameter " + std::to_string(p.parameter) + " of " + std::to_string(k));
    }
    const bool sized =
        d.method == SweepMethod::Morris
            ? d.trajectories >= 1 && d.levels >= 2 && d.size() == morris_size(d.dimensions(), d.trajectories)
        : d.method == SweepMethod::Sobol ? d.base_samples >= 1 && d.size() == sobol_size(d.dimensions(), d.base_samples)
                                         : true;
    if (!sized)
        ctx.reject("/design has " + std::to_string(d.size()) + " points, not what its " + name_of(d.method) +
                   " attributes give");
}

}  // namespace

void write_sweep_design(hid_t root, const SweepDesign& d, const h5::ErrorContext& ctx) {
    const h5::Group group = h5::create_group(root, "design", ctx);
    const hid_t g = group.get();
    h5::write_attribute(g, "method", std::string(name_of(d.method)), ctx);
    h5::write_attribute(g, "seed", std::uint64_t{d.seed}, ctx);
    h5::write_attribute(g, "trajectories", std::int32_t{d.trajectories}, ctx);
    h5::write_attribute(g, "levels", std::int32_t{d.levels}, ctx);
    h5::write_attribute(g, "candidates", std::int32_t{d.candidates}, ctx);
    h5::write_attribute(g, "delta", d.method == SweepMethod::Morris ? morris_delta(d.levels) : 0.0, ctx);
    h5::write_attribute(g, "base_samples", std::int32_t{d.base_samples}, ctx);
    h5::write_attribute(g, "description",
                        std::string("point p runs as group <scenario>.p%03d; role: 'trajectory' (Morris: block = "
                                    "trajectory, step = 0..k, changed = parameter changed at that step), 'A', 'B', "
                                    "'AB' (Sobol'/Saltelli: block = row n, changed = i of AB_i, A with column i "
                                    "from B), 'point' (grid, latin_hypercube); -1: none"),
                        ctx);
    const h5::Dataset point = index_scale(g, "point", d.size(), "design point (group suffix .pNNN)", ctx);
    const h5::Dataset parameter = index_scale(g, "parameter", d.dimensions(), "swept parameter", ctx);
    write_along(g, "parameter_path", d.parameters, parameter.get(), "city-config path of the parameter", ctx);
    write_along(g, "low", d.low, parameter.get(), "lowest value (unit-cube 0)", ctx);
    write_along(g, "high", d.high, parameter.get(), "highest value (unit-cube 1)", ctx);
    std::vector<std::string> role;
    std::vector<std::int32_t> block, step, changed;
    for (const DesignPoint& p : d.points) {
        role.emplace_back(name_of(p.role));
        block.push_back(p.block);
        step.push_back(p.step);
        changed.push_back(p.parameter);
    }
    write_along(g, "role", role, point.get(), "role of the point in the design", ctx);
    write_along(g, "block", block, point.get(), "Morris trajectory or Sobol' row", ctx);
    write_along(g, "step", step, point.get(), "Morris step along the trajectory", ctx);
    write_along(g, "changed", changed, point.get(), "parameter changed (Morris) or taken from B (AB_i)", ctx);
    const std::array shape{dim(d.size()), dim(d.dimensions())};
    const std::array scales{point.get(), parameter.get()};
    const h5::Dataset unit = h5::write_dataset(g, "unit", shape, shape, std::span<const double>(d.unit), ctx);
    h5::attach_scales(unit.get(), scales, ctx);
    h5::describe(unit.get(), "1", "point on the unit cube: (value - low) / (high - low)", ctx);
    const h5::Dataset value = h5::write_dataset(g, "value", shape, shape, std::span<const double>(d.values), ctx);
    h5::attach_scales(value.get(), scales, ctx);
    h5::describe(value.get(), "parameter value run at the point", ctx);
}

std::optional<SweepDesign> read_sweep_design(const std::filesystem::path& in) {
    const h5::QuietErrors quiet;
    const h5::ErrorContext ctx(in, h5::Mode::Reading);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(in, ec)) throw InputError(in.string() + ": no such file");
    h5::File file = h5::open_file_read_only(in, ctx);
    if (H5Lexists(file.get(), "design", H5P_DEFAULT) <= 0) return std::nullopt;
    const h5::Group group = h5::open_group(file.get(), "design", ctx);
    const hid_t g = group.get();
    SweepDesign d;
    const std::string method = h5::read_string_attribute(g, "method", ctx);
    const auto m = method_named(method);
    if (!m) ctx.reject("/design has an unknown method '" + method + "'");
    d.method = *m;
    d.seed = h5::read_uint64_attribute(g, "seed", ctx);
    d.trajectories = h5::read_int32_attribute(g, "trajectories", ctx);
    d.levels = h5::read_int32_attribute(g, "levels", ctx);
    d.candidates = h5::read_int32_attribute(g, "candidates", ctx);
    d.base_samples = h5::read_int32_attribute(g, "base_samples", ctx);
    const auto points = h5::dataset_shape(g, "point", ctx);
    const auto parameters = h5::dataset_shape(g, "parameter", ctx);
    if (points.size() != 1 || parameters.size() != 1) ctx.reject("/design/point or /design/parameter is not 1-D");
    const std::array k{parameters[0]};
    const std::array p{points[0]};
    const std::array pk{points[0], parameters[0]};
    d.parameters = h5::read_strings(g, "parameter_path", k, ctx);
    d.low = h5::read_float64(g, "low", k, ctx);
    d.high = h5::read_float64(g, "high", k, ctx);
    const auto role = h5::read_strings(g, "role", p, ctx);
    const auto block = h5::read_int32(g, "block", p, ctx);
    const auto step = h5::read_int32(g, "step", p, ctx);
    const auto changed = h5::read_int32(g, "changed", p, ctx);
    for (std::size_t i = 0; i < role.size(); ++i) {
        const auto r = role_named(role[i]);
        if (!r) ctx.reject("/design/role has an unknown role '" + role[i] + "'");
        d.points.push_back(DesignPoint{*r, block[i], step[i], changed[i]});
    }
    d.unit = h5::read_float64(g, "unit", pk, ctx);
    d.values = h5::read_float64(g, "value", pk, ctx);
    check_roles(d, ctx);
    return d;
}

}  // namespace trygg
