// Prometheus 2.42's AlertingRule.Eval, after the query: alert labels and
// annotations from templates, the pending -> firing -> resolved states, and
// the ALERTS and ALERTS_FOR_STATE samples.
#include <cmath>
#include <string>

#include "runtime/rules/rule_eval.h"

namespace monc::runtime::rules_internal {
namespace {

constexpr std::string_view kAlertName = "alertname";
constexpr std::string_view kAlertState = "alertstate";

std::string_view StateName(AlertState state) {
  switch (state) {
    case AlertState::Inactive: return "inactive";
    case AlertState::Pending: return "pending";
    case AlertState::Firing: return "firing";
  }
  return "";
}

// The labels of the rule's synthetic series: the rule's labels as written
// (templates unexpanded: an alert label that expanded to "" leaves the raw
// template here, as in Prometheus), overridden by the alert's.
LabelsBuilder SeriesLabels(const AlertingRule& rule, const Alert& alert) {
  LabelsBuilder b{Labels::FromUnsorted(rule.labels)};
  for (const Label& l : alert.labels) b.Set(l.name, l.value);
  b.Set(kAlertName, rule.alert);
  return b;
}

// Go's time.Unix(): whole seconds, rounded down.
double UnixSeconds(int64_t t_ms) { return std::floor(static_cast<double>(t_ms) / 1000.0); }

}  // namespace

AlertTemplates::AlertTemplates(const AlertingRule& rule) {
  for (const Label& l : rule.labels) labels.emplace_back(rule.alert, l.value);
  for (const Label& a : rule.annotations) annotations.emplace_back(rule.alert, a.value);
}

std::string EvalAlertingRule(const AlertingRule& rule, const AlertTemplates& templates,
                             const Vector& result, int64_t t_ms, const AlertingContext& context,
                             ActiveAlerts& active, Vector& out) {
  ActiveAlerts fresh;
  TemplateData data = context.template_data;
  for (const VectorElement& sample : result) {
    // $labels is the sample's label set as it is, __name__ included.
    data.labels = &sample.labels;
    data.value = sample.v;
    LabelsBuilder b(sample.labels);
    b.Del(kMetricName);
    for (size_t i = 0; i < rule.labels.size(); ++i) {
      b.Set(rule.labels[i].name, templates.labels[i].Expand(data));
    }
    b.Set(kAlertName, rule.alert);
    std::vector<Label> annotations;
    for (size_t i = 0; i < rule.annotations.size(); ++i) {
      annotations.push_back({rule.annotations[i].name, templates.annotations[i].Expand(data)});
    }

    Alert alert;
    alert.labels = b.Build();
    alert.annotations = Labels::FromUnsorted(std::move(annotations));
    alert.state = AlertState::Pending;
    alert.value = sample.v;
    alert.active_at_ms = t_ms;
    Labels key = alert.labels;
    if (!fresh.emplace(std::move(key), std::move(alert)).second) {
      return "vector contains metrics with the same labelset after applying alert labels";
    }
  }

  for (auto& [labels, alert] : fresh) {
    auto it = active.find(labels);
    if (it != active.end() && it->second.state != AlertState::Inactive) {
      it->second.value = alert.value;
      it->second.annotations = std::move(alert.annotations);
    } else {
      active.insert_or_assign(labels, std::move(alert));
    }
  }

  size_t active_or_pending = 0;
  for (auto it = active.begin(); it != active.end();) {
    Alert& a = it->second;
    if (!fresh.count(it->first)) {
      bool keep_firing = false;
      if (a.state == AlertState::Firing && rule.keep_firing_for_ms > 0) {
        if (a.keep_firing_since_ms == 0) a.keep_firing_since_ms = t_ms;
        keep_firing = t_ms - a.keep_firing_since_ms < rule.keep_firing_for_ms;
      }
      // A resolved alert stays reported for the retention (for
      // Alertmanager's sake); a pending one is simply forgotten.
      bool forget = a.state == AlertState::Pending ||
                    (a.resolved_at_ms != 0 && t_ms - a.resolved_at_ms > context.resolved_retention_ms);
      if (!keep_firing && a.state != AlertState::Inactive) {
        a.state = AlertState::Inactive;
        a.resolved_at_ms = t_ms;
      }
      if (forget) {
        it = active.erase(it);
        continue;
      }
      if (!keep_firing) {
        ++it;
        continue;
      }
    } else {
      a.keep_firing_since_ms = 0;
    }
    ++active_or_pending;
    if (a.state == AlertState::Pending && t_ms - a.active_at_ms >= rule.for_ms) {
      a.state = AlertState::Firing;
      a.fired_at_ms = t_ms;
    }
    LabelsBuilder alerts = SeriesLabels(rule, a);
    alerts.Set(kMetricName, "ALERTS").Set(kAlertState, StateName(a.state));
    out.push_back({alerts.Build(), t_ms, 1});
    LabelsBuilder for_state = SeriesLabels(rule, a);
    for_state.Set(kMetricName, "ALERTS_FOR_STATE");
    out.push_back({for_state.Build(), t_ms, UnixSeconds(a.active_at_ms)});
    ++it;
  }

  if (context.limit > 0 && active_or_pending > static_cast<size_t>(context.limit)) {
    active.clear();
    out.clear();
    return "exceeded limit of " + std::to_string(context.limit) + " with " +
           std::to_string(active_or_pending) + " alerts";
  }
  return "";
}

}  // namespace monc::runtime::rules_internal
