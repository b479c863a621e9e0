// CheckExpr: every catalog check over one expression, in the order of the
// table below (one file each under checks/).
#include "compiler/analysis/promql_checks.h"

#include "compiler/analysis/checks/checks.h"

namespace monc {

void CheckExpr(const promql::Expr& expr, const ExprContext& context, ExprReporter& reporter) {
  static constexpr checks::Check kChecks[] = {
      checks::UnknownMetric,      checks::UnknownLabel,      checks::RateOfGauge,
      checks::CounterWithoutRate, checks::QuantileWithoutLe, checks::TemplateLabel,
      checks::ShortRateWindow,    checks::AnchoredRegex,     checks::ForBelowInterval,
      checks::ReadsLaterRecord,
  };
  LabelInference labels(context.catalog);
  checks::Context c{context, labels};
  for (checks::Check check : kChecks) check(expr, c, reporter);
}

}  // namespace monc
