#include "backends/common/rule_groups.h"

#include <string>

namespace monc::backends {
namespace {

const char* KindKey(model::Rule::Kind kind) {
  switch (kind) {
    case model::Rule::Kind::Alert:
      return "alert";
    case model::Rule::Kind::Record:
      return "record";
  }
  return "";
}

// yaml-cpp writes block scalars only with the clip indicator `|`, which
// reads back with exactly one final newline and cannot start with blanks.
// So an expression loses its surrounding whitespace (PromQL and LogQL ignore it);
// a multi-line one then ends in one newline, as after the spec's own
// `expr: |`, and a one-line one in none, so that it stays a plain scalar.
std::string ExprText(const std::string& expr) {
  constexpr const char* kBlanks = " \t\n";
  size_t begin = expr.find_first_not_of(kBlanks);
  if (begin == std::string::npos) return "";
  std::string text = expr.substr(begin, expr.find_last_not_of(kBlanks) + 1 - begin);
  if (text.find('\n') != std::string::npos) text += '\n';
  return text;
}

nlohmann::ordered_json RuleJson(const model::Rule& rule) {
  nlohmann::ordered_json out;
  out[KindKey(rule.kind)] = rule.name.name;
  out["expr"] = ExprText(rule.expr);
  if (rule.for_duration) out["for"] = rule.for_duration->text;
  if (rule.keep_firing_for) out["keep_firing_for"] = rule.keep_firing_for->text;
  if (!rule.labels.empty()) out["labels"] = rule.labels;
  if (!rule.annotations.empty()) out["annotations"] = rule.annotations;
  return out;
}

}  // namespace

nlohmann::ordered_json RuleGroups(const std::vector<model::RuleGroup>& rule_groups) {
  nlohmann::ordered_json groups = nlohmann::ordered_json::array();
  for (const model::RuleGroup& group : rule_groups) {
    nlohmann::ordered_json out;
    out["name"] = group.name.name;
    if (group.interval) out["interval"] = group.interval->text;
    if (group.limit > 0) out["limit"] = group.limit;
    nlohmann::ordered_json& rules = out["rules"] = nlohmann::ordered_json::array();
    for (const model::Rule& rule : group.rules) rules.push_back(RuleJson(rule));
    groups.push_back(std::move(out));
  }
  return groups;
}

}  // namespace monc::backends
