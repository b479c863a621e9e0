// A compiled label matcher (Prometheus's labels.Matcher): regexes are RE2,
// anchored at both ends as Prometheus anchors them (^(?:re)$).
#ifndef MONC_RUNTIME_MODEL_MATCHER_H_
#define MONC_RUNTIME_MODEL_MATCHER_H_

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/promql/ast.h"

namespace monc::runtime {

class Matcher {
 public:
  // nullopt (and `error` set, as Prometheus words it) when the regex does
  // not compile.
  static std::optional<Matcher> Make(promql::MatchType type, std::string name, std::string value,
                                     std::string* error);
  static std::optional<Matcher> FromAst(const promql::LabelMatcher& m, std::string* error) {
    return Make(m.type, m.name, m.value, error);
  }

  // A missing label matches as the empty string, as in Prometheus.
  bool Matches(std::string_view value) const;
  bool MatchesEmpty() const { return Matches(""); }

  promql::MatchType type() const { return type_; }
  const std::string& name() const { return name_; }
  const std::string& value() const { return value_; }

 private:
  Matcher() = default;
  promql::MatchType type_ = promql::MatchType::Equal;
  std::string name_;
  std::string value_;
  std::shared_ptr<const RE2> re_;  // shared with every matcher of the same regex
};

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_MODEL_MATCHER_H_
