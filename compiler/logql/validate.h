// Loki's validation once an expression parsed (parser.go's validateExpr):
// every stream selector the query reads needs a matcher that does not
// match the empty string, and sort/sort_desc take no `by` labels.
#ifndef MONC_COMPILER_LOGQL_VALIDATE_H_
#define MONC_COMPILER_LOGQL_VALIDATE_H_

#include <optional>

#include "compiler/logql/ast.h"
#include "compiler/logql/logql.h"

namespace monc::logql {

std::optional<Error> Validate(const Expr& expr);

}  // namespace monc::logql

#endif  // MONC_COMPILER_LOGQL_VALIDATE_H_
