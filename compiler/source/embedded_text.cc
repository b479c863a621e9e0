#include "compiler/source/embedded_text.h"

#include <algorithm>

namespace monc {
namespace {

// Bytes of source a YAML double-quoted escape starting at `s[i] == '\\'`
// occupies, and how many value bytes it produces (UTF-8 for \x, \u, \U).
std::pair<size_t, size_t> DoubleQuotedEscape(std::string_view s, size_t i) {
  if (i + 1 >= s.size()) return {1, 0};
  char c = s[i + 1];
  auto utf8_length = [](uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; };
  auto hex = [&](size_t digits) -> std::pair<size_t, size_t> {
    uint32_t cp = 0;
    for (size_t k = 0; k < digits && i + 2 + k < s.size(); ++k) {
      char h = s[i + 2 + k];
      cp = cp * 16 + static_cast<uint32_t>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
    }
    return {2 + digits, static_cast<size_t>(utf8_length(cp))};
  };
  switch (c) {
    case 'x':
      return hex(2);
    case 'u':
      return hex(4);
    case 'U':
      return hex(8);
    case '\n':
      return {2, 0};  // an escaped line break joins the lines
    default:
      return {2, 1};
  }
}

}  // namespace

EmbeddedText EmbeddedText::FromYamlScalar(const SourceManager& sources, FileId file,
                                          uint32_t begin, const std::string& value) {
  EmbeddedText e;
  e.file_ = file;
  std::string_view text = sources.Text(file);
  size_t src = begin;
  bool double_quoted = false;
  if (src < text.size()) {
    char c = text[src];
    if (c == '"' || c == '\'') {
      double_quoted = c == '"';
      ++src;
    } else if (c == '|' || c == '>') {
      size_t line_end = text.find('\n', src);
      src = line_end == std::string_view::npos ? text.size() : line_end + 1;
    }
  }
  // Walk value and source together. Equal bytes map to each other; source
  // bytes the value lacks (indentation, quotes doubled, line breaks folded
  // into spaces) are skipped; escapes map all their value bytes to the '\'.
  for (size_t v = 0; v < value.size();) {
    if (double_quoted && src < text.size() && text[src] == '\\') {
      auto [spelled, produced] = DoubleQuotedEscape(text, src);
      for (size_t k = 0; k < produced && v < value.size(); ++k, ++v) {
        e.begins_.push_back(static_cast<uint32_t>(src));
        e.ends_.push_back(static_cast<uint32_t>(src + spelled));
      }
      src += spelled;
      continue;
    }
    // A folded line break becomes a space in the value: map it to the break.
    if (value[v] == ' ' && src < text.size() && text[src] == '\n') {
      e.begins_.push_back(static_cast<uint32_t>(src));
      e.ends_.push_back(static_cast<uint32_t>(++src));
      ++v;
      continue;
    }
    while (src < text.size() && text[src] != value[v] &&
           (text[src] == ' ' || text[src] == '\t' || text[src] == '\n' || text[src] == '\r' ||
            text[src] == '\'' || text[src] == '"')) {
      ++src;
    }
    if (src >= text.size() || text[src] != value[v]) {
      e.exact_ = false;
      while (e.begins_.size() < value.size()) {
        e.begins_.push_back(begin);
        e.ends_.push_back(begin + 1);
      }
      break;
    }
    e.begins_.push_back(static_cast<uint32_t>(src));
    e.ends_.push_back(static_cast<uint32_t>(++src));
    ++v;
  }
  size_t last_text = value.find_last_not_of(" \t\r\n");
  e.end_of_text_ = last_text == std::string::npos ? begin : e.ends_[last_text];
  e.begins_.push_back(e.end_of_text_);
  e.ends_.push_back(e.end_of_text_ + 1);
  return e;
}

Span EmbeddedText::ToSpan(uint32_t begin, uint32_t end) const {
  size_t last = begins_.size() - 1;
  // Past the last character (end of input), or on trailing blanks.
  if (begin >= last || begins_[begin] > end_of_text_) return {file_, end_of_text_, end_of_text_ + 1};
  uint32_t b = begins_[begin];
  // Ends where the last byte's spelling ends, so a span never runs on over
  // the indentation or quote that follows it.
  uint32_t e = end > begin ? ends_[std::min<size_t>(end - 1, last)] : b + 1;
  return {file_, b, std::max(e, b + 1)};
}

}  // namespace monc
