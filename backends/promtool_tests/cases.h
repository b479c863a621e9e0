// The promtool test cases that pin each SLO alert tier to its threshold.
//
// steady  For every tier: the error ratio is steady from the start at the
//         tier's lowest factor x (1 + kMargin) x error budget and the alert
//         fires once that pair's long window is full; at (1 - kMargin) it is
//         silent at the same time (every pair's factor is at least that low
//         one, so none can fire).
// burst   For each faster pair of a tier (the 1h/5m pair at 14.4 of the page
//         tier): a clean stretch, then a burn at its factor x (1 +- kMargin)
//         for its long window plus the base window; evaluated then, its own
//         windows hold only the burn. It fires above and is silent below,
//         provided the tier's slower pairs stay well below their factors on
//         that burst: a slower factor's long window must be longer and see
//         the burn diluted by 10% or more (the clean stretch fills it);
//         else the pair has no burst case (the ticket tier's 1d pair).
//
// The series are what the SLI selects (series.h): a numerator series (bad
// events, or good ones) and a total series the numerator does not select,
// at kEventsPerMinute events a minute together, split for the error ratio.
// Rules run every `evaluation_ms` (the file's evaluation_interval); every
// time here is a multiple of it.
#ifndef MONC_BACKENDS_PROMTOOL_TESTS_CASES_H_
#define MONC_BACKENDS_PROMTOOL_TESTS_CASES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/analysis/slo_plan.h"
#include "compiler/promql/ast.h"

namespace monc::promtool_tests {

inline constexpr double kMargin = 0.01;         // "just above", "just below": 1%
inline constexpr double kEventsPerMinute = 1000;
inline constexpr int64_t kScrapeMs = 60 * 1000;  // the series' interval

// The two series of an SLO's cases, and the selectors they answer to.
struct SloSeries {
  model::LabelSet numerator;  // selected by the numerator selector
  model::LabelSet total;      // selected by the total one, not the numerator
  bool numerator_in_total = false;  // also counted as an event of the total
  bool good = false;                // the numerator counts good events
  std::vector<promql::VectorSelector> selectors;
};

// Nullopt for an SLI written as expressions, or whose selectors monc finds
// no series for (series.h).
std::optional<SloSeries> SeriesOf(const slo::Plan& plan);

struct InputSeries {
  std::string series;  // promtool notation
  std::string values;  // expanding notation: 0+10x60 600+20x59
};

struct Case {
  const slo::Plan* plan = nullptr;
  const slo::Tier* tier = nullptr;
  const slo::WindowPair* pair = nullptr;
  bool burst = false;
  bool fires = false;
  double burn = 0;       // the burn rate fed
  int64_t start_ms = 0;  // when the burn starts; clean before
  int64_t eval_ms = 0;
  SloSeries sli;
  std::vector<InputSeries> series;  // sli's two series
};

// The cases of every tier of `plan`; none when its windows are not
// multiples of `evaluation_ms` or SeriesOf finds no series.
std::vector<Case> CasesOf(const slo::Plan& plan, int64_t evaluation_ms);

}  // namespace monc::promtool_tests

#endif  // MONC_BACKENDS_PROMTOOL_TESTS_CASES_H_
