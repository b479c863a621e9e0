#include "compiler/promql/ast.h"

namespace monc::promql {

ValueType TypeOf(const Expr& expr) {
  switch (expr.kind) {
    case NodeKind::Aggregate: return ValueType::Vector;
    case NodeKind::Binary: {
      const auto& b = static_cast<const Binary&>(expr);
      // Only scalar op scalar stays a scalar; a vector on either side spreads.
      return TypeOf(*b.lhs) == ValueType::Scalar && TypeOf(*b.rhs) == ValueType::Scalar
                 ? ValueType::Scalar
                 : ValueType::Vector;
    }
    case NodeKind::Call: {
      const auto& c = static_cast<const Call&>(expr);
      return c.func ? c.func->return_type : ValueType::None;
    }
    case NodeKind::MatrixSelector:
    case NodeKind::Subquery: return ValueType::Matrix;
    case NodeKind::Number: return ValueType::Scalar;
    case NodeKind::Paren: return TypeOf(*static_cast<const Paren&>(expr).expr);
    case NodeKind::String: return ValueType::String;
    case NodeKind::Unary: return TypeOf(*static_cast<const Unary&>(expr).expr);
    case NodeKind::VectorSelector: return ValueType::Vector;
  }
  return ValueType::None;
}

}  // namespace monc::promql
