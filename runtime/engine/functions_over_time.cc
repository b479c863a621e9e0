// The *_over_time functions: one value from all the samples of a series'
// window (never empty), through the one helper OverTime.
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "runtime/engine/functions_internal.h"
#include "runtime/engine/quantile.h"

namespace monc::runtime::functions {
namespace {

// Prometheus's aggrOverTime: the engine labels the one output element.
template <typename F>
Vector OverTime(const FunctionCall& call, size_t arg, F f) {
  return {{Labels(), call.t, f(RangeArg(call, arg))}};
}

// Welford's running mean and sum of squared deviations, both Kahan-summed
// as in Prometheus 2.42; returns the population variance.
double Variance(const std::vector<Sample>& s) {
  double count = 0, mean = 0, c_mean = 0, aux = 0, c_aux = 0;
  for (const Sample& p : s) {
    ++count;
    const double delta = p.v - (mean + c_mean);
    KahanAdd(delta / count, mean, c_mean);
    KahanAdd(delta * (p.v - (mean + c_mean)), aux, c_aux);
  }
  return (aux + c_aux) / count;
}

}  // namespace

// An incremental mean (mean += v/n - mean/n), so that large values do not
// overflow a sum; once the mean is infinite it stays so unless an opposite
// infinity or a NaN arrives (Inf - Inf would otherwise turn it into NaN).
Vector AvgOverTime(const FunctionCall& call, std::string&) {
  return OverTime(call, 0, [](const std::vector<Sample>& s) {
    double mean = 0, count = 0, c = 0;
    for (const Sample& p : s) {
      ++count;
      if (std::isinf(mean)) {
        if (std::isinf(p.v) && (mean > 0) == (p.v > 0)) continue;
        if (!std::isinf(p.v) && !std::isnan(p.v)) continue;
      }
      KahanAdd(p.v / count - mean / count, mean, c);
    }
    return std::isinf(mean) ? mean : mean + c;
  });
}

Vector SumOverTime(const FunctionCall& call, std::string&) {
  return OverTime(call, 0, [](const std::vector<Sample>& s) {
    double sum = 0, c = 0;
    for (const Sample& p : s) KahanAdd(p.v, sum, c);
    return std::isinf(sum) ? sum : sum + c;
  });
}

std::optional<double> CountOverTimeOf(const FunctionCall&, const WindowSummary& window) {
  return static_cast<double>(window.count);
}

// A NaN is replaced by any later value, and otherwise loses every
// comparison: NaN results only when all samples are NaN.
Vector MinOverTime(const FunctionCall& call, std::string&) {
  return OverTime(call, 0, [](const std::vector<Sample>& s) {
    double min = s[0].v;
    for (const Sample& p : s) {
      if (p.v < min || std::isnan(min)) min = p.v;
    }
    return min;
  });
}

Vector MaxOverTime(const FunctionCall& call, std::string&) {
  return OverTime(call, 0, [](const std::vector<Sample>& s) {
    double max = s[0].v;
    for (const Sample& p : s) {
      if (p.v > max || std::isnan(max)) max = p.v;
    }
    return max;
  });
}

Vector StddevOverTime(const FunctionCall& call, std::string&) {
  return OverTime(call, 0, [](const std::vector<Sample>& s) { return std::sqrt(Variance(s)); });
}

Vector StdvarOverTime(const FunctionCall& call, std::string&) {
  return OverTime(call, 0, Variance);
}

Vector QuantileOverTime(const FunctionCall& call, std::string&) {
  const double q = ScalarArg(call, 0);
  return OverTime(call, 1, [q](const std::vector<Sample>& s) {
    std::vector<double> values;
    values.reserve(s.size());
    for (const Sample& p : s) values.push_back(p.v);
    return Quantile(q, values);
  });
}

std::optional<double> LastOverTimeOf(const FunctionCall&, const WindowSummary& window) {
  return window.last.v;
}

std::optional<double> PresentOverTimeOf(const FunctionCall&, const WindowSummary&) {
  return 1.0;
}

// The engine turns "some step had samples" into absent_over_time's result;
// a call here only says the window was not empty.
Vector AbsentOverTime(const FunctionCall& call, std::string&) {
  return OverTime(call, 0, [](const std::vector<Sample>&) { return 1.0; });
}

}  // namespace monc::runtime::functions
