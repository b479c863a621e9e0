// The LogQL front end with monc's codes: parses `text` as Loki does for the
// entry point the caller requires and passes each error to
// `report(code, begin, end, message)` with Loki's message. A log query where
// a metric query is required is logql/metric-query-required, the reverse
// logql/log-query-required (both spanning the whole expression); anything
// else Loki rejects is logql/syntax. Returns the tree when there was no
// error. Callers decide where a byte range lands (a spec file through
// EmbeddedText, or the bare expression).
#ifndef MONC_COMPILER_ANALYSIS_LOGQL_REPORT_H_
#define MONC_COMPILER_ANALYSIS_LOGQL_REPORT_H_

#include <string_view>

#include "compiler/diag/diagnostic.h"
#include "compiler/logql/logql.h"

namespace monc {

template <typename ReportFn>
logql::ExprPtr ParseLogqlAndReport(std::string_view text, logql::EntryPoint entry,
                                   ReportFn&& report) {
  logql::ParseResult parsed = logql::Parse(text, entry);
  if (parsed.errors.empty() && parsed.expr) return std::move(parsed.expr);
  // Loki's entry points reject the other kind with a message of their own;
  // a query that is sound as a whole expression is the wrong kind, not
  // broken, and says so with its own code.
  bool kinded = entry == logql::EntryPoint::SampleExpr || entry == logql::EntryPoint::LogSelector;
  logql::ParseResult whole;
  if (kinded) whole = logql::Parse(text, logql::EntryPoint::Expr);
  if (kinded && whole.errors.empty() && whole.expr) {
    Code code = logql::KindOf(*whole.expr) == logql::ExprKind::Log ? Code::LogqlMetricQueryRequired
                                                                   : Code::LogqlLogQueryRequired;
    std::string message =
        parsed.errors.empty() ? std::string(Info(code).summary) : parsed.errors.front().message;
    report(code, whole.expr->pos.begin, whole.expr->pos.end, std::move(message));
    return nullptr;
  }
  for (const logql::Error& e : parsed.errors) report(Code::LogqlSyntax, e.begin, e.end, e.message);
  return nullptr;
}

}  // namespace monc

#endif  // MONC_COMPILER_ANALYSIS_LOGQL_REPORT_H_
