// Print(): Prometheus 2.42's canonical text of an expression (the String()
// methods of promql/parser/printer.go), except where Prometheus's text would
// read back as another expression: it drops `ignoring()` before
// group_left/group_right, prints `{}` as nothing and +Inf with its sign.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "compiler/promql/ast.h"
#include "compiler/promql/go_strconv.h"

namespace monc::promql {
namespace {


std::string FormatOffset(int64_t ms) {
  if (ms > 0) return " offset " + FormatDuration(ms);
  if (ms < 0) return " offset -" + FormatDuration(-ms);
  return "";
}

std::string FormatAt(const std::optional<AtModifier>& at) {
  if (!at) return "";
  switch (at->kind) {
    case AtModifier::Kind::Timestamp:
      return " @ " + go::FormatFixed(static_cast<double>(at->timestamp_ms) / 1000.0, 3);
    case AtModifier::Kind::Start:
      return " @ start()";
    case AtModifier::Kind::End:
      return " @ end()";
  }
  return "";
}

std::string JoinLabels(const std::vector<std::string>& labels) {
  std::string out;
  for (const std::string& l : labels) out += (out.empty() ? "" : ", ") + l;
  return out;
}

std::string FormatMatcher(const LabelMatcher& m) {
  static constexpr const char* kOps[] = {"=", "!=", "=~", "!~"};
  return m.name + kOps[static_cast<int>(m.type)] + go::Quote(m.value);
}

// A selector without its modifiers: the name, then the other matchers sorted.
std::string FormatSelector(const VectorSelector& s) {
  std::vector<std::string> matchers;
  for (const LabelMatcher& m : s.matchers) {
    // The name outside the braces is a matcher too; an explicit empty one is not it.
    if (m.name == "__name__" && m.type == MatchType::Equal && m.value == s.name && !s.name.empty()) {
      continue;
    }
    matchers.push_back(FormatMatcher(m));
  }
  // Prometheus prints nothing for `{}`, which would not read back.
  if (matchers.empty()) return s.name.empty() ? "{}" : s.name;
  std::sort(matchers.begin(), matchers.end());
  std::string out = s.name + "{";
  for (size_t i = 0; i < matchers.size(); ++i) out += (i ? "," : "") + matchers[i];
  return out + "}";
}

std::string FormatMatching(const Binary& b) {
  if (!b.matching) return "";
  const VectorMatching& m = *b.matching;
  const bool grouped =
      m.card == VectorMatching::Card::ManyToOne || m.card == VectorMatching::Card::OneToMany;
  if (!m.on && m.matching_labels.empty() && !grouped) return "";
  std::string out = std::string(m.on ? " on (" : " ignoring (") + JoinLabels(m.matching_labels) + ")";
  if (grouped) {
    out += m.card == VectorMatching::Card::ManyToOne ? " group_left (" : " group_right (";
    out += JoinLabels(m.include) + ")";
  }
  return out;
}

}  // namespace

std::string Print(const Expr& expr) {
  switch (expr.kind) {
    case NodeKind::Aggregate: {
      const auto& e = static_cast<const Aggregate&>(expr);
      std::string out(e.op->name);
      if (e.without) {
        out += " without (" + JoinLabels(e.grouping) + ") ";
      } else if (!e.grouping.empty()) {
        out += " by (" + JoinLabels(e.grouping) + ") ";
      }
      out += "(";
      if (e.param) out += Print(*e.param) + ", ";
      return out + Print(*e.expr) + ")";
    }
    case NodeKind::Binary: {
      const auto& e = static_cast<const Binary&>(expr);
      return Print(*e.lhs) + " " + std::string(Info(e.op).text) + (e.return_bool ? " bool" : "") +
             FormatMatching(e) + " " + Print(*e.rhs);
    }
    case NodeKind::Call: {
      const auto& e = static_cast<const Call&>(expr);
      std::string out = std::string(e.func->name) + "(";
      for (size_t i = 0; i < e.args.size(); ++i) out += (i ? ", " : "") + Print(*e.args[i]);
      return out + ")";
    }
    case NodeKind::MatrixSelector: {
      const auto& e = static_cast<const MatrixSelector&>(expr);
      const auto& s = static_cast<const VectorSelector&>(*e.selector);
      return FormatSelector(s) + "[" + FormatDuration(e.range_ms) + "]" + FormatAt(s.at) +
             FormatOffset(s.offset_ms);
    }
    case NodeKind::Subquery: {
      const auto& e = static_cast<const Subquery&>(expr);
      return Print(*e.expr) + "[" + FormatDuration(e.range_ms) + ":" +
             (e.step_ms != 0 ? FormatDuration(e.step_ms) : "") + "]" + FormatAt(e.at) +
             FormatOffset(e.offset_ms);
    }
    case NodeKind::Number: {
      // Prometheus prints +Inf, which reads back as a unary plus: around `^`
      // or a subquery (`Inf[5m:]`) that is another tree.
      const double value = static_cast<const NumberLiteral&>(expr).value;
      return std::isinf(value) && value > 0 ? "Inf" : go::FormatFloat(value);
    }
    case NodeKind::Paren:
      return "(" + Print(*static_cast<const Paren&>(expr).expr) + ")";
    case NodeKind::String:
      return go::Quote(static_cast<const StringLiteral&>(expr).value);
    case NodeKind::Unary: {
      const auto& e = static_cast<const Unary&>(expr);
      return std::string(Info(e.op).text) + Print(*e.expr);
    }
    case NodeKind::VectorSelector: {
      const auto& e = static_cast<const VectorSelector&>(expr);
      return FormatSelector(e) + FormatAt(e.at) + FormatOffset(e.offset_ms);
    }
  }
  return "";
}

std::string FormatDuration(int64_t ms) {
  if (ms == 0) return "0s";
  struct Unit {
    const char* name;
    int64_t ms;
    bool exact;
  };
  static constexpr Unit kUnits[] = {
      {"y", 1000LL * 60 * 60 * 24 * 365, true}, {"w", 1000LL * 60 * 60 * 24 * 7, true},
      {"d", 1000LL * 60 * 60 * 24, false},      {"h", 1000LL * 60 * 60, false},
      {"m", 1000LL * 60, false},                {"s", 1000, false},
      {"ms", 1, false},
  };
  std::string out;
  for (const Unit& u : kUnits) {
    if (u.exact && ms % u.ms != 0) continue;
    if (const int64_t n = ms / u.ms; n > 0) {
      out += std::to_string(n) + u.name;
      ms -= n * u.ms;
    }
  }
  return out;
}

}  // namespace monc::promql
