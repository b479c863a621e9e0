// Inhibit rules whose `equal` labels the alerts they match cannot carry:
// Alertmanager then treats the label as empty on both sides, so the rule
// either never fires or mutes far more than intended.
#include <cctype>
#include <vector>

#include "compiler/analysis/analyze.h"

namespace monc {
namespace {

bool IsIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Offsets where `word` occurs as a whole identifier.
std::vector<size_t> Tokens(const std::string& text, const std::string& word) {
  std::vector<size_t> out;
  for (size_t pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + 1)) {
    bool left = pos == 0 || !IsIdentChar(text[pos - 1]);
    bool right = pos + word.size() >= text.size() || !IsIdentChar(text[pos + word.size()]);
    if (left && right) out.push_back(pos);
  }
  return out;
}

// Whether the series `expr` returns may carry `label`. A lexical
// approximation until the PromQL front end infers output label sets: an
// aggregation without `without` keeps only labels it names. (topk and
// bottomk keep whole series, so they are not among them.)
bool ExprMayCarry(const std::string& expr, const std::string& label) {
  if (!Tokens(expr, label).empty() || !Tokens(expr, "without").empty()) return true;
  for (const char* agg : {"sum", "avg", "min", "max", "count", "quantile", "stddev", "stdvar",
                          "count_values", "group"}) {
    for (size_t pos : Tokens(expr, agg)) {
      size_t next = expr.find_first_not_of(" \t\n", pos + std::string(agg).size());
      if (next != std::string::npos && (expr[next] == '(' || expr.compare(next, 2, "by") == 0)) {
        return false;
      }
    }
  }
  return true;
}

// Alerts whose static labels do not rule out `matchers`.
std::vector<const model::Rule*> Matching(const model::System& system,
                                         const std::vector<model::Matcher>& matchers) {
  std::vector<const model::Rule*> out;
  for (const model::RuleGroup& group : system.groups) {
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
  return out;
}

bool CanCarry(const model::Rule& rule, const std::string& label) {
  return label == "alertname" || rule.labels.count(label) || ExprMayCarry(rule.expr, label);
}

}  // namespace

void CheckInhibitRules(const model::System& system, DiagnosticSink& sink) {
  for (const model::InhibitRule& inhibit : system.inhibit_rules) {
    if (inhibit.invalid) continue;
    for (auto [side, matchers] : {std::pair{"source", &inhibit.source},
                                  std::pair{"target", &inhibit.target}}) {
      auto alerts = Matching(system, *matchers);
      if (alerts.empty()) continue;  // alerts from elsewhere: nothing to judge by
      for (const model::Ref& label : inhibit.equal) {
        bool carried = false;
        for (const model::Rule* rule : alerts) carried = carried || CanCarry(*rule, label.name);
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
