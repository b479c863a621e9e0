#include "compiler/logql/validate.h"

#include <string>
#include <vector>

#include "re2/re2.h"

namespace monc::logql {
namespace {

constexpr const char* kNeedsMatcher =
    "queries require at least one regexp or equality matcher that does not have an "
    "empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but "
    "app=~\".+\" will";

Error Unplaced(std::string message) {
  Error e;
  e.message = std::move(message);
  return e;
}

bool MatchesEmpty(const LabelMatcher& m) {
  switch (m.type) {
    case MatchType::Equal: return m.value.empty();
    case MatchType::NotEqual: return !m.value.empty();
    case MatchType::Regex:
    case MatchType::NotRegex: {
      const RE2 re("^(?:" + m.value + ")$");
      const bool matches = re.ok() && RE2::FullMatch("", re);
      return m.type == MatchType::Regex ? matches : !matches;
    }
  }
  return false;
}

// The log query a range aggregation, a log query or variants read.
const LogSelector* SelectorOf(const Expr& expr) {
  switch (expr.kind) {
    case NodeKind::LogSelector: return static_cast<const LogSelector*>(&expr);
    case NodeKind::RangeAggregation:
      return static_cast<const RangeAggregation&>(expr).range.selector.get();
    case NodeKind::Variants: return static_cast<const Variants&>(expr).of.get();
    default: return nullptr;
  }
}

std::optional<Error> ValidateMatchers(const LogSelector* selector) {
  if (selector) {
    for (const LabelMatcher& m : selector->matchers) {
      if (!MatchesEmpty(m)) return std::nullopt;
    }
  }
  return Unplaced(kNeedsMatcher);
}

}  // namespace

std::optional<Error> Validate(const Expr& expr) {
  switch (expr.kind) {
    case NodeKind::Binary: {
      const auto& b = static_cast<const Binary&>(expr);
      if (auto e = Validate(*b.lhs)) return e;
      return Validate(*b.rhs);
    }
    case NodeKind::Literal:
    case NodeKind::Vector:
      return std::nullopt;
    case NodeKind::VectorAggregation: {
      const auto& v = static_cast<const VectorAggregation&>(expr);
      // Loki refuses approx_topk's grouping while parsing; sort's here.
      if (!v.op->grouping && v.grouping && !v.grouping->labels.empty()) {
        return Unplaced("sort and sort_desc doesn't allow grouping by ");
      }
      return Validate(*v.expr);
    }
    case NodeKind::LabelReplace:
      return Validate(*static_cast<const LabelReplace&>(expr).expr);
    default:
      return ValidateMatchers(SelectorOf(expr));
  }
}

}  // namespace monc::logql
