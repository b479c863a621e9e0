// Internal to the analysis phase: reports an embedded expression's
// diagnostics (PromQL or LogQL, at offsets into its text) at the spec
// file's spelling, except the codes the rule silences (the silence's reason
// is the audit trail, in the spec).
#ifndef MONC_COMPILER_ANALYSIS_SPEC_REPORTER_H_
#define MONC_COMPILER_ANALYSIS_SPEC_REPORTER_H_

#include <string>

#include "compiler/analysis/promql_checks.h"
#include "compiler/diag/sink.h"
#include "compiler/source/embedded_text.h"

namespace monc {

class SpecReporter : public ExprReporter {
 public:
  SpecReporter(const EmbeddedText& text, DiagnosticSink& sink, const model::Rule* rule = nullptr)
      : text_(text), sink_(sink), rule_(rule) {}

  Diagnostic& Report(Code code, promql::PosRange pos, std::string message) override {
    if (rule_) {
      for (const model::Silence& s : rule_->silences) {
        if (s.code.name == Info(code).id) return silenced_;
      }
    }
    Diagnostic& d = sink_.Report(code, text_.ToSpan(pos.begin, pos.end), std::move(message));
    if (!text_.exact()) {
      d.notes.push_back(
          {"the place inside the expression is approximate: its YAML spelling could not be "
           "followed",
           {}});
    }
    return d;
  }

 private:
  const EmbeddedText& text_;
  DiagnosticSink& sink_;
  const model::Rule* rule_;
  Diagnostic silenced_;  // absorbs what a silenced check attaches
};

}  // namespace monc

#endif  // MONC_COMPILER_ANALYSIS_SPEC_REPORTER_H_
