// The PromQL front end in one call, as Prometheus's parser.ParseExpr: parse,
// then type-check when the syntax is sound.
#ifndef MONC_COMPILER_PROMQL_PROMQL_H_
#define MONC_COMPILER_PROMQL_PROMQL_H_

#include "compiler/promql/check.h"
#include "compiler/promql/parse.h"

namespace monc::promql {

inline ParseResult ParseExpr(std::string_view text, const ParseOptions& options = {}) {
  ParseResult result = Parse(text, options);
  if (result.errors.empty() && result.expr) Check(*result.expr, result.errors);
  return result;
}

}  // namespace monc::promql

#endif  // MONC_COMPILER_PROMQL_PROMQL_H_
