#pragma once
// A replicate's whole simulation state at the end of a week, in memory: one named field per
// state array of the replicate and its layers, as plain bytes. `trygg run --save-state` writes
// it (io/state_file), `--from-state` restores it into a freshly built replicate and goes on
// from the next hour, so the continued run is the unbroken one (DESIGN §8).
//
// The bytes are the arrays as this build holds them (native byte order, its struct layouts):
// a state is only read by the same trygg version, which the state file checks.
//
// Each stateful type lists its mutable arrays once, in a `persist(Archive&)` member (or a
// free `persist(Archive&, T&)` for plain structs), for both directions:
//   a.field(name, x)        a scalar, a vector, an array of vectors or a vector of vectors;
//                           a vector the fresh replicate sized must come back at that size
//   a.list(name, v)         a vector whose length changes as the replicate runs
//   a.grown(name, v)        a [week|quarter|year]-major tally: a longer continuation restores
//                           the saved weeks into the front of its own, longer array
//   a.table(name, v, cols)  a [week][item] tally: a branch may add items (columns) at the end
//   a.nested(name, obj)     obj.persist(a) or persist(a, obj), its fields prefixed "name."
//   a.scoped(name, f)       f(a), its fields prefixed "name."
//   Archive::restoring      true while restoring (for what is merged rather than replaced)
// Derived data (built from the city, the parameters and the calendar) is not saved: the
// continued run rebuilds it from its own, longer calendar, as the unbroken run did.
#include "core/error.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace trygg {

struct ReplicateState {
    std::vector<std::string> names;
    std::vector<std::vector<std::uint8_t>> bytes;  // [field] the field's bytes
};

template <class T>
concept PlainValue = std::is_trivially_copyable_v<T>;

// Takes a replicate's arrays into a ReplicateState.
class StateWriter {
public:
    static constexpr bool restoring = false;
    explicit StateWriter(ReplicateState& state) : state_(state) {}

    template <PlainValue T>
    void field(std::string_view name, const T& value) {
        put(name, &value, sizeof(T));
    }
    template <PlainValue T>
    void field(std::string_view name, const std::vector<T>& v) {
        put(name, v.data(), v.size() * sizeof(T));
    }
    template <PlainValue T, std::size_t N>
    void field(std::string_view name, const std::array<std::vector<T>, N>& v) {
        for (std::size_t k = 0; k < N; ++k) field(std::string(name) + "." + std::to_string(k), v[k]);
    }
    template <PlainValue T>
    void field(std::string_view name, const std::vector<std::vector<T>>& v) {
        field(std::string(name) + ".count", v.size());
        for (std::size_t k = 0; k < v.size(); ++k) field(std::string(name) + "." + std::to_string(k), v[k]);
    }
    template <PlainValue T>
    void list(std::string_view name, const std::vector<T>& v) {
        field(name, v);
    }
    template <PlainValue T>
    void grown(std::string_view name, const std::vector<T>& v) {
        field(name, v);
    }
    template <PlainValue T>
    void table(std::string_view name, const std::vector<T>& v, std::size_t columns) {
        field(name, v);
        field(std::string(name) + ".columns", columns);
    }
    template <class Object>
    void nested(std::string_view name, Object& object) {
        scoped(name, [&](auto& a) {
            if constexpr (requires { object.persist(a); })
                object.persist(a);
            else
                persist(a, object);  // a plain struct's free persist, found by ADL
        });
    }
    // f(*this) with the fields it names prefixed "name.".
    template <class F>
    void scoped(std::string_view name, F&& f) {
        const std::size_t mark = prefix_.size();
        prefix_.append(name).append(".");
        f(*this);
        prefix_.resize(mark);
    }

private:
    void put(std::string_view name, const void* data, std::size_t size) {
        state_.names.push_back(prefix_ + std::string(name));
        const auto* p = static_cast<const std::uint8_t*>(data);
        state_.bytes.emplace_back(p, p + size);
    }
    ReplicateState& state_;
    std::string prefix_;
};

