// DiagnosticSink collects every diagnostic of a run; it never throws. Phases
// run to the end of their input and the driver stops at a phase boundary when
// HasErrors() (protoc's ErrorCollector, Prometheus's ParseErrors).
//
//   sink.Report(Code::RouteUnreachable, span, "route ... can never match")
//       .label = "shadowed by the route above";
#ifndef MONC_COMPILER_DIAG_SINK_H_
#define MONC_COMPILER_DIAG_SINK_H_

#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"

namespace monc {

class DiagnosticSink {
 public:
  // Adds a diagnostic with the code's default severity and returns it so the
  // caller can attach a label, notes or a fix-it.
  Diagnostic& Report(Code code, Span primary, std::string message);

  bool HasErrors() const { return errors_ > 0; }
  size_t ErrorCount() const { return errors_; }
  size_t WarningCount() const;

  // Sorted by (file, offset, code, message), exact duplicates removed.
  std::vector<Diagnostic> Sorted() const;
  const std::vector<Diagnostic>& All() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
  size_t errors_ = 0;
};

}  // namespace monc

#endif  // MONC_COMPILER_DIAG_SINK_H_
