#pragma once
// Thin RAII and error-checking layer over the HDF5 C API. Every call whose result matters is
// checked, and a failure becomes a C++ exception that names the file and what was being done,
// so the writer and reader never have to look at a raw herr_t themselves.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <hdf5.h>
// The dimension-scale API (hdf5_hl) needs hdf5.h's types, so it must come second.
#include <H5DSpublic.h>

namespace trygg::h5 {

// Owns one HDF5 identifier and releases it with the matching close function. Each kind of
// identifier needs its own close call, hence one alias per kind below.
template <herr_t (*Close)(hid_t)>
class Id {
public:
    Id() = default;
    explicit Id(hid_t id) : id_(id) {}
    Id(const Id&) = delete;
    Id& operator=(const Id&) = delete;
    Id(Id&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
    Id& operator=(Id&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, H5I_INVALID_HID);
        }
        return *this;
    }
    ~Id() { reset(); }

    hid_t get() const { return id_; }
    bool valid() const { return id_ >= 0; }

    // Closes now and returns HDF5's verdict. The destructor cannot report a failure, but a
    // file's close is where buffered data reaches the disk, so the writer closes explicitly.
    herr_t close() {
        herr_t status = 0;
        if (id_ >= 0) status = Close(id_);
        id_ = H5I_INVALID_HID;
        return status;
    }

private:
    void reset() noexcept {
        if (id_ >= 0) static_cast<void>(Close(id_));
        id_ = H5I_INVALID_HID;
    }

    hid_t id_ = H5I_INVALID_HID;
};

using File = Id<H5Fclose>;
using Group = Id<H5Gclose>;
using Dataset = Id<H5Dclose>;
using Dataspace = Id<H5Sclose>;
using Datatype = Id<H5Tclose>;
using PropList = Id<H5Pclose>;
using Attribute = Id<H5Aclose>;

// Silences HDF5's default habit of printing its error stack to stderr for the lifetime of the
// guard; our exceptions carry the useful part of that stack instead. The previous handler is
// restored so code outside trygg's io layer keeps whatever it configured.
class QuietErrors {
public:
    QuietErrors();
    ~QuietErrors();
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;

private:
    H5E_auto2_t func_ = nullptr;
    void* data_ = nullptr;
};

// What the io layer is doing decides whom a failed HDF5 call blames: while writing it is the
// environment (disk full, missing directory) or trygg; while reading it is the file the user
// handed us.
enum class Mode { Writing, Reading };

// The file being worked on and how failures are reported: Mode::Reading throws
// trygg::InputError, Mode::Writing throws trygg::OutputError. Messages read
// "<file>: cannot <action> '<object>' (HDF5: <innermost HDF5 error>)".
class ErrorContext {
public:
    ErrorContext(std::filesystem::path file, Mode mode);

    const std::filesystem::path& file() const { return file_; }

    // Throws for a failed HDF5 call, appending the most specific entry of HDF5's error stack.
    [[noreturn]] void fail(std::string_view action, std::string_view object = {}) const;
    // Throws for content that HDF5 read fine but that is not what trygg wrote (wrong shape,
    // wrong type). Always an InputError when reading; a runtime_error when writing.
    [[noreturn]] void reject(std::string_view problem) const;

    hid_t check(hid_t id, std::string_view action, std::string_view object = {}) const {
        if (id < 0) fail(action, object);
        return id;
    }
    // herr_t and htri_t are the same type; a negative value is a failure for both.
    herr_t check(herr_t status, std::string_view action, std::string_view object = {}) const {
        if (status < 0) fail(action, object);
        return status;
    }

private:
    std::filesystem::path file_;
    Mode mode_;
};

// Element types the trygg files use. Strings are variable-length UTF-8, which netCDF-4 maps to
// its NC_STRING type and h5py/xarray decode to Python str.
enum class Element { Int8, Int32, Float32, Float64, String };

