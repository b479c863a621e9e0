// absent, scalar, vector, sort and sort_desc: the functions that convert
// or reorder rather than compute.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "runtime/engine/functions_internal.h"

namespace monc::runtime {

// Prometheus's createLabelsForAbsentFunction: a name matched more than
// once, or by any other matcher, is left out. Parentheses are unwrapped, as
// Prometheus's engine does.
Labels AbsentLabels(const promql::Expr& arg) {
  const promql::Expr* e = &arg;
  while (e->kind == promql::NodeKind::Paren) e = static_cast<const promql::Paren*>(e)->expr.get();
  if (e->kind == promql::NodeKind::MatrixSelector) {
    e = static_cast<const promql::MatrixSelector*>(e)->selector.get();
    while (e && e->kind == promql::NodeKind::Paren) {
      e = static_cast<const promql::Paren*>(e)->expr.get();
    }
  }
  if (!e || e->kind != promql::NodeKind::VectorSelector) return Labels();
  const auto& vs = *static_cast<const promql::VectorSelector*>(e);
  Labels set;
  std::vector<std::string> ambiguous;
  for (const promql::LabelMatcher& m : vs.matchers) {
    if (m.name == kMetricName) continue;
    if (m.type == promql::MatchType::Equal && !set.Has(m.name)) {
      set = LabelsBuilder(set).Set(m.name, m.value).Build();
    } else {
      ambiguous.push_back(m.name);
    }
  }
  LabelsBuilder out(set);
  for (const std::string& name : ambiguous) out.Del(name);
  return out.Build();
}

namespace functions {
namespace {

// Go's sort.Sort with Prometheus's comparator ("NaN first", then reversed)
// is an insertion sort up to 12 elements, which keeps equal values in
// input order and leaves the NaNs last in reverse input order; this is
// that order for every length.
template <typename Before>
Vector SortedByValue(const FunctionCall& call, Before before) {
  Vector v = VectorArg(call, 0);
  auto nans = std::stable_partition(v.begin(), v.end(),
                                    [](const VectorElement& el) { return !std::isnan(el.v); });
  std::stable_sort(v.begin(), nans, [&](const VectorElement& a, const VectorElement& b) {
    return before(a.v, b.v);
  });
  std::reverse(nans, v.end());
  return v;
}

}  // namespace

Vector Absent(const FunctionCall& call, std::string&) {
  if (!VectorArg(call, 0).empty()) return {};
  return {{AbsentLabels(*call.node.args[0]), call.t, 1}};
}

// NaN unless the vector has exactly one element.
Vector ScalarFunc(const FunctionCall& call, std::string&) {
  const Vector& in = VectorArg(call, 0);
  return {{Labels(), call.t, in.size() == 1 ? in[0].v : std::nan("")}};
}

Vector VectorFunc(const FunctionCall& call, std::string&) {
  return {{Labels(), call.t, ScalarArg(call, 0)}};
}

Vector Sort(const FunctionCall& call, std::string&) {
  return SortedByValue(call, [](double a, double b) { return a < b; });
}

Vector SortDesc(const FunctionCall& call, std::string&) {
  return SortedByValue(call, [](double a, double b) { return a > b; });
}

}  // namespace functions
}  // namespace monc::runtime
