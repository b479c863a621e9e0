// Output label inference: for every PromQL expression, the labels the series
// of its result may carry, as Prometheus 2.42 computes them.
//
//   selector            its series' catalog labels and __name__; any label
//                       when the catalog lacks the metric
//   sum/avg/min/max/count/group/stddev/stdvar/quantile
//                       by (...): only those; without (...): all but those
//                       and __name__; neither: none
//   topk/bottomk        every input label, __name__ too
//   count_values("l")   as sum, plus l
//   vector op scalar    the vector's, without __name__ for arithmetic and
//                       `bool` comparisons
//   vector op vector    one-to-one: the lhs's, only the on(...) labels or
//                       all but the ignoring(...) ones; group_left: the
//                       lhs's plus the group_left(...) labels the rhs
//                       carries; group_right: mirrored; __name__ as above
//   and/unless          the lhs's; or: both sides'
//   label_replace/join  the input's plus the destination label
//   absent(v)           the labels v's equality matchers fix
//   histogram_quantile  the input's but le and __name__
//   other functions     the first vector argument's but __name__
//                       (last_over_time, sort, sort_desc keep it)
//   scalars, strings    none
//
//   LabelInference labels(catalog);
//   labels.Of(expr).MayCarry("le");
#ifndef MONC_COMPILER_ANALYSIS_LABELS_H_
#define MONC_COMPILER_ANALYSIS_LABELS_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "compiler/analysis/catalog.h"
#include "compiler/promql/ast.h"

namespace monc {

// Infers and remembers the labels of the nodes of trees that outlive it.
class LabelInference {
 public:
  explicit LabelInference(const Catalog& catalog) : catalog_(catalog) {}

  const PossibleLabels& Of(const promql::Expr& expr);

 private:
  PossibleLabels Compute(const promql::Expr& expr);
  PossibleLabels OfAggregate(const promql::Aggregate& a);
  PossibleLabels OfBinary(const promql::Binary& b);
  PossibleLabels OfCall(const promql::Call& c);
  PossibleLabels OfSelector(const promql::VectorSelector& s) const;

  const Catalog& catalog_;
  std::unordered_map<const promql::Expr*, PossibleLabels> memo_;
};

// Whether a function returns its input series as they are, name and value
// (label_replace, label_join, sort, sort_desc, last_over_time).
bool PassesSeriesThrough(std::string_view function);

// The metric name a selector fixes: its name, or the value of an equality
// matcher on __name__; empty when a regex or nothing names it.
std::string MetricNameOf(const promql::VectorSelector& selector);

}  // namespace monc

#endif  // MONC_COMPILER_ANALYSIS_LABELS_H_
