#include "io/hdf5_handle.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

#include "core/error.hpp"
#include "io/atomic_file.hpp"

namespace trygg::h5 {

namespace {

// Collects the innermost (most specific) description on HDF5's error stack; that is the one
// that says e.g. "unable to open file" rather than "H5Fopen failed".
herr_t keep_innermost(unsigned /*n*/, const H5E_error2_t* err, void* out) {
    auto* detail = static_cast<std::string*>(out);
    if (detail->empty() && err != nullptr && err->desc != nullptr) *detail = err->desc;
    return 0;
}

std::string hdf5_error_detail() {
    std::string detail;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keep_innermost, &detail);
    H5Eclear2(H5E_DEFAULT);
    return detail;
}

// The object's path inside the file, for messages about operations on an open handle.
std::string object_name(hid_t object) {
    const ssize_t length = H5Iget_name(object, nullptr, 0);
    if (length <= 0) return "?";
    std::string name(static_cast<std::size_t>(length) + 1, '\0');
    H5Iget_name(object, name.data(), name.size());
    name.resize(static_cast<std::size_t>(length));
    return name;
}

// Set while a GrowableDatasets is alive on this thread.
thread_local bool t_growable = false;

// Where `relative` lives, as an absolute path, so messages say "/crimes/true" and not "true".
// HDF5 resolves an absolute path from the file's root whatever location it is given, so the
// result can also be passed back to HDF5 with the same parent.
std::string full_name(hid_t parent, const std::string& relative) {
    if (relative.starts_with('/')) return relative;
    std::string base = object_name(parent);
    if (base == "?") return relative;
    if (!base.ends_with('/')) base += '/';
    return base + relative;
}

// Attributes are named like h5dump and h5py users would read them: "/grid@cell_size_m".
std::string attribute_label(hid_t object, const std::string& name) {
    return object_name(object) + "@" + name;
}

std::size_t element_count(std::span<const hsize_t> shape) {
    std::size_t n = 1;
    for (const hsize_t d : shape) n *= static_cast<std::size_t>(d);
    return n;
}

std::string shape_text(std::span<const hsize_t> shape) {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i > 0) text += ", ";
        text += std::to_string(shape[i]);
    }
    return text + "]";
}

// Variable-length UTF-8 string type, used both in the file and in memory.
Datatype string_type(const ErrorContext& ctx) {
    Datatype type(ctx.check(H5Tcopy(H5T_C_S1), "copy the string datatype"));
    ctx.check(H5Tset_size(type.get(), H5T_VARIABLE), "make the string datatype variable-length");
    ctx.check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "set the string datatype to UTF-8");
    return type;
}

// Link and attribute creation order tracked and indexed, the way netCDF-4 creates groups
// (and the root group through the file creation list, which is a group creation list too).
void track_creation_order(hid_t plist, const ErrorContext& ctx) {
    const unsigned flags = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
    ctx.check(H5Pset_link_creation_order(plist, flags), "track link creation order");
    ctx.check(H5Pset_attr_creation_order(plist, flags), "track attribute creation order");
}

Dataspace simple_space(std::span<const hsize_t> shape, const ErrorContext& ctx, std::string_view object) {
    const int rank = static_cast<int>(shape.size());
    return Dataspace(ctx.check(H5Screate_simple(rank, shape.data(), nullptr), "create a dataspace for", object));
}

std::vector<hsize_t> shape_of(hid_t dataset, const std::string& path, const ErrorContext& ctx) {
    Dataspace space(ctx.check(H5Dget_space(dataset), "get the dataspace of", path));
    const int rank = ctx.check(H5Sget_simple_extent_ndims(space.get()), "get the rank of", path);
    std::vector<hsize_t> shape(static_cast<std::size_t>(rank));
    ctx.check(H5Sget_simple_extent_dims(space.get(), shape.data(), nullptr), "get the shape of", path);
    return shape;
}

