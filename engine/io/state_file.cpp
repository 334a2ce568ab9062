#include "io/state_file.hpp"

#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/hdf5_handle.hpp"
#include "io/version.hpp"

#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

namespace trygg {
namespace {

namespace fs = std::filesystem;

constexpr const char* kKind = "trygg state";

// FNV-1a, 64 bits: a fingerprint against mistakes (another city, a corrupt byte), not
// against forgery.
class Fnv {
public:
    void add(const void* data, std::size_t size) {
        const auto* p = static_cast<const std::uint8_t*>(data);
        for (std::size_t k = 0; k < size; ++k) h_ = (h_ ^ p[k]) * 1099511628211ull;
    }
    void add(const std::string& s) {
        add(s.data(), s.size());
        add(s.size());
    }
    template <class T>
    void add(const T& v) requires std::is_arithmetic_v<T> || std::is_enum_v<T> {
        add(&v, sizeof v);
    }
    std::string hex() const {
        std::ostringstream out;
        out << std::hex << h_;
        return out.str();
    }
    std::uint64_t value() const { return h_; }

private:
    std::uint64_t h_ = 1469598103934665603ull;
};

std::string file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string() + ": cannot be read");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Everything of an item that shapes the run, resolved on the city (cells, place, dates).
std::string item_fingerprint(const Intervention& i) {
    Fnv f;
    f.add(i.name);
    f.add(i.kind);
    for (int c : i.cells) f.add(c);
    f.add(i.cells.size());
    f.add(i.adaptive);
    f.add(i.when.first_day);
    f.add(i.when.last_day);
    f.add(i.when.from_hour);
    f.add(i.when.to_hour);
    f.add(i.when.weekdays);
    for (double v : {i.intensity, i.catchment_m, i.uptake, i.risk_score, i.share, i.new_resident_ses, i.investment_sek,
                     i.running_sek_per_year})
        f.add(v);
    for (int v : {i.units, i.place, i.capacity, i.min_age, i.max_age, i.participants}) f.add(v);
    f.add(i.monitored);
    f.add(i.structure);
    f.add(i.target);
    f.add(i.setting);
    return i.name + " " + f.hex();
}

std::uint64_t checksum(const ReplicateState& r) {
    Fnv f;
    for (std::size_t k = 0; k < r.names.size(); ++k) {
        f.add(r.names[k]);
        f.add(r.bytes[k].data(), r.bytes[k].size());
        f.add(r.bytes[k].size());
    }
    return f.value();
}

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> lines;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
}

void write_replicate(hid_t root, std::size_t r, const ReplicateState& state, const h5::ErrorContext& ctx) {
    const h5::Group g = h5::create_group(root, "replicate_" + std::to_string(r), ctx);
    std::vector<std::int32_t> sizes;
    std::vector<std::int8_t> bytes;
    for (const auto& b : state.bytes) {
        if (b.size() > 0x7fffffffu) throw OutputError(ctx.file().string() + ": a state field exceeds 2 GB");
        sizes.push_back(static_cast<std::int32_t>(b.size()));
        const std::size_t at = bytes.size();
        bytes.resize(at + b.size());
        if (!b.empty()) std::memcpy(bytes.data() + at, b.data(), b.size());
    }
    const hsize_t n[] = {static_cast<hsize_t>(state.names.size())};
    const hsize_t total[] = {static_cast<hsize_t>(bytes.size())};
    const hsize_t chunk[] = {hsize_t{1} << 20};
    static_cast<void>(h5::write_dataset(g.get(), "names", n, n, state.names, ctx));
    static_cast<void>(h5::write_dataset(g.get(), "sizes", n, n, sizes, ctx));
    static_cast<void>(h5::write_dataset(g.get(), "bytes", total, chunk, bytes, ctx));
    h5::write_attribute(g.get(), "checksum", checksum(state), ctx);
}

