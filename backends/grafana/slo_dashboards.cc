// A dashboard per SLO: SLI, error budget left, burn rates. Every name and
// number comes from the SLO's plan (compiler/analysis/slo_plan.h), the one
// the SLO's recording rules are written from.
#include <algorithm>
#include <set>

#include "backends/common/names.h"
#include "backends/grafana/generated.h"
#include "backends/grafana/links.h"
#include "backends/grafana/names.h"
#include "compiler/analysis/slo_plan.h"

namespace monc::grafana {
namespace {

using Type = model::Panel::Type;

// Every tier's factors as thresholds: from each factor up, red when a
// paging tier's factor is at or below it, orange for other tiers; a step
// only where the colour changes.
std::vector<std::pair<double, std::string>> BurnThresholds(const slo::Plan& plan,
                                                           const model::System& system) {
  std::vector<std::pair<double, bool>> factors;  // factor, pages
  for (const slo::Tier& tier : plan.tiers) {
    const model::SeverityLevel* level = system.severities.Find(tier.severity.name);
    for (const slo::WindowPair& pair : tier.pairs) {
      factors.emplace_back(pair.factor, level != nullptr && level->page);
    }
  }
  std::sort(factors.begin(), factors.end());
  std::vector<std::pair<double, std::string>> out;
  bool paging = false;
  for (const auto& [factor, pages] : factors) {
    paging = paging || pages;
    std::string color = paging ? "red" : "orange";
    if (out.empty() || out.back().second != color) out.emplace_back(factor, color);
  }
  return out;
}

// The objective and the SLI, as markdown.
std::string About(const model::Slo& slo, const slo::Plan& plan) {
  std::string text = "**Objective:** " + plan.objective.PercentText() + "% over " +
                     slo::WindowText(slo.window.millis) + "\n\n";
  switch (*slo::KindOf(slo)) {
    case slo::SliKind::Bad:
      text += "**SLI:** bad events `" + slo.bad + "` of all events `" + slo.total + "`\n";
      break;
    case slo::SliKind::Good:
      text += "**SLI:** good events `" + slo.good + "` of all events `" + slo.total + "`\n";
      break;
    case slo::SliKind::Latency:
      text += "**SLI:** requests of `" + slo.latency_metric + slo.latency_selector +
              "` faster than " + slo.latency_threshold->text + "\n";
      break;
  }
  if (!slo.description.empty()) text += "\n" + slo.description + "\n";
  return text;
}

model::Dashboard Build(const model::System& system, const model::Slo& slo, const slo::Plan& plan) {
  const std::string& name = slo.name.name;
  std::string selector = "{" + std::string(slo::kIdLabel) + "=" + PromQuote(plan.id) + "}";
  auto error_ratio = [&](int64_t window) { return slo::ErrorRatioRecord(window) + selector; };
  std::string remaining_now = slo::kBudgetRemainingRecord + selector;

  model::Dashboard d;
  d.name.name = name;
  d.uid = SloDashboardUid(system, name);
  d.title = "SLO: " + name;
  d.description = "SLI, error budget and burn rates of SLO '" + name + "'";
  d.refresh = "1m";
  d.tags = {backends::SystemName(system), "slo"};
  if (slo.service && system.grafana.service_dashboards) {
    d.links.emplace_back("Service: " + slo.service->name,
                         DashboardUrl(ServiceDashboardUid(system, slo.service->name)));
  }
  const int decimals = plan.objective.places + 1;  // 99.949% and 99.951% look different
  const model::Ref self{name, {}};

  model::Panel sli = QueryPanel(Type::Stat, "SLI over " + slo::WindowText(slo.window.millis),
                                "percentunit", {{"1 - " + error_ratio(slo.window.millis), ""}});
  sli.decimals = decimals;
  sli.thresholds_from_slo = self;
  model::Panel remaining =
      QueryPanel(Type::Stat, "Error budget remaining", "percentunit", {{remaining_now, ""}});
  remaining.thresholds = {{0, "red"}, {0.25, "orange"}, {0.5, "green"}};
  model::Panel about;
  about.type = Type::Text;
  about.title = "About";
  about.content = About(slo, plan);

  std::string base = slo::WindowText(plan.BaseMs());
  model::Panel sli_graph = QueryPanel(Type::Timeseries, "SLI", "percentunit",
                                      {{"1 - " + error_ratio(plan.BaseMs()), "SLI " + base}});
  sli_graph.decimals = decimals;
  sli_graph.thresholds_from_slo = self;
  // A tier fires when both windows of a pair burn too fast; the long window
  // is the steadier line to watch, one per pair, shortest first.
  std::set<int64_t> long_windows;
  for (const slo::Tier& tier : plan.tiers) {
    for (const slo::WindowPair& pair : tier.pairs) long_windows.insert(pair.long_window.millis);
  }
  std::vector<std::pair<std::string, std::string>> burns;
  for (int64_t window : long_windows) {
    burns.emplace_back(error_ratio(window) + " / " + plan.budget.RatioText(),
                       slo::WindowText(window));
  }
  model::Panel burn = QueryPanel(Type::Timeseries, "Burn rate", "", burns);
  burn.description = "How fast the error budget is spent: at 1 it lasts exactly " +
                     slo::WindowText(slo.window.millis) +
                     "; the thresholds are the alert tiers' burn rates";
  burn.thresholds = BurnThresholds(plan, system);
  model::Panel remaining_graph = QueryPanel(Type::Timeseries, "Error budget remaining",
                                            "percentunit", {{remaining_now, "remaining"}});
  remaining_graph.thresholds = remaining.thresholds;

  // An SLO without alert tiers has no burn rates to show.
  d.panels = {sli, remaining, about, sli_graph};
  if (!burns.empty()) d.panels.push_back(burn);
  d.panels.push_back(remaining_graph);
  return d;
}

}  // namespace

std::vector<model::Dashboard> SloDashboards(const model::System& system) {
  std::vector<model::Dashboard> out;
  if (!system.grafana.slo_dashboards) return out;
  for (const model::Slo& slo : system.slos) {
    // A checked spec has a plan for every SLO.
    if (std::optional<slo::Plan> plan = slo::PlanSlo(system, slo)) {
      out.push_back(Build(system, slo, *plan));
    }
  }
  return out;
}

}  // namespace monc::grafana
