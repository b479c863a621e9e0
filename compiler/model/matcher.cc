#include "compiler/model/matcher.h"

#include <re2/re2.h>

namespace monc::model {
namespace {

bool IsLabelNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsLabelNameChar(char c) { return IsLabelNameStart(c) || (c >= '0' && c <= '9'); }

// Removes the quotes of a Go-style double-quoted string.
std::optional<std::string> Unquote(std::string_view s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return std::nullopt;
  std::string out;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '"') return std::nullopt;
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    if (++i + 1 >= s.size()) return std::nullopt;
    switch (s[i]) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case '\\': out += '\\'; break;
      case '"': out += '"'; break;
      default: return std::nullopt;
    }
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<Matcher> Matcher::Make(std::string name, MatchOp op, std::string value,
                                     std::string* error) {
  if (name.empty() || !IsLabelNameStart(name[0]) ||
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") !=
          std::string::npos) {
    *error = "invalid label name '" + name + "'";
    return std::nullopt;
  }
  Matcher m;
  m.name_ = std::move(name);
  m.op_ = op;
  m.value_ = std::move(value);
  if (op == MatchOp::Regex || op == MatchOp::NotRegex) {
    // Checked on its own first, so the error shows the user's text, not the
    // anchoring added below.
    re2::RE2 plain(m.value_, re2::RE2::Quiet);
    if (!plain.ok()) {
      *error = "invalid regular expression '" + m.value_ + "': " + plain.error();
      return std::nullopt;
    }
    m.regex_ = std::make_shared<re2::RE2>("^(?:" + m.value_ + ")$", re2::RE2::Quiet);
  }
  return m;
}

std::optional<Matcher> Matcher::Parse(std::string_view text, std::string* error) {
  text = Trim(text);
  size_t i = 0;
  while (i < text.size() && IsLabelNameChar(text[i])) ++i;
  std::string name(text.substr(0, i));
  std::string_view rest = Trim(text.substr(i));
  MatchOp op;
  if (rest.substr(0, 2) == "=~") {
    op = MatchOp::Regex;
    rest.remove_prefix(2);
  } else if (rest.substr(0, 2) == "!~") {
    op = MatchOp::NotRegex;
    rest.remove_prefix(2);
  } else if (rest.substr(0, 2) == "!=") {
    op = MatchOp::NotEqual;
    rest.remove_prefix(2);
  } else if (rest.substr(0, 1) == "=") {
    op = MatchOp::Equal;
    rest.remove_prefix(1);
  } else {
    *error = "expected one of '=', '!=', '=~', '!~' after the label name in '" +
             std::string(text) + "'";
    return std::nullopt;
  }
  rest = Trim(rest);
  std::string value(rest);
  if (!rest.empty() && rest.front() == '"') {
    auto unquoted = Unquote(rest);
    if (!unquoted) {
      *error = "unterminated or badly escaped quoted value in '" + std::string(text) + "'";
      return std::nullopt;
    }
    value = *unquoted;
  }
  return Make(std::move(name), op, std::move(value), error);
}

std::optional<std::vector<Matcher>> Matcher::ParseList(std::string_view text,
                                                       std::string* error) {
  text = Trim(text);
  if (!text.empty() && text.front() == '{' && text.back() == '}') {
    text = Trim(text.substr(1, text.size() - 2));
  }
  std::vector<Matcher> out;
  size_t start = 0;
  bool quoted = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] == '\\' && quoted) {
      ++i;
    } else if (i < text.size() && text[i] == '"') {
      quoted = !quoted;
    } else if (i == text.size() || (text[i] == ',' && !quoted)) {
      std::string_view part = Trim(text.substr(start, i - start));
      start = i + 1;
      if (part.empty() && i == text.size() && !out.empty()) break;  // trailing comma
      auto m = Parse(part, error);
      if (!m) return std::nullopt;
      out.push_back(std::move(*m));
    }
  }
  return out;
}

bool Matcher::Matches(std::string_view label_value) const {
  switch (op_) {
    case MatchOp::Equal:
      return label_value == value_;
    case MatchOp::NotEqual:
      return label_value != value_;
    case MatchOp::Regex:
      return re2::RE2::FullMatch(re2::StringPiece(label_value.data(), label_value.size()), *regex_);
    case MatchOp::NotRegex:
      return !re2::RE2::FullMatch(re2::StringPiece(label_value.data(), label_value.size()), *regex_);
  }
  return false;
}

bool Matcher::MatchesEverything() const {
  return op_ == MatchOp::Regex && (value_ == ".*" || value_ == "(.*)");
}

std::string Matcher::ToString() const {
  static const char* kOps[] = {"=", "!=", "=~", "!~"};
  std::string out = name_ + kOps[static_cast<int>(op_)] + "\"";
  for (char c : value_) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

bool operator==(const Matcher& a, const Matcher& b) {
  return a.name() == b.name() && a.op() == b.op() && a.value() == b.value();
}

}  // namespace monc::model
