#pragma once
// Counter-based random numbers (Random123 Philox4x32-10, Salmon et al. 2011).
// Every draw is a pure function of (seed, replicate, stream, entity, time, lane), so a result
// does not depend on which thread computes it or in which order: the basis of trygg's
// "same seed, same bytes, at any thread count". Replicate r uses the same streams in every
// scenario (common random numbers).
#include <Random123/philox.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace trygg {

// One stream per mechanism, so adding draws to one mechanism never shifts another's.
enum class Stream : std::uint16_t {
    Synthesis = 1,     // population synthesis (entity = person or household)
    Placement = 2,     // home cells (entity = household)
    Anchors = 3,       // work and school places (entity = person)
    DayPlan = 4,       // daily activity plan (entity = person, time = day)
    Offending = 5,     // offence draws (entity = person, time = hour)
    Crime = 6,         // offence details (entity = person, time = hour)
    LatticeMove = 7,   // Short et al. 2008: burglars' choices (entity = row block, time = step)
    LatticeSpawn = 8,  // Short et al. 2008: new burglars (entity = row, time = step)
    Network = 9,       // peer ties (entity = person, time = school year)
    LifeCourse = 10,   // birthdays' roles, deaths, moves, arrivals (entity = person, time = week)
    Youth = 11,        // substance use, recruitment, measures' selection (entity = person, time = week)
    Safety = 12,       // residents' dispositions (entity = person, time = arrival), victims (entity = crime)
    Incidents = 13,    // disorder and fires: whether, which, who learns of it (entity = person, time = hour)
};

struct RngKey {
    std::uint64_t seed = 0;
    std::uint32_t replicate = 0;
};

// Philox words of a run of entities: word k of entity first + j is word[k][j].
struct WordBatch {
    static constexpr std::size_t kSize = 64;
    alignas(64) std::array<std::array<std::uint32_t, kSize>, 4> word;
    std::array<std::uint32_t, 4> of(std::size_t j) const { return {word[0][j], word[1][j], word[2][j], word[3][j]}; }
};

// Four independent 32-bit words for (key, stream, entity, time, lane).
class CounterRng {
public:
    using Philox = r123::Philox4x32;

    explicit CounterRng(RngKey key)
        : key_{{static_cast<std::uint32_t>(key.seed), static_cast<std::uint32_t>(key.seed >> 32)}},
          replicate_(key.replicate) {}

    std::array<std::uint32_t, 4> words(Stream stream, std::uint32_t entity, std::uint32_t time,
                                       std::uint16_t lane = 0) const {
        // The replicate shares a word with the stream and lane: replicates < 2^16 and 256
        // lanes per (stream, entity, time) are plenty and keep the 128-bit counter unique.
        const Philox::ctr_type ctr{{first_word(stream, lane), entity, time, replicate_ >> 16}};
        const auto r = Philox{}(ctr, key_);
        return {r[0], r[1], r[2], r[3]};
    }

    const Philox::key_type& key() const { return key_; }

    // words() for entities first, first + 1, …, first + n − 1 (n ≤ WordBatch::kSize) of one
    // (stream, time, lane): the same numbers, the rounds run for eight entities at once in
    // AVX2 registers where the machine has them (the day planner draws for every person
    // every day; one call at a time, Philox was about a sixth of its time).
    void words_for_entities(Stream stream, std::uint32_t first, std::size_t n, std::uint32_t time, std::uint16_t lane,
                            WordBatch& out) const;

private:
    std::uint32_t first_word(Stream stream, std::uint16_t lane) const {
        return (static_cast<std::uint32_t>(stream) << 24) | (static_cast<std::uint32_t>(lane & 0xffu) << 16) |
               (replicate_ & 0xffffu);
    }

    Philox::key_type key_;
    std::uint32_t replicate_;
};

// Uniform in [0, 1) from 32 random bits (exactly representable, never 1).
inline double to_unit(std::uint32_t bits) {
    return static_cast<double>(bits) * 0x1p-32;
}
// Uniform in [0, 1) from 16 random bits: enough to pick from a table of a few dozen entries.
inline float to_unit16(std::uint32_t bits16) {
    return static_cast<float>(bits16 & 0xffffu) * 0x1p-16f;
}

// 32-bit words for one (stream, row, time), in order, without limit: the entity carries the
// row and the high bits of a call counter, the lane its low bits. For kernels that consume a
// data-dependent number of draws along a row (burglars on a lattice). Rows < 2^20.
class RowWords {
public:
    RowWords(const CounterRng& rng, Stream stream, std::uint32_t row, std::uint32_t time)
        : rng_(rng), stream_(stream), row_(row), time_(time) {}
    std::uint32_t next() {
        if (used_ == 4) {
            words_ = rng_.words(stream_, (row_ << 12) | (call_ >> 8), time_, static_cast<std::uint16_t>(call_ & 0xffu));
            ++call_;
            used_ = 0;
        }
        return words_[used_++];
    }

private:
    const CounterRng& rng_;
    Stream stream_;
    std::uint32_t row_;
    std::uint32_t time_;
    std::uint32_t call_ = 0;
    std::array<std::uint32_t, 4> words_{};
    int used_ = 4;
};

// A sequence of uniforms for one (stream, entity), four per Philox call, for set-up code
// that needs a variable number of draws (population synthesis). The hour loop uses
// CounterRng::words directly.
class DrawSequence {
public:
    DrawSequence(const CounterRng& rng, Stream stream, std::uint32_t entity)
        : rng_(rng), stream_(stream), entity_(entity) {}
    // A sequence of its own for a later event of the same entity: lane `lane`, counters
    // from `first` (callers leave room between events).
    DrawSequence(const CounterRng& rng, Stream stream, std::uint32_t entity, std::uint16_t lane, std::uint32_t first)
        : rng_(rng), stream_(stream), entity_(entity), lane_(lane), counter_(first) {}
    double uniform() {
        if (used_ == 4) {
            words_ = rng_.words(stream_, entity_, counter_++, lane_);
            used_ = 0;
        }
        return to_unit(words_[used_++]);
    }
    double normal() {  // Box–Muller; 1 - u keeps the logarithm finite
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
    }

private:
    const CounterRng& rng_;
    Stream stream_;
    std::uint32_t entity_;
    std::uint16_t lane_ = 0;
    std::uint32_t counter_ = 0;
    std::array<std::uint32_t, 4> words_{};
    int used_ = 4;
};

}  // namespace trygg
