#include "runtime/model/matcher.h"

namespace monc::runtime {

std::optional<Matcher> Matcher::Make(promql::MatchType type, std::string name, std::string value,
                                     std::string* error) {
  Matcher m;
  m.type_ = type;
  m.name_ = std::move(name);
  m.value_ = std::move(value);
  if (type == promql::MatchType::Regex || type == promql::MatchType::NotRegex) {
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_shared<RE2>("^(?:" + m.value_ + ")$", options);
    if (!re->ok()) {
      if (error) *error = "error parsing regexp: " + re->error();
      return std::nullopt;
    }
    m.re_ = std::move(re);
  }
  return m;
}

bool Matcher::Matches(std::string_view value) const {
  switch (type_) {
    case promql::MatchType::Equal: return value == value_;
    case promql::MatchType::NotEqual: return value != value_;
    case promql::MatchType::Regex: return RE2::FullMatch(value, *re_);
    case promql::MatchType::NotRegex: return !RE2::FullMatch(value, *re_);
  }
  return false;
}

}  // namespace monc::runtime
