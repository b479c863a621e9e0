// The PromQL front end with monc's codes: parses and type-checks `text` as
// Prometheus 2.42 would, passing each error to `report(code, pos, message)`
// (promql/syntax, and promql/type when the syntax is sound). Returns the
// tree when there was no error. Callers decide where a position lands (a
// spec file through EmbeddedText, or the bare expression).
#ifndef MONC_COMPILER_ANALYSIS_PROMQL_REPORT_H_
#define MONC_COMPILER_ANALYSIS_PROMQL_REPORT_H_

#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/promql/promql.h"

namespace monc {

template <typename ReportFn>
promql::ExprPtr ParseAndReport(const std::string& text, ReportFn&& report) {
  promql::ParseResult parsed = promql::Parse(text);
  for (const promql::ParseError& e : parsed.errors) report(Code::PromqlSyntax, e.pos, e.message);
  if (!parsed.errors.empty() || !parsed.expr) return nullptr;
  std::vector<promql::ParseError> type_errors;
  promql::Check(*parsed.expr, type_errors);
  for (const promql::ParseError& e : type_errors) report(Code::PromqlType, e.pos, e.message);
  return type_errors.empty() ? std::move(parsed.expr) : nullptr;
}

}  // namespace monc

#endif  // MONC_COMPILER_ANALYSIS_PROMQL_REPORT_H_
