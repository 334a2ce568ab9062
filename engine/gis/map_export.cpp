#include "gis/map_export.hpp"

#include "core/error.hpp"
#include "gis/gdal_output.hpp"
#include "io/atomic_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <functional>
#include <system_error>

namespace trygg {
namespace {

namespace fs = std::filesystem;

// The folder is complete before anything of it appears under `out`; see the header.
void write_folder_atomically(const fs::path& out, const std::function<void(const fs::path& tmp)>& write) {
    fs::path tmp = out;
    tmp += ".tmp-" + std::to_string(::getpid());
    std::error_code ec;
    try {
        fs::remove_all(tmp, ec);
        fs::create_directory(tmp);
        write(tmp);
        if (!fs::exists(out, ec)) {
            fs::rename(tmp, out);
            return;
        }
        for (const auto& entry : fs::directory_iterator(tmp)) fs::rename(entry.path(), out / entry.path().filename());
        fs::remove(tmp);
    } catch (const OutputError& e) {
        fs::remove_all(tmp, ec);
        std::string message = e.what();
        if (message.rfind(tmp.string(), 0) == 0) message = out.string() + message.substr(tmp.string().size());
        throw OutputError(message);
    } catch (const fs::filesystem_error& e) {
        fs::remove_all(tmp, ec);
        throw OutputError(out.string() + ": cannot write: " + e.code().message());
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
}

}  // namespace

const std::vector<std::string>& map_format_names() {
    static const std::vector<std::string> names{"gpkg", "geojson", "gtiff"};
    return names;
}

std::optional<MapFormat> map_format_from_name(const std::string& name) {
    if (name == "gpkg") return MapFormat::GeoPackage;
    if (name == "geojson") return MapFormat::GeoJson;
    if (name == "gtiff") return MapFormat::GeoTiff;
    return std::nullopt;
}

bool writes_folder(MapFormat format) {
    return format != MapFormat::GeoPackage;
}

std::vector<fs::path> export_maps(const MapLayers& layers, MapFormat format, const fs::path& out) {
    std::vector<fs::path> written;
    switch (format) {
        case MapFormat::GeoPackage:
            write_atomically(out, [&](const fs::path& tmp) { write_geopackage(tmp, layers.features); });
            written.push_back(out);
            break;
        case MapFormat::GeoJson:
            write_folder_atomically(out, [&](const fs::path& tmp) {
                for (const FeatureLayer& layer : layers.features) write_geojson(tmp / (layer.name + ".geojson"), layer);
            });
            for (const FeatureLayer& layer : layers.features) written.push_back(layer.name + ".geojson");
            break;
        case MapFormat::GeoTiff:
            write_folder_atomically(out, [&](const fs::path& tmp) {
                for (const RasterLayer& raster : layers.rasters) {
                    write_geotiff(tmp / (raster.name + ".tif"), raster, layers.grid);
                }
            });
            for (const RasterLayer& raster : layers.rasters) written.push_back(raster.name + ".tif");
            break;
    }
    return written;
}

}  // namespace trygg
