#include "core/text.hpp"

#include <algorithm>
#include <numeric>

namespace trygg {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Two rows of the classic dynamic programme: O(|a|*|b|) time, O(|b|) memory. Names and
    // keys are short, so nothing cleverer is needed.
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    std::iota(previous.begin(), previous.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::optional<std::string> closest_name(std::string_view wanted, const std::vector<std::string>& candidates) {
    const std::size_t limit = std::max<std::size_t>(2, wanted.size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const std::string& candidate : candidates) {
        const std::size_t d = edit_distance(wanted, candidate);
        // Replacing every character is not a typo, however short the names are.
        const bool shares_something = d < std::max(wanted.size(), candidate.size());
        if (d > limit || !shares_something) continue;
        if (!best || d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates) {
    const std::optional<std::string> name = closest_name(wanted, candidates);
    return name ? " (did you mean '" + *name + "'?)" : std::string();
}

std::string pad_right(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool starts_char = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
        if (starts_char && chars == width) break;
        if (starts_char) ++chars;
        out += s[i];
    }
    return out + std::string(width - chars, ' ');
}

}  // namespace trygg
