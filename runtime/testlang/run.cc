#include "runtime/testlang/run.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <utility>

#include "compiler/promql/promql.h"
#include "runtime/storage/series_store.h"
#include "runtime/testlang/testlang.h"

namespace monc::runtime::testlang {
namespace {

// test.go's almostEqual.
bool AlmostEqual(double a, double b) {
  constexpr double kEpsilon = 1e-6;
  constexpr double kMinNormal = 2.2250738585072014e-308;
  if (std::isnan(a) && std::isnan(b)) return true;
  if (a == b) return true;
  const double diff = std::fabs(a - b);
  if (a == 0 || b == 0 || diff < kMinNormal) return diff < kEpsilon * kMinNormal;
  return diff / (std::fabs(a) + std::fabs(b)) < kEpsilon;
}

// The shortest %g that reads back as `v`.
std::string Num(double v) {
  char buf[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v || std::isnan(v)) break;
  }
  return buf;
}

std::string DescribeVector(const Vector& v) {
  if (v.empty()) return "no series";
  std::string out;
  constexpr size_t kShown = 5;
  for (size_t i = 0; i < v.size() && i < kShown; ++i) {
    if (i > 0) out += ", ";
    out += v[i].labels.ToString() + " " + Num(v[i].v);
  }
  if (v.size() > kShown) out += ", ... (" + std::to_string(v.size()) + " series)";
  return out;
}

// Why `got` is not what `eval` expects; empty when it is.
std::string Compare(const EvalCommand& eval, const Value& got, bool check_order) {
  if (const Scalar* s = std::get_if<Scalar>(&got)) {
    if (!eval.scalar) return "expected a vector, got scalar " + Num(s->v);
    if (!AlmostEqual(*eval.scalar, s->v)) {
      return "expected scalar " + Num(*eval.scalar) + " but got " + Num(s->v);
    }
    return "";
  }
  const Vector* vec = std::get_if<Vector>(&got);
  if (!vec) return "expected an instant vector or scalar result, got a range vector or string";
  if (eval.scalar) return "expected scalar " + Num(*eval.scalar) + ", got " + DescribeVector(*vec);
  std::vector<bool> seen(eval.series.size());
  for (size_t pos = 0; pos < vec->size(); ++pos) {
    const VectorElement& e = (*vec)[pos];
    size_t i = 0;
    while (i < eval.series.size() && eval.series[i].labels != e.labels) ++i;
    if (i == eval.series.size()) {
      return "unexpected metric " + e.labels.ToString() + " in result; got " + DescribeVector(*vec);
    }
    if (check_order && i != pos) {
      return "expected metric " + e.labels.ToString() + " at position " + std::to_string(i + 1) +
             " but was at " + std::to_string(pos + 1);
    }
    if (!AlmostEqual(eval.series[i].value, e.v)) {
      return "expected " + Num(eval.series[i].value) + " for " + e.labels.ToString() +
             " but got " + Num(e.v);
    }
    seen[i] = true;
  }
  for (size_t i = 0; i < eval.series.size(); ++i) {
    if (!seen[i]) {
      return "expected metric " + eval.series[i].labels.ToString() + " with " +
             Num(eval.series[i].value) + " not found; got " + DescribeVector(*vec);
    }
  }
  return "";
}

// The step at `t` of a range query's result, as an instant result.
Value StepAt(const Matrix& m, int64_t t, bool scalar) {
  Vector v;
  for (const Series& s : m) {
    for (const Sample& p : s.samples) {
      if (p.t == t) v.push_back({s.labels, t, p.v});
    }
  }
  if (scalar) return Scalar{t, v.empty() ? std::nan("") : v.front().v};
  return v;
}

// Functions whose result depends on the evaluation time itself: test.go
// pins no selector of an expression that calls one.
bool CallsTimeFunction(const promql::Expr& e) {
  using promql::NodeKind;
  switch (e.kind) {
    case NodeKind::Aggregate: {
      const auto& a = static_cast<const promql::Aggregate&>(e);
      return CallsTimeFunction(*a.expr) || (a.param && CallsTimeFunction(*a.param));
    }
    case NodeKind::Binary: {
      const auto& b = static_cast<const promql::Binary&>(e);
      return CallsTimeFunction(*b.lhs) || CallsTimeFunction(*b.rhs);
    }
    case NodeKind::Call: {
      static constexpr std::string_view kTimeFunctions[] = {
          "days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour",     "minute",
          "month",         "year",         "predict_linear", "time",      "timestamp"};
      const auto& c = static_cast<const promql::Call&>(e);
      for (std::string_view name : kTimeFunctions) {
        if (c.func->name == name) return true;
      }
      for (const promql::ExprPtr& arg : c.args) {
        if (CallsTimeFunction(*arg)) return true;
      }
      return false;
    }
    case NodeKind::MatrixSelector:
      return CallsTimeFunction(*static_cast<const promql::MatrixSelector&>(e).selector);
    case NodeKind::Subquery: return CallsTimeFunction(*static_cast<const promql::Subquery&>(e).expr);
    case NodeKind::Paren: return CallsTimeFunction(*static_cast<const promql::Paren&>(e).expr);
    case NodeKind::Unary: return CallsTimeFunction(*static_cast<const promql::Unary&>(e).expr);
    default: return false;
  }
}

// Gives every selector and subquery outside a subquery `@ t` unless it has
// an @ already (test.go's atModifierTestCases).
void PinTo(promql::Expr& e, int64_t t) {
  using promql::NodeKind;
  const promql::AtModifier at{promql::AtModifier::Kind::Timestamp, t};
  switch (e.kind) {
    case NodeKind::Aggregate: {
      auto& a = static_cast<promql::Aggregate&>(e);
      PinTo(*a.expr, t);
      if (a.param) PinTo(*a.param, t);
      break;
    }
    case NodeKind::Binary: {
      auto& b = static_cast<promql::Binary&>(e);
      PinTo(*b.lhs, t);
      PinTo(*b.rhs, t);
      break;
    }
    case NodeKind::Call:
      for (promql::ExprPtr& arg : static_cast<promql::Call&>(e).args) PinTo(*arg, t);
      break;
    case NodeKind::MatrixSelector: PinTo(*static_cast<promql::MatrixSelector&>(e).selector, t); break;
    case NodeKind::Subquery: {
      auto& sq = static_cast<promql::Subquery&>(e);
      if (!sq.at) sq.at = at;
      break;
    }
    case NodeKind::Paren: PinTo(*static_cast<promql::Paren&>(e).expr, t); break;
    case NodeKind::Unary: PinTo(*static_cast<promql::Unary&>(e).expr, t); break;
    case NodeKind::VectorSelector: {
      auto& vs = static_cast<promql::VectorSelector&>(e);
      if (!vs.at) vs.at = at;
      break;
    }
    default: break;
  }
}

// One evaluation at `t`, instant and then as the middle step of a range
// query.
std::string EvaluateAt(const EvalCommand& eval, const promql::Expr& expr, int64_t t,
                       const Queryable& data, const Engine& engine) {
  QueryResult r = engine.Instant(data, expr, t);
  if (eval.fail) return r.ok() ? "expected an error evaluating the query but got none" : "";
  if (!r.ok()) return "error evaluating query: " + r.error;
  if (std::string why = Compare(eval, r.value, eval.ordered); !why.empty()) return why;
  // test.go asks the same of a range query around t; ordering is not
  // defined there.
  constexpr int64_t kMinute = 60 * 1000;
  r = engine.Range(data, expr, t - kMinute, t + kMinute, kMinute);
  if (!r.ok()) return "error evaluating query in range mode: " + r.error;
  if (eval.ordered) return "";
  const bool scalar = promql::TypeOf(expr) == promql::ValueType::Scalar;
  std::string why = Compare(eval, StepAt(std::get<Matrix>(r.value), t, scalar), false);
  return why.empty() ? "" : "in range mode: " + why;
}

// The statement as test.go runs it: at its time, then (when no function
// reads the time) with every outer selector pinned `@ <its time>` and
// evaluated at other times, which must not change the result.
std::string Evaluate(const EvalCommand& eval, const Queryable& data, const Engine& engine) {
  promql::ParseResult parsed = promql::ParseExpr(eval.expr);
  if (!parsed.errors.empty()) return "could not parse: " + parsed.errors.front().message;
  if (std::string why = EvaluateAt(eval, *parsed.expr, eval.time_ms, data, engine); !why.empty()) {
    return why;
  }
  if (CallsTimeFunction(*parsed.expr)) return "";
  const int64_t t = eval.time_ms;
  PinTo(*parsed.expr, t);
  const std::vector<int64_t> times =
      t == 0 ? std::vector<int64_t>{0, -1000, 1000} : std::vector<int64_t>{-10 * t, 0, t / 5, t, 10 * t};
  for (int64_t at : times) {
    if (std::string why = EvaluateAt(eval, *parsed.expr, at, data, engine); !why.empty()) {
      return "with " + promql::Print(*parsed.expr) + " at " + std::to_string(at) + "ms: " + why;
    }
  }
  return "";
}

}  // namespace

