// The engine's internals: one Evaluator per query walks the tree at one
// timestamp at a time (a range query and a subquery step through their
// timestamps), the way Prometheus's engine gives each step its value. The
// operators (binary.cc) and aggregations (aggregate.cc) work on values the
// evaluator has already computed.
#ifndef MONC_RUNTIME_ENGINE_EVALUATOR_H_
#define MONC_RUNTIME_ENGINE_EVALUATOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/promql/ast.h"
#include "runtime/engine/engine.h"
#include "runtime/model/value.h"
#include "runtime/model/window_summary.h"
#include "runtime/storage/queryable.h"

namespace monc::runtime::internal {

inline constexpr std::string_view kDuplicateLabelset =
    "vector cannot contain metrics with the same labelset";

// a - b clamped to int64's range: offsets, @ and ranges are user input, and
// a window beyond the representable times is simply empty.
inline int64_t SaturatingSub(int64_t a, int64_t b) {
  int64_t out;
  if (!__builtin_sub_overflow(a, b, &out)) return out;
  return b > 0 ? INT64_MIN : INT64_MAX;
}

class Evaluator {
 public:
  // `start` and `end` are the query's: `@ start()` and `@ end()` resolve to
  // them, inside subqueries too, as in Prometheus 2.42.
  Evaluator(const Queryable& data, const EngineOptions& options, int64_t start, int64_t end)
      : data_(data), options_(options), start_(start), end_(end) {}

  // The value of `expr` at `t`. On failure error() is set and the value
  // means nothing.
  Value Eval(const promql::Expr& expr, int64_t t);

  // Called before each top-level step: max_samples counts per step.
  void BeginStep() { current_samples_ = 0; }

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  const QueryStats& stats() const { return stats_; }

 private:
  Value EvalCall(const promql::Call& call, int64_t t);
  Value EvalRangeCall(const promql::Call& call, size_t range_arg, int64_t t);
  Value EvalHistogramQuantile(const promql::Call& call, int64_t t);
  Value EvalUnary(const promql::Unary& unary, int64_t t);
  Value EvalAggregate(const promql::Aggregate& agg, int64_t t);
  Value EvalBinary(const promql::Binary& binary, int64_t t);

  // The instant vector of `vs` at `t`; each element carries its sample's
  // own timestamp when `sample_time` (timestamp() reads it), else `t`.
  Vector EvalVectorSelector(const promql::VectorSelector& vs, int64_t t, bool sample_time);
  // Calls `fn(labels, sample)` for each series `vs` selects at `t`, with
  // its newest sample in the lookback window.
  template <typename Fn>
  void ForEachSelected(const promql::VectorSelector& vs, int64_t t, Fn&& fn);
  // Calls `fn(labels, drop_name, v)` for each element of the instant
  // vector `expr` evaluates to; selectors and per-series range functions
  // stream from the store without building the vector.
  template <typename Fn>
  void ForEachElement(const promql::Expr& expr, int64_t t, Fn&& fn);
  // Calls `fn(labels, drop_name, v)` for each output of the range-vector
  // function `call` (not absent_over_time), argument `range_arg` being the
  // range vector.
  template <typename Fn>
  void ForEachRangeResult(const promql::Call& call, size_t range_arg, int64_t t, Fn&& fn);
  Matrix EvalMatrixSelector(const promql::MatrixSelector& ms, int64_t t);
  Matrix EvalSubquery(const promql::Subquery& sq, int64_t t);

  // Calls `fn(labels, samples)` (samples that fn may swap out and back)
  // for each series of the range-vector
  // expression `arg` (a matrix selector or a subquery, maybe in parens)
  // with samples in its window at `t`, and sets the window's bounds.
  template <typename Fn>
  void ForEachWindow(const promql::Expr& arg, int64_t t, int64_t& range_start,
                     int64_t& range_end, Fn&& fn);

  // Calls `fn(labels, summary)` for each series of the matrix selector `ms`
  // with samples in its window at `t`, and sets the window's bounds: the
  // store summarizes the window without handing out its samples.
  template <typename Fn>
  void ForEachSummary(const promql::MatrixSelector& ms, int64_t t, int64_t& range_start,
                      int64_t& range_end, Fn&& fn);
  // The series of the matrix selector `ms`, and its window at `t`.
  const std::vector<SeriesRef>* SelectWindow(const promql::MatrixSelector& ms, int64_t t,
                                             int64_t& range_start, int64_t& range_end);

  // The series `vs` selects, compiled and looked up once per query.
  const std::vector<SeriesRef>* Select(const promql::VectorSelector& vs);
  // The time a selector or subquery is evaluated at, after @ and offset.
  int64_t RefTime(const std::optional<promql::AtModifier>& at, int64_t offset, int64_t t) const;
  // Counts an evaluation against max_steps; false (and the error set)
  // beyond it.
  bool Step();
  // Counts samples against max_samples; false (and the error set) beyond it.
  // As in Prometheus, a range function's window counts while the function
  // reads it, its output for as long as the query runs.
  bool Account(size_t samples);
  void Release(size_t samples);
  void Fail(std::string message);
  // Fails on two elements with the same label set.
  void CheckUnique(const Vector& v);

  const Queryable& data_;
  const EngineOptions& options_;
  const int64_t start_, end_;
  std::string error_;
  QueryStats stats_;
  int64_t current_samples_ = 0;
  int64_t steps_ = 0;
  std::unordered_map<const promql::VectorSelector*, std::vector<SeriesRef>> selections_;
  std::vector<Sample> scratch_;  // reused by every selector read
  WindowSummary summary_;        // reused by every summarized window
  std::vector<uint64_t> hashes_;  // reused by CheckUnique
};

// Prometheus's binary operators on evaluated operands (binary.cc). Both
// operands are Scalar or Vector; `error` is set on a matching error.
Value ApplyBinary(const promql::Binary& node, Value lhs, Value rhs, int64_t t, std::string& error);

// Prometheus's aggregation (aggregate.cc), fed one element at a time so
// that elements can come straight from the store: a group's labels are
// built once, from its first element, and topk/bottomk copy only what
// enters their heap. `param` is the evaluated parameter of
// topk/bottomk/quantile/count_values, if any; `error` is set at
// construction when it is invalid.
class Aggregation {
 public:
  Aggregation(const promql::Aggregate& node, const Value* param, std::string& error);
  ~Aggregation();
  Aggregation(const Aggregation&) = delete;
  Aggregation& operator=(const Aggregation&) = delete;

  // One input element: `labels`, without __name__ when `drop_name`.
  void Add(const Labels& labels, bool drop_name, double v);
  Vector Finish(int64_t t);

 private:
  struct Group;
  void Accumulate(Group& g, const Labels& labels, bool drop_name, double v);

  int op_ = 0;
  bool without_;
  bool empty_ = false;  // the result is empty whatever the input
  std::vector<std::string> grouping_;  // sorted
  int64_t k_ = 0;
  double q_ = 0;
  std::string value_label_;
  std::vector<Group> groups_;
  std::unordered_map<uint64_t, size_t> index_;
};

}  // namespace monc::runtime::internal

#endif  // MONC_RUNTIME_ENGINE_EVALUATOR_H_
