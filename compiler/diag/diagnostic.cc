#include "compiler/diag/diagnostic.h"

namespace monc {

const std::vector<CodeInfo>& AllCodes() {
  static const std::vector<CodeInfo> codes = {
#define DIAG(name, id, severity, summary) {Code::name, id, Severity::severity, summary},
#include "compiler/diag/codes.def"
#undef DIAG
  };
  return codes;
}

const CodeInfo& Info(Code code) { return AllCodes()[static_cast<size_t>(code)]; }

const CodeInfo* FindCode(std::string_view id) {
  for (const CodeInfo& info : AllCodes()) {
    if (info.id == id) return &info;
  }
  return nullptr;
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::Note:
      return "note";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "error";
}

}  // namespace monc
