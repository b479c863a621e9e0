#include <algorithm>
#include <string>

#include "compiler/diag/render.h"

namespace monc {
namespace {

// Spaces up to `column`, keeping tabs so the caret lines up under tabs too.
std::string Indent(std::string_view line, uint32_t column) {
  std::string out;
  for (uint32_t i = 0; i + 1 < column && i < line.size(); ++i) out += line[i] == '\t' ? '\t' : ' ';
  return out;
}

void RenderSnippet(const Diagnostic& d, const SourceManager& sources, std::string& out) {
  LineCol begin = sources.Locate(d.primary.file, d.primary.begin);
  LineCol end = sources.Locate(d.primary.file, d.primary.end);
  std::string_view line = sources.Line(d.primary.file, begin.line);
  std::string number = std::to_string(begin.line);
  std::string gutter(number.size() + 1, ' ');

  // A span running past its first line is underlined to the end of that line.
  uint32_t last = end.line == begin.line ? end.column : static_cast<uint32_t>(line.size()) + 1;
  uint32_t width = last > begin.column ? last - begin.column : 1;

  out += gutter + "|\n";
  out += number + " | " + std::string(line) + "\n";
  out += gutter + "| " + Indent(line, begin.column) + "^" + std::string(width - 1, '~');
  if (!d.label.empty()) out += " " + d.label;
  out += "\n";
}

}  // namespace

std::string FormatLocation(const Span& span, const SourceManager& sources) {
  if (!span.valid()) return "";
  LineCol lc = sources.Locate(span.file, span.begin);
  return sources.Path(span.file) + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

std::string RenderText(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    std::string where = FormatLocation(d.primary, sources);
    out += where.empty() ? "monc" : where;
    out += ": " + std::string(SeverityName(d.severity)) + ": " + d.message + " [" +
           std::string(Info(d.code).id) + "]\n";
    if (d.primary.valid()) RenderSnippet(d, sources, out);
    std::string gutter = d.primary.valid()
                             ? std::string(std::to_string(sources.Locate(d.primary.file, d.primary.begin).line).size() + 1, ' ')
                             : "  ";
    for (const Note& n : d.notes) {
      std::string place = FormatLocation(n.span, sources);
      out += gutter + "= note: " + (place.empty() ? "" : place + ": ") + n.message + "\n";
    }
    if (d.fix) out += gutter + "= help: replace with '" + d.fix->replacement + "'\n";
  }
  return out;
}

}  // namespace monc
