// The one table from function names to implementations (Prometheus's
// FunctionCalls), and the argument accessors the implementations share.
#include "runtime/engine/functions.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <utility>

#include "runtime/engine/functions_internal.h"

namespace monc::runtime {
namespace {

using namespace functions;  // NOLINT: the table names every implementation

struct Row {
  std::string_view name;
  FunctionImpl impl;
  SummaryImpl summary = nullptr;
};

// A function computed from its window's summary, over the samples the
// engine passes.
template <SummaryImpl F>
Vector FromSummary(const FunctionCall& call, std::string&) {
  WindowSummary window;
  for (const Sample& s : RangeArg(call, 0)) window.Add(s);
  const std::optional<double> v = F(call, window);
  if (!v) return {};
  return {{Labels(), call.t, *v}};
}

// Sorted by name, as functions.def.
constexpr Row kImpls[] = {
    {"abs", Abs},
    {"absent", Absent},
    {"absent_over_time", AbsentOverTime},
    {"acos", Acos},
    {"acosh", Acosh},
    {"asin", Asin},
    {"asinh", Asinh},
    {"atan", Atan},
    {"atanh", Atanh},
    {"avg_over_time", AvgOverTime},
    {"ceil", Ceil},
    {"changes", Changes},
    {"clamp", Clamp},
    {"clamp_max", ClampMax},
    {"clamp_min", ClampMin},
    {"cos", Cos},
    {"cosh", Cosh},
    {"count_over_time", FromSummary<CountOverTimeOf>, CountOverTimeOf},
    {"day_of_month", DayOfMonth},
    {"day_of_week", DayOfWeek},
    {"day_of_year", DayOfYear},
    {"days_in_month", DaysInMonth},
    {"deg", Deg},
    {"delta", FromSummary<DeltaOf>, DeltaOf},
    {"deriv", Deriv},
    {"exp", Exp},
    {"floor", Floor},
    {"histogram_count", HistogramCount},
    {"histogram_fraction", HistogramFraction},
    {"histogram_quantile", HistogramQuantile},
    {"histogram_sum", HistogramSum},
    {"holt_winters", HoltWinters},
    {"hour", Hour},
    {"idelta", Idelta},
    {"increase", FromSummary<IncreaseOf>, IncreaseOf},
    {"irate", Irate},
    {"label_join", LabelJoin},
    {"label_replace", LabelReplace},
    {"last_over_time", FromSummary<LastOverTimeOf>, LastOverTimeOf},
    {"ln", Ln},
    {"log10", Log10},
    {"log2", Log2},
    {"max_over_time", MaxOverTime},
    {"min_over_time", MinOverTime},
    {"minute", Minute},
    {"month", Month},
    {"pi", Pi},
    {"predict_linear", PredictLinear},
    {"present_over_time", FromSummary<PresentOverTimeOf>, PresentOverTimeOf},
    {"quantile_over_time", QuantileOverTime},
    {"rad", Rad},
    {"rate", FromSummary<RateOf>, RateOf},
    {"resets", FromSummary<ResetsOf>, ResetsOf},
    {"round", Round},
    {"scalar", ScalarFunc},
    {"sgn", Sgn},
    {"sin", Sin},
    {"sinh", Sinh},
    {"sort", Sort},
    {"sort_desc", SortDesc},
    {"sqrt", Sqrt},
    {"stddev_over_time", StddevOverTime},
    {"stdvar_over_time", StdvarOverTime},
    {"sum_over_time", SumOverTime},
    {"tan", Tan},
    {"tanh", Tanh},
    {"time", Time},
    {"timestamp", Timestamp},
    {"vector", VectorFunc},
    {"year", Year},
};

const Row* FindRow(std::string_view name) {
  auto it = std::lower_bound(std::begin(kImpls), std::end(kImpls), name,
                             [](const Row& row, std::string_view n) { return row.name < n; });
  return it != std::end(kImpls) && it->name == name ? it : nullptr;
}

}  // namespace

FunctionImpl FindFunctionImpl(std::string_view name) {
  const Row* row = FindRow(name);
  return row ? row->impl : nullptr;
}

SummaryImpl FindSummaryImpl(std::string_view name) {
  const Row* row = FindRow(name);
  return row ? row->summary : nullptr;
}

std::vector<std::string_view> ImplementedFunctions() {
  std::vector<std::string_view> names;
  for (const Row& row : kImpls) names.push_back(row.name);
  return names;
}

namespace functions {

double ScalarArg(const FunctionCall& call, size_t i) {
  const Value& v = call.args[i];
  if (const auto* s = std::get_if<Scalar>(&v)) return s->v;
  const auto* vec = std::get_if<Vector>(&v);
  return vec && !vec->empty() ? vec->front().v : std::nan("");
}

const Vector& VectorArg(const FunctionCall& call, size_t i) {
  return std::get<Vector>(call.args[i]);
}

const std::string& StringArg(const FunctionCall& call, size_t i) {
  return std::get<String>(call.args[i]).v;
}

const std::vector<Sample>& RangeArg(const FunctionCall& call, size_t i) {
  return std::get<Matrix>(call.args[i]).front().samples;
}

Labels DropMetricName(const Labels& labels) {
  if (!labels.Has(kMetricName)) return labels;
  return LabelsBuilder(labels).Del(kMetricName).Build();
}

int64_t GoInt64(double v) {
  // 2^63 is exact in a double; the valid range is [-2^63, 2^63).
  constexpr double kTwo63 = 9223372036854775808.0;
  if (std::isnan(v) || v >= kTwo63 || v < -kTwo63) return INT64_MIN;
  return static_cast<int64_t>(v);
}

}  // namespace functions
}  // namespace monc::runtime
