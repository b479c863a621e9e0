#include "compiler/diag/render.h"

namespace monc {
namespace {

std::string_view Level(Severity s) {
  switch (s) {
    case Severity::Note:
      return "note";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "error";
}

nlohmann::json Region(const Span& span, const SourceManager& sources) {
  LineCol b = sources.Locate(span.file, span.begin);
  LineCol e = sources.Locate(span.file, span.end);
  return {{"startLine", b.line}, {"startColumn", b.column},
          {"endLine", e.line},   {"endColumn", e.column}};
}

nlohmann::json PhysicalLocation(const Span& span, const SourceManager& sources) {
  return {{"artifactLocation", {{"uri", sources.Path(span.file)}}},
          {"region", Region(span, sources)}};
}

}  // namespace

nlohmann::json RenderSarif(const std::vector<Diagnostic>& diagnostics,
                           const SourceManager& sources, const std::string& tool_version) {
  nlohmann::json rules = nlohmann::json::array();
  for (const CodeInfo& info : AllCodes()) {
    rules.push_back({{"id", info.id},
                     {"shortDescription", {{"text", info.summary}}},
                     {"defaultConfiguration", {{"level", Level(info.severity)}}}});
  }
  nlohmann::json results = nlohmann::json::array();
  for (const Diagnostic& d : diagnostics) {
    nlohmann::json r = {{"ruleId", Info(d.code).id},
                        {"ruleIndex", static_cast<int>(d.code)},
                        {"level", Level(d.severity)},
                        {"message", {{"text", d.message}}}};
    if (d.primary.valid()) {
      r["locations"] = {{{"physicalLocation", PhysicalLocation(d.primary, sources)}}};
    }
    nlohmann::json related = nlohmann::json::array();
    for (const Note& n : d.notes) {
      nlohmann::json loc = {{"id", related.size()}, {"message", {{"text", n.message}}}};
      if (n.span.valid()) loc["physicalLocation"] = PhysicalLocation(n.span, sources);
      related.push_back(std::move(loc));
    }
    if (!related.empty()) r["relatedLocations"] = std::move(related);
    if (d.fix) {
      r["fixes"] = {{{"description", {{"text", "replace with '" + d.fix->replacement + "'"}}},
                     {"artifactChanges",
                      {{{"artifactLocation", {{"uri", sources.Path(d.fix->span.file)}}},
                        {"replacements",
                         {{{"deletedRegion", Region(d.fix->span, sources)},
                           {"insertedContent", {{"text", d.fix->replacement}}}}}}}}}}};
    }
    results.push_back(std::move(r));
  }
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs",
           {{{"tool",
              {{"driver",
                {{"name", "monc"}, {"version", tool_version}, {"rules", std::move(rules)}}}}},
             {"results", std::move(results)}}}}};
}

}  // namespace monc