Dataset open_checked(hid_t parent, const std::string& relative, std::span<const hsize_t> expected,
                     const ErrorContext& ctx) {
    const std::string path = full_name(parent, relative);
    Dataset dataset(ctx.check(H5Dopen2(parent, path.c_str(), H5P_DEFAULT), "open dataset", path));
    const std::vector<hsize_t> shape = shape_of(dataset.get(), path, ctx);
    if (!std::equal(shape.begin(), shape.end(), expected.begin(), expected.end())) {
        ctx.reject("dataset '" + object_name(dataset.get()) + "' has shape " + shape_text(shape) + ", expected " +
                   shape_text(expected));
    }
    return dataset;
}

void check_class(hid_t dataset, H5T_class_t wanted, const std::string& path, const char* what,
                 const ErrorContext& ctx) {
    Datatype type(ctx.check(H5Dget_type(dataset), "get the datatype of", path));
    if (H5Tget_class(type.get()) != wanted) {
        ctx.reject("dataset '" + object_name(dataset) + "' does not hold " + what);
    }
}

template <typename T>
Dataset write_numeric(hid_t parent, const std::string& relative, Element element, hid_t memory_type,
                      std::span<const hsize_t> shape, std::span<const hsize_t> chunk, std::span<const T> values,
                      const ErrorContext& ctx) {
    const std::string name = full_name(parent, relative);
    if (values.size() != element_count(shape)) {
        throw LogicError("dataset '" + name + "': " + std::to_string(values.size()) + " values for shape " +
                         shape_text(shape));
    }
    Dataset dataset = create_dataset(parent, name, element, shape, chunk, ctx);
    // HDF5 rejects a null buffer even for an empty selection, and there is nothing to write.
    if (!values.empty()) {
        ctx.check(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "write dataset",
                  name);
    }
    return dataset;
}

template <typename T>
std::vector<T> read_numeric(hid_t parent, const std::string& relative, H5T_class_t file_class, const char* what,
                            hid_t memory_type, std::span<const hsize_t> expected_shape, const ErrorContext& ctx) {
    const std::string path = full_name(parent, relative);
    Dataset dataset = open_checked(parent, path, expected_shape, ctx);
    check_class(dataset.get(), file_class, path, what, ctx);
    std::vector<T> values(element_count(expected_shape));
    if (!values.empty()) {
        ctx.check(H5Dread(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "read dataset",
                  path);
    }
    return values;
}

// Fixed-length strings may be NUL-terminated, NUL-padded or space-padded; cut at the first NUL
// and drop trailing pad so all three read back as the text that was meant.
std::string from_fixed(const char* text, std::size_t size, H5T_str_t pad) {
    std::string value(text, size);
    if (const auto nul = value.find('\0'); nul != std::string::npos) value.resize(nul);
    if (pad == H5T_STR_SPACEPAD) {
        while (!value.empty() && value.back() == ' ') value.pop_back();
    }
    return value;
}

// Frees the strings H5Dread allocated for a variable-length read when it goes out of scope.
class VlenReclaim {
public:
    VlenReclaim(hid_t type, hid_t space, void* buffer) : type_(type), space_(space), buffer_(buffer) {}
    VlenReclaim(const VlenReclaim&) = delete;
    VlenReclaim& operator=(const VlenReclaim&) = delete;
    ~VlenReclaim() { H5Dvlen_reclaim(type_, space_, H5P_DEFAULT, buffer_); }

private:
    hid_t type_;
    hid_t space_;
    void* buffer_;
};

// H5Tget_size reports failure as 0, which would otherwise size a buffer of nothing.
std::size_t fixed_string_size(hid_t type, const std::string& object, const ErrorContext& ctx) {
    const std::size_t size = H5Tget_size(type);
    if (size == 0) ctx.fail("get the string size of", object);
    return size;
}

Attribute create_scalar_attribute(hid_t object, const std::string& name, hid_t file_type, const ErrorContext& ctx) {
    const std::string label = attribute_label(object, name);
    Dataspace space(ctx.check(H5Screate(H5S_SCALAR), "create a scalar dataspace for", label));
    return Attribute(ctx.check(H5Acreate2(object, name.c_str(), file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                               "create attribute", label));
}

// Opens an attribute that must hold exactly one value of the given class.
Attribute open_single_value(hid_t object, const std::string& name, H5T_class_t wanted, const ErrorContext& ctx) {
    const std::string label = attribute_label(object, name);
    if (!has_attribute(object, name, ctx)) ctx.reject("there is no attribute '" + label + "'");
    Attribute attribute(ctx.check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "open attribute", label));
    Dataspace space(ctx.check(H5Aget_space(attribute.get()), "get the dataspace of", label));
    Datatype type(ctx.check(H5Aget_type(attribute.get()), "get the datatype of", label));
    const hssize_t points = H5Sget_simple_extent_npoints(space.get());
    if (points != 1 || H5Tget_class(type.get()) != wanted) {
        ctx.reject("attribute '" + label + "' is not a single value of the expected type");
    }
    return attribute;
}

template <typename T>
void write_numeric_attribute(hid_t object, const std::string& name, hid_t file_type, hid_t memory_type, T value,
                             const ErrorContext& ctx) {
    const std::string label = attribute_label(object, name);
    Attribute attribute = create_scalar_attribute(object, name, file_type, ctx);
    ctx.check(H5Awrite(attribute.get(), memory_type, &value), "write attribute", label);
}

template <typename T>
T read_numeric_attribute(hid_t object, const std::string& name, H5T_class_t file_class, hid_t memory_type,
                         const ErrorContext& ctx) {
    const std::string label = attribute_label(object, name);
    Attribute attribute = open_single_value(object, name, file_class, ctx);
    T value{};
    ctx.check(H5Aread(attribute.get(), memory_type, &value), "read attribute", label);
    return value;
}

}  // namespace

