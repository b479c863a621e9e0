// The functions of a range vector that look at how a series moves: rate,
// increase, delta and their instant forms, deriv, predict_linear,
// holt_winters, changes and resets. Each gets the samples of one series'
// window (never empty) and returns at most one element; the engine labels it.
// rate, increase, delta and resets need only the window's summary
// (WindowSummary) and are written over it (SummaryImpl, functions.h).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/promql/go_strconv.h"
#include "runtime/engine/functions_internal.h"

namespace monc::runtime::functions {
namespace {

Vector One(const FunctionCall& call, double v) { return {{Labels(), call.t, v}}; }

// Go's time.Duration.Seconds() of a millisecond duration: whole seconds plus
// the nanosecond rest, which can round differently from ms / 1000.
double GoSeconds(int64_t ms) {
  const int64_t ns = ms * 1'000'000;
  return static_cast<double>(ns / 1'000'000'000) + static_cast<double>(ns % 1'000'000'000) / 1e9;
}

// Prometheus's extrapolatedRate: the increase between the first and last
// sample (plus the values lost at counter resets), extrapolated towards the
// window's edges when the samples come close enough to them to suggest the
// series covers the whole window.
std::optional<double> ExtrapolatedRate(const FunctionCall& call, const WindowSummary& w,
                                       bool is_counter, bool is_rate) {
  if (w.count < 2) return std::nullopt;
  const Sample& first = w.first;
  const Sample& last = w.last;
  double result = last.v - first.v;
  if (is_counter) {
    for (double lost : w.resets) result += lost;
  }
  double to_start = static_cast<double>(first.t - call.range_start) / 1000;
  const double to_end = static_cast<double>(call.range_end - last.t) / 1000;
  const double sampled = static_cast<double>(last.t - first.t) / 1000;
  const double average = sampled / static_cast<double>(w.count - 1);
  if (is_counter && result > 0 && first.v >= 0) {
    // A counter starts at zero: never extrapolate below it.
    const double to_zero = sampled * (first.v / result);
    if (to_zero < to_start) to_start = to_zero;
  }
  // A gap of more than 1.1 average intervals to an edge means the series
  // starts or ends inside the window: extrapolate half an interval only.
  const double threshold = average * 1.1;
  double interval = sampled;
  interval += to_start < threshold ? to_start : average / 2;
  interval += to_end < threshold ? to_end : average / 2;
  double factor = interval / sampled;
  if (is_rate) factor /= GoSeconds(call.range_end - call.range_start);
  return result * factor;
}

// irate and idelta: the last two samples only.
Vector InstantValue(const FunctionCall& call, bool is_rate) {
  const std::vector<Sample>& s = RangeArg(call, 0);
  if (s.size() < 2) return {};
  const Sample& last = s[s.size() - 1];
  const Sample& previous = s[s.size() - 2];
  double result = is_rate && last.v < previous.v ? last.v : last.v - previous.v;
  const int64_t interval = last.t - previous.t;
  if (interval == 0) return {};
  if (is_rate) result /= static_cast<double>(interval) / 1000;
  return One(call, result);
}

struct Regression {
  double slope = 0;
  double intercept = 0;
};

// Least squares over (seconds since intercept_t, value), with Kahan sums;
// x is taken relative to intercept_t to keep the sums small (Prometheus
// issue 2674). A constant series has slope 0 (NaN when it is infinite).
Regression LinearRegression(const std::vector<Sample>& s, int64_t intercept_t) {
  double n = 0, sum_x = 0, c_x = 0, sum_y = 0, c_y = 0, sum_xy = 0, c_xy = 0, sum_x2 = 0, c_x2 = 0;
  const double init_y = s[0].v;
  bool const_y = true;
  for (size_t i = 0; i < s.size(); ++i) {
    if (const_y && i > 0 && s[i].v != init_y) const_y = false;
    n += 1.0;
    const double x = static_cast<double>(s[i].t - intercept_t) / 1e3;
    KahanAdd(x, sum_x, c_x);
    KahanAdd(s[i].v, sum_y, c_y);
    KahanAdd(x * s[i].v, sum_xy, c_xy);
    KahanAdd(x * x, sum_x2, c_x2);
  }
  if (const_y) {
    if (std::isinf(init_y)) return {std::nan(""), std::nan("")};
    return {0, init_y};
  }
  sum_x += c_x;
  sum_y += c_y;
  sum_xy += c_xy;
  sum_x2 += c_x2;
  const double cov_xy = sum_xy - sum_x * sum_y / n;
  const double var_x = sum_x2 - sum_x * sum_x / n;
  const double slope = cov_xy / var_x;
  return {slope, sum_y / n - slope * sum_x / n};
}

// Checks a holt_winters factor the way Prometheus words it (NaN passes).
bool ValidFactor(double f, std::string_view name, std::string_view symbol, std::string& error) {
  if (!(f <= 0 || f >= 1)) return true;
  error = "invalid " + std::string(name) + " factor. Expected: 0 < " + std::string(symbol) +
          " < 1, got: " + promql::go::FormatFixed(f, 6);
  return false;
}

}  // namespace

std::optional<double> RateOf(const FunctionCall& call, const WindowSummary& window) {
  return ExtrapolatedRate(call, window, true, true);
}

std::optional<double> IncreaseOf(const FunctionCall& call, const WindowSummary& window) {
  return ExtrapolatedRate(call, window, true, false);
}

std::optional<double> DeltaOf(const FunctionCall& call, const WindowSummary& window) {
  return ExtrapolatedRate(call, window, false, false);
}

Vector Irate(const FunctionCall& call, std::string&) { return InstantValue(call, true); }

Vector Idelta(const FunctionCall& call, std::string&) { return InstantValue(call, false); }

Vector Deriv(const FunctionCall& call, std::string&) {
  const std::vector<Sample>& s = RangeArg(call, 0);
  if (s.size() < 2) return {};
  return One(call, LinearRegression(s, s[0].t).slope);
}

Vector PredictLinear(const FunctionCall& call, std::string&) {
  const std::vector<Sample>& s = RangeArg(call, 0);
  const double duration = ScalarArg(call, 1);
  if (s.size() < 2) return {};
  const Regression r = LinearRegression(s, call.t);
  return One(call, r.slope * duration + r.intercept);
}

// Double exponential smoothing: s is the smoothed value, b the trend.
Vector HoltWinters(const FunctionCall& call, std::string& error) {
  const std::vector<Sample>& s = RangeArg(call, 0);
  const double sf = ScalarArg(call, 1);
  const double tf = ScalarArg(call, 2);
  if (!ValidFactor(sf, "smoothing", "sf", error) || !ValidFactor(tf, "trend", "tf", error)) {
    return {};
  }
  if (s.size() < 2) return {};
  double s0 = 0, s1 = s[0].v, b = s[1].v - s[0].v;
  for (size_t i = 1; i < s.size(); ++i) {
    const double x = sf * s[i].v;
    if (i > 1) b = tf * (s1 - s0) + (1 - tf) * b;
    const double y = (1 - sf) * (s1 + b);
    s0 = s1;
    s1 = x + y;
  }
  return One(call, s1);
}

Vector Changes(const FunctionCall& call, std::string&) {
  const std::vector<Sample>& s = RangeArg(call, 0);
  int changes = 0;
  for (size_t i = 1; i < s.size(); ++i) {
    const double prev = s[i - 1].v, cur = s[i].v;
    if (cur != prev && !(std::isnan(cur) && std::isnan(prev))) ++changes;
  }
  return One(call, changes);
}

std::optional<double> ResetsOf(const FunctionCall&, const WindowSummary& window) {
  return static_cast<double>(window.resets.size());
}

}  // namespace monc::runtime::functions
