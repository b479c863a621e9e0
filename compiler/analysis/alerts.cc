// Alerts that collide with each other, and paging alerts without runbooks.
#include <map>

#include "compiler/analysis/analyze.h"

namespace monc {
namespace {

void CheckGroup(const model::System& system, const model::RuleGroup& group, DiagnosticSink& sink) {
  // Same name and same labels: both rules produce the same ALERTS series.
  std::map<std::pair<std::string, model::LabelSet>, const model::Rule*> seen;
  for (const model::Rule& rule : group.rules) {
    if (rule.kind != model::Rule::Kind::Alert) continue;
    auto [it, fresh] = seen.emplace(std::pair{rule.name.name, rule.labels}, &rule);
    if (!fresh) {
      Diagnostic& d = sink.Report(Code::AlertDuplicate, rule.name.span,
                                  "alert '" + rule.name.name + "' is defined twice in group '" +
                                      group.name.name + "' with the same labels");
      d.label = "give it a different severity or label, or remove one";
      d.notes.push_back({"first defined here", it->second->name.span});
    }
    if (!rule.severity) continue;
    const model::SeverityLevel* level = system.severities.Find(rule.severity->name);
    bool has_runbook = rule.annotations.count(system.runbook_annotation) ||
                       rule.annotations.count("runbook_url") || rule.annotations.count("runbook");
    if (level && level->page && !has_runbook) {
      sink.Report(Code::AlertMissingRunbook, rule.name.span,
                  "alert '" + rule.name.name + "' pages (severity '" + rule.severity->name +
                      "') but has no runbook")
          .label = "add 'runbook: <url>' so the person paged knows what to do";
    }
  }
}

}  // namespace

void CheckAlerts(const model::System& system, DiagnosticSink& sink) {
  for (const model::RuleGroup& group : system.groups) CheckGroup(system, group, sink);
  for (const model::RuleGroup& group : system.log_groups) CheckGroup(system, group, sink);
}

}  // namespace monc
