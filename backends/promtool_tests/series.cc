#include "backends/promtool_tests/series.h"

#include <cctype>
#include <map>
#include <vector>

#include "compiler/model/matcher.h"
#include "compiler/promql/parse.h"

namespace monc::promtool_tests {
namespace {

using promql::LabelMatcher;
using promql::MatchType;

// A value unlike anything a spec matches on.
constexpr char kOther[] = "monc_other";

bool Matches(const LabelMatcher& m, const std::string& value) {
  static constexpr model::MatchOp kOps[] = {model::MatchOp::Equal, model::MatchOp::NotEqual,
                                            model::MatchOp::Regex, model::MatchOp::NotRegex};
  std::string error;
  auto matcher = model::Matcher::Make(m.name, kOps[static_cast<int>(m.type)], m.value, &error);
  return matcher && matcher->Matches(value);
}

// Where the `|` alternatives of `regex` split, outside groups and classes.
std::vector<std::string> Alternatives(const std::string& regex) {
  std::vector<std::string> out(1);
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < regex.size(); ++i) {
    char c = regex[i];
    if (c == '\\' && i + 1 < regex.size()) {
      out.back() += regex.substr(i++, 2);
      continue;
    }
    if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      out.emplace_back();
      continue;
    }
    out.back() += c;
  }
  return out;
}

std::optional<std::string> Example(const std::string& regex);

// One string a regex without top-level `|` matches: each atom once, atoms
// under * or ? left out, {n} repeated n times.
std::optional<std::string> Sequence(const std::string& re) {
  std::string out;
  for (size_t i = 0; i < re.size();) {
    std::string atom;
    char c = re[i];
    if (c == '^' || c == '$') {
      ++i;
      continue;
    }
    if (c == '\\' && i + 1 < re.size()) {
      static const std::map<char, char> kClasses = {{'d', '0'}, {'w', 'a'}, {'s', ' '},
                                                    {'D', 'a'}, {'W', '-'}, {'S', 'a'}};
      auto it = kClasses.find(re[i + 1]);
      atom = it != kClasses.end() ? std::string(1, it->second) : std::string(1, re[i + 1]);
      i += 2;
    } else if (c == '[') {
      size_t end = re.find(']', i + 2);
      if (end == std::string::npos || re[i + 1] == '^') return std::nullopt;
      atom = re.substr(i + 1, 1);
      i = end + 1;
    } else if (c == '(') {
      int depth = 0;
      size_t end = i;
      for (; end < re.size(); ++end) {
        if (re[end] == '\\') {
          ++end;
        } else if (re[end] == '(') {
          ++depth;
        } else if (re[end] == ')' && --depth == 0) {
          break;
        }
      }
      if (end >= re.size()) return std::nullopt;
      std::string inner = re.substr(i + 1, end - i - 1);
      if (inner.rfind("?:", 0) == 0) inner = inner.substr(2);
      auto group = Example(inner);
      if (!group) return std::nullopt;
      atom = *group;
      i = end + 1;
    } else if (c == '.') {
      atom = "0";
      ++i;
    } else {
      atom = std::string(1, c);
      ++i;
    }
    int times = 1;
    if (i < re.size() && (re[i] == '*' || re[i] == '?')) {
      times = 0;
      ++i;
    } else if (i < re.size() && re[i] == '+') {
      ++i;
    } else if (i < re.size() && re[i] == '{') {
      size_t end = re.find('}', i);
      if (end == std::string::npos || !std::isdigit(static_cast<unsigned char>(re[i + 1]))) {
        return std::nullopt;
      }
      times = std::stoi(re.substr(i + 1));
      i = end + 1;
    }
    if (i < re.size() && re[i] == '?') ++i;  // lazy: same strings
    for (int k = 0; k < times; ++k) out += atom;
  }
  return out;
}

// A string `regex` matches whole, or nullopt.
std::optional<std::string> Example(const std::string& regex) {
  for (const std::string& alternative : Alternatives(regex)) {
    if (auto s = Sequence(alternative)) return s;
  }
  return std::nullopt;
}

