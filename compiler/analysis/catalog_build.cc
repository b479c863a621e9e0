// BuildCatalog: the spec's metrics, its imports, its recording rules and
// ALERTS, in that order of precedence (see catalog.h).
#include <mutex>

#include "compiler/analysis/catalog.h"
#include "compiler/analysis/labels.h"
#include "compiler/analysis/series_type.h"
#include "compiler/catalogs/catalogs.h"
#include "compiler/model/build.h"
#include "compiler/promql/promql.h"
#include "compiler/spec/load.h"
#include "compiler/spec/validate.h"

namespace monc {
namespace {

CatalogMetric FromModel(const model::Metric& m, std::string origin) {
  CatalogMetric c;
  c.name = m.name.name;
  c.type = m.type;
  c.labels.insert(m.labels.begin(), m.labels.end());
  c.origin = std::move(origin);
  c.span = m.name.span;
  return c;
}

struct Recorded {
  const model::Rule* rule;
  promql::ExprPtr expr;
};

CatalogMetric RecordedMetric(const Recorded& r, const Catalog& catalog) {
  LabelInference inference(catalog);
  const PossibleLabels& out = inference.Of(*r.expr);
  CatalogMetric m;
  m.name = r.rule->name.name;
  m.type = ResultTypeOf(*r.expr, catalog);
  m.labels = out.names;
  m.labels.erase("__name__");
  for (const auto& [label, value] : r.rule->labels) m.labels.insert(label);
  m.open = out.open;
  m.scraped = false;
  m.origin = "recording rule '" + m.name + "'";
  m.span = r.rule->name.span;
  return m;
}

bool SameShape(const std::vector<CatalogMetric>& a, const std::vector<CatalogMetric>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].type != b[i].type || a[i].labels != b[i].labels || a[i].open != b[i].open)
      return false;
  }
  return true;
}

// Recording rules may read each other in any order, so their metrics are
// inferred again against the previous round's until nothing changes (a
// chain of n rules settles in n rounds; a cycle keeps what it reached).
void AddRecordingRules(const model::System& system, Catalog& catalog) {
  std::vector<Recorded> recorded;
  for (const model::RuleGroup& group : system.groups) {
    for (const model::Rule& rule : group.rules) {
      if (rule.kind != model::Rule::Kind::Record) continue;
      promql::ParseResult parsed = promql::ParseExpr(rule.expr);
      if (parsed.errors.empty() && parsed.expr) recorded.push_back({&rule, std::move(parsed.expr)});
    }
  }
  std::vector<CatalogMetric> metrics;
  for (size_t round = 0; round <= recorded.size(); ++round) {
    Catalog trial = catalog;
    for (const CatalogMetric& m : metrics) trial.Add(m);
    std::vector<CatalogMetric> next;
    for (const Recorded& r : recorded) next.push_back(RecordedMetric(r, trial));
    bool settled = SameShape(next, metrics);
    metrics = std::move(next);
    if (settled) break;
  }
  for (CatalogMetric& m : metrics) catalog.Add(std::move(m));
}

// Prometheus writes these for every alerting rule of every rule file, with
// each alert's labels: any label (catalog.cc keeps them open).
void AddAlerts(Catalog& catalog) {
  for (const char* name : {"ALERTS", "ALERTS_FOR_STATE"}) {
    CatalogMetric m;
    m.name = name;
    m.type = model::MetricType::Gauge;
    m.labels = {"alertname"};
    if (m.name == "ALERTS") m.labels.insert("alertstate");
    m.scraped = false;
    m.origin = "Prometheus's alerting rules";
    catalog.Add(std::move(m));
  }
}

}  // namespace

const std::vector<model::Metric>& ShippedMetrics(std::string_view name) {
  static std::mutex mu;
  static std::map<std::string, std::vector<model::Metric>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache.find(name); it != cache.end()) return it->second;
  std::vector<model::Metric> metrics;
  if (const ShippedCatalog* shipped = FindShippedCatalog(name)) {
    // Read as the spec file it is; catalog_test keeps every catalog free
    // of diagnostics, so the private sink stays empty.
    SourceManager sources;
    DiagnosticSink sink;
    FileId file =
        sources.Add("compiler/catalogs/" + std::string(name) + ".yaml", std::string(shipped->text));
    std::vector<SpecDocument> docs;
    if (auto doc = LoadSpec(file, sources, sink); doc && ValidateSpec(*doc, sink)) {
      docs.push_back(std::move(*doc));
    }
    metrics = BuildModel(docs, sources, sink).metrics;
    // Their spans point into the private buffer above, which is gone.
    for (model::Metric& m : metrics) m.name.span = {};
  }
  // std::map nodes stay put, so the reference outlives later insertions.
  return cache.emplace(std::string(name), std::move(metrics)).first->second;
}

std::vector<std::string> ShippedCatalogsDeclaring(std::string_view name) {
  std::vector<std::string> out;
  for (const std::string& shipped : ShippedCatalogNames()) {
    Catalog catalog;
    for (const model::Metric& m : ShippedMetrics(shipped)) catalog.Add(FromModel(m, ""));
    if (catalog.Find(name)) out.push_back(shipped);
  }
  return out;
}

Catalog BuildCatalog(const model::System& system) {
  Catalog catalog;
  catalog.set_checks_names(!system.metrics.empty() || !system.imports.empty());
  for (const model::Metric& m : system.metrics) catalog.Add(FromModel(m, "the spec"));
  for (const model::Ref& import : system.imports) {
    for (const model::Metric& m : ShippedMetrics(import.name)) {
      catalog.Add(FromModel(m, "catalog '" + import.name + "'"));
    }
  }
  AddRecordingRules(system, catalog);
  AddAlerts(catalog);
  return catalog;
}

}  // namespace monc
