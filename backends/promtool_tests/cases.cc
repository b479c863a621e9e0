#include "backends/promtool_tests/cases.h"

#include <algorithm>

#include "backends/promtool_tests/series.h"
#include "compiler/analysis/slo_sli.h"

namespace monc::promtool_tests {
namespace {

// How far below its own factor a slower pair's long window must stay for a
// burst case to show the faster pair alone. The arithmetic is exact, but a
// case the slower pair misses by a hair shows nothing: the workbook's
// ticket pairs spend the same 10% of the budget (3 over 1d, 1 over 3d), so
// a day at 3 puts three days at 1 and the 1d pair has no case of its own.
constexpr double kIsolation = 0.1;

// Twelve digits: the series' error ratio stays within 1e-12 of the case's,
// and 6.06 does not print as 6.0600000000000005.
std::string Number(double v) { return slo::FormatNumber(v, 12); }

// Increments a minute of the numerator and the total series that give the
// error ratio `ratio` over kEventsPerMinute events.
std::pair<double, double> PerMinute(const SloSeries& s, double ratio) {
  double numerator = (s.good ? 1 - ratio : ratio) * kEventsPerMinute;
  double total = s.numerator_in_total ? kEventsPerMinute - numerator : kEventsPerMinute;
  return {numerator, total};
}

// A counter growing by `before` a minute until `start_ms`, then by `after`
// until `end_ms`.
std::string Values(double before, double after, int64_t start_ms, int64_t end_ms) {
  int64_t clean = start_ms / kScrapeMs, burning = (end_ms - start_ms) / kScrapeMs;
  if (clean == 0) return "0+" + Number(after) + "x" + std::to_string(burning);
  return "0+" + Number(before) + "x" + std::to_string(clean) + " " +
         Number(before * static_cast<double>(clean) + after) + "+" + Number(after) + "x" +
         std::to_string(burning - 1);
}

std::optional<Case> Make(const slo::Plan& plan, const SloSeries& s, const slo::Tier& tier,
                         const slo::WindowPair& pair, bool burst, bool fires, int64_t start_ms,
                         int64_t eval_ms) {
  Case c{&plan, &tier, &pair, burst, fires, pair.factor * (fires ? 1 + kMargin : 1 - kMargin),
         start_ms, eval_ms, s, {}};
  double ratio = c.burn * plan.budget.Ratio();
  if (ratio >= 1) return std::nullopt;  // more errors than events: nothing to feed
  auto [numerator_before, total_before] = PerMinute(s, 0);
  auto [numerator_after, total_after] = PerMinute(s, ratio);
  c.series = {{SeriesText(s.numerator), Values(numerator_before, numerator_after, start_ms, eval_ms)},
              {SeriesText(s.total), Values(total_before, total_after, start_ms, eval_ms)}};
  return c;
}

// When a burst at `pair`'s factor must start for the tier's slower pairs to
// stay silent when it is judged, `pair.long + base` later; nullopt when one
// of them would fire anyway. Such a pair's long window [t - L, t] holds at
// most (long + base) / evaluation samples of the burn among L / evaluation + 1,
// all clean or burning in full once it starts at `base` or later.
std::optional<int64_t> BurstStart(const slo::Plan& plan, const slo::Tier& tier,
                                  const slo::WindowPair& pair, int64_t evaluation_ms) {
  const double burn = pair.factor * (1 - kMargin);
  const double burning = static_cast<double>(pair.long_window.millis + plan.BaseMs());
  int64_t start = 0;
  for (const slo::WindowPair& other : tier.pairs) {
    if (&other == &pair || other.factor >= burn) continue;
    int64_t other_long = other.long_window.millis;
    if (other_long <= pair.long_window.millis) return std::nullopt;
    double diluted = burn * burning / static_cast<double>(other_long + evaluation_ms);
    if (diluted >= other.factor * (1 - kIsolation)) return std::nullopt;
    start = std::max(start, other_long - pair.long_window.millis);
  }
  return start;
}

}  // namespace

std::optional<SloSeries> SeriesOf(const slo::Plan& plan) {
  std::optional<slo::SliSelectors> selectors = slo::SelectorsOf(plan);
  if (!selectors) return std::nullopt;
  std::optional<promql::VectorSelector> numerator = ParseSelector(selectors->numerator);
  std::optional<promql::VectorSelector> total = ParseSelector(selectors->total);
  if (!numerator || !total) return std::nullopt;
  std::optional<model::LabelSet> x = Selected(*numerator);
  std::optional<model::LabelSet> y = SelectedNotBy(*total, *numerator);
  if (!x || !y) return std::nullopt;
  return SloSeries{*x, *y, Selects(*total, *x), selectors->numerator_is_good, {*numerator, *total}};
}

std::vector<Case> CasesOf(const slo::Plan& plan, int64_t evaluation_ms) {
  std::vector<Case> out;
  if (evaluation_ms % kScrapeMs != 0) return out;
  for (int64_t w : plan.windows_ms) {
    if (w % evaluation_ms != 0) return out;
  }
  std::optional<SloSeries> series = SeriesOf(plan);
  if (!series) return out;
  auto add = [&](std::optional<Case> c) {
    if (c) out.push_back(std::move(*c));
  };
  for (const slo::Tier& tier : plan.tiers) {
    // The lowest factor, and of those the longest window, fires last.
    const slo::WindowPair& lowest = *std::min_element(
        tier.pairs.begin(), tier.pairs.end(), [](const slo::WindowPair& a, const slo::WindowPair& b) {
          return a.factor != b.factor ? a.factor < b.factor
                                      : a.long_window.millis > b.long_window.millis;
        });
    for (bool fires : {true, false}) {
      add(Make(plan, *series, tier, lowest, false, fires, 0, lowest.long_window.millis));
    }
    for (const slo::WindowPair& pair : tier.pairs) {
      if (pair.factor == lowest.factor) continue;
      std::optional<int64_t> start = BurstStart(plan, tier, pair, evaluation_ms);
      if (!start) continue;
      int64_t eval = *start + pair.long_window.millis + plan.BaseMs();
      for (bool fires : {true, false}) {
        add(Make(plan, *series, tier, pair, true, fires, *start, eval));
      }
    }
  }
  return out;
}

}  // namespace monc::promtool_tests
