// Alertmanager label matchers: `name=value`, `name!=value`, `name=~regex`,
// `name!~regex`; values may be double-quoted with Go escapes. Regexes are
// RE2 syntax, fully anchored as Alertmanager anchors them.
#ifndef MONC_COMPILER_MODEL_MATCHER_H_
#define MONC_COMPILER_MODEL_MATCHER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source_manager.h"

namespace re2 {
class RE2;
}

namespace monc::model {

enum class MatchOp { Equal, NotEqual, Regex, NotRegex };

class Matcher {
 public:
  // Nullopt and a message in `error` when the text or its regex is invalid.
  static std::optional<Matcher> Parse(std::string_view text, std::string* error);
  static std::optional<Matcher> Make(std::string name, MatchOp op, std::string value,
                                     std::string* error);
  // One `matchers:` entry, which Alertmanager lets hold several matchers
  // separated by commas, optionally in braces: `{a="x", b=~"y"}`.
  static std::optional<std::vector<Matcher>> ParseList(std::string_view text, std::string* error);

  const std::string& name() const { return name_; }
  MatchOp op() const { return op_; }
  const std::string& value() const { return value_; }

  // Whether a label with this value (absent labels are "") matches.
  bool Matches(std::string_view label_value) const;
  // Whether every possible value matches (e.g. `x=~".*"`).
  bool MatchesEverything() const;
  // Alertmanager's canonical text: name="value" with escapes.
  std::string ToString() const;

  Span span;

 private:
  std::string name_;
  MatchOp op_ = MatchOp::Equal;
  std::string value_;
  std::shared_ptr<const re2::RE2> regex_;
};

bool operator==(const Matcher& a, const Matcher& b);

}  // namespace monc::model

#endif  // MONC_COMPILER_MODEL_MATCHER_H_
