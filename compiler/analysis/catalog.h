// The metrics catalog the PromQL checks read: every series an expression of
// the spec may select, with its type and the labels it may carry.
//
// It holds, first declaration of a name winning its type:
//   - the spec's own `metrics:`;
//   - the shipped catalogs the spec imports (`imports: [node_exporter]`,
//     compiler/catalogs/);
//   - the metrics the spec's recording rules write, with the labels their
//     expressions return plus the rule's labels;
//   - ALERTS and ALERTS_FOR_STATE, which Prometheus writes for every
//     alerting rule, with every label of every alert (so any label).
//
// A selector names a series, not always a metric as declared:
//   histogram x    ->  x_bucket (with `le`), x_sum, x_count
//   summary x      ->  x (with `quantile`), x_sum, x_count
//   counter x      ->  x, and x_total when x lacks it (OpenMetrics names)
//   info x         ->  x, and x_info when x lacks it
//   counter, histogram, summary  ->  x_created (OpenMetrics)
// The _bucket, _sum, _count and _total series are counters.
//
// Labels: a scraped series carries its metric's declared labels, its own
// (`le`, `quantile`), `__name__`, and the target labels: `job`, `instance`
// and every label the catalog gives `up` (which carries exactly the target
// labels, so declaring `up` with `namespace` and `pod` says relabelling adds
// them to every series). The spec's `defaults.labels` are labels of the
// rules' output, not of scraped series: they reach only recording-rule
// metrics and ALERTS.
//
//   Catalog catalog = BuildCatalog(system);
//   if (auto s = catalog.Find("http_request_duration_seconds_bucket"))
//     s->labels.MayCarry("le");  // true
#ifndef MONC_COMPILER_ANALYSIS_CATALOG_H_
#define MONC_COMPILER_ANALYSIS_CATALOG_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/model.h"

namespace monc {

// The labels series may carry: `names`, and any other when `open` (a
// metric nobody declared, ALERTS, a label_replace of unknown input...).
struct PossibleLabels {
  std::set<std::string> names;
  bool open = false;

  bool MayCarry(const std::string& label) const { return open || names.count(label) > 0; }
};

struct CatalogMetric {
  std::string name;
  model::MetricType type = model::MetricType::Unknown;
  std::set<std::string> labels;  // its own, without target labels or le/quantile
  bool open = false;             // may carry labels nobody lists (see PossibleLabels)
  bool scraped = true;           // carries the target labels
  std::string origin;            // for messages: "the spec", "catalog 'node_exporter'", ...
  Span span;                     // its declaration in the spec, when it has one
};

// What a series name resolves to.
struct Series {
  const CatalogMetric* metric = nullptr;
  model::MetricType type = model::MetricType::Unknown;  // of the series: x_bucket is a counter
  PossibleLabels labels;                                // including __name__
};

class Catalog {
 public:
  // Adds `metric`, or merges it into the one of the same name: labels are
  // united; the type and origin of the first declaration stay, unless
  // it was of unknown type.
  void Add(CatalogMetric metric);

  // The metric and series `name` selects, or nullopt when no declared
  // metric yields a series of that name.
  std::optional<Series> Find(std::string_view name) const;

  // The metric declared under exactly `name`, if any.
  const CatalogMetric* Metric(std::string_view name) const;

  // Every series name the catalog's metrics yield (but x_created), sorted:
  // the candidates of a did-you-mean.
  std::vector<std::string> SeriesNames() const;

  // job, instance and the labels `up` carries.
  std::set<std::string> TargetLabels() const;

  // Whether a name the catalog lacks is an error: the spec declares or
  // imports metrics. A spec without any leaves names unchecked.
  bool checks_names() const { return checks_names_; }
  void set_checks_names(bool on) { checks_names_ = on; }

 private:
  std::map<std::string, CatalogMetric, std::less<>> metrics_;
  bool checks_names_ = false;
};

// The catalog of `system`, as described above. Recording rules whose
// expressions do not parse are left out (the driver reports them).
Catalog BuildCatalog(const model::System& system);

// The metrics of one shipped catalog (compiler/catalogs/<name>.yaml), read
// once per process; empty for a name monc does not ship.
const std::vector<model::Metric>& ShippedMetrics(std::string_view catalog);

// The shipped catalogs with a metric that yields the series `name`, for a
// hint when a spec lacks the import.
std::vector<std::string> ShippedCatalogsDeclaring(std::string_view name);

}  // namespace monc

#endif  // MONC_COMPILER_ANALYSIS_CATALOG_H_