ReplicateState read_replicate(hid_t root, std::size_t r, const h5::ErrorContext& ctx) {
    const std::string name = "replicate_" + std::to_string(r);
    const h5::Group g = h5::open_group(root, name, ctx);
    const auto n = h5::dataset_shape(g.get(), "names", ctx);
    const auto total = h5::dataset_shape(g.get(), "bytes", ctx);
    if (n.size() != 1 || total.size() != 1) ctx.reject(name + ": not a state of this format");
    ReplicateState state;
    state.names = h5::read_strings(g.get(), "names", n, ctx);
    const auto sizes = h5::read_int32(g.get(), "sizes", n, ctx);
    const auto bytes = h5::read_int8(g.get(), "bytes", total, ctx);
    std::size_t at = 0;
    for (const std::int32_t size : sizes) {
        if (size < 0 || at + static_cast<std::size_t>(size) > bytes.size())
            ctx.reject(name + ": field sizes do not add up");
        const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data()) + at;
        state.bytes.emplace_back(p, p + size);
        at += static_cast<std::size_t>(size);
    }
    if (at != bytes.size()) ctx.reject(name + ": field sizes do not add up");
    if (h5::read_uint64_attribute(g.get(), "checksum", ctx) != checksum(state))
        ctx.reject(name + ": the checksum does not match (a corrupt state file)");
    return state;
}

[[noreturn]] void refuse(const std::string& subject, const std::string& what) {
    throw InputError(subject + ": " + what);
}

}  // namespace

StateHeader state_header(const ScenarioConfig& scenario, const RunSetup& setup, int weeks, bool events,
                         const std::vector<ParameterOverride>& extra) {
    StateHeader h;
    h.trygg_version = std::string(kVersion) + " (" + kGitCommit + ")";
    Fnv city;
    city.add(setup.config.text);
    for (const auto& file : setup.config.files) city.add(file_bytes(file));
    for (const auto* overrides : {&scenario.overrides, &extra}) {
        for (const auto& o : *overrides) {
            city.add(o.path);
            city.add(o.yaml);
        }
    }
    city.add(scenario.adaptive_steering);
    h.city = city.hex();
    h.start_date = to_string(scenario.start_date);
    h.seed = scenario.seed;
    h.replicates = scenario.replicates;
    h.weeks = weeks;
    h.events = events;
    for (const Intervention& item : setup.params.interventions) h.interventions.push_back(item_fingerprint(item));
    return h;
}

void write_state_file(const fs::path& path, const StateFile& state) {
    const h5::QuietErrors quiet;
    write_atomically(path, [&](const fs::path& tmp) {
        const h5::ErrorContext ctx(tmp, h5::Mode::Writing);
        h5::File file = h5::create_file(tmp, ctx);
        {
            const hid_t root = file.get();
            const StateHeader& h = state.header;
            h5::write_attribute(root, "file_kind", std::string(kKind), ctx);
            h5::write_attribute(root, "state_format_version", kStateFormatVersion, ctx);
            h5::write_attribute(root, "trygg_version", h.trygg_version, ctx);
            h5::write_attribute(root, "city_fingerprint", h.city, ctx);
            h5::write_attribute(root, "start_date", h.start_date, ctx);
            h5::write_attribute(root, "seed", h.seed, ctx);
            h5::write_attribute(root, "replicates", static_cast<std::int32_t>(h.replicates), ctx);
            h5::write_attribute(root, "weeks", static_cast<std::int32_t>(h.weeks), ctx);
            h5::write_attribute(root, "events", static_cast<std::int32_t>(h.events ? 1 : 0), ctx);
            h5::write_attribute(root, "interventions", joined(h.interventions), ctx);
            for (std::size_t r = 0; r < state.replicates.size(); ++r)
                write_replicate(root, r, state.replicates[r], ctx);
        }
        h5::save_file(file, tmp, ctx);
    });
}

