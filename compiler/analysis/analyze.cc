#include "compiler/analysis/analyze.h"

namespace monc {

class Analyzer {
 public:
  static std::optional<CheckedSpec> Run(model::System system, DiagnosticSink& sink) {
    CheckRouting(system, sink);
    CheckInhibitRules(system, sink);
    CheckAlerts(system, sink);
    if (sink.HasErrors()) return std::nullopt;
    return CheckedSpec(std::move(system));
  }
};

std::optional<CheckedSpec> Analyze(model::System system, DiagnosticSink& sink) {
  return Analyzer::Run(std::move(system), sink);
}

}  // namespace monc
