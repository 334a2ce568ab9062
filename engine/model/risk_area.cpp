#include "model/risk_area.hpp"

#include <algorithm>

namespace trygg {

double influence_score(const RiskAreaParams& p, const RiskComponents& c) {
    double sum = 0.0, weights = 0.0;
    for (std::size_t k = 0; k < c.size(); ++k) {
        if (p.weight[k] <= 0.0) continue;
        sum += p.weight[k] * std::min(c[k] / p.reference[k], p.cap);
        weights += p.weight[k];
    }
    return weights > 0.0 ? sum / weights : 0.0;
}

RiskTrend trend_of(const double* scores, int quarters, double step) {
    if (quarters < 2) return RiskTrend::Unchanged;
    const double mean_q = (quarters - 1) / 2.0;
    double mean_s = 0.0;
    for (int q = 0; q < quarters; ++q) mean_s += scores[q] / quarters;
    double sxy = 0.0, sxx = 0.0;
    for (int q = 0; q < quarters; ++q) {
        sxy += (q - mean_q) * (scores[q] - mean_s);
        sxx += (q - mean_q) * (q - mean_q);
    }
    const double slope = sxy / sxx;
    if (slope < -step) return RiskTrend::Improving;
    if (slope > step) return RiskTrend::Worsening;
    return RiskTrend::Unchanged;
}

RiskClass classify(const RiskAreaParams& p, double ses_index, double score) {
    if (ses_index > p.ses_cutoff) return RiskClass::None;
    if (score >= p.sarskilt_utsatt) return RiskClass::SarskiltUtsatt;
    if (score >= p.risk) return RiskClass::Risk;
    if (score >= p.utsatt) return RiskClass::Utsatt;
    return RiskClass::None;
}

}  // namespace trygg
