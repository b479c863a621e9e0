// Internal to CheckExpr (promql_checks.cc): the catalog checks, one file
// each, and the few helpers they share. Each check walks the whole tree and
// reports through the ExprReporter; none depends on another having run.
#ifndef MONC_COMPILER_ANALYSIS_CHECKS_CHECKS_H_
#define MONC_COMPILER_ANALYSIS_CHECKS_CHECKS_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "compiler/analysis/labels.h"
#include "compiler/analysis/promql_checks.h"

namespace monc::checks {

struct Context {
  const ExprContext& expr;
  LabelInference& labels;  // over expr.catalog, shared so each node is inferred once
};

using Check = void (*)(const promql::Expr& root, Context& context, ExprReporter& reporter);

void UnknownMetric(const promql::Expr& root, Context& context, ExprReporter& reporter);
void UnknownLabel(const promql::Expr& root, Context& context, ExprReporter& reporter);
void RateOfGauge(const promql::Expr& root, Context& context, ExprReporter& reporter);
void CounterWithoutRate(const promql::Expr& root, Context& context, ExprReporter& reporter);
void QuantileWithoutLe(const promql::Expr& root, Context& context, ExprReporter& reporter);
void TemplateLabel(const promql::Expr& root, Context& context, ExprReporter& reporter);
void ShortRateWindow(const promql::Expr& root, Context& context, ExprReporter& reporter);
void AnchoredRegex(const promql::Expr& root, Context& context, ExprReporter& reporter);
void ForBelowInterval(const promql::Expr& root, Context& context, ExprReporter& reporter);
void ReadsLaterRecord(const promql::Expr& root, Context& context, ExprReporter& reporter);

// The operands of `e`, in source order.
std::vector<const promql::Expr*> Children(const promql::Expr& e);

// Every node of the tree under `root`, `root` first, parents before their
// children (so, read backwards, children before their parents).
std::vector<const promql::Expr*> Nodes(const promql::Expr& root);

// The called function's name, or "" for a node that is not a call.
std::string_view FunctionName(const promql::Expr& e);

// Where a selector's metric name is written: the name, or its __name__
// matcher.
promql::PosRange NamePos(const promql::VectorSelector& selector);

// Whether the spec states the evaluation interval `context` carries (the
// group's or defaults.evaluation_interval) rather than leaving Prometheus's
// default, which deployments rarely keep (kube-prometheus runs every 30s).
bool EvaluationIntervalStated(const ExprContext& context);


// "'a', 'b', 'c'" without __name__, or "none".
std::string QuotedLabels(const std::set<std::string>& labels);

// A did-you-mean note for `name` among `candidates` (less __name__), if one
// is close.
void SuggestLabel(Diagnostic& d, const std::string& name, const std::set<std::string>& candidates);

}  // namespace monc::checks

#endif  // MONC_COMPILER_ANALYSIS_CHECKS_CHECKS_H_
