#include "compiler/analysis/slo_expand.h"

#include <optional>
#include <set>

#include "compiler/analysis/catalog.h"
#include "compiler/analysis/promql_checks.h"
#include "compiler/analysis/slo_sli.h"

namespace monc {
namespace {

using slo::Plan;

constexpr int64_t kDayMs = 24 * 60 * 60 * 1000;

// Generated rules point at the SLO they come from.
model::Rule NewRule(model::Rule::Kind kind, const Plan& plan, std::string name, std::string expr) {
  model::Rule rule;
  rule.kind = kind;
  rule.name = {std::move(name), plan.slo->name.span};
  rule.expr = std::move(expr);
  rule.expr_span = plan.slo->name.span;
  rule.span = plan.slo->name.span;
  return rule;
}

model::Rule Record(const Plan& plan, std::string name, std::string expr) {
  model::Rule rule = NewRule(model::Rule::Kind::Record, plan, std::move(name), std::move(expr));
  rule.labels = plan.labels;
  return rule;
}

// A rule reading raw series. The catalog checks already reported on the
// SLI where the spec writes it; its silences keep the spec-wide PromQL pass
// from reporting the same again at the SLO's name.
model::Rule SliRecord(const Plan& plan, std::string name, const slo::SplicedExpr& expr,
                      const std::set<Code>& reported) {
  model::Rule rule = Record(plan, std::move(name), expr.text());
  for (Code code : reported) {
    rule.silences.push_back({{std::string(Info(code).id), {}},
                             "reported where SLO '" + plan.slo->name.name + "' writes its SLI",
                             {}});
  }
  return rule;
}

std::string BurnRate(const Plan& plan, int64_t window_ms) {
  return slo::Series(plan, slo::ErrorRatioRecord(window_ms)) + " / " + plan.budget.RatioText();
}

std::string AlertExpr(const Plan& plan, const slo::Tier& tier) {
  std::string out;
  for (const slo::WindowPair& pair : tier.pairs) {
    std::string factor = slo::FormatNumber(pair.factor);
    if (!out.empty()) out += "\nor\n";
    out += "(\n  " + BurnRate(plan, pair.long_window.millis) + " > " + factor + "\n  and\n  " +
           BurnRate(plan, pair.short_window.millis) + " > " + factor + "\n)";
  }
  return out;
}

// "above 14.4 over 1h and 5m (2% of the budget in 1h) or above 6 over ..."
std::string TierText(const Plan& plan, const slo::Tier& tier) {
  std::string out;
  for (const slo::WindowPair& pair : tier.pairs) {
    double share = pair.factor * static_cast<double>(pair.long_window.millis) /
                   static_cast<double>(plan.slo->window.millis) * 100;
    std::string long_window = slo::WindowText(pair.long_window.millis);
    if (!out.empty()) out += " or ";
    out += "above " + slo::FormatNumber(pair.factor) + " over " + long_window + " and " +
           slo::WindowText(pair.short_window.millis) + " (" + slo::FormatNumber(share, 3) +
           "% of the budget in " + long_window + ")";
  }
  return out;
}

model::Rule Alert(const model::System& system, const Plan& plan, const slo::Tier& tier) {
  const model::Slo& slo = *plan.slo;
  model::Rule rule = NewRule(model::Rule::Kind::Alert, plan, tier.alert, AlertExpr(plan, tier));
  // As a spec alert's (model::Rule), with the SLO's labels as its own.
  model::LabelSet labels = system.default_labels;
  if (const model::SeverityLevel* level = system.severities.Find(tier.severity.name)) {
    for (const auto& [k, v] : level->labels) labels[k] = v;
  }
  if (slo.service) {
    labels["service"] = slo.service->name;
    const model::Service* service = system.FindService(slo.service->name);
    if (service && !service->team.empty()) labels["team"] = service->team;
  }
  for (const auto& [k, v] : slo.labels) labels[k] = v;
  for (const char* k : {slo::kIdLabel, slo::kServiceLabel, slo::kSloLabel}) {
    labels[k] = plan.labels.at(k);
  }
  labels[slo::kTierLabel] = tier.name;
  labels[system.severities.label] = tier.severity.name;
  rule.labels = std::move(labels);
  std::string who = slo.description.empty() ? "SLO '" + slo.name.name + "'" : slo.description;
  rule.annotations["summary"] = "SLO '" + slo.name.name + "' burns its error budget too fast";
  rule.annotations["description"] = who + ", objective " + plan.objective.PercentText() +
                                    "% over " + slo.window.text + ": error budget burn rate " +
                                    TierText(plan, tier);
  return rule;
}

model::RuleGroup Group(const model::System& system, const Plan& plan, const slo::SliExprs& sli,
                       const slo::SliFindings& findings) {
  model::RuleGroup group;
  group.name = {plan.group, plan.slo->name.span};
  std::vector<model::Rule>& rules = group.rules;
  const int64_t base = plan.BaseMs();
  const std::string errors = slo::Series(plan, slo::ErrorRateRecord(base));
  const std::string total = slo::Series(plan, slo::TotalRateRecord(base));
  // Total first: the errors rule reads it (rules of a group run in order).
  rules.push_back(SliRecord(plan, slo::TotalRateRecord(base), sli.total, findings.total));
  model::Rule errors_rule = SliRecord(plan, slo::ErrorRateRecord(base), sli.errors, findings.errors);
  if (slo::KindOf(*plan.slo) == slo::SliKind::Bad) {
    // Without a single bad event the sum has no series: 0 instead, while
    // there is traffic (so an SLO without traffic has nothing to sum).
    errors_rule.expr += " or on() 0 * " + total;
  }
  rules.push_back(std::move(errors_rule));
  rules.push_back(Record(plan, slo::ErrorRatioRecord(base), errors + " / " + total));
  for (int64_t w : plan.windows_ms) {
    if (w == base) continue;
    std::string range = "[" + slo::WindowText(w) + "])";
    rules.push_back(Record(plan, slo::ErrorRatioRecord(w),
                           "sum_over_time(" + errors + range + " / sum_over_time(" + total + range));
  }
  const int64_t period = plan.slo->window.millis;
  rules.push_back(Record(plan, slo::kObjectiveRecord, "vector(" + plan.objective.RatioText() + ")"));
  rules.push_back(Record(plan, slo::kErrorBudgetRecord, "vector(" + plan.budget.RatioText() + ")"));
  rules.push_back(Record(plan, slo::kTimePeriodRecord,
                         "vector(" + slo::FormatNumber(static_cast<double>(period) / kDayMs) + ")"));
  rules.push_back(Record(plan, slo::kCurrentBurnRateRecord, BurnRate(plan, base)));
  rules.push_back(Record(plan, slo::kPeriodBurnRateRecord, BurnRate(plan, period)));
  rules.push_back(Record(plan, slo::kBudgetRemainingRecord,
                         "1 - " + slo::Series(plan, slo::kPeriodBurnRateRecord)));
  for (const slo::Tier& tier : plan.tiers) rules.push_back(Alert(system, plan, tier));
  return group;
}

model::Matcher Equal(const std::string& name, const std::string& value) {
  std::string error;
  return *model::Matcher::Make(name, model::MatchOp::Equal, value, &error);
}

// A faster tier mutes the slower ones of the same SLO while it fires: the
// page already says what the ticket would.
void AddInhibitions(const Plan& plan, std::vector<model::InhibitRule>& out) {
  for (size_t i = 0; i < plan.tiers.size(); ++i) {
    for (size_t j = i + 1; j < plan.tiers.size(); ++j) {
      const slo::Tier& fast = plan.tiers[i];
      const slo::Tier& slow = plan.tiers[j];
      if (fast.FastestFactor() <= slow.FastestFactor()) continue;
      model::InhibitRule rule;
      rule.source = {Equal(slo::kIdLabel, plan.id), Equal(slo::kTierLabel, fast.name)};
      rule.target = {Equal(slo::kIdLabel, plan.id), Equal(slo::kTierLabel, slow.name)};
      rule.span = plan.slo->name.span;
      out.push_back(std::move(rule));
    }
  }
}

bool CheckGroupName(const model::System& system, const Plan& plan, DiagnosticSink& sink) {
  for (const model::RuleGroup& group : system.groups) {
    if (group.name.name != plan.group) continue;
    Diagnostic& d = sink.Report(Code::SpecDuplicateName, group.name.span,
                                "group '" + plan.group + "' has the name of the group SLO '" +
                                    plan.slo->name.name + "' generates");
    d.label = "rename the group";
    d.notes.push_back({"SLO declared here", plan.slo->name.span});
    return false;
  }
  return true;
}

int64_t Millis(const std::optional<model::Duration>& d) {
  constexpr int64_t kPrometheusDefaultInterval = 60000;
  return d ? d->millis : kPrometheusDefaultInterval;
}

}  // namespace

void ExpandSlos(model::System& system, const SourceManager& sources, DiagnosticSink& sink) {
  if (system.slos.empty()) return;
  const Catalog catalog = BuildCatalog(system);
  const int64_t evaluation = Millis(system.evaluation_interval);
  const ExprContext context{system, catalog, nullptr, nullptr, Millis(system.scrape_interval),
                            evaluation};
  std::vector<model::RuleGroup> groups;
  std::vector<model::InhibitRule> inhibitions;
  for (const model::Slo& slo : system.slos) {
    std::optional<Plan> plan = slo::PlanSlo(system, slo);
    if (!plan) continue;
    bool ok = slo::CheckSlo(*plan, sink);
    ok = CheckGroupName(system, *plan, sink) && ok;
    // A base window of 0s is already reported, and would only make the
    // SLI's expressions fail for monc's text rather than the spec's.
    if (plan->BaseMs() < 1000) continue;
    slo::SliExprs sli = slo::BuildSli(*plan);
    std::optional<slo::SliFindings> findings = slo::CheckSli(*plan, sli, context, sources, sink);
    if (!ok || !findings) continue;
    groups.push_back(Group(system, *plan, sli, *findings));
    AddInhibitions(*plan, inhibitions);
  }
  for (model::RuleGroup& g : groups) system.groups.push_back(std::move(g));
  for (model::InhibitRule& r : inhibitions) system.inhibit_rules.push_back(std::move(r));
}

}  // namespace monc
