// Catalog checks of one PromQL expression (what pint does, and more): unknown
// metrics and labels, rate() of a gauge, raw counters, histogram_quantile
// without `le`, alert templates naming labels the expression drops, rate
// windows shorter than four scrapes, hand-anchored regexes.
//
// The driver (promql_exprs.cc) parses every expression of the spec, maps
// positions into the spec files and applies per-rule silences; each check
// here sees only the tree, the catalog and the context, and reports through
// an ExprReporter at expression offsets.
#ifndef MONC_COMPILER_ANALYSIS_PROMQL_CHECKS_H_
#define MONC_COMPILER_ANALYSIS_PROMQL_CHECKS_H_

#include <string>

#include "compiler/analysis/catalog.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/model/model.h"
#include "compiler/promql/ast.h"

namespace monc {

// Reports at a place in the expression text; the driver maps it to the spec.
class ExprReporter {
 public:
  virtual ~ExprReporter() = default;
  // The diagnostic, or a throwaway one when the rule silences `code`.
  virtual Diagnostic& Report(Code code, promql::PosRange pos, std::string message) = 0;
};

struct ExprContext {
  const model::System& system;
  const Catalog& catalog;
  const model::Rule* rule = nullptr;          // null: a dashboard or SLO expression
  const model::RuleGroup* group = nullptr;    // the rule's group
  int64_t scrape_interval_ms = 60000;         // defaults.scrape_interval, Prometheus default 1m
  int64_t evaluation_interval_ms = 60000;     // the group's, else defaults.evaluation_interval
};

// Runs every catalog check over `expr`, which parsed and type-checked clean.
void CheckExpr(const promql::Expr& expr, const ExprContext& context, ExprReporter& reporter);

}  // namespace monc

#endif  // MONC_COMPILER_ANALYSIS_PROMQL_CHECKS_H_
