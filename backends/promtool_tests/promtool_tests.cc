#include "backends/promtool_tests/promtool_tests.h"

#include <algorithm>
#include <deque>

#include "backends/common/names.h"
#include "backends/common/yaml_emit.h"
#include "backends/promtool_tests/cases.h"
#include "backends/promtool_tests/names.h"
#include "backends/promtool_tests/series.h"
#include "backends/promtool_tests/spec_tests.h"

namespace monc::promtool_tests {
namespace {

using Json = nlohmann::ordered_json;

// Whether a selector of `a` selects a series of `b`.
bool SelectsSeriesOf(const SloSeries& a, const SloSeries& b) {
  for (const promql::VectorSelector& selector : a.selectors) {
    for (const model::LabelSet* labels : {&b.numerator, &b.total}) {
      if (Selects(selector, *labels)) return true;
    }
  }
  return false;
}

bool Interfere(const Case& a, const Case& b) {
  return a.plan == b.plan || SelectsSeriesOf(a.sli, b.sli) || SelectsSeriesOf(b.sli, a.sli);
}

bool SameKind(const Case& a, const Case& b) {
  return a.tier->name == b.tier->name && a.burst == b.burst && a.fires == b.fires;
}

// Cases of one kind (so of about one length) in as few groups as the
// series allow: every group evaluates every rule of the file.
std::vector<std::vector<const Case*>> Pack(const std::vector<Case>& cases) {
  std::vector<std::vector<const Case*>> groups;
  for (const Case& c : cases) {
    auto fits = [&](const std::vector<const Case*>& g) {
      return SameKind(*g.front(), c) &&
             std::none_of(g.begin(), g.end(), [&](const Case* o) { return Interfere(*o, c); });
    };
    auto home = std::find_if(groups.begin(), groups.end(), fits);
    if (home == groups.end()) {
      groups.push_back({&c});
    } else {
      home->push_back(&c);
    }
  }
  return groups;
}

// "page tier, burst 1% above its factor fires: api at 14.544 for 1h5m, ..."
std::string GroupName(const std::vector<const Case*>& group) {
  const Case& first = *group.front();
  std::string out = first.tier->name + " tier, " +
                    (first.burst ? "burst 1% " : "steady burn 1% ") +
                    (first.fires ? "above " : "below ") +
                    (first.burst ? "a faster pair's factor " : "its lowest factor ") +
                    (first.fires ? "fires:" : "is silent:");
  for (const Case* c : group) {
    out += (c == group.front() ? " " : ", ") + c->plan->slo->name.name + " at " +
           slo::FormatNumber(c->burn, 6) + " for " + slo::WindowText(c->eval_ms - c->start_ms);
  }
  return out;
}

const model::Rule* FindAlert(const model::System& system, const Case& c) {
  for (const model::RuleGroup& group : system.groups) {
    if (group.name.name != c.plan->group) continue;
    for (const model::Rule& rule : group.rules) {
      if (rule.kind == model::Rule::Kind::Alert && rule.name.name == c.tier->alert) return &rule;
    }
  }
  return nullptr;
}

// The alert as promtool reports it: the recorded series' labels (the
// plan's), then the rule's.
Json ExpectedAlert(const model::Rule& rule, const slo::Plan& plan) {
  model::LabelSet labels = plan.labels;
  for (const auto& [k, v] : rule.labels) labels[k] = v;
  Json out;
  out["exp_labels"] = labels;
  out["exp_annotations"] = rule.annotations;
  return out;
}

Json TestGroup(const model::System& system, const std::vector<const Case*>& group) {
  Json out;
  out["name"] = GroupName(group);
  out["interval"] = slo::WindowText(kScrapeMs);
  Json& series = out["input_series"] = Json::array();
  Json& tests = out["alert_rule_test"] = Json::array();
  for (const Case* c : group) {
    for (const InputSeries& s : c->series) series.push_back({{"series", s.series}, {"values", s.values}});
    Json test;
    test["eval_time"] = slo::WindowText(c->eval_ms);
    test["alertname"] = c->tier->alert;
    Json& alerts = test["exp_alerts"] = Json::array();
    const model::Rule* rule = FindAlert(system, *c);
    if (c->fires && rule) alerts.push_back(ExpectedAlert(*rule, *c->plan));
    tests.push_back(std::move(test));
  }
  return out;
}

}  // namespace

void PromtoolTestsBackend::Generate(const CheckedSpec& spec, OutputSet& out) const {
  const model::System& system = spec.system();
  GenerateSpecTests(system, out);
  // A deque: the cases point into the plans.
  std::deque<slo::Plan> plans;
  int64_t evaluation = 0;
  for (const model::Slo& slo : system.slos) {
    std::optional<slo::Plan> plan = slo::PlanSlo(system, slo);
    if (!plan || plan->tiers.empty()) continue;
    evaluation = evaluation == 0 ? plan->BaseMs() : std::min(evaluation, plan->BaseMs());
    plans.push_back(std::move(*plan));
  }
  std::vector<Case> cases;
  for (const slo::Plan& plan : plans) {
    for (Case& c : CasesOf(plan, evaluation)) cases.push_back(std::move(c));
  }
  if (cases.empty()) return;
  Json doc;
  doc["rule_files"] = Json::array({RuleFileFromTests(system)});
  doc["evaluation_interval"] = slo::WindowText(evaluation);
  Json& tests = doc["tests"] = Json::array();
  for (const auto& group : Pack(cases)) tests.push_back(TestGroup(system, group));
  out.Add(TestFilePath(system), backends::RenderYaml(doc, backends::SystemName(system)));
}

}  // namespace monc::promtool_tests
