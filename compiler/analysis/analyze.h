// Analyze: expands every SLO into recording and burn-rate alert rules
// (slo_expand.h), then runs the semantic checks that need the whole model
// (every PromQL expression against Prometheus 2.42 and the metrics catalog,
// every LogQL expression against Loki and the services' log formats, routing
// reachability, receivers no route reaches, inhibit rules whose labels the
// alerts cannot carry, duplicate alerts, paging alerts without runbooks).
// Returns a CheckedSpec only when there were no errors, in this phase or
// before it.
#ifndef MONC_COMPILER_ANALYSIS_ANALYZE_H_
#define MONC_COMPILER_ANALYSIS_ANALYZE_H_

#include <optional>

#include <unordered_map>

#include "compiler/analysis/catalog.h"
#include "compiler/analysis/checked_spec.h"
#include "compiler/diag/sink.h"

namespace monc {

std::optional<CheckedSpec> Analyze(model::System system, const SourceManager& sources,
                                   DiagnosticSink& sink);

// What the PromQL pass learns that later checks use: the labels each rule's
// series may carry. Rules whose expression did not check are absent.
struct ExprFacts {
  std::unordered_map<const model::Rule*, PossibleLabels> rule_labels;
};

// The checks, one per file; each reports into `sink`.
ExprFacts CheckPromqlExpressions(const model::System& system, const SourceManager& sources,
                                 DiagnosticSink& sink);  // promql_exprs.cc
void CheckLogqlExpressions(const model::System& system, const SourceManager& sources,
                           DiagnosticSink& sink);                      // logql_exprs.cc
void CheckRouting(const model::System& system, DiagnosticSink& sink);  // routing.cc
void CheckInhibitRules(const model::System& system, const ExprFacts& facts,
                       DiagnosticSink& sink);                          // inhibit.cc
void CheckAlerts(const model::System& system, DiagnosticSink& sink);   // alerts.cc

}  // namespace monc

#endif  // MONC_COMPILER_ANALYSIS_ANALYZE_H_
