#include "compiler/analysis/analyze.h"

#include "compiler/analysis/slo_expand.h"

namespace monc {

class Analyzer {
 public:
  static std::optional<CheckedSpec> Run(model::System system, const SourceManager& sources,
                                        DiagnosticSink& sink) {
    // First, so the PromQL pass knows the SLOs' recorded series and the
    // later checks see their alerts and inhibit rules.
    ExpandSlos(system, sources, sink);
    ExprFacts facts = CheckPromqlExpressions(system, sources, sink);
    CheckLogqlExpressions(system, sources, sink);
    CheckRouting(system, sink);
    CheckInhibitRules(system, facts, sink);
    CheckAlerts(system, sink);
    if (sink.HasErrors()) return std::nullopt;
    return CheckedSpec(std::move(system));
  }
};

std::optional<CheckedSpec> Analyze(model::System system, const SourceManager& sources,
                                   DiagnosticSink& sink) {
  return Analyzer::Run(std::move(system), sources, sink);
}

}  // namespace monc
