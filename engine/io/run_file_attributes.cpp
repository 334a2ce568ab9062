#include "io/run_file_attributes.hpp"

#include <cstdint>
#include <type_traits>

#include "io/run_file_layout.hpp"

namespace trygg {

namespace {

template <typename P>
void write_attributes(hid_t object, const std::vector<layout::AttributeLayout<P>>& declared, const P& p,
                      const h5::ErrorContext& ctx) {
    for (const auto& a : declared) {
        std::visit(
            [&](auto member) {
                const auto& value = p.*member;
                using T = std::remove_cvref_t<decltype(value)>;
                if constexpr (std::is_same_v<T, int>) {
                    h5::write_attribute(object, std::string(a.name), std::int32_t{value}, ctx);
                } else {
                    h5::write_attribute(object, std::string(a.name), value, ctx);
                }
            },
            a.member);
    }
}

template <typename P>
P read_attributes(hid_t object, const std::vector<layout::AttributeLayout<P>>& declared, const h5::ErrorContext& ctx) {
    P p;
    for (const auto& a : declared) {
        const std::string name(a.name);
        if (a.optional && !h5::has_attribute(object, name, ctx)) continue;
        std::visit(
            [&](auto member) {
                auto& value = p.*member;
                using T = std::remove_cvref_t<decltype(value)>;
                if constexpr (std::is_same_v<T, std::string>) {
                    value = h5::read_string_attribute(object, name, ctx);
                } else if constexpr (std::is_same_v<T, std::uint64_t>) {
                    value = h5::read_uint64_attribute(object, name, ctx);
                } else if constexpr (std::is_same_v<T, int>) {
                    value = h5::read_int32_attribute(object, name, ctx);
                } else {
                    value = h5::read_float64_attribute(object, name, ctx);
                }
            },
            a.member);
    }
    return p;
}

}  // namespace

// The names and order of layout::kFileAttributes (a test holds them to it).
void write_file_attributes(hid_t root, const std::string& title, const h5::ErrorContext& ctx) {
    h5::write_attribute(root, "schema_version", std::int32_t{kSchemaVersion}, ctx);
    h5::write_attribute(root, "Conventions", std::string("CF-1.8"), ctx);
    h5::write_attribute(root, "title", title, ctx);
    h5::write_attribute(root, "crs", std::string(layout::kGridCrs), ctx);
}

int check_schema_version(hid_t root, const h5::ErrorContext& ctx) {
    if (!h5::has_attribute(root, "schema_version", ctx)) {
        ctx.reject("not a trygg run file: the root attribute schema_version is missing");
    }
    const std::int32_t version = h5::read_int32_attribute(root, "schema_version", ctx);
    if (version < kOldestReadableSchemaVersion || version > kSchemaVersion) {
        ctx.reject("schema_version " + std::to_string(version) + " is not supported (this trygg reads schema_version " +
                   std::to_string(kOldestReadableSchemaVersion) + " to " + std::to_string(kSchemaVersion) + ")");
    }
    return version;
}

void write_provenance(hid_t object, const RunProvenance& p, const h5::ErrorContext& ctx) {
    write_attributes(object, layout::run_provenance_attributes(), p, ctx);
}

RunProvenance read_provenance(hid_t object, const h5::ErrorContext& ctx) {
    return read_attributes(object, layout::run_provenance_attributes(), ctx);
}

void write_provenance(hid_t object, const ExperimentProvenance& p, const h5::ErrorContext& ctx) {
    write_attributes(object, layout::experiment_provenance_attributes(), p, ctx);
}

ExperimentProvenance read_experiment_provenance(hid_t object, const h5::ErrorContext& ctx) {
    return read_attributes(object, layout::experiment_provenance_attributes(), ctx);
}

}  // namespace trygg
