// Checks a SpecDocument against the spec language's JSON Schema (valijson on
// the JSON form) and reports each violation at the offending node: unknown
// keys at the key with a did-you-mean, wrong types and values at the value,
// missing keys at the object's own key.
#ifndef MONC_COMPILER_SPEC_VALIDATE_H_
#define MONC_COMPILER_SPEC_VALIDATE_H_

#include "compiler/diag/sink.h"
#include "compiler/spec/document.h"

namespace monc {

// True when the document's structure conforms: every value has the type,
// keys and values the schema requires. Unknown keys are reported but leave
// the structure intact (nothing reads them), so later phases can still run
// and report their own problems in the same run.
bool ValidateSpec(const SpecDocument& doc, DiagnosticSink& sink);

// "alert 'HighErrorRate' in group 'api'", "receiver 'pagerduty'", "the
// route tree": what the node at `pointer` belongs to, in users' words.
std::string DescribePlace(const SpecDocument& doc, const std::string& pointer);

}  // namespace monc

#endif  // MONC_COMPILER_SPEC_VALIDATE_H_
