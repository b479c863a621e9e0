// Inhibit rules whose `equal` labels the alerts they match cannot carry:
// Alertmanager then treats the label as empty on both sides, so the rule
// either never fires or mutes far more than intended.
#include <vector>

#include "compiler/analysis/analyze.h"

namespace monc {
namespace {

// Alerts whose static labels do not rule out `matchers`.
std::vector<const model::Rule*> Matching(const model::System& system,
                                         const std::vector<model::Matcher>& matchers) {
  std::vector<const model::Rule*> out;
  for (const auto* groups : {&system.groups, &system.log_groups}) {
    for (const model::RuleGroup& group : *groups) {
      for (const model::Rule& rule : group.rules) {
        if (rule.kind != model::Rule::Kind::Alert) continue;
        bool match = true;
        for (const model::Matcher& m : matchers) {
          if (m.name() == "alertname") {
            match = match && m.Matches(rule.name.name);
          } else if (auto it = rule.labels.find(m.name()); it != rule.labels.end()) {
            match = match && m.Matches(it->second);
          }
        }
        if (match) out.push_back(&rule);
      }
    }
  }
  return out;
}

// Alertmanager sees an alert's expression labels plus the rule's own; an
// expression that did not check (already reported) may carry anything.
bool CanCarry(const model::Rule& rule, const std::string& label, const ExprFacts& facts) {
  if (label == "alertname" || rule.labels.count(label)) return true;
  auto it = facts.rule_labels.find(&rule);
  return it == facts.rule_labels.end() || it->second.MayCarry(label);
}

}  // namespace

void CheckInhibitRules(const model::System& system, const ExprFacts& facts,
                       DiagnosticSink& sink) {
  for (const model::InhibitRule& inhibit : system.inhibit_rules) {
    if (inhibit.invalid) continue;
    for (auto [side, matchers] : {std::pair{"source", &inhibit.source},
                                  std::pair{"target", &inhibit.target}}) {
      auto alerts = Matching(system, *matchers);
      if (alerts.empty()) continue;  // alerts from elsewhere: nothing to judge by
      for (const model::Ref& label : inhibit.equal) {
        bool carried = false;
        for (const model::Rule* rule : alerts) carried = carried || CanCarry(*rule, label.name, facts);
        if (carried) continue;
        Diagnostic& d = sink.Report(
            Code::InhibitEqualLabel, label.span,
            std::string("no ") + side + " alert of this inhibit rule carries the label '" +
                label.name + "'");
        d.label = "an absent label compares as empty: the rule mutes too much or never fires";
        d.notes.push_back({"e.g. alert '" + alerts.front()->name.name +
                               "' has neither a static label nor an expression that keeps it",
                           alerts.front()->name.span});
      }
    }
  }
}

}  // namespace monc
