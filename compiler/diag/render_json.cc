#include "compiler/diag/render.h"

namespace monc {
namespace {

nlohmann::json Place(const Span& span, const SourceManager& sources) {
  nlohmann::json j = nlohmann::json::object();
  if (!span.valid()) return j;
  LineCol b = sources.Locate(span.file, span.begin);
  LineCol e = sources.Locate(span.file, span.end);
  j["file"] = sources.Path(span.file);
  j["line"] = b.line;
  j["column"] = b.column;
  j["end_line"] = e.line;
  j["end_column"] = e.column;
  return j;
}

}  // namespace

nlohmann::json RenderJson(const std::vector<Diagnostic>& diagnostics,
                          const SourceManager& sources) {
  nlohmann::json out = nlohmann::json::array();
  for (const Diagnostic& d : diagnostics) {
    nlohmann::json j = Place(d.primary, sources);
    j["severity"] = SeverityName(d.severity);
    j["code"] = Info(d.code).id;
    j["message"] = d.message;
    if (!d.label.empty()) j["label"] = d.label;
    if (!d.notes.empty()) {
      j["notes"] = nlohmann::json::array();
      for (const Note& n : d.notes) {
        nlohmann::json note = Place(n.span, sources);
        note["message"] = n.message;
        j["notes"].push_back(std::move(note));
      }
    }
    if (d.fix) {
      j["fix"] = Place(d.fix->span, sources);
      j["fix"]["replacement"] = d.fix->replacement;
    }
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace monc
