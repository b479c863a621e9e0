#include "backends/checkly/render.h"

#include <regex>
#include <stdexcept>

#include "templates/checkly/templates.h"

namespace monc::checkly {
namespace {

// True for a line that holds one section, comment or partial tag and
// otherwise only blanks.
bool IsStandaloneTag(std::string_view line) {
  size_t begin = line.find_first_not_of(" \t");
  size_t end = line.find_last_not_of(" \t");
  if (begin == std::string_view::npos) return false;
  std::string_view tag = line.substr(begin, end - begin + 1);
  return tag.size() > 5 && tag.substr(0, 2) == "{{" &&
         std::string_view("#^/!>").find(tag[2]) != std::string_view::npos &&
         tag.substr(tag.size() - 2) == "}}" && tag.find("{{", 2) == std::string_view::npos;
}

// The Mustache spec drops a line that holds only a section, comment or
// partial tag, whether the section renders or not; kainjow 4.1 (Debian's)
// keeps such a line as a blank one when the section is skipped. So such
// lines are marked before kainjow sees them and dropped from its output.
constexpr char kStandaloneMark = '\x01';

std::string MarkStandaloneTags(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t newline = text.find('\n', start);
    size_t end = newline == std::string_view::npos ? text.size() : newline;
    out.append(text.substr(start, end - start));
    if (IsStandaloneTag(text.substr(start, end - start))) out += kStandaloneMark;
    if (newline != std::string_view::npos) out += '\n';
    start = end + 1;
  }
  return out;
}

// Drops each line that holds a mark and otherwise only blanks, and the
// marks of the other lines.
std::string DropMarkedLines(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t newline = text.find('\n', start);
    size_t next = newline == std::string_view::npos ? text.size() : newline + 1;
    std::string_view line = text.substr(start, next - start);
    bool marked = line.find(kStandaloneMark) != std::string_view::npos;
    if (!marked || line.find_first_not_of(" \t\n\x01") != std::string_view::npos) {
      for (char c : line) {
        if (c != kStandaloneMark) out += c;
      }
    }
    start = next;
  }
  return out;
}

std::string TemplateText(std::string_view name) {
  return MarkStandaloneTags(ChecklyTemplate(name));
}

// U+2028 and U+2029 end a line in JavaScript: JSON leaves them unescaped.
constexpr std::string_view kLineSeparators[] = {"\u2028", "\u2029"};

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

}  // namespace

std::string TsLiteral(const nlohmann::json& value) {
  // Invalid UTF-8 is replaced rather than thrown on: a spec string is text.
  std::string out = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  ReplaceAll(out, kLineSeparators[0], "\\u2028");
  ReplaceAll(out, kLineSeparators[1], "\\u2029");
  return out;
}

std::string TsString(std::string_view s) { return TsLiteral(std::string(s)); }

std::string TsComment(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  for (std::string_view separator : kLineSeparators) ReplaceAll(out, separator, " ");
  return out;
}

Data SeparatedList(const std::vector<std::string>& items) {
  Data list{Data::type::list};
  for (size_t i = 0; i < items.size(); ++i) {
    Data item;
    item.set("item", items[i]);
    if (i + 1 == items.size()) item.set("last", true);
    list.push_back(item);
  }
  return list;
}

std::string Render(std::string_view name, Data data) {
  static const std::regex kPartial(R"(\{\{>\s*([\w.-]+)\s*\}\})");
  std::string text = TemplateText(name);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kPartial);
       it != std::sregex_iterator(); ++it) {
    std::string partial = (*it)[1].str();
    data.set(partial, TemplateText(partial));
  }
  kainjow::mustache::mustache tmpl{text};
  tmpl.set_custom_escape([](const std::string& s) { return TsString(s); });
  std::string out = DropMarkedLines(tmpl.render(data));
  if (!tmpl.is_valid()) {
    throw std::logic_error("template " + std::string(name) + ": " + tmpl.error_message());
  }
  return out;
}

}  // namespace monc::checkly