StateFile read_state_file(const fs::path& path) {
    const h5::QuietErrors quiet;
    const h5::ErrorContext ctx(path, h5::Mode::Reading);
    h5::File file = h5::open_file_read_only(path, ctx);
    const hid_t root = file.get();
    if (!h5::has_attribute(root, "file_kind", ctx) || h5::read_string_attribute(root, "file_kind", ctx) != kKind)
        ctx.reject("not a trygg state file (write one with trygg run --save-state)");
    const std::int32_t format = h5::read_int32_attribute(root, "state_format_version", ctx);
    if (format != kStateFormatVersion)
        ctx.reject("state format version " + std::to_string(format) + ", this trygg reads version " +
                   std::to_string(kStateFormatVersion));
    StateFile s;
    StateHeader& h = s.header;
    h.trygg_version = h5::read_string_attribute(root, "trygg_version", ctx);
    h.city = h5::read_string_attribute(root, "city_fingerprint", ctx);
    h.start_date = h5::read_string_attribute(root, "start_date", ctx);
    h.seed = h5::read_uint64_attribute(root, "seed", ctx);
    h.replicates = h5::read_int32_attribute(root, "replicates", ctx);
    h.weeks = h5::read_int32_attribute(root, "weeks", ctx);
    h.events = h5::read_int32_attribute(root, "events", ctx) != 0;
    h.interventions = split_lines(h5::read_string_attribute(root, "interventions", ctx));
    if (h.replicates < 1 || h.replicates > kMaxReplicates || h.weeks < 1 || h.weeks > kMaxWeeks)
        ctx.reject("replicates or weeks out of range");
    for (int r = 0; r < h.replicates; ++r)
        s.replicates.push_back(read_replicate(root, static_cast<std::size_t>(r), ctx));
    return s;
}

void check_continuation(const std::string& path, const StateHeader& saved, const StateHeader& now,
                        const ModelParams& params) {
    if (saved.trygg_version != now.trygg_version)
        refuse(path, "written by trygg " + saved.trygg_version + ", this is trygg " + now.trygg_version +
                         " (a state is read by the trygg that wrote it)");
    if (saved.city != now.city)
        refuse(path, "a state of another city or other model parameters (fingerprint " + saved.city + ", this run's " +
                         now.city + "): a branch may change interventions only");
    if (saved.start_date != now.start_date)
        refuse(path, "starts on " + saved.start_date + ", the scenario on " + now.start_date);
    if (saved.seed != now.seed)
        refuse(path, "seed " + std::to_string(saved.seed) + ", this run's " + std::to_string(now.seed) +
                         " (give the warm-up's --seed)");
    if (saved.replicates != now.replicates)
        refuse(path, std::to_string(saved.replicates) + " replicate(s), this run's " + std::to_string(now.replicates) +
                         " (give the warm-up's --replicates)");
    if (now.events && !saved.events)
        refuse(path, "saved without the event log: --events needs a state saved with --events");
    if (now.weeks <= saved.weeks || now.weeks > kMaxWeeks)
        refuse(path, "the continuation must add weeks to the state's " + std::to_string(saved.weeks) + ", up to " +
                         std::to_string(kMaxWeeks) + " in all");
    if (now.interventions.size() < saved.interventions.size())
        refuse(path, "the state has " + std::to_string(saved.interventions.size()) + " intervention(s), the scenario " +
                         std::to_string(now.interventions.size()) +
                         ": a branch keeps the state's items and may add more after them");
    for (std::size_t k = 0; k < saved.interventions.size(); ++k) {
        if (saved.interventions[k] != now.interventions[k])
            refuse(path, "intervention " + std::to_string(k + 1) + " ('" + params.interventions[k].name +
                             "') differs from the state's ('" + saved.interventions[k] +
                             "'): a branch keeps the state's items unchanged and adds new ones after them");
    }
    const int branch_day = saved.weeks * 7;
    for (std::size_t k = saved.interventions.size(); k < params.interventions.size(); ++k) {
        const Intervention& item = params.interventions[k];
        if (item.when.first_day < branch_day)
            refuse(path, "intervention '" + item.name + "' starts before the branch (day " +
                             std::to_string(branch_day) + " of the run, after the state's " +
                             std::to_string(saved.weeks) + " weeks): give it a start date on or after that day");
        if (item.adaptive)
            refuse(path, "intervention '" + item.name +
                             "' is adaptive: its units are steered by the EST picture from the first week, "
                             "so a branch cannot add it (run the warm-up with it, dated at the branch)");
    }
}

}  // namespace trygg
