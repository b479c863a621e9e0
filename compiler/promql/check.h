// The type rules of PromQL, exactly as Prometheus 2.42's checkAST applies
// them: argument counts and types, aggregation parameters, comparisons of
// scalars needing `bool`, set operators only between vectors, grouping
// modifiers only with vector matching, a label in both on() and group_x(),
// and the rest; also checkAST's selector rules (at least one matcher that
// does not match the empty string, the metric name given once). Messages
// keep Prometheus's wording ("expected type instant vector in aggregation
// expression, got range vector") and its order: children first, left to
// right, as only the first error reaches promtool's users.
#ifndef MONC_COMPILER_PROMQL_CHECK_H_
#define MONC_COMPILER_PROMQL_CHECK_H_

#include <vector>

#include "compiler/promql/ast.h"
#include "compiler/promql/parse.h"

namespace monc::promql {

// Appends every type error of `expr` to `errors`.
void Check(const Expr& expr, std::vector<ParseError>& errors);

}  // namespace monc::promql

#endif  // MONC_COMPILER_PROMQL_CHECK_H_
