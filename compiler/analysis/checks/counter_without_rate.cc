// promql/counter-without-rate: a counter compared or aggregated as it is.
// Its value is a total since the process started, which only grows and
// drops to zero on every restart: thresholds and sums of it mean nothing.
// What counts is how fast it grows: rate() or increase(), or one of the
// functions that read it as a counter (resets, changes, absent...).
#include "compiler/analysis/checks/checks.h"
#include "compiler/analysis/series_type.h"

namespace monc::checks {
namespace {

using namespace promql;

// Aggregations that read their input's values (count and group only count
// series; count_values groups by value, which is fine for a total).
bool ReadsValues(std::string_view aggregation) {
  for (std::string_view a :
       {"avg", "bottomk", "max", "min", "quantile", "stddev", "stdvar", "sum", "topk"}) {
    if (a == aggregation) return true;
  }
  return false;
}

// The counter selectors that make `e` a counter, through the nodes that keep
// a counter's values (series_type.h).
void CounterSelectors(const Expr& e, const Catalog& catalog,
                      std::vector<const VectorSelector*>& out) {
  if (ResultTypeOf(e, catalog) != model::MetricType::Counter) return;
  switch (e.kind) {
    case NodeKind::VectorSelector:
      out.push_back(&static_cast<const VectorSelector&>(e));
      return;
    case NodeKind::Aggregate:
      CounterSelectors(*static_cast<const Aggregate&>(e).expr, catalog, out);
      return;
    case NodeKind::Binary: {
      const auto& b = static_cast<const Binary&>(e);
      CounterSelectors(*b.lhs, catalog, out);
      // and/unless only filter the lhs by the rhs's labels.
      bool filter = b.op == BinaryOp::And || b.op == BinaryOp::Unless;
      if (!filter) CounterSelectors(*b.rhs, catalog, out);
      return;
    }
    case NodeKind::Call:
      for (const ExprPtr& arg : static_cast<const Call&>(e).args)
        CounterSelectors(*arg, catalog, out);
      return;
    case NodeKind::Paren:
      CounterSelectors(*static_cast<const Paren&>(e).expr, catalog, out);
      return;
    case NodeKind::Unary:
      CounterSelectors(*static_cast<const Unary&>(e).expr, catalog, out);
      return;
    case NodeKind::MatrixSelector:
    case NodeKind::Subquery:
    case NodeKind::Number:
    case NodeKind::String:
      return;  // a range is read by a function, which is no raw use
  }
}

}  // namespace

void CounterWithoutRate(const Expr& root, Context& context, ExprReporter& reporter) {
  const Catalog& catalog = context.expr.catalog;
  std::vector<const Expr*> nodes = Nodes(root);
  std::set<const VectorSelector*> reported;
  // Children before parents: each counter is named by its innermost use.
  for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
    const Expr& e = **it;
    std::vector<const Expr*> operands;
    std::string use;
    if (e.kind == NodeKind::Aggregate) {
      const auto& a = static_cast<const Aggregate&>(e);
      if (!a.op || !ReadsValues(a.op->name)) continue;
      operands = {a.expr.get()};
      use = "aggregated by '" + std::string(a.op->name) + "'";
    } else if (e.kind == NodeKind::Binary) {
      const auto& b = static_cast<const Binary&>(e);
      if (Info(b.op).kind != OperatorInfo::Kind::Comparison) continue;
      operands = {b.lhs.get(), b.rhs.get()};
      use = "compared with '" + std::string(Info(b.op).text) + "'";
    } else {
      continue;
    }
    for (const Expr* operand : operands) {
      std::vector<const VectorSelector*> counters;
      CounterSelectors(*operand, catalog, counters);
      for (const VectorSelector* s : counters) {
        if (!reported.insert(s).second) continue;
        std::string name = MetricNameOf(*s);
        Diagnostic& d = reporter.Report(Code::PromqlCounterWithoutRate, NamePos(*s),
                                        "counter '" + name + "' is " + use + " as it is");
        d.label = "a total since the process started: it drops to zero on every restart";
        d.notes.push_back(
            {"use how fast it grows: 'rate(" + name + "[5m])' or 'increase(" + name + "[1h])'",
             {}});
      }
    }
  }
}

}  // namespace monc::checks
