#pragma once
// Coordinate transformation with PROJ (geographic WGS 84 → SWEREF99 TM by default).
// Axis order is normalised to (east, north) / (longitude, latitude) whatever the CRS
// definition says, which is how GeoJSON and CSV files store coordinates.
#include "world/geometry.hpp"

#include <string>

struct pj_ctx;
struct PJconsts;

namespace trygg {

class Projection {
public:
    Projection(const std::string& from_crs, const std::string& to_crs);
    ~Projection();
    Projection(const Projection&) = delete;
    Projection& operator=(const Projection&) = delete;

    // (x, y) in the source CRS — longitude and latitude for a geographic one.
    Point operator()(double x, double y) const;
    const std::string& from() const { return from_; }
    const std::string& to() const { return to_; }

private:
    std::string from_;
    std::string to_;
    pj_ctx* ctx_ = nullptr;
    PJconsts* transform_ = nullptr;
};

// The CRS as OGC WKT, for files that carry their georeferencing: WKT2 (ISO 19162:2019) for
// CF's crs_wkt, or GDAL's WKT1 flavour for its `spatial_ref`. InputError if PROJ does not
// know the CRS.
enum class WktFlavour { Wkt2, Wkt1Gdal };
std::string crs_wkt(const std::string& crs, WktFlavour flavour);

}  // namespace trygg
