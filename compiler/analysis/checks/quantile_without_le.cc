// promql/histogram-quantile-without-le: histogram_quantile() over series
// that cannot carry `le`, the bucket bound it interpolates between: an
// aggregation summed the buckets together, or the series are no buckets.
// Reported where `le` is lost.
#include "compiler/analysis/checks/checks.h"

namespace monc::checks {
namespace {

using namespace promql;

bool IsSeries(const Expr& e) {
  ValueType t = TypeOf(e);
  return t == ValueType::Vector || t == ValueType::Matrix;
}

// The node under `e` (which cannot carry `le`) where the label is lost: the
// first one whose series operands could carry it, or a selector.
const Expr& WhereLost(const Expr& e, LabelInference& labels) {
  const Expr* first = nullptr;
  for (const Expr* child : Children(e)) {
    if (!IsSeries(*child)) continue;
    if (labels.Of(*child).MayCarry("le")) return e;
    if (!first) first = child;
  }
  return first ? WhereLost(*first, labels) : e;
}

// `sum by (service, le)`: the grouping the aggregation needs.
std::string WithLe(const Aggregate& a) {
  std::string list;
  for (const std::string& l : a.grouping) list += l + ", ";
  return std::string(a.op->name) + " by (" + list + "le)";
}

void Explain(const Expr& lost, const Catalog& catalog, Diagnostic& d) {
  if (lost.kind == NodeKind::Aggregate) {
    const auto& a = static_cast<const Aggregate&>(lost);
    d.message =
        "'" + std::string(a.op->name) + "' removes the 'le' label 'histogram_quantile' needs";
    d.label = "the buckets are added up into one series";
    d.notes.push_back(
        {a.without ? "take 'le' out of its 'without (...)'" : "keep it: '" + WithLe(a) + "'", {}});
    return;
  }
  if (lost.kind != NodeKind::VectorSelector) return;
  std::string name = MetricNameOf(static_cast<const VectorSelector&>(lost));
  d.message = "series '" + name + "' have no 'le' label for 'histogram_quantile'";
  d.label = "not the buckets of a histogram";
  auto series = catalog.Find(name);
  if (!series) return;
  const CatalogMetric& m = *series->metric;
  if (m.type == model::MetricType::Histogram) {
    d.notes.push_back({"its buckets are '" + m.name + "_bucket'", m.span});
  } else if (m.type == model::MetricType::Summary) {
    d.notes.push_back({"'" + m.name + "' is a summary: select a quantile it computed, '" + m.name +
                           "{quantile=\"0.99\"}'",
                       m.span});
  }
}

}  // namespace

void QuantileWithoutLe(const Expr& root, Context& context, ExprReporter& reporter) {
  for (const Expr* e : Nodes(root)) {
    if (FunctionName(*e) != "histogram_quantile") continue;
    const auto& call = static_cast<const Call&>(*e);
    if (call.args.size() != 2 || context.labels.Of(*call.args[1]).MayCarry("le")) continue;
    const Expr& lost = WhereLost(*call.args[1], context.labels);
    Diagnostic& d = reporter.Report(Code::PromqlQuantileWithoutLe, lost.pos,
                                    "'histogram_quantile' needs the 'le' label, which this "
                                    "expression does not return");
    d.label = "no bucket bounds to interpolate between";
    Explain(lost, context.expr.catalog, d);
  }
}

}  // namespace monc::checks
