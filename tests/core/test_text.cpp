#include "core/text.hpp"

#include <gtest/gtest.h>

namespace trygg {
namespace {

TEST(EditDistance, ClassicExamples) {
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(edit_distance("sitting", "kitten"), 3u);  // symmetric
    EXPECT_EQ(edit_distance("flaw", "lawn"), 2u);
    EXPECT_EQ(edit_distance("same", "same"), 0u);
}

TEST(EditDistance, EmptyStrings) {
    EXPECT_EQ(edit_distance("", ""), 0u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
    EXPECT_EQ(edit_distance("abcd", ""), 4u);
}

TEST(EditDistance, CountsBytesOfUtf8) {
    // "ö" is two bytes: replacing it by "o" is two edits (one substitution, one deletion).
    EXPECT_EQ(edit_distance("Malmö", "Malmo"), 2u);
}

TEST(ClosestName, PicksTheNearestCandidate) {
    const std::vector<std::string> keys = {"seed", "collective_efficacy", "cell_size_m"};
    EXPECT_EQ(closest_name("colective_efficacy", keys), "collective_efficacy");
    EXPECT_EQ(closest_name("cell_size", keys), "cell_size_m");
    EXPECT_EQ(closest_name("sed", keys), "seed");
}

TEST(ClosestName, TiesGoToTheEarliestCandidate) {
    EXPECT_EQ(closest_name("bat", {"cat", "hat"}), "cat");
}

TEST(ClosestName, NothingWhenNoCandidateIsNear) {
    EXPECT_EQ(closest_name("population", {"seed", "weeks"}), std::nullopt);
    EXPECT_EQ(closest_name("anything", {}), std::nullopt);
    EXPECT_EQ(closest_name("", {}), std::nullopt);
}

TEST(ClosestName, ThresholdGrowsWithLength) {
    // Short names: at most 2 edits.
    EXPECT_EQ(closest_name("abcd", {"abxy"}), "abxy");
    EXPECT_EQ(closest_name("abcd", {"axyz"}), std::nullopt);
    // 12 characters allow 4 edits (12 / 3), but not 5.
    EXPECT_EQ(closest_name("abcdefghijkl", {"abcdefghWXYZ"}), "abcdefghWXYZ");
    EXPECT_EQ(closest_name("abcdefghijkl", {"abcdefgVWXYZ"}), std::nullopt);
}

TEST(ClosestName, TotalReplacementIsNoSuggestion) {
    EXPECT_EQ(closest_name("ab", {"cd"}), std::nullopt);
    EXPECT_EQ(closest_name("", {"ab"}), std::nullopt);
}

TEST(DidYouMean, FormatsTheSuggestionOrNothing) {
    EXPECT_EQ(did_you_mean("Sodermalm", {"Södermalm", "Kungsholmen"}), " (did you mean 'Södermalm'?)");
    EXPECT_EQ(did_you_mean("xyzzy", {"Södermalm", "Kungsholmen"}), "");
}

}  // namespace
}  // namespace trygg