// Datasets smaller than this are stored contiguously: compressing a few hundred bytes costs
// more in chunk index than it saves.
inline constexpr std::size_t kCompressMinElements = 256;
// Upper bound for one chunk; readers decompress whole chunks, so keep them cache-friendly.
inline constexpr std::size_t kMaxChunkBytes = std::size_t{1} << 20;
inline constexpr unsigned kDeflateLevel = 4;

// Shrinks a wished-for chunk shape (clamped to `shape`, at least 1 per dimension) until one
// chunk holds at most max_bytes, giving up rows of the outer dimensions first so that the
// inner, contiguous planes stay whole as long as possible.
std::vector<hsize_t> cap_chunk(std::span<const hsize_t> shape, std::span<const hsize_t> wish, std::size_t element_bytes,
                               std::size_t max_bytes = kMaxChunkBytes);

// Files. Creation tracks link and attribute creation order on the root group, as netCDF-4
// does, so tools list things in the order they were written.
//
// A file created for writing lives in memory (HDF5's core driver) until save_file() puts its
// image on disk with checked POSIX writes. HDF5 1.10 cannot close a file whose flush to disk
// failed: the handle stays half-open and the library segfaults in its cleanup at exit. In
// memory, HDF5 never meets a full disk or a file-size limit; trygg does, and reports it as an
// OutputError. The price is the compressed file's size in memory while it is written.
File create_file(const std::filesystem::path& path, const ErrorContext& ctx);
// Closes `file` (every object in it must be closed already) and writes its image to `path`.
void save_file(File& file, const std::filesystem::path& path, const ErrorContext& ctx);
File open_file_read_only(const std::filesystem::path& path, const ErrorContext& ctx);

Group create_group(hid_t parent, const std::string& name, const ErrorContext& ctx);
Group open_group(hid_t parent, const std::string& name, const ErrorContext& ctx);

// Creates a dataset of the given shape. `chunk` is the preferred chunk shape (same rank as
// `shape`); it is used, capped by cap_chunk, with shuffle + deflate when the dataset has at
// least kCompressMinElements elements, and ignored otherwise. No object timestamps are stored,
// so identical data gives identical bytes.
Dataset create_dataset(hid_t parent, const std::string& name, Element element, std::span<const hsize_t> shape,
                       std::span<const hsize_t> chunk, const ErrorContext& ctx);

// While one is alive, the datasets this thread creates can grow along their first dimension
// (chunked and compressed whatever their size, the first dimension's maximum unlimited), so
// that an experiment file is written one replicate at a time (append_rows) instead of from
// every replicate in memory. Values read back the same; only the storage layout differs.
class GrowableDatasets {
public:
    GrowableDatasets();
    ~GrowableDatasets();
    GrowableDatasets(const GrowableDatasets&) = delete;
    GrowableDatasets& operator=(const GrowableDatasets&) = delete;

private:
    bool previous_;
};

// Appends all of `source` (a numeric dataset of another file with the target's trailing
// dimensions) to the growable dataset `target` along its first dimension, which grows by the
// source's. `offset` is added to every value on the way (0: a plain copy; integers only).
// Holds one source dataset in memory. Returns the first row written.
hsize_t append_rows(hid_t target, hid_t source, std::int32_t offset, const ErrorContext& target_ctx,
                    const ErrorContext& source_ctx);
// Appends `count` rows 0, 1, … counting on from the target's length (an index scale).
void append_index(hid_t target, hsize_t count, const ErrorContext& ctx);
// Replaces all of `target`'s values (its shape unchanged) with int32 `values`.
void overwrite(hid_t target, std::span<const std::int32_t> values, const ErrorContext& ctx);

// create_dataset followed by a write of all of `values` (row-major, product(shape) long).
Dataset write_dataset(hid_t parent, const std::string& name, std::span<const hsize_t> shape,
                      std::span<const hsize_t> chunk, std::span<const std::int8_t> values, const ErrorContext& ctx);
