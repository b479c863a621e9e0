// Private to the functions*.cc files: the implementations that functions.cc
// lists in its one table, and the argument accessors they share. Each
// implementation follows FunctionImpl's contract (functions.h).
#ifndef MONC_RUNTIME_ENGINE_FUNCTIONS_INTERNAL_H_
#define MONC_RUNTIME_ENGINE_FUNCTIONS_INTERNAL_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/engine/functions.h"
#include "runtime/model/labels.h"
#include "runtime/model/value.h"

namespace monc::runtime::functions {

// The value of a scalar argument. Accepts the one-element vector
// Prometheus's engine passes for scalars as well.
double ScalarArg(const FunctionCall& call, size_t i);
const Vector& VectorArg(const FunctionCall& call, size_t i);
const std::string& StringArg(const FunctionCall& call, size_t i);
// The samples of the one series of a range-vector argument.
const std::vector<Sample>& RangeArg(const FunctionCall& call, size_t i);

// The labels without __name__ (Prometheus's DropMetricName).
Labels DropMetricName(const Labels& labels);

// Applies `f` to every element of the first argument, dropping __name__:
// Prometheus's simpleFunc, shared by the math and date functions.
template <typename F>
Vector MapValues(const FunctionCall& call, F f) {
  const Vector& in = VectorArg(call, 0);
  Vector out;
  out.reserve(in.size());
  for (const VectorElement& el : in) out.push_back({DropMetricName(el.labels), call.t, f(el.v)});
  return out;
}

// Go's float64 -> int64 conversion on amd64 (where Prometheus runs): NaN
// and values out of range become the minimum int64.
int64_t GoInt64(double v);

// One step of Kahan-Babuska (Neumaier) summation: adds `inc` to `sum`,
// keeping the lost low-order bits in `c`. Prometheus 2.42 sums this way in
// sum/avg/stddev/stdvar_over_time and in deriv's regression (not in the
// sum aggregation); the final value is sum + c.
inline void KahanAdd(double inc, double& sum, double& c) {
  const double t = sum + inc;
  if (std::fabs(sum) >= std::fabs(inc)) {
    c += (sum - t) + inc;
  } else {
    c += (inc - t) + sum;
  }
  sum = t;
}

// functions_range.cc
std::optional<double> RateOf(const FunctionCall& call, const WindowSummary& window);
std::optional<double> IncreaseOf(const FunctionCall& call, const WindowSummary& window);
std::optional<double> DeltaOf(const FunctionCall& call, const WindowSummary& window);
std::optional<double> ResetsOf(const FunctionCall& call, const WindowSummary& window);
Vector Irate(const FunctionCall& call, std::string& error);
Vector Idelta(const FunctionCall& call, std::string& error);
Vector Deriv(const FunctionCall& call, std::string& error);
Vector PredictLinear(const FunctionCall& call, std::string& error);
Vector HoltWinters(const FunctionCall& call, std::string& error);
Vector Changes(const FunctionCall& call, std::string& error);

// functions_over_time.cc
std::optional<double> CountOverTimeOf(const FunctionCall& call, const WindowSummary& window);
std::optional<double> LastOverTimeOf(const FunctionCall& call, const WindowSummary& window);
std::optional<double> PresentOverTimeOf(const FunctionCall& call, const WindowSummary& window);
Vector AvgOverTime(const FunctionCall& call, std::string& error);
Vector SumOverTime(const FunctionCall& call, std::string& error);
Vector MinOverTime(const FunctionCall& call, std::string& error);
Vector MaxOverTime(const FunctionCall& call, std::string& error);
Vector StddevOverTime(const FunctionCall& call, std::string& error);
Vector StdvarOverTime(const FunctionCall& call, std::string& error);
Vector QuantileOverTime(const FunctionCall& call, std::string& error);
Vector AbsentOverTime(const FunctionCall& call, std::string& error);

// functions_math.cc
Vector Abs(const FunctionCall& call, std::string& error);
Vector Ceil(const FunctionCall& call, std::string& error);
Vector Floor(const FunctionCall& call, std::string& error);
Vector Exp(const FunctionCall& call, std::string& error);
Vector Sqrt(const FunctionCall& call, std::string& error);
Vector Ln(const FunctionCall& call, std::string& error);
Vector Log2(const FunctionCall& call, std::string& error);
Vector Log10(const FunctionCall& call, std::string& error);
Vector Sgn(const FunctionCall& call, std::string& error);
Vector Round(const FunctionCall& call, std::string& error);
Vector Clamp(const FunctionCall& call, std::string& error);
Vector ClampMin(const FunctionCall& call, std::string& error);
Vector ClampMax(const FunctionCall& call, std::string& error);
Vector Sin(const FunctionCall& call, std::string& error);
Vector Cos(const FunctionCall& call, std::string& error);
Vector Tan(const FunctionCall& call, std::string& error);
Vector Asin(const FunctionCall& call, std::string& error);
Vector Acos(const FunctionCall& call, std::string& error);
Vector Atan(const FunctionCall& call, std::string& error);
Vector Sinh(const FunctionCall& call, std::string& error);
Vector Cosh(const FunctionCall& call, std::string& error);
Vector Tanh(const FunctionCall& call, std::string& error);
Vector Asinh(const FunctionCall& call, std::string& error);
Vector Acosh(const FunctionCall& call, std::string& error);
Vector Atanh(const FunctionCall& call, std::string& error);
Vector Deg(const FunctionCall& call, std::string& error);
Vector Rad(const FunctionCall& call, std::string& error);
Vector Pi(const FunctionCall& call, std::string& error);

// functions_time.cc
Vector Time(const FunctionCall& call, std::string& error);
Vector Timestamp(const FunctionCall& call, std::string& error);
Vector DayOfMonth(const FunctionCall& call, std::string& error);
Vector DayOfWeek(const FunctionCall& call, std::string& error);
Vector DayOfYear(const FunctionCall& call, std::string& error);
Vector DaysInMonth(const FunctionCall& call, std::string& error);
Vector Hour(const FunctionCall& call, std::string& error);
Vector Minute(const FunctionCall& call, std::string& error);
Vector Month(const FunctionCall& call, std::string& error);
Vector Year(const FunctionCall& call, std::string& error);

// functions_labels.cc
Vector LabelReplace(const FunctionCall& call, std::string& error);
Vector LabelJoin(const FunctionCall& call, std::string& error);

// functions_histogram.cc
Vector HistogramQuantile(const FunctionCall& call, std::string& error);
Vector HistogramCount(const FunctionCall& call, std::string& error);
Vector HistogramSum(const FunctionCall& call, std::string& error);
Vector HistogramFraction(const FunctionCall& call, std::string& error);

// functions_misc.cc
Vector Absent(const FunctionCall& call, std::string& error);
Vector ScalarFunc(const FunctionCall& call, std::string& error);
Vector VectorFunc(const FunctionCall& call, std::string& error);
Vector Sort(const FunctionCall& call, std::string& error);
Vector SortDesc(const FunctionCall& call, std::string& error);

}  // namespace monc::runtime::functions

#endif  // MONC_RUNTIME_ENGINE_FUNCTIONS_INTERNAL_H_
