// The PromQL engine: evaluates a checked expression tree (the compiler's
// shared AST) over a Queryable, with Prometheus 2.42's semantics: the
// lookback delta of instant selectors, staleness, offset and @, subqueries,
// vector matching and its errors, every function and aggregation. Results
// are what Prometheus's /api/v1/query and /api/v1/query_range return;
// runtime errors carry Prometheus's messages.
//
//   Engine engine;
//   QueryResult r = engine.Instant(store, *ParseExpr("sum(up)").expr, t_ms);
//   if (!r.ok()) std::cerr << r.error;
#ifndef MONC_RUNTIME_ENGINE_ENGINE_H_
#define MONC_RUNTIME_ENGINE_ENGINE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/promql/ast.h"
#include "runtime/model/value.h"
#include "runtime/storage/queryable.h"

namespace monc::runtime {

struct EngineOptions {
  int64_t lookback_delta_ms = 5 * 60 * 1000;  // --query.lookback-delta
  int64_t max_samples = 50'000'000;           // --query.max-samples
  // The step of a subquery written without one: Prometheus's global
  // evaluation interval (1m by default; rule groups pass their interval).
  int64_t default_subquery_step_ms = 60 * 1000;
  // Expression evaluations a query may make (each node at each step of a
  // range query or subquery): a deterministic stand-in for Prometheus's
  // --query.timeout, so that `x[100y:1ms]` fails instead of running for
  // hours.
  int64_t max_steps = 100'000'000;
};

struct QueryStats {
  int64_t samples_touched = 0;  // samples read from the Queryable
  int64_t peak_samples = 0;     // Prometheus's peak-samples, for max_samples
};

struct QueryResult {
  Value value;
  std::string error;  // Prometheus's message; empty on success
  std::vector<std::string> warnings;
  QueryStats stats;
  bool ok() const { return error.empty(); }
};

class Engine {
 public:
  explicit Engine(EngineOptions options = {}) : options_(options) {}

  // The value at `t_ms`: a Scalar, Vector, Matrix or String.
  QueryResult Instant(const Queryable& data, const promql::Expr& expr, int64_t t_ms) const;
  // A Matrix over [start, end] in steps (a scalar result becomes one series
  // without labels), as /api/v1/query_range.
  QueryResult Range(const Queryable& data, const promql::Expr& expr, int64_t start_ms,
                    int64_t end_ms, int64_t step_ms) const;

  const EngineOptions& options() const { return options_; }

 private:
  EngineOptions options_;
};

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_ENGINE_ENGINE_H_
