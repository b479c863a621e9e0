// promql/unknown-metric: a selector names a series no metric of the catalog
// yields. Skipped when the spec declares and imports no metrics: there is
// nothing to check names against.
#include "compiler/analysis/checks/checks.h"
#include "compiler/diag/did_you_mean.h"

namespace monc::checks {

using namespace promql;

void UnknownMetric(const Expr& root, Context& context, ExprReporter& reporter) {
  const Catalog& catalog = context.expr.catalog;
  if (!catalog.checks_names()) return;
  std::vector<std::string> candidates;  // filled on the first miss
  for (const Expr* e : Nodes(root)) {
    if (e->kind != NodeKind::VectorSelector) continue;
    const auto& selector = static_cast<const VectorSelector&>(*e);
    std::string name = MetricNameOf(selector);
    if (name.empty() || catalog.Find(name)) continue;
    Diagnostic& d = reporter.Report(Code::PromqlUnknownMetric, NamePos(selector),
                                    "unknown metric '" + name + "'");
    d.label = "not in the metrics catalog";
    if (const CatalogMetric* m = catalog.Metric(name);
        m && m->type == model::MetricType::Histogram) {
      d.label = "a histogram has no series of this name";
      d.notes.push_back({"'" + name + "' is a histogram: its series are '" + name + "_bucket', '" +
                             name + "_sum' and '" + name + "_count'",
                         m->span});
      continue;
    }
    if (candidates.empty()) candidates = catalog.SeriesNames();
    if (auto s = DidYouMean(name, candidates)) {
      auto series = catalog.Find(*s);
      d.notes.push_back({"did you mean '" + *s + "'?", series ? series->metric->span : Span{}});
    }
    for (const std::string& shipped : ShippedCatalogsDeclaring(name)) {
      d.notes.push_back(
          {"catalog '" + shipped + "' declares it: add '" + shipped + "' to 'imports'", {}});
    }
  }
}

}  // namespace monc::checks
