// Three renderings of the same diagnostics (clang's DiagnosticRenderer):
// text for people (gcc-style first line so editors jump to it, then the
// source line with a caret), JSON for scripts, SARIF 2.1.0 for code review.
#ifndef MONC_COMPILER_DIAG_RENDER_H_
#define MONC_COMPILER_DIAG_RENDER_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/diag/diagnostic.h"
#include "compiler/source/source_manager.h"

namespace monc {

//   alerts.yaml:14:16: error: unknown receiver 'pager' [spec/unknown-receiver]
//      |
//   14 |     receiver: pager
//      |               ^~~~~ not declared under 'receivers'
//      = note: did you mean 'pagerduty'?
std::string RenderText(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources);

// One object per diagnostic: severity, code, message, file, line, column,
// end_line, end_column, label, notes, fix.
nlohmann::json RenderJson(const std::vector<Diagnostic>& diagnostics,
                          const SourceManager& sources);

// A SARIF 2.1.0 log with one run; every code of codes.def is a rule.
nlohmann::json RenderSarif(const std::vector<Diagnostic>& diagnostics,
                           const SourceManager& sources, const std::string& tool_version);

// "file:line:col" of a span's start, or "" for an invalid span.
std::string FormatLocation(const Span& span, const SourceManager& sources);

}  // namespace monc

#endif  // MONC_COMPILER_DIAG_RENDER_H_
