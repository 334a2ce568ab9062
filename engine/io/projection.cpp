#include "io/projection.hpp"

#include "core/error.hpp"

#include <proj.h>

#include <cmath>

namespace trygg {

Projection::Projection(const std::string& from_crs, const std::string& to_crs) : from_(from_crs), to_(to_crs) {
    ctx_ = proj_context_create();
    // PROJ would print its own diagnostics to stderr; trygg reports one line of its own.
    proj_log_level(ctx_, PJ_LOG_NONE);
    PJ* raw = proj_create_crs_to_crs(ctx_, from_crs.c_str(), to_crs.c_str(), nullptr);
    if (!raw) {
        proj_context_destroy(ctx_);
        throw InputError("cannot transform coordinates from '" + from_crs + "' to '" + to_crs +
                         "': PROJ does not know one of these coordinate reference systems (e.g. EPSG:4326, EPSG:3006)");
    }
    transform_ = proj_normalize_for_visualization(ctx_, raw);
    proj_destroy(raw);
    if (!transform_) {
        proj_context_destroy(ctx_);
        throw InputError("cannot normalise axis order for '" + from_crs + "' to '" + to_crs + "'");
    }
}

Projection::~Projection() {
    proj_destroy(transform_);
    proj_context_destroy(ctx_);
}

Point Projection::operator()(double x, double y) const {
    const PJ_COORD out = proj_trans(transform_, PJ_FWD, proj_coord(x, y, 0, 0));
    if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y)) {
        throw InputError("coordinate (" + std::to_string(x) + ", " + std::to_string(y) +
                         ") cannot be transformed from " + from_ + " to " + to_);
    }
    return {out.xy.x, out.xy.y};
}

std::string crs_wkt(const std::string& crs, WktFlavour flavour) {
    PJ_CONTEXT* ctx = proj_context_create();
    proj_log_level(ctx, PJ_LOG_NONE);
    PJ* object = proj_create(ctx, crs.c_str());
    const char* wkt =
        object ? proj_as_wkt(ctx, object, flavour == WktFlavour::Wkt2 ? PJ_WKT2_2019 : PJ_WKT1_GDAL, nullptr) : nullptr;
    const std::string text = wkt ? wkt : "";
    proj_destroy(object);
    proj_context_destroy(ctx);
    if (text.empty()) throw InputError("PROJ does not know the coordinate reference system '" + crs + "'");
    return text;
}

}  // namespace trygg