QuietErrors::QuietErrors() {
    H5Eget_auto2(H5E_DEFAULT, &func_, &data_);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

QuietErrors::~QuietErrors() {
    H5Eset_auto2(H5E_DEFAULT, func_, data_);
}

ErrorContext::ErrorContext(std::filesystem::path file, Mode mode) : file_(std::move(file)), mode_(mode) {}

void ErrorContext::fail(std::string_view action, std::string_view object) const {
    std::string message = file_.string() + ": cannot " + std::string(action);
    if (!object.empty()) message += " '" + std::string(object) + "'";
    if (const std::string detail = hdf5_error_detail(); !detail.empty()) {
        message += " (HDF5: " + detail + ")";
    }
    if (mode_ == Mode::Reading) throw InputError(message);
    throw OutputError(message);
}

void ErrorContext::reject(std::string_view problem) const {
    const std::string message = file_.string() + ": " + std::string(problem);
    if (mode_ == Mode::Reading) throw InputError(message);
    throw std::runtime_error(message);
}

std::vector<hsize_t> cap_chunk(std::span<const hsize_t> shape, std::span<const hsize_t> wish, std::size_t element_bytes,
                               std::size_t max_bytes) {
    std::vector<hsize_t> chunk(shape.size(), 1);
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const hsize_t wanted = i < wish.size() ? wish[i] : shape[i];
        chunk[i] = std::max<hsize_t>(1, std::min(wanted, shape[i]));
    }
    for (std::size_t i = 0; i < chunk.size(); ++i) {
        std::size_t inner = element_bytes;
        for (std::size_t j = i + 1; j < chunk.size(); ++j) inner *= chunk[j];
        if (chunk[i] * inner <= max_bytes) break;
        chunk[i] = std::max<hsize_t>(1, max_bytes / inner);
        // Still too big only when the inner dimensions alone exceed the budget: shrink those.
        if (chunk[i] * inner <= max_bytes) break;
    }
    return chunk;
}

File create_file(const std::filesystem::path& path, const ErrorContext& ctx) {
    PropList create(ctx.check(H5Pcreate(H5P_FILE_CREATE), "create a file creation list"));
    track_creation_order(create.get(), ctx);
    // The root group's header is created from this list; without this it would carry the
    // creation second and two otherwise identical files would differ.
    ctx.check(H5Pset_obj_track_times(create.get(), false), "disable time tracking for", "/");
    PropList access(ctx.check(H5Pcreate(H5P_FILE_ACCESS), "create a file access list"));
    constexpr std::size_t kGrowBy = std::size_t{16} << 20;  // the in-memory image grows 16 MiB at a time
    ctx.check(H5Pset_fapl_core(access.get(), kGrowBy, false), "keep the file in memory");
    return File(ctx.check(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, create.get(), access.get()), "create the file"));
}