// Values that satisfy `m`, best first (unchecked).
std::vector<std::string> Satisfying(const LabelMatcher& m) {
  switch (m.type) {
    case MatchType::Equal:
      return {m.value};
    case MatchType::NotEqual:
      return {"", kOther};
    case MatchType::Regex:
      if (auto e = Example(m.value)) return {*e, ""};
      return {""};
    case MatchType::NotRegex:
      return {"", kOther};
  }
  return {};
}

// Values that do not satisfy `m` (unchecked).
std::vector<std::string> Violating(const LabelMatcher& m) {
  LabelMatcher opposite = m;
  static constexpr MatchType kOpposite[] = {MatchType::NotEqual, MatchType::Equal,
                                            MatchType::NotRegex, MatchType::Regex};
  opposite.type = kOpposite[static_cast<int>(m.type)];
  return Satisfying(opposite);
}

bool SatisfiesAll(const promql::VectorSelector& s, const std::string& label,
                  const std::string& value) {
  for (const LabelMatcher& m : s.matchers) {
    if (m.name == label && !Matches(m, value)) return false;
  }
  return true;
}

}  // namespace

std::optional<promql::VectorSelector> ParseSelector(const std::string& text) {
  promql::ParseResult parsed = promql::Parse(text);
  if (!parsed.errors.empty() || !parsed.expr ||
      parsed.expr->kind != promql::NodeKind::VectorSelector) {
    return std::nullopt;
  }
  return static_cast<const promql::VectorSelector&>(*parsed.expr);
}

bool Selects(const promql::VectorSelector& selector, const model::LabelSet& labels) {
  for (const LabelMatcher& m : selector.matchers) {
    auto it = labels.find(m.name);
    if (!Matches(m, it == labels.end() ? "" : it->second)) return false;
  }
  return true;
}

std::optional<model::LabelSet> Selected(const promql::VectorSelector& selector) {
  model::LabelSet labels;
  for (const LabelMatcher& m : selector.matchers) {
    if (labels.count(m.name)) continue;
    std::vector<std::string> candidates;
    for (const LabelMatcher& n : selector.matchers) {
      if (n.name != m.name) continue;
      for (std::string& v : Satisfying(n)) candidates.push_back(std::move(v));
    }
    for (const std::string& v : candidates) {
      if (!SatisfiesAll(selector, m.name, v)) continue;
      labels[m.name] = v;
      break;
    }
    if (!labels.count(m.name)) return std::nullopt;
  }
  for (auto it = labels.begin(); it != labels.end();) {
    it = it->second.empty() ? labels.erase(it) : std::next(it);  // empty is absent
  }
  if (!Selects(selector, labels) || !labels.count("__name__")) return std::nullopt;
  return labels;
}

std::optional<model::LabelSet> SelectedNotBy(const promql::VectorSelector& selector,
                                             const promql::VectorSelector& other) {
  std::optional<model::LabelSet> labels = Selected(selector);
  if (!labels || !Selects(other, *labels)) return labels;
  for (const LabelMatcher& m : other.matchers) {
    for (const std::string& v : Violating(m)) {
      if (!SatisfiesAll(selector, m.name, v)) continue;
      model::LabelSet changed = *labels;
      if (v.empty()) {
        changed.erase(m.name);
      } else {
        changed[m.name] = v;
      }
      if (Selects(selector, changed) && !Selects(other, changed)) return changed;
    }
  }
  return std::nullopt;
}

std::string SeriesText(const model::LabelSet& labels) {
  std::string out;
  auto name = labels.find("__name__");
  if (name != labels.end()) out = name->second;
  std::string matchers;
  for (const auto& [k, v] : labels) {
    if (k == "__name__") continue;
    std::string quoted;
    for (char c : v) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c == '\n' ? std::string("\\n") : std::string(1, c);
    }
    matchers += (matchers.empty() ? "" : ",") + k + "=\"" + quoted + "\"";
  }
  return out + "{" + matchers + "}";
}

}  // namespace monc::promtool_tests
