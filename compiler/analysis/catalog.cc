// Catalog lookups: which declared metric a series name belongs to, and the
// labels that series may carry.
#include "compiler/analysis/catalog.h"

namespace monc {
namespace {

using model::MetricType;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The series a metric of each type yields: a metric `x` of `metric_type`
// has a series `x<suffix>` of `series_type`, with `extra_label` besides the
// metric's labels. A suffix the metric's name already ends with adds
// nothing new (counter `x_total` has no `x_total_total`); that row is left
// out of did-you-mean candidates.
struct SeriesRule {
  MetricType metric_type;
  std::string_view suffix;
  MetricType series_type;
  std::string_view extra_label;
  bool suggest;  // offered as a did-you-mean candidate
};

constexpr SeriesRule kSeriesRules[] = {
    {MetricType::Counter, "", MetricType::Counter, "", true},
    {MetricType::Counter, "_total", MetricType::Counter, "", true},
    {MetricType::Counter, "_created", MetricType::Gauge, "", false},
    {MetricType::Gauge, "", MetricType::Gauge, "", true},
    {MetricType::Histogram, "_bucket", MetricType::Counter, "le", true},
    {MetricType::Histogram, "_sum", MetricType::Counter, "", true},
    {MetricType::Histogram, "_count", MetricType::Counter, "", true},
    {MetricType::Histogram, "_created", MetricType::Gauge, "", false},
    {MetricType::Summary, "", MetricType::Gauge, "quantile", true},
    {MetricType::Summary, "_sum", MetricType::Counter, "", true},
    {MetricType::Summary, "_count", MetricType::Counter, "", true},
    {MetricType::Summary, "_created", MetricType::Gauge, "", false},
    {MetricType::Info, "", MetricType::Gauge, "", true},
    {MetricType::Info, "_info", MetricType::Gauge, "", true},
    {MetricType::StateSet, "", MetricType::Gauge, "", true},
    {MetricType::Unknown, "", MetricType::Unknown, "", true},
};

// Metrics whose labels come from outside any catalog: each alert's labels
// (ALERTS), and the Kubernetes labels and annotations kube-state-metrics
// exports as label_<name> and annotation_<name> (kube_pod_labels, ...).
bool HasOpenLabels(std::string_view name) {
  if (name == "ALERTS" || name == "ALERTS_FOR_STATE") return true;
  return StartsWith(name, "kube_") && (EndsWith(name, "_labels") || EndsWith(name, "_annotations"));
}

}  // namespace

void Catalog::Add(CatalogMetric metric) {
  metric.open = metric.open || HasOpenLabels(metric.name);
  auto it = metrics_.find(metric.name);
  if (it == metrics_.end()) {
    std::string name = metric.name;
    metrics_.emplace(std::move(name), std::move(metric));
    return;
  }
  CatalogMetric& m = it->second;
  if (m.type == MetricType::Unknown && metric.type != MetricType::Unknown) {
    m.type = metric.type;
    m.origin = metric.origin;
    m.span = metric.span;
  }
  m.labels.insert(metric.labels.begin(), metric.labels.end());
  m.open = m.open || metric.open;
  m.scraped = m.scraped || metric.scraped;
}

const CatalogMetric* Catalog::Metric(std::string_view name) const {
  auto it = metrics_.find(name);
  return it == metrics_.end() ? nullptr : &it->second;
}

std::set<std::string> Catalog::TargetLabels() const {
  std::set<std::string> labels{"instance", "job"};
  if (const CatalogMetric* up = Metric("up")) labels.insert(up->labels.begin(), up->labels.end());
  return labels;
}

std::optional<Series> Catalog::Find(std::string_view name) const {
  // Rules without a suffix first: a metric declared under the exact name
  // wins over one whose series merely ends that way.
  for (bool with_suffix : {false, true}) {
    for (const SeriesRule& rule : kSeriesRules) {
      if (rule.suffix.empty() == with_suffix || !EndsWith(name, rule.suffix)) continue;
      std::string_view base = name.substr(0, name.size() - rule.suffix.size());
      if (with_suffix && EndsWith(base, rule.suffix)) continue;  // no x_total_total
      const CatalogMetric* m = Metric(base);
      if (!m || m->type != rule.metric_type) continue;
      Series s;
      s.metric = m;
      s.type = rule.series_type;
      s.labels.names = m->labels;
      s.labels.open = m->open;
      s.labels.names.insert("__name__");
      if (!rule.extra_label.empty()) s.labels.names.emplace(rule.extra_label);
      if (m->scraped) {
        std::set<std::string> target = TargetLabels();
        s.labels.names.insert(target.begin(), target.end());
      }
      return s;
    }
  }
  return std::nullopt;
}

std::vector<std::string> Catalog::SeriesNames() const {
  std::set<std::string> names;
  for (const auto& [name, m] : metrics_) {
    for (const SeriesRule& rule : kSeriesRules) {
      if (rule.metric_type != m.type || !rule.suggest) continue;
      if (!rule.suffix.empty() && EndsWith(name, rule.suffix)) continue;
      names.insert(name + std::string(rule.suffix));
    }
  }
  return {names.begin(), names.end()};
}

}  // namespace monc
