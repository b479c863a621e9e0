// absent, scalar, vector, sort and sort_desc: the functions that convert
// or reorder rather than compute.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "runtime/engine/functions_internal.h"

namespace monc::runtime::functions {
namespace {

// The labels absent() can promise: those an equality matcher of the
// argument fixes (not __name__). A name matched more than once, or by any
// other matcher, is left out. Any argument but a selector (in parentheses
// or not: Prometheus's engine unwraps them) gives none.
Labels AbsentLabels(const promql::Expr* arg) {
  while (arg->kind == promql::NodeKind::Paren)
    arg = static_cast<const promql::Paren*>(arg)->expr.get();
  const promql::VectorSelector* vs = nullptr;
  if (arg->kind == promql::NodeKind::VectorSelector) {
    vs = static_cast<const promql::VectorSelector*>(arg);
  } else if (arg->kind == promql::NodeKind::MatrixSelector) {
    const auto& ms = *static_cast<const promql::MatrixSelector*>(arg);
    if (ms.selector && ms.selector->kind == promql::NodeKind::VectorSelector) {
      vs = static_cast<const promql::VectorSelector*>(ms.selector.get());
    }
  }
  if (!vs) return Labels();
  Labels set;
  std::vector<std::string> ambiguous;
  for (const promql::LabelMatcher& m : vs->matchers) {
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
  return {{AbsentLabels(call.node.args[0].get()), call.t, 1}};
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

}  // namespace monc::runtime::functions