std::vector<StatementResult> RunTestFile(std::string_view text, const EngineOptions& options) {
  TestFile file = ParseTestFile(text);
  std::vector<StatementResult> results;
  for (const SyntaxError& e : file.errors) results.push_back({e.line, "", e.message});
  auto store = std::make_unique<SeriesStore>();
  const Engine engine(options);
  for (const Command& command : file.commands) {
    if (std::holds_alternative<ClearCommand>(command)) {
      store = std::make_unique<SeriesStore>();
    } else if (const auto* load = std::get_if<LoadCommand>(&command)) {
      for (const SeriesData& series : load->series) {
        SeriesRef ref = store->GetOrCreate(series.labels);
        for (const Sample& s : series.samples) {
          AppendStatus status = store->Append(ref, s.t, s.v);
          if (status != AppendStatus::Ok) {
            results.push_back({load->line, "",
                               "cannot load " + series.labels.ToString() + ": " +
                                   std::string(Describe(status))});
            break;
          }
        }
      }
    } else {
      const auto& eval = std::get<EvalCommand>(command);
      results.push_back({eval.line, eval.expr, Evaluate(eval, *store, engine)});
    }
  }
  std::stable_sort(results.begin(), results.end(),
                   [](const StatementResult& a, const StatementResult& b) {
                     return a.line < b.line;
                   });
  return results;
}

}  // namespace monc::runtime::testlang
