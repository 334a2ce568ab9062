#include "gis/gdal_output.hpp"

#include "core/error.hpp"
#include "io/projection.hpp"

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>
#include <mutex>
#include <string>

namespace trygg {
namespace {

namespace fs = std::filesystem;

// GDAL reports through a global handler; while trygg calls it, messages are kept (the last
// one becomes the OutputError's reason) instead of printed, so bad output is one line.
class QuietGdal {
public:
    QuietGdal() {
        static std::once_flag registered;
        std::call_once(registered, [] { GDALAllRegister(); });
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdal() { CPLPopErrorHandler(); }
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
};

[[noreturn]] void fail(const fs::path& file, const std::string& what) {
    const std::string reason = CPLGetLastErrorType() >= CE_Failure ? CPLGetLastErrorMsg() : "";
    throw OutputError(file.string() + ": " + what + (reason.empty() ? "" : ": " + reason));
}

struct DatasetCloser {
    void operator()(GDALDataset* d) const { GDALClose(GDALDataset::ToHandle(d)); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetCloser>;

// Closing flushes the file: an error then (disk full) is still the output's failure.
void close(Dataset dataset, const fs::path& file) {
    CPLErrorReset();
    dataset.reset();
    if (CPLGetLastErrorType() >= CE_Failure) fail(file, "cannot write");
}

Dataset create(const char* driver_name, const fs::path& file, int nx, int ny, int bands, GDALDataType type,
               const CPLStringList& options) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (driver == nullptr) throw OutputError(file.string() + ": GDAL has no " + driver_name + " driver");
    Dataset dataset(driver->Create(file.c_str(), nx, ny, bands, type, options.List()));
    if (!dataset) fail(file, "cannot create");
    return dataset;
}

// The run file's CRS from PROJ's WKT (as /crs carries it), x = easting whatever EPSG's axis
// order says (SWEREF99 TM's is northing first).
OGRSpatialReference run_crs() {
    OGRSpatialReference srs;
    if (srs.importFromWkt(crs_wkt(kRunFileCrs, WktFlavour::Wkt2).c_str()) != OGRERR_NONE) {
        throw LogicError(std::string("GDAL cannot read PROJ's WKT of ") + kRunFileCrs);
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

OGRLinearRing ring_of(const Ring& ring) {
    OGRLinearRing r;
    for (const Point& p : ring) r.addPoint(p.x, p.y);
    r.closeRings();
    return r;
}

std::unique_ptr<OGRGeometry> geometry_of(const Shape& shape, bool dissolve) {
    auto multi = std::make_unique<OGRMultiPolygon>();
    for (const Polygon& polygon : shape) {
        OGRPolygon p;
        OGRLinearRing outer = ring_of(polygon.outer);
        p.addRing(&outer);
        for (const Ring& hole : polygon.holes) {
            OGRLinearRing inner = ring_of(hole);
            p.addRing(&inner);
        }
        multi->addGeometry(&p);
    }
    if (shape.size() == 1 && !dissolve) return std::unique_ptr<OGRGeometry>(multi->getGeometryRef(0)->clone());
    if (!dissolve) return multi;
    // The DeSOs of a district share their borders: the union is the district's outline.
    std::unique_ptr<OGRGeometry> outline(multi->UnionCascaded());
    if (!outline) throw LogicError("GDAL could not dissolve a district's DeSO polygons (is GDAL built with GEOS?)");
    return std::unique_ptr<OGRGeometry>(OGRGeometryFactory::forceToMultiPolygon(outline.release()));
}

OGRFieldType field_type(LayerField::Kind kind) {
    switch (kind) {
        case LayerField::Kind::Integer:
            return OFTInteger;
        case LayerField::Kind::Real:
            return OFTReal;
        case LayerField::Kind::Text:
            return OFTString;
    }
    return OFTString;
}

void write_layer(GDALDataset& dataset, const fs::path& file, const FeatureLayer& layer, OGRSpatialReference& srs,
                 CPLStringList options) {
    options.SetNameValue("DESCRIPTION", layer.description.c_str());
    const OGRwkbGeometryType type = layer.dissolve ? wkbMultiPolygon : wkbPolygon;
    OGRLayer* out = dataset.CreateLayer(layer.name.c_str(), &srs, type, options.List());
    if (out == nullptr) fail(file, "cannot create layer " + layer.name);
    for (const LayerField& field : layer.fields) {
        OGRFieldDefn definition(field.name.c_str(), field_type(field.kind));
        if (out->CreateField(&definition) != OGRERR_NONE) fail(file, "cannot create field " + field.name);
    }
    // One transaction: a GeoPackage commits every feature separately otherwise (slow).
    if (dataset.StartTransaction() != OGRERR_NONE) CPLErrorReset();  // not every driver has them
    for (std::size_t k = 0; k < layer.shapes.size(); ++k) {
        OGRFeature feature(out->GetLayerDefn());
        for (std::size_t f = 0; f < layer.fields.size(); ++f) {
            const LayerField& field = layer.fields[f];
            const int index = static_cast<int>(f);
            if (field.kind == LayerField::Kind::Text) {
                feature.SetField(index, field.texts[k].c_str());
            } else if (!field.numbers[k] || !std::isfinite(*field.numbers[k])) {
                feature.SetFieldNull(index);
            } else if (field.kind == LayerField::Kind::Integer) {
                feature.SetField(index, static_cast<int>(*field.numbers[k]));
            } else {
                feature.SetField(index, *field.numbers[k]);
            }
        }
        feature.SetGeometryDirectly(geometry_of(layer.shapes[k], layer.dissolve).release());
        if (out->CreateFeature(&feature) != OGRERR_NONE) fail(file, "cannot write a feature of " + layer.name);
    }
    if (dataset.CommitTransaction() != OGRERR_NONE && CPLGetLastErrorType() >= CE_Failure) {
        fail(file, "cannot write layer " + layer.name);
    }
}

}  // namespace

void write_geopackage(const fs::path& file, const std::vector<FeatureLayer>& layers) {
    const QuietGdal quiet;
    OGRSpatialReference srs = run_crs();  // CreateLayer takes it non-const (GDAL 3.6)
    Dataset dataset = create("GPKG", file, 0, 0, 0, GDT_Unknown, {});
    for (const FeatureLayer& layer : layers) write_layer(*dataset, file, layer, srs, {});
    close(std::move(dataset), file);
}

void write_geojson(const fs::path& file, const FeatureLayer& layer) {
    const QuietGdal quiet;
    OGRSpatialReference srs = run_crs();
    Dataset dataset = create("GeoJSON", file, 0, 0, 0, GDT_Unknown, {});
    CPLStringList options;
    options.SetNameValue("RFC7946", "YES");  // WGS 84 longitude/latitude, right-hand winding
    options.SetNameValue("WRITE_NAME", "YES");
    write_layer(*dataset, file, layer, srs, options);
    close(std::move(dataset), file);
}

void write_geotiff(const fs::path& file, const RasterLayer& raster, const GridDescription& grid) {
    const QuietGdal quiet;
    CPLStringList options;
    options.SetNameValue("COMPRESS", "DEFLATE");
    options.SetNameValue("PREDICTOR", "3");  // floating-point predictor: smaller files
    Dataset dataset =
        create("GTiff", file, grid.nx, grid.ny, static_cast<int>(raster.bands.size()), GDT_Float32, options);
    // The north-west corner of the grid; rows go south.
    double transform[6] = {grid.x0 - grid.cell_size / 2,
                           grid.cell_size,
                           0.0,
                           grid.y0 + (grid.ny - 0.5) * grid.cell_size,
                           0.0,
                           -grid.cell_size};
    const OGRSpatialReference srs = run_crs();
    if (dataset->SetGeoTransform(transform) != CE_None || dataset->SetSpatialRef(&srs) != CE_None) {
        fail(file, "cannot georeference");
    }
    dataset->SetMetadataItem("TIFFTAG_IMAGEDESCRIPTION", raster.description.c_str());
    const auto nx = static_cast<std::size_t>(grid.nx);
    for (std::size_t b = 0; b < raster.bands.size(); ++b) {
        GDALRasterBand* band = dataset->GetRasterBand(static_cast<int>(b) + 1);
        band->SetDescription(raster.bands[b].name.c_str());
        band->SetNoDataValue(std::nan(""));
        for (int row = 0; row < grid.ny; ++row) {
            // GDAL's row 0 is the northernmost: the run file's last.
            float* values =
                const_cast<float*>(raster.bands[b].values.data()) + static_cast<std::size_t>(grid.ny - 1 - row) * nx;
            if (band->RasterIO(GF_Write, 0, row, grid.nx, 1, values, grid.nx, 1, GDT_Float32, 0, 0) != CE_None) {
                fail(file, "cannot write band " + raster.bands[b].name);
            }
        }
    }
    close(std::move(dataset), file);
}

}  // namespace trygg
