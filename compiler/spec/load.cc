#include "compiler/spec/load.h"

#include <yaml-cpp/yaml.h>

#include <re2/re2.h>

#include <map>

namespace monc {
namespace {

// The end of a scalar that starts at `begin`: quoted scalars run to their
// closing quote, plain ones for as long as their value (at most to the end
// of the line), block scalars cover their indicator line.
uint32_t ScalarEnd(std::string_view text, uint32_t begin, const std::string& value) {
  size_t line_end = text.find('\n', begin);
  if (line_end == std::string_view::npos) line_end = text.size();
  if (begin >= text.size()) return begin;
  char c = text[begin];
  if (c == '"' || c == '\'') {
    for (size_t i = begin + 1; i < text.size(); ++i) {
      if (c == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == c) {
        if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;
          continue;
        }
        return static_cast<uint32_t>(i + 1);
      }
    }
    return static_cast<uint32_t>(line_end);
  }
  if (c == '|' || c == '>') return static_cast<uint32_t>(line_end);
  size_t end = std::min<size_t>(begin + std::max<size_t>(value.size(), 1), line_end);
  return static_cast<uint32_t>(end);
}

nlohmann::json PlainScalar(const std::string& s) {
  static const re2::RE2 kInt("[-+]?[0-9]+");
  static const re2::RE2 kFloat("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  if (re2::RE2::FullMatch(s, kInt)) {
    try {
      return std::stoll(s);
    } catch (const std::out_of_range&) {
      return s;
    }
  }
  if (re2::RE2::FullMatch(s, kFloat)) return std::stod(s);
  return s;
}

class Converter {
 public:
  Converter(FileId file, std::string_view text, SpecDocument& doc, DiagnosticSink& sink)
      : file_(file), text_(text), doc_(doc), sink_(sink) {}

  nlohmann::json Convert(const YAML::Node& node, const std::string& pointer, Span key) {
    Span value = SpanOf(node);
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        doc_.places[pointer] = {key, value};
        return nullptr;
      case YAML::NodeType::Scalar: {
        const std::string& s = node.Scalar();
        value.end = ScalarEnd(text_, value.begin, s);
        doc_.places[pointer] = {key, value};
        const std::string& tag = node.Tag();
        if (tag == "?") return PlainScalar(s);
        return s;  // quoted, block or explicitly tagged: a string
      }
      case YAML::NodeType::Sequence: {
        value.end = LineEnd(value.begin);
        doc_.places[pointer] = {key, value};
        nlohmann::json out = nlohmann::json::array();
        size_t i = 0;
        for (const YAML::Node& item : node) {
          out.push_back(Convert(item, pointer + "/" + std::to_string(i++), Span{}));
        }
        return out;
      }
      case YAML::NodeType::Map: {
        value.end = LineEnd(value.begin);
        doc_.places[pointer] = {key, value};
        nlohmann::json out = nlohmann::json::object();
        std::map<std::string, Span> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
          std::string name = it->first.IsScalar() ? it->first.Scalar() : "";
          Span key_span = SpanOf(it->first);
          key_span.end = ScalarEnd(text_, key_span.begin, name);
          auto [previous, fresh] = seen.emplace(name, key_span);
          if (!fresh) {
            sink_.Report(Code::YamlDuplicateKey, key_span, "duplicate key '" + name + "'")
                .notes.push_back({"first defined here", previous->second});
            continue;
          }
          out[name] = Convert(it->second, pointer + "/" + PointerToken(name), key_span);
        }
        return out;
      }
    }
    return nullptr;
  }

 private:
  // A collection is underlined to the end of its first line, without
  // trailing blanks or a comment.
  uint32_t LineEnd(uint32_t begin) const {
    size_t end = text_.find('\n', begin);
    if (end == std::string_view::npos) end = text_.size();
    // Searched within the line only: a search to the end of the file per
    // node made loading quadratic.
    size_t comment = text_.substr(0, end).find(" #", begin);
    if (comment != std::string_view::npos) end = comment;
    while (end > begin + 1 && (text_[end - 1] == ' ' || text_[end - 1] == '\r')) --end;
    return static_cast<uint32_t>(std::max<size_t>(end, begin + 1));
  }

  Span SpanOf(const YAML::Node& node) const {
    YAML::Mark m = node.Mark();
    uint32_t pos = m.pos < 0 ? 0 : static_cast<uint32_t>(m.pos);
    return {file_, pos, pos + 1};
  }

  FileId file_;
  std::string_view text_;
  SpecDocument& doc_;
  DiagnosticSink& sink_;
};

}  // namespace

std::optional<SpecDocument> LoadSpec(FileId file, const SourceManager& sources,
                                     DiagnosticSink& sink) {
  std::string_view text = sources.Text(file);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    uint32_t pos = e.mark.pos < 0 ? 0 : static_cast<uint32_t>(e.mark.pos);
    sink.Report(Code::YamlSyntax, {file, pos, pos + 1}, e.msg);
    return std::nullopt;
  }
  SpecDocument doc;
  doc.file = file;
  Converter converter(file, text, doc, sink);
  doc.root = converter.Convert(root, "", Span{});
  return doc;
}

}  // namespace monc
