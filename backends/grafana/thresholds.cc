#include "backends/grafana/thresholds.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "backends/grafana/numbers.h"
#include "compiler/promql/promql.h"

namespace monc::grafana {
namespace {

constexpr char kGreen[] = "green";
constexpr char kOrange[] = "orange";
constexpr char kRed[] = "red";

std::vector<Step> FromSpec(std::vector<std::pair<double, std::string>> thresholds) {
  std::stable_sort(thresholds.begin(), thresholds.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Step> steps;
  if (thresholds.front().first > 0) steps.push_back({std::nullopt, kGreen});
  for (const auto& [value, color] : thresholds) {
    steps.push_back({steps.empty() ? std::nullopt : std::optional<double>(value), color});
  }
  return steps;
}

const promql::Expr* Unparen(const promql::Expr* e) {
  while (e->kind == promql::NodeKind::Paren) e = static_cast<const promql::Paren*>(e)->expr.get();
  return e;
}

// The value of a literal number, also `(5)` and `-5`.
std::optional<double> Literal(const promql::Expr* e) {
  e = Unparen(e);
  if (e->kind == promql::NodeKind::Number)
    return static_cast<const promql::NumberLiteral*>(e)->value;
  if (e->kind == promql::NodeKind::Unary) {
    const auto* unary = static_cast<const promql::Unary*>(e);
    std::optional<double> inner = Literal(unary->expr.get());
    if (inner) return unary->op == promql::BinaryOp::Sub ? -*inner : *inner;
  }
  return std::nullopt;
}

std::optional<AlertThreshold> TopComparison(const promql::Expr* e) {
  e = Unparen(e);
  if (e->kind != promql::NodeKind::Binary) return std::nullopt;
  const auto* b = static_cast<const promql::Binary*>(e);
  using Op = promql::BinaryOp;
  // The alert's samples are those of the left side.
  if (b->op == Op::And || b->op == Op::Unless) return TopComparison(b->lhs.get());
  bool above = b->op == Op::Gtr || b->op == Op::Gte;
  bool below = b->op == Op::Lss || b->op == Op::Lte;
  if ((!above && !below) || b->return_bool) return std::nullopt;
  std::optional<double> rhs = Literal(b->rhs.get()), lhs = Literal(b->lhs.get());
  if (rhs && !lhs) return AlertThreshold{*rhs, above};
  if (lhs && !rhs) return AlertThreshold{*lhs, below};  // `30 > x` fires when x is below 30
  return std::nullopt;
}

struct Firing {
  AlertThreshold threshold;
  int rank;  // 2 red, 1 orange
};

// Each range between the alerts' thresholds, coloured by the most severe
// alert firing in it; a step wherever the colour changes.
std::vector<Step> FromAlerts(const std::vector<Firing>& firings) {
  static const char* const kColors[] = {kGreen, kOrange, kRed};
  std::set<double> cuts;
  for (const Firing& f : firings) cuts.insert(f.threshold.value);
  auto color_at = [&](double v) {
    int rank = 0;
    for (const Firing& f : firings) {
      bool fires = f.threshold.fires_above ? v > f.threshold.value : v < f.threshold.value;
      if (fires) rank = std::max(rank, f.rank);
    }
    return kColors[rank];
  };
  std::vector<double> points(cuts.begin(), cuts.end());
  auto away = [](double v) { return 1 + std::fabs(v); };  // a step that stays visible at any scale
  std::vector<Step> steps = {{std::nullopt, color_at(points.front() - away(points.front()))}};
  for (size_t i = 0; i < points.size(); ++i) {
    double inside =
        i + 1 < points.size() ? (points[i] + points[i + 1]) / 2 : points[i] + away(points[i]);
    const char* color = color_at(inside);
    if (steps.back().color != color) steps.push_back({points[i], color});
  }
  return steps;
}

std::vector<Step> FromAlertsNamed(const model::System& system, const std::string& name) {
  std::vector<Firing> firings;
  for (const model::Rule* alert : AlertsNamed(system, name)) {
    std::optional<AlertThreshold> threshold = ThresholdOf(alert->expr);
    if (!threshold) continue;
    const model::SeverityLevel* level =
        alert->severity ? system.severities.Find(alert->severity->name) : nullptr;
    // An alert without a severity gets the paging colour: the safer guess.
    firings.push_back({*threshold, !level || level->page ? 2 : 1});
  }
  if (firings.empty()) return {};
  return FromAlerts(firings);
}

std::vector<Step> FromSlo(const model::Slo& slo, const std::string& unit) {
  double objective = unit == "percent" ? slo.objective : slo.objective / 100;
  return {{std::nullopt, kRed}, {Tidy(objective), kGreen}};
}

}  // namespace

std::optional<AlertThreshold> ThresholdOf(const std::string& alert_expr) {
  promql::ParseResult parsed = promql::ParseExpr(alert_expr);
  if (!parsed.errors.empty() || !parsed.expr) return std::nullopt;
  return TopComparison(parsed.expr.get());
}

std::vector<const model::Rule*> AlertsNamed(const model::System& system, const std::string& name) {
  std::vector<const model::Rule*> out;
  for (const model::RuleGroup& group : system.groups) {
    for (const model::Rule& rule : group.rules) {
      if (rule.kind == model::Rule::Kind::Alert && rule.name.name == name) out.push_back(&rule);
    }
  }
  return out;
}

std::vector<Step> PanelSteps(const model::Panel& panel, const model::System& system) {
  std::vector<Step> steps;
  if (!panel.thresholds.empty()) {
    steps = FromSpec(panel.thresholds);
  } else if (panel.thresholds_from_alert) {
    steps = FromAlertsNamed(system, panel.thresholds_from_alert->name);
  } else if (panel.thresholds_from_slo) {
    for (const model::Slo& slo : system.slos) {
      if (slo.name.name == panel.thresholds_from_slo->name) steps = FromSlo(slo, panel.unit);
    }
  }
  if (steps.empty()) steps.push_back({std::nullopt, kGreen});
  return steps;
}

}  // namespace monc::grafana