void save_file(File& file, const std::filesystem::path& path, const ErrorContext& ctx) {
    ctx.check(H5Fflush(file.get(), H5F_SCOPE_GLOBAL), "flush the file");
    const ssize_t size = H5Fget_file_image(file.get(), nullptr, 0);
    if (size < 0) ctx.fail("get the file image");
    std::vector<char> image(static_cast<std::size_t>(size));
    if (size > 0 && H5Fget_file_image(file.get(), image.data(), image.size()) != size) {
        ctx.fail("get the file image");
    }
    if (file.close() < 0) ctx.fail("close the file");
    write_bytes(path, image);
}

File open_file_read_only(const std::filesystem::path& path, const ErrorContext& ctx) {
    return File(ctx.check(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "open it as an HDF5 file"));
}

Group create_group(hid_t parent, const std::string& relative, const ErrorContext& ctx) {
    const std::string name = full_name(parent, relative);
    PropList create(ctx.check(H5Pcreate(H5P_GROUP_CREATE), "create a group creation list"));
    track_creation_order(create.get(), ctx);
    ctx.check(H5Pset_obj_track_times(create.get(), false), "disable time tracking for", name);
    return Group(
        ctx.check(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, create.get(), H5P_DEFAULT), "create group", name));
}

Group open_group(hid_t parent, const std::string& relative, const ErrorContext& ctx) {
    const std::string name = full_name(parent, relative);
    return Group(ctx.check(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), "open group", name));
}

Dataset create_dataset(hid_t parent, const std::string& relative, Element element, std::span<const hsize_t> shape,
                       std::span<const hsize_t> chunk, const ErrorContext& ctx) {
    const std::string name = full_name(parent, relative);
    Datatype type;
    std::size_t element_bytes = 0;
    switch (element) {
        case Element::Int8:
            type = Datatype(ctx.check(H5Tcopy(H5T_STD_I8LE), "copy the int8 datatype"));
            element_bytes = 1;
            break;
        case Element::Int32:
            type = Datatype(ctx.check(H5Tcopy(H5T_STD_I32LE), "copy the int32 datatype"));
            element_bytes = 4;
            break;
        case Element::Float32:
            type = Datatype(ctx.check(H5Tcopy(H5T_IEEE_F32LE), "copy the float32 datatype"));
            element_bytes = 4;
            break;
        case Element::Float64:
            type = Datatype(ctx.check(H5Tcopy(H5T_IEEE_F64LE), "copy the float64 datatype"));
            element_bytes = 8;
            break;
        case Element::String:
            type = string_type(ctx);
            element_bytes = 16;  // the global-heap reference each string is stored as
            break;
    }

    PropList create(ctx.check(H5Pcreate(H5P_DATASET_CREATE), "create a dataset creation list"));
    // Timestamps would make two runs with the same data differ byte for byte.
    ctx.check(H5Pset_obj_track_times(create.get(), false), "disable time tracking for", name);
    const unsigned order = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
    ctx.check(H5Pset_attr_creation_order(create.get(), order), "track attribute order for", name);

    const std::size_t count = element_count(shape);
    const bool any_empty = std::find(shape.begin(), shape.end(), hsize_t{0}) != shape.end();
    const bool growable = t_growable && !shape.empty();
    if (growable || (count >= kCompressMinElements && !any_empty)) {
        const std::vector<hsize_t> dims = cap_chunk(shape, chunk, element_bytes);
        ctx.check(H5Pset_chunk(create.get(), static_cast<int>(dims.size()), dims.data()), "set the chunk shape of",
                  name);
        // Shuffle first: grouping the bytes of small integers makes deflate far more effective.
        ctx.check(H5Pset_shuffle(create.get()), "enable shuffle for", name);
        ctx.check(H5Pset_deflate(create.get(), kDeflateLevel), "enable deflate for", name);
    }

    std::vector<hsize_t> most(shape.begin(), shape.end());
    if (growable) most.front() = H5S_UNLIMITED;
    Dataspace space(ctx.check(H5Screate_simple(static_cast<int>(shape.size()), shape.data(), most.data()),
                              "create a dataspace for", name));
    return Dataset(
        ctx.check(H5Dcreate2(parent, name.c_str(), type.get(), space.get(), H5P_DEFAULT, create.get(), H5P_DEFAULT),
                  "create dataset", name));
}

