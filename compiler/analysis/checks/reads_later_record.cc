// rule/reads-later-record: a rule reads a series that a recording rule later
// in its own group records. Prometheus's rule manager (like promtool and
// monc's evaluator) runs a group's rules in order at each evaluation and
// appends a recording rule's output before the next rule runs, so the
// reader sees the series as of the previous evaluation: one interval late,
// and nothing at all on the group's first evaluation. A record in another
// group is the usual pattern, and not reported.
//
// Reported once per series name, at the first selector naming it, with a
// note at the recording rule.
#include <map>

#include "compiler/analysis/checks/checks.h"

namespace monc::checks {

using namespace promql;

void ReadsLaterRecord(const Expr& root, Context& context, ExprReporter& reporter) {
  const model::Rule* rule = context.expr.rule;
  const model::RuleGroup* group = context.expr.group;
  if (!rule || !group) return;
  // The series recorded after `rule`, each by its first recording rule.
  std::map<std::string, const model::Rule*> later;
  bool after = false;
  for (const model::Rule& r : group->rules) {
    if (after && r.kind == model::Rule::Kind::Record) later.emplace(r.name.name, &r);
    if (&r == rule) after = true;
  }
  for (const Expr* e : Nodes(root)) {
    if (later.empty()) return;
    if (e->kind != NodeKind::VectorSelector) continue;
    const auto& selector = static_cast<const VectorSelector&>(*e);
    auto found = later.find(MetricNameOf(selector));
    if (found == later.end()) continue;
    const model::Rule& record = *found->second;
    std::string reader = rule->kind == model::Rule::Kind::Alert ? "alert" : "recording rule";
    Diagnostic& d = reporter.Report(
        Code::RuleReadsLaterRecord, NamePos(selector),
        reader + " '" + rule->name.name + "' reads '" + record.name.name +
            "', which a recording rule later in group '" + group->name.name +
            "' records: it sees the value of the previous evaluation; move that rule before '" +
            rule->name.name + "'");
    d.label = "one evaluation late, and absent on the group's first evaluation";
    d.notes.push_back({"'" + record.name.name + "' is recorded here", record.name.span});
    later.erase(found);
  }
}

}  // namespace monc::checks
