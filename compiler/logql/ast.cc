#include "compiler/logql/ast.h"

namespace monc::logql {

ExprKind KindOf(const Expr& expr) {
  return expr.kind == NodeKind::LogSelector ? ExprKind::Log : ExprKind::Metric;
}

}  // namespace monc::logql
