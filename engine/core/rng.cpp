#include "core/rng.hpp"

#include "core/error.hpp"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace trygg {
namespace {

// Philox4x32-10 (Salmon et al. 2011) for eight counters at once that differ only in word 1
// (the entity), in AVX2 registers: each round's two 32 × 32 → 64-bit products per counter are
// two vpmuludq over the even and the odd lanes. The rounds, constants and key schedule are
// Random123's philox4x32 (Random123/philox.h); CounterRngBatch.MatchesOneCallAtATime holds
// the results equal to CounterRng::words. Without AVX2, words() is called per entity.
constexpr std::uint32_t kM0 = 0xD2511F53u;
constexpr std::uint32_t kM1 = 0xCD9E8D57u;
constexpr std::uint32_t kW0 = 0x9E3779B9u;
constexpr std::uint32_t kW1 = 0xBB67AE85u;
constexpr int kRounds = 10;

#if defined(__x86_64__)
// hi and lo halves of m × x in each 32-bit lane (m holds the multiplier in every lane).
__attribute__((target("avx2"))) inline void mulhilo(__m256i m, __m256i x, __m256i& hi, __m256i& lo) {
    const __m256i even = _mm256_mul_epu32(x, m);                        // lanes 0, 2, 4, 6: 64-bit products
    const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(x, 32), m);  // lanes 1, 3, 5, 7
    lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xaa);
    hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xaa);
}

// Four groups of eight counters go through the rounds together: one group's rounds are a
// chain of dependent multiplies, and four chains keep the multiplier busy.
__attribute__((target("avx2"))) void philox_avx2(std::uint32_t c0, std::uint32_t first, std::uint32_t c2,
                                                 std::uint32_t c3, std::uint32_t k0, std::uint32_t k1, WordBatch& out) {
    constexpr std::size_t kGroups = 4;
    const __m256i m0 = _mm256_set1_epi32(static_cast<int>(kM0));
    const __m256i m1 = _mm256_set1_epi32(static_cast<int>(kM1));
    const __m256i step = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    for (std::size_t g0 = 0; g0 < WordBatch::kSize; g0 += 8 * kGroups) {
        __m256i x0[kGroups], x1[kGroups], x2[kGroups], x3[kGroups];
        for (std::size_t q = 0; q < kGroups; ++q) {
            const auto entity = first + static_cast<std::uint32_t>(g0 + 8 * q);
            x0[q] = _mm256_set1_epi32(static_cast<int>(c0));
            x1[q] = _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(entity)), step);
            x2[q] = _mm256_set1_epi32(static_cast<int>(c2));
            x3[q] = _mm256_set1_epi32(static_cast<int>(c3));
        }
        std::uint32_t key0 = k0;
        std::uint32_t key1 = k1;
        for (int r = 0; r < kRounds; ++r) {
            const __m256i key0v = _mm256_set1_epi32(static_cast<int>(key0));
            const __m256i key1v = _mm256_set1_epi32(static_cast<int>(key1));
            for (std::size_t q = 0; q < kGroups; ++q) {
                __m256i hi0, lo0, hi1, lo1;
                mulhilo(m0, x0[q], hi0, lo0);
                mulhilo(m1, x2[q], hi1, lo1);
                x0[q] = _mm256_xor_si256(_mm256_xor_si256(hi1, x1[q]), key0v);
                x1[q] = lo1;
                x2[q] = _mm256_xor_si256(_mm256_xor_si256(hi0, x3[q]), key1v);
                x3[q] = lo0;
            }
            key0 += kW0;
            key1 += kW1;
        }
        for (std::size_t q = 0; q < kGroups; ++q) {
            const std::size_t g = g0 + 8 * q;
            _mm256_store_si256(reinterpret_cast<__m256i*>(out.word[0].data() + g), x0[q]);
            _mm256_store_si256(reinterpret_cast<__m256i*>(out.word[1].data() + g), x1[q]);
            _mm256_store_si256(reinterpret_cast<__m256i*>(out.word[2].data() + g), x2[q]);
            _mm256_store_si256(reinterpret_cast<__m256i*>(out.word[3].data() + g), x3[q]);
        }
    }
}

bool has_avx2() {
    static const bool yes = __builtin_cpu_supports("avx2");
    return yes;
}
#endif

}  // namespace

void CounterRng::words_for_entities(Stream stream, std::uint32_t first, std::size_t n, std::uint32_t time,
                                    std::uint16_t lane, WordBatch& out) const {
    if (n > WordBatch::kSize) throw LogicError("words_for_entities: a batch holds at most 64 entities");
#if defined(__x86_64__)
    if (has_avx2()) {
        // The whole batch is computed: a few entities past n cost less than a ragged loop.
        philox_avx2(first_word(stream, lane), first, time, replicate_ >> 16, key_[0], key_[1], out);
        return;
    }
#endif
    for (std::size_t j = 0; j < n; ++j) {
        const auto w = words(stream, first + static_cast<std::uint32_t>(j), time, lane);
        for (std::size_t k = 0; k < 4; ++k) out.word[k][j] = w[k];
    }
}

}  // namespace trygg
