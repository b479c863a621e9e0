#include "compiler/analysis/series_type.h"

#include "compiler/analysis/labels.h"

namespace monc {
namespace {

using model::MetricType;
using namespace promql;

// Aggregations whose result is one of their inputs' values, or a sum or
// mean of them: over counters, again something that only grows.
bool KeepsCounters(std::string_view aggregation) {
  for (std::string_view a : {"avg", "bottomk", "max", "min", "sum", "topk"}) {
    if (a == aggregation) return true;
  }
  return false;
}

bool IsScalar(const Expr& e) { return TypeOf(e) == ValueType::Scalar; }

MetricType OfBinary(const Binary& b, const Catalog& catalog) {
  MetricType lhs = ResultTypeOf(*b.lhs, catalog);
  MetricType rhs = ResultTypeOf(*b.rhs, catalog);
  switch (Info(b.op).kind) {
    case OperatorInfo::Kind::Set:
      if (b.op != BinaryOp::Or) return lhs;
      return lhs == rhs ? lhs : MetricType::Unknown;
    case OperatorInfo::Kind::Comparison:
      // A filter keeps the vector's values, even with the scalar on the left.
      if (b.return_bool) return MetricType::Gauge;
      return IsScalar(*b.lhs) ? rhs : lhs;
    case OperatorInfo::Kind::Arithmetic:
      break;
  }
  if (IsScalar(*b.lhs) && IsScalar(*b.rhs)) return MetricType::Unknown;
  if (IsScalar(*b.lhs) || IsScalar(*b.rhs)) {
    // Scaled or shifted by a constant, a counter stays one; `10 / x` does not.
    MetricType vector = IsScalar(*b.lhs) ? rhs : lhs;
    bool keeps = b.op == BinaryOp::Add || b.op == BinaryOp::Sub || b.op == BinaryOp::Mul ||
                 (b.op == BinaryOp::Div && IsScalar(*b.rhs));
    return keeps ? vector : MetricType::Gauge;
  }
  if (lhs == MetricType::Unknown || rhs == MetricType::Unknown) return MetricType::Unknown;
  bool sum_of_counters =
      b.op == BinaryOp::Add && lhs == MetricType::Counter && rhs == MetricType::Counter;
  return sum_of_counters ? MetricType::Counter : MetricType::Gauge;
}

MetricType OfCall(const Call& c, const Catalog& catalog) {
  if (!c.func || !PassesSeriesThrough(c.func->name)) return MetricType::Gauge;
  for (const ExprPtr& arg : c.args) {
    ValueType t = TypeOf(*arg);
    if (t == ValueType::Vector || t == ValueType::Matrix) return ResultTypeOf(*arg, catalog);
  }
  return MetricType::Unknown;
}

}  // namespace

MetricType ResultTypeOf(const Expr& expr, const Catalog& catalog) {
  switch (expr.kind) {
    case NodeKind::Aggregate: {
      const auto& a = static_cast<const Aggregate&>(expr);
      if (a.op && KeepsCounters(a.op->name)) return ResultTypeOf(*a.expr, catalog);
      return MetricType::Gauge;
    }
    case NodeKind::Binary:
      return OfBinary(static_cast<const Binary&>(expr), catalog);
    case NodeKind::Call:
      return OfCall(static_cast<const Call&>(expr), catalog);
    case NodeKind::MatrixSelector:
      return ResultTypeOf(*static_cast<const MatrixSelector&>(expr).selector, catalog);
    case NodeKind::Subquery:
      return ResultTypeOf(*static_cast<const Subquery&>(expr).expr, catalog);
    case NodeKind::Number:
    case NodeKind::String:
      return MetricType::Unknown;
    case NodeKind::Paren:
      return ResultTypeOf(*static_cast<const Paren&>(expr).expr, catalog);
    case NodeKind::Unary: {
      const auto& u = static_cast<const Unary&>(expr);
      MetricType inner = ResultTypeOf(*u.expr, catalog);
      return u.op == BinaryOp::Sub && inner == MetricType::Counter ? MetricType::Gauge : inner;
    }
    case NodeKind::VectorSelector: {
      auto series = catalog.Find(MetricNameOf(static_cast<const VectorSelector&>(expr)));
      return series ? series->type : MetricType::Unknown;
    }
  }
  return MetricType::Unknown;
}

}  // namespace monc