Dataset write_dataset(hid_t parent, const std::string& name, std::span<const hsize_t> shape,
                      std::span<const hsize_t> chunk, std::span<const std::int32_t> values, const ErrorContext& ctx);
Dataset write_dataset(hid_t parent, const std::string& name, std::span<const hsize_t> shape,
                      std::span<const hsize_t> chunk, std::span<const float> values, const ErrorContext& ctx);
Dataset write_dataset(hid_t parent, const std::string& name, std::span<const hsize_t> shape,
                      std::span<const hsize_t> chunk, std::span<const double> values, const ErrorContext& ctx);
Dataset write_dataset(hid_t parent, const std::string& name, std::span<const hsize_t> shape,
                      std::span<const hsize_t> chunk, std::span<const std::string> values, const ErrorContext& ctx);

// Reading: `path` is relative to `parent` (or absolute). The dataset must have exactly
// `expected_shape`, otherwise ctx.reject() says which shape it has.
std::vector<hsize_t> dataset_shape(hid_t parent, const std::string& path, const ErrorContext& ctx);
std::vector<std::int32_t> read_int32(hid_t parent, const std::string& path, std::span<const hsize_t> expected_shape,
                                     const ErrorContext& ctx);
// Any integer dataset, converted to int8 (HDF5 clamps values out of range; callers check them).
std::vector<std::int8_t> read_int8(hid_t parent, const std::string& path, std::span<const hsize_t> expected_shape,
                                   const ErrorContext& ctx);
std::vector<double> read_float64(hid_t parent, const std::string& path, std::span<const hsize_t> expected_shape,
                                 const ErrorContext& ctx);
// Any floating-point dataset, converted to float (a float32 dataset reads back exactly).
std::vector<float> read_float32(hid_t parent, const std::string& path, std::span<const hsize_t> expected_shape,
                                const ErrorContext& ctx);
std::vector<std::string> read_strings(hid_t parent, const std::string& path, std::span<const hsize_t> expected_shape,
                                      const ErrorContext& ctx);

// Scalar attributes on a file, group or dataset. Strings are variable-length UTF-8 and must not
// contain NUL bytes (C strings cannot carry them).
void write_attribute(hid_t object, const std::string& name, std::int32_t value, const ErrorContext& ctx);
void write_attribute(hid_t object, const std::string& name, std::uint64_t value, const ErrorContext& ctx);
void write_attribute(hid_t object, const std::string& name, double value, const ErrorContext& ctx);
void write_attribute(hid_t object, const std::string& name, const std::string& value, const ErrorContext& ctx);
// A 1-D int8 attribute (CF flag_values must have the type of their variable).
void write_attribute(hid_t object, const std::string& name, std::span<const std::int8_t> values,
                     const ErrorContext& ctx);

bool has_attribute(hid_t object, const std::string& name, const ErrorContext& ctx);
std::int32_t read_int32_attribute(hid_t object, const std::string& name, const ErrorContext& ctx);
std::uint64_t read_uint64_attribute(hid_t object, const std::string& name, const ErrorContext& ctx);
double read_float64_attribute(hid_t object, const std::string& name, const ErrorContext& ctx);
// Accepts variable- and fixed-length strings, so files touched by other tools still read.
std::string read_string_attribute(hid_t object, const std::string& name, const ErrorContext& ctx);

// The CF `units` and `long_name` attributes every variable carries.
void describe(hid_t dataset, const std::string& units, const std::string& long_name, const ErrorContext& ctx);
void describe(hid_t dataset, const std::string& long_name, const ErrorContext& ctx);

// Marks a 1-D dataset as the dimension scale `name` (netCDF-4 reads it as a dimension with a
// coordinate variable of the same name).
void make_dimension_scale(hid_t dataset, const std::string& name, const ErrorContext& ctx);
// Attaches scales[i] to dimension i of `dataset`; there must be one scale per dimension.
void attach_scales(hid_t dataset, std::span<const hid_t> scales, const ErrorContext& ctx);

}  // namespace trygg::h5
