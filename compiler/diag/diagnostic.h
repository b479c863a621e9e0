// One diagnostic type for the whole compiler (clang's and rustc's model):
// a severity, a stable code from codes.def, a message, the primary span with
// an optional label under the caret, notes that may point elsewhere, and an
// optional fix-it.
//
// Wording (LLVM's rules): lowercase, no final period, code in single quotes,
// say what was expected and what was found.
#ifndef MONC_COMPILER_DIAG_DIAGNOSTIC_H_
#define MONC_COMPILER_DIAG_DIAGNOSTIC_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source_manager.h"

namespace monc {

enum class Severity { Note, Warning, Error };

enum class Code {
#define DIAG(name, id, severity, summary) name,
#include "compiler/diag/codes.def"
#undef DIAG
};

struct CodeInfo {
  Code code;
  std::string_view id;  // "route/unreachable"
  Severity severity;
  std::string_view summary;
};

// Every row of codes.def, in declaration order.
const std::vector<CodeInfo>& AllCodes();
const CodeInfo& Info(Code code);
// The code whose id is `id`, or nullptr.
const CodeInfo* FindCode(std::string_view id);
std::string_view SeverityName(Severity severity);

struct Note {
  std::string message;
  Span span;  // may be invalid: a note without a place
};

// Replace the bytes of `span` with `replacement`.
struct FixIt {
  Span span;
  std::string replacement;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  Code code{};
  std::string message;
  Span primary;
  std::string label;  // printed beside the caret
  std::vector<Note> notes;
  std::optional<FixIt> fix;
};

}  // namespace monc

#endif  // MONC_COMPILER_DIAG_DIAGNOSTIC_H_
