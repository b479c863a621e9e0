// Analyze: the semantic checks that need the whole model (every PromQL
// expression against Prometheus 2.42 and the metrics catalog, routing
// reachability, receivers no route reaches, inhibit rules whose labels the
// alerts cannot carry, duplicate alerts, paging alerts without runbooks).
// Returns a CheckedSpec only when there were no errors, in this phase or
// before it.
#ifndef MONC_COMPILER_ANALYSIS_ANALYZE_H_
#define MONC_COMPILER_ANALYSIS_ANALYZE_H_

#include <optional>

#include "compiler/analysis/checked_spec.h"
#include "compiler/diag/sink.h"

namespace monc {

std::optional<CheckedSpec> Analyze(model::System system, const SourceManager& sources,
                                   DiagnosticSink& sink);

// The checks, one per file; each reports into `sink`.
void CheckRouting(const model::System& system, DiagnosticSink& sink);       // routing.cc
void CheckInhibitRules(const model::System& system, DiagnosticSink& sink);  // inhibit.cc
void CheckAlerts(const model::System& system, DiagnosticSink& sink);        // alerts.cc
void CheckPromqlExpressions(const model::System& system, const SourceManager& sources,
                            DiagnosticSink& sink);                          // promql_exprs.cc

}  // namespace monc

#endif  // MONC_COMPILER_ANALYSIS_ANALYZE_H_
