#pragma once
// The Knox test of space–time clustering (Knox 1964, Applied Statistics 13(3), 129–136), as the
// near-repeat literature uses it (Johnson et al. 2007, J. Quant. Criminol. 23(3), 201–219):
// of all pairs of events, how many lie close in space AND in time, against how many would
// if the events' times were shuffled among them. A ratio above 1 means events near one
// another in space follow one another in time more often than chance: the near repeat.
#include <span>

namespace trygg {

struct KnoxEvent {
    double x_m = 0.0;  // easting [m]
    double y_m = 0.0;  // northing [m]
    double day = 0.0;  // days since the start of the run
};

// A pair is in the band when lo < distance ≤ hi and lo < lag ≤ hi; a band that starts at 0
// also holds distance 0 (the same place) and lag 0 (the same day).
struct KnoxBand {
    double distance_lo_m = 0.0, distance_hi_m = 100.0;
    double days_lo = 0.0, days_hi = 7.0;
};

struct KnoxCounts {
    double pairs = 0.0;     // n(n − 1)/2
    double near = 0.0;      // pairs within the distance band
    double soon = 0.0;      // pairs within the time band
    double observed = 0.0;  // pairs within both
    // Expected pairs within both when times are shuffled among the events: near · soon / pairs.
    // This is the exact mean of the Monte Carlo permutation test's null distribution (each
    // pair then gets the lag of a uniformly drawn pair), so no permutations are needed for it.
    double expected() const { return pairs > 0.0 ? near * soon / pairs : 0.0; }
    double ratio() const { return expected() > 0.0 ? observed / expected() : 0.0; }
};

KnoxCounts knox_counts(std::span<const KnoxEvent> events, const KnoxBand& band);

}  // namespace trygg
