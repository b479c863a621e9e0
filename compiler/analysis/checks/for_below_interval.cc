// rule/for-below-interval: an alert whose `for` is shorter than its group's
// evaluation interval. Prometheus checks `for` only when it evaluates the
// rule, so the alert waits a whole interval anyway: the spec promises a
// reaction time it does not have.
//
// Only an interval the spec states counts (see EvaluationIntervalStated).
//
// The reporter takes places in the expression only: this reports at the
// whole expression, with a note at the `for`.
#include "compiler/analysis/checks/checks.h"

namespace monc::checks {

void ForBelowInterval(const promql::Expr& root, Context& context, ExprReporter& reporter) {
  const model::Rule* rule = context.expr.rule;
  if (!rule || rule->kind != model::Rule::Kind::Alert || !rule->for_duration) return;
  if (!EvaluationIntervalStated(context.expr)) return;
  int64_t wait = rule->for_duration->millis;
  int64_t interval = context.expr.evaluation_interval_ms;
  if (wait == 0 || wait >= interval) return;
  std::string group = context.expr.group ? " of group '" + context.expr.group->name.name + "'" : "";
  Diagnostic& d = reporter.Report(
      Code::RuleForBelowInterval, root.pos,
      "'for: " + promql::FormatDuration(wait) + "' of alert '" + rule->name.name +
          "' is shorter than the evaluation interval" + group + ", " + promql::FormatDuration(interval));
  d.label = "the alert fires after " + promql::FormatDuration(interval) + " at the earliest";
  d.notes.push_back({"'for' is set here", rule->for_duration->span});
}

}  // namespace monc::checks