// Puts a ReplicateState back into a replicate built afresh. Throws InputError for a field
// that is missing or of another size than this build's (a state of another model), and
// finish() for fields nothing read.
class StateReader {
public:
    static constexpr bool restoring = true;
    explicit StateReader(const ReplicateState& state);

    template <PlainValue T>
    void field(std::string_view name, T& value) {
        const auto& b = find(name);
        if (b.size() != sizeof(T)) mismatch(name, "size");
        std::memcpy(&value, b.data(), sizeof(T));
    }
    // An array the fresh replicate has already sized (per person, site, cell, district) must
    // come back at that size; one it starts empty (lists that grow) at any.
    template <PlainValue T>
    void field(std::string_view name, std::vector<T>& v) {
        const auto& b = find(name);
        if (b.size() % sizeof(T) != 0) mismatch(name, "element size");
        if (!v.empty() && v.size() != b.size() / sizeof(T)) mismatch(name, "length");
        v.resize(b.size() / sizeof(T));
        if (!b.empty()) std::memcpy(v.data(), b.data(), b.size());
    }
    template <PlainValue T, std::size_t N>
    void field(std::string_view name, std::array<std::vector<T>, N>& v) {
        for (std::size_t k = 0; k < N; ++k) field(std::string(name) + "." + std::to_string(k), v[k]);
    }
    template <PlainValue T>
    void field(std::string_view name, std::vector<std::vector<T>>& v) {
        std::size_t n = 0;
        field(std::string(name) + ".count", n);
        if (!v.empty() && v.size() != n) mismatch(name, "length");
        v.resize(n);
        for (std::size_t k = 0; k < n; ++k) field(std::string(name) + "." + std::to_string(k), v[k]);
    }
    // A list whose length changes as the replicate runs (the offenders, who is spreading a rumour).
    template <PlainValue T>
    void list(std::string_view name, std::vector<T>& v) {
        v.clear();
        field(name, v);
    }
    // The saved weeks into the front of `v`, which the continuation sized for its horizon.
    template <PlainValue T>
    void grown(std::string_view name, std::vector<T>& v) {
        const auto& b = find(name);
        if (b.size() % sizeof(T) != 0 || b.size() > v.size() * sizeof(T)) mismatch(name, "length");
        if (!b.empty()) std::memcpy(v.data(), b.data(), b.size());
    }
    // Rows of `saved columns` into rows of `columns` (≥): the items a branch added start empty.
    template <PlainValue T>
    void table(std::string_view name, std::vector<T>& v, std::size_t columns) {
        std::vector<T> saved;
        field(name, saved);
        std::size_t saved_columns = 0;
        field(std::string(name) + ".columns", saved_columns);
        if (saved_columns > columns || (saved_columns == 0 && !saved.empty())) mismatch(name, "columns");
        const std::size_t rows = saved_columns == 0 ? 0 : saved.size() / saved_columns;
        if (rows * columns > v.size()) mismatch(name, "rows");
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t c = 0; c < saved_columns; ++c) v[r * columns + c] = saved[r * saved_columns + c];
    }
    template <class Object>
    void nested(std::string_view name, Object& object) {
        scoped(name, [&](auto& a) {
            if constexpr (requires { object.persist(a); })
                object.persist(a);
            else
                persist(a, object);  // a plain struct's free persist, found by ADL
        });
    }
    // f(*this) with the fields it names prefixed "name.".
    template <class F>
    void scoped(std::string_view name, F&& f) {
        const std::size_t mark = prefix_.size();
        prefix_.append(name).append(".");
        f(*this);
        prefix_.resize(mark);
    }
    // Throws InputError when the state holds a field this build did not read.
    void finish() const;

private:
    const std::vector<std::uint8_t>& find(std::string_view name);
    [[noreturn]] void mismatch(std::string_view name, const char* what) const;

    const ReplicateState& state_;
    std::unordered_map<std::string, std::size_t> index_;
    std::vector<std::uint8_t> read_;  // [field] read already
    std::string prefix_;
};

}  // namespace trygg
