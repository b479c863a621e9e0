// Engine's two entry points. A range query is the instant evaluation at
// each step, merged into series: Prometheus's step-by-step evaluation gives
// each step exactly the value an instant query at that time gives.
#include "runtime/engine/engine.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "runtime/engine/evaluator.h"

namespace monc::runtime {

QueryResult Engine::Instant(const Queryable& data, const promql::Expr& expr, int64_t t_ms) const {
  internal::Evaluator ev(data, options_, t_ms, t_ms);
  ev.BeginStep();
  QueryResult result;
  result.value = ev.Eval(expr, t_ms);
  result.stats = ev.stats();
  if (ev.failed()) {
    result.error = ev.error();
    result.value = Vector();
  }
  return result;
}

QueryResult Engine::Range(const Queryable& data, const promql::Expr& expr, int64_t start_ms,
                          int64_t end_ms, int64_t step_ms) const {
  QueryResult result;
  const promql::ValueType type = promql::TypeOf(expr);
  if (type != promql::ValueType::Scalar && type != promql::ValueType::Vector) {
    result.error = "invalid expression type \"" + std::string(promql::DocumentedType(type)) +
                   "\" for range query, must be Scalar or instant Vector";
    return result;
  }
  if (step_ms <= 0) {
    result.error = "zero or negative query resolution step widths are not accepted";
    return result;
  }
  internal::Evaluator ev(data, options_, start_ms, end_ms);
  Matrix out;
  std::unordered_map<uint64_t, size_t> index;  // label hash -> series of `out`
  auto append = [&](const Labels& labels, int64_t t, double v) {
    auto [it, inserted] = index.try_emplace(labels.Hash(), out.size());
    if (inserted) out.push_back({labels, {}});
    out[it->second].samples.push_back({t, v});
  };
  for (int64_t t = start_ms; t <= end_ms; t += step_ms) {
    ev.BeginStep();
    Value v = ev.Eval(expr, t);
    if (ev.failed()) {
      result.error = ev.error();
      result.stats = ev.stats();
      return result;
    }
    if (const Scalar* s = std::get_if<Scalar>(&v)) {
      append(Labels(), t, s->v);
    } else {
      for (const VectorElement& e : std::get<Vector>(v)) append(e.labels, t, e.v);
    }
    if (t > internal::SaturatingSub(end_ms, step_ms)) break;  // t + step would pass end
  }
  std::sort(out.begin(), out.end(),
            [](const Series& a, const Series& b) { return a.labels < b.labels; });
  result.value = std::move(out);
  result.stats = ev.stats();
  return result;
}

}  // namespace monc::runtime