GrowableDatasets::GrowableDatasets() : previous_(t_growable) {
    t_growable = true;
}

GrowableDatasets::~GrowableDatasets() {
    t_growable = previous_;
}

namespace {

// Grows `target` by `rows` along its first dimension and selects the new rows: the file space
// to write them to.
Dataspace grow(hid_t target, hsize_t rows, hsize_t& first, const ErrorContext& ctx) {
    const std::string name = object_name(target);
    std::vector<hsize_t> shape = shape_of(target, name, ctx);
    if (shape.empty()) throw LogicError("append to scalar dataset '" + name + "'");
    first = shape.front();
    shape.front() += rows;
    ctx.check(H5Dset_extent(target, shape.data()), "grow dataset", name);
    Dataspace space(ctx.check(H5Dget_space(target), "get the dataspace of", name));
    std::vector<hsize_t> start(shape.size(), 0), count = shape;
    start.front() = first;
    count.front() = rows;
    ctx.check(H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
              "select new rows of", name);
    return space;
}

}  // namespace

hsize_t append_rows(hid_t target, hid_t source, std::int32_t offset, const ErrorContext& target_ctx,
                    const ErrorContext& source_ctx) {
    const std::string source_name = object_name(source);
    const std::string target_name = object_name(target);
    const std::vector<hsize_t> in = shape_of(source, source_name, source_ctx);
    const std::vector<hsize_t> out = shape_of(target, target_name, target_ctx);
    if (in.empty() || in.size() != out.size() || !std::equal(in.begin() + 1, in.end(), out.begin() + 1)) {
        source_ctx.reject("dataset '" + source_name + "' has shape " + shape_text(in) + ", which does not continue " +
                          shape_text(out));
    }
    Datatype file_type(source_ctx.check(H5Dget_type(source), "get the datatype of", source_name));
    const H5T_class_t kind = H5Tget_class(file_type.get());
    if (kind != H5T_INTEGER && kind != H5T_FLOAT) source_ctx.reject("dataset '" + source_name + "' is not numeric");
    if (offset != 0 && kind != H5T_INTEGER) throw LogicError("append_rows: an offset to non-integers");
    Datatype memory(offset != 0 ? source_ctx.check(H5Tcopy(H5T_NATIVE_INT32), "copy the int32 datatype")
                                : source_ctx.check(H5Tget_native_type(file_type.get(), H5T_DIR_ASCEND),
                                                   "get the memory type of", source_name));
    const std::size_t count = element_count(in);
    std::vector<unsigned char> buffer(count * H5Tget_size(memory.get()));
    if (count > 0) {
        source_ctx.check(H5Dread(source, memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()), "read dataset",
                         source_name);
    }
    if (offset != 0) {
        for (std::size_t i = 0; i < count; ++i) {
            std::int32_t v;
            std::memcpy(&v, buffer.data() + 4 * i, 4);
            v += offset;
            std::memcpy(buffer.data() + 4 * i, &v, 4);
        }
    }
    hsize_t first = 0;
    Dataspace file_space = grow(target, in.front(), first, target_ctx);
    if (count > 0) {
        Dataspace memory_space = simple_space(in, source_ctx, source_name);
        target_ctx.check(
            H5Dwrite(target, memory.get(), memory_space.get(), file_space.get(), H5P_DEFAULT, buffer.data()),
            "write to dataset", target_name);
    }
    return first;
}

