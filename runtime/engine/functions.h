// The implementations of PromQL's functions (Prometheus's promql/functions.go
// FunctionCalls), one per row of compiler/promql/functions.def that exists in
// 2.42; functions_test checks that the two tables agree.
//
// The engine evaluates the arguments and calls the implementation the way
// Prometheus's engine does:
// - a function with a range-vector argument (a matrix selector or a
//   subquery) is called once per series of that argument, with a Matrix of
//   exactly that one series holding the samples of its window (never
//   empty: the engine skips series without samples in the window); the
//   engine gives the single output element the series' labels, without
//   __name__ except for last_over_time, and absent_over_time's result is
//   built by the engine from which steps had samples;
// - any other function is called once with the whole evaluated vectors,
//   scalars and strings, and sets its output labels itself (dropping
//   __name__ where Prometheus does).
#ifndef MONC_RUNTIME_ENGINE_FUNCTIONS_H_
#define MONC_RUNTIME_ENGINE_FUNCTIONS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/promql/ast.h"
#include "runtime/model/value.h"
#include "runtime/model/window_summary.h"

namespace monc::runtime {

struct FunctionCall {
  const promql::Call& node;  // argument expressions (absent()'s labels come from them)
  // Evaluated arguments in order: Scalar, Vector, String, or the Matrix of
  // one series for the range-vector argument.
  const std::vector<Value>& args;
  int64_t t;  // the evaluation timestamp, ms
  // The window of the range-vector argument, [range_start, range_end] in
  // ms, after offset and @: rate()'s extrapolation needs it.
  int64_t range_start = 0;
  int64_t range_end = 0;
};

// Sets `error` (Prometheus's message, e.g. label_replace's "invalid
// regular expression in label_replace(): ...") to fail the query.
using FunctionImpl = Vector (*)(const FunctionCall& call, std::string& error);

// nullptr for a name without an implementation.
FunctionImpl FindFunctionImpl(std::string_view name);

// The range functions that need only a summary of the window (rate,
// increase, delta, resets, count_over_time, last_over_time,
// present_over_time) have this form too: given the summary of a non-empty
// window of a matrix selector, the function's value, or none. The engine
// then asks the store for the summary, not the samples; their
// FunctionImpl is the same code over a summary of the samples.
using SummaryImpl = std::optional<double> (*)(const FunctionCall& call, const WindowSummary& window);

// nullptr for a function without a summary form.
SummaryImpl FindSummaryImpl(std::string_view name);

// The labels absent() and absent_over_time() give their one element: those
// an equality matcher of the selector in `arg` fixes, not __name__; none
// when `arg` is not a selector (a subquery, an expression).
Labels AbsentLabels(const promql::Expr& arg);

// histogram_quantile's grouping of classic-histogram buckets by their
// labels without `le`, fed one element at a time so that the engine can
// stream the buckets from the store, as it feeds aggregations, instead of
// building the input vector. HistogramQuantile is this over its argument.
class BucketGroups {
 public:
  BucketGroups();
  ~BucketGroups();
  BucketGroups(const BucketGroups&) = delete;
  BucketGroups& operator=(const BucketGroups&) = delete;

  // One bucket series: `labels`, without __name__ when `drop_name`.
  void Add(const Labels& labels, bool drop_name, double v);
  // Each group's q-quantile at `t`, in the order of the groups' first
  // buckets.
  Vector Quantiles(double q, int64_t t);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Names with an implementation, for the agreement test.
std::vector<std::string_view> ImplementedFunctions();

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_ENGINE_FUNCTIONS_H_
