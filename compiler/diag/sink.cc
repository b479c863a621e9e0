#include "compiler/diag/sink.h"

#include <algorithm>
#include <tuple>

namespace monc {

Diagnostic& DiagnosticSink::Report(Code code, Span primary, std::string message) {
  Diagnostic d;
  d.severity = Info(code).severity;
  d.code = code;
  d.primary = primary;
  d.message = std::move(message);
  if (d.severity == Severity::Error) ++errors_;
  diagnostics_.push_back(std::move(d));
  return diagnostics_.back();
}

size_t DiagnosticSink::WarningCount() const {
  return std::count_if(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}

std::vector<Diagnostic> DiagnosticSink::Sorted() const {
  auto key = [](const Diagnostic& d) {
    return std::make_tuple(d.primary.file, d.primary.begin, static_cast<int>(d.code),
                           std::cref(d.message));
  };
  std::vector<Diagnostic> out = diagnostics_;
  std::stable_sort(out.begin(), out.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
            out.end());
  return out;
}

}  // namespace monc