void append_index(hid_t target, hsize_t count, const ErrorContext& ctx) {
    hsize_t first = 0;
    Dataspace file_space = grow(target, count, first, ctx);
    if (count == 0) return;
    std::vector<std::int32_t> values(static_cast<std::size_t>(count));
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<std::int32_t>(first + i);
    const std::array shape{count};
    Dataspace memory_space = simple_space(shape, ctx, "index");
    ctx.check(H5Dwrite(target, H5T_NATIVE_INT32, memory_space.get(), file_space.get(), H5P_DEFAULT, values.data()),
              "write to dataset", object_name(target));
}

void overwrite(hid_t target, std::span<const std::int32_t> values, const ErrorContext& ctx) {
    const std::string name = object_name(target);
    if (values.size() != element_count(shape_of(target, name, ctx))) {
        throw LogicError("overwrite '" + name + "': " + std::to_string(values.size()) + " values");
    }
    if (values.empty()) return;
    ctx.check(H5Dwrite(target, H5T_NATIVE_INT32, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "write dataset", name);
}

Dataset write_dataset(hid_t parent, const std::string& name, std::span<const hsize_t> shape,
                      std::span<const hsize_t> chunk, std::span<const std::int8_t> values, const ErrorContext& ctx) {
    return write_numeric(parent, name, Element::Int8, H5T_NATIVE_INT8, shape, chunk, values, ctx);
}

Dataset write_dataset(hid_t parent, const std::string& name, std::span<const hsize_t> shape,
                      std::span<const hsize_t> chunk, std::span<const std::int32_t> values, const ErrorContext& ctx) {
    return write_numeric(parent, name, Element::Int32, H5T_NATIVE_INT32, shape, chunk, values, ctx);
}

Dataset write_dataset(hid_t parent, const std::string& name, std::span<const hsize_t> shape,
                      std::span<const hsize_t> chunk, std::span<const float> values, const ErrorContext& ctx) {
    return write_numeric(parent, name, Element::Float32, H5T_NATIVE_FLOAT, shape, chunk, values, ctx);
}

Dataset write_dataset(hid_t parent, const std::string& name, std::span<const hsize_t> shape,
                      std::span<const hsize_t> chunk, std::span<const double> values, const ErrorContext& ctx) {
    return write_numeric(parent, name, Element::Float64, H5T_NATIVE_DOUBLE, shape, chunk, values, ctx);
}

Dataset write_dataset(hid_t parent, const std::string& relative, std::span<const hsize_t> shape,
                      std::span<const hsize_t> chunk, std::span<const std::string> values, const ErrorContext& ctx) {
    const std::string name = full_name(parent, relative);
    if (values.size() != element_count(shape)) {
        throw LogicError("dataset '" + name + "': " + std::to_string(values.size()) + " strings for shape " +
                         shape_text(shape));
    }
    std::vector<const char*> pointers;
    pointers.reserve(values.size());
    for (const std::string& value : values) {
        if (value.find('\0') != std::string::npos) {
            ctx.reject("a string for dataset '" + name + "' contains a NUL byte");
        }
        pointers.push_back(value.c_str());
    }
    Dataset dataset = create_dataset(parent, name, Element::String, shape, chunk, ctx);
    if (!pointers.empty()) {
        Datatype memory = string_type(ctx);
        ctx.check(H5Dwrite(dataset.get(), memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
                  "write dataset", name);
    }
    return dataset;
}

std::vector<hsize_t> dataset_shape(hid_t parent, const std::string& relative, const ErrorContext& ctx) {
    const std::string path = full_name(parent, relative);
    Dataset dataset(ctx.check(H5Dopen2(parent, path.c_str(), H5P_DEFAULT), "open dataset", path));
    return shape_of(dataset.get(), path, ctx);
}

std::vector<std::int32_t> read_int32(hid_t parent, const std::string& path, std::span<const hsize_t> expected_shape,
                                     const ErrorContext& ctx) {
    return read_numeric<std::int32_t>(parent, path, H5T_INTEGER, "integers", H5T_NATIVE_INT32, expected_shape, ctx);
}

std::vector<std::int8_t> read_int8(hid_t parent, const std::string& path, std::span<const hsize_t> expected_shape,
                                   const ErrorContext& ctx) {
    return read_numeric<std::int8_t>(parent, path, H5T_INTEGER, "integers", H5T_NATIVE_INT8, expected_shape, ctx);
}

std::vector<double> read_float64(hid_t parent, const std::string& path, std::span<const hsize_t> expected_shape,
                                 const ErrorContext& ctx) {
    return read_numeric<double>(parent, path, H5T_FLOAT, "floating-point numbers", H5T_NATIVE_DOUBLE, expected_shape,
                                ctx);
}

std::vector<float> read_float32(hid_t parent, const std::string& path, std::span<const hsize_t> expected_shape,
                                const ErrorContext& ctx) {
    return read_numeric<float>(parent, path, H5T_FLOAT, "floating-point numbers", H5T_NATIVE_FLOAT, expected_shape,
                               ctx);
}

std::vector<std::string> read_strings(hid_t parent, const std::string& relative,
                                      std::span<const hsize_t> expected_shape, const ErrorContext& ctx) {
    const std::string path = full_name(parent, relative);
    Dataset dataset = open_checked(parent, path, expected_shape, ctx);
    check_class(dataset.get(), H5T_STRING, path, "strings", ctx);
    const std::size_t count = element_count(expected_shape);
    std::vector<std::string> values;
    values.reserve(count);
    if (count == 0) return values;

    Datatype file_type(ctx.check(H5Dget_type(dataset.get()), "get the datatype of", path));
    const htri_t variable = ctx.check(H5Tis_variable_str(file_type.get()), "inspect the string type of", path);
    if (variable > 0) {
        Datatype memory = string_type(ctx);
        Dataspace space(ctx.check(H5Dget_space(dataset.get()), "get the dataspace of", path));
        std::vector<char*> pointers(count, nullptr);
        ctx.check(H5Dread(dataset.get(), memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()), "read dataset",
                  path);
        // HDF5 allocated every string; hand them back however the copying below ends. A failed
        // reclaim only leaks, so it is not worth an exception.
        const VlenReclaim reclaim(memory.get(), space.get(), pointers.data());
        for (const char* p : pointers) values.emplace_back(p != nullptr ? p : "");
    } else {
        const std::size_t size = fixed_string_size(file_type.get(), path, ctx);
        const H5T_str_t pad = H5Tget_strpad(file_type.get());
        Datatype memory(ctx.check(H5Tcopy(file_type.get()), "copy the string type of", path));
        std::vector<char> buffer(count * size);
        ctx.check(H5Dread(dataset.get(), memory.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()), "read dataset",
                  path);
        for (std::size_t i = 0; i < count; ++i) {
            values.push_back(from_fixed(buffer.data() + i * size, size, pad));
        }
    }
    return values;
}

void write_attribute(hid_t object, const std::string& name, std::int32_t value, const ErrorContext& ctx) {
    write_numeric_attribute(object, name, H5T_STD_I32LE, H5T_NATIVE_INT32, value, ctx);
}

void write_attribute(hid_t object, const std::string& name, std::uint64_t value, const ErrorContext& ctx) {
    write_numeric_attribute(object, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, value, ctx);
}

void write_attribute(hid_t object, const std::string& name, double value, const ErrorContext& ctx) {
    write_numeric_attribute(object, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, value, ctx);
}

void write_attribute(hid_t object, const std::string& name, std::span<const std::int8_t> values,
                     const ErrorContext& ctx) {
    const std::string label = attribute_label(object, name);
    const std::array<hsize_t, 1> shape{values.size()};
    Dataspace space = simple_space(shape, ctx, label);
    Attribute attribute(ctx.check(H5Acreate2(object, name.c_str(), H5T_STD_I8LE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                                  "create attribute", label));
    ctx.check(H5Awrite(attribute.get(), H5T_NATIVE_INT8, values.data()), "write attribute", label);
}

void write_attribute(hid_t object, const std::string& name, const std::string& value, const ErrorContext& ctx) {
    const std::string label = attribute_label(object, name);
    if (value.find('\0') != std::string::npos) {
        ctx.reject("attribute '" + label + "' contains a NUL byte");
    }
    Datatype type = string_type(ctx);
    Attribute attribute = create_scalar_attribute(object, name, type.get(), ctx);
    const char* text = value.c_str();
    ctx.check(H5Awrite(attribute.get(), type.get(), &text), "write attribute", label);
}

bool has_attribute(hid_t object, const std::string& name, const ErrorContext& ctx) {
    const std::string label = attribute_label(object, name);
    return ctx.check(H5Aexists(object, name.c_str()), "look for attribute", label) > 0;
}

std::int32_t read_int32_attribute(hid_t object, const std::string& name, const ErrorContext& ctx) {
    return read_numeric_attribute<std::int32_t>(object, name, H5T_INTEGER, H5T_NATIVE_INT32, ctx);
}

std::uint64_t read_uint64_attribute(hid_t object, const std::string& name, const ErrorContext& ctx) {
    return read_numeric_attribute<std::uint64_t>(object, name, H5T_INTEGER, H5T_NATIVE_UINT64, ctx);
}

double read_float64_attribute(hid_t object, const std::string& name, const ErrorContext& ctx) {
    return read_numeric_attribute<double>(object, name, H5T_FLOAT, H5T_NATIVE_DOUBLE, ctx);
}

std::string read_string_attribute(hid_t object, const std::string& name, const ErrorContext& ctx) {
    const std::string label = attribute_label(object, name);
    Attribute attribute = open_single_value(object, name, H5T_STRING, ctx);
    Datatype file_type(ctx.check(H5Aget_type(attribute.get()), "get the datatype of", label));
    const htri_t variable = ctx.check(H5Tis_variable_str(file_type.get()), "inspect the string type of", label);
    if (variable > 0) {
        Datatype memory = string_type(ctx);
        char* text = nullptr;
        ctx.check(H5Aread(attribute.get(), memory.get(), &text), "read attribute", label);
        std::string value = text != nullptr ? text : "";
        H5free_memory(text);
        return value;
    }
    const std::size_t size = fixed_string_size(file_type.get(), label, ctx);
    Datatype memory(ctx.check(H5Tcopy(file_type.get()), "copy the string type of", label));
    std::vector<char> buffer(size);
    ctx.check(H5Aread(attribute.get(), memory.get(), buffer.data()), "read attribute", label);
    return from_fixed(buffer.data(), size, H5Tget_strpad(file_type.get()));
}

void describe(hid_t dataset, const std::string& units, const std::string& long_name, const ErrorContext& ctx) {
    write_attribute(dataset, "units", units, ctx);
    write_attribute(dataset, "long_name", long_name, ctx);
}

void describe(hid_t dataset, const std::string& long_name, const ErrorContext& ctx) {
    write_attribute(dataset, "long_name", long_name, ctx);
}

void make_dimension_scale(hid_t dataset, const std::string& name, const ErrorContext& ctx) {
    ctx.check(H5DSset_scale(dataset, name.c_str()), "make a dimension scale of", object_name(dataset));
}

void attach_scales(hid_t dataset, std::span<const hid_t> scales, const ErrorContext& ctx) {
    const std::string name = object_name(dataset);
    Dataspace space(ctx.check(H5Dget_space(dataset), "get the dataspace of", name));
    const int rank = ctx.check(H5Sget_simple_extent_ndims(space.get()), "get the rank of", name);
    if (static_cast<std::size_t>(rank) != scales.size()) {
        throw LogicError("dataset '" + name + "' has rank " + std::to_string(rank) + " but " +
                         std::to_string(scales.size()) + " dimension scales were given");
    }
    for (std::size_t i = 0; i < scales.size(); ++i) {
        ctx.check(H5DSattach_scale(dataset, scales[i], static_cast<unsigned>(i)),
                  "attach dimension scale " + object_name(scales[i]) + " to", name);
    }
}

}  // namespace trygg::h5
