// PromQL's aggregations, as Prometheus 2.42's aggregation(): groups in the
// order their first element appears; avg as an incremental mean (it cannot
// overflow where a sum would); stddev/stdvar by Welford's method; min/max
// replace a NaN; topk/bottomk through Go's container/heap and sort, so
// that ties come out in Prometheus's order.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <utility>

#include "compiler/promql/go_strconv.h"
#include "runtime/engine/evaluator.h"

namespace monc::runtime::internal {
namespace {

enum class Op { Sum, Avg, Count, CountValues, Group, Max, Min, Stddev, Stdvar, Topk, Bottomk, Quantile };

std::optional<Op> OpFor(std::string_view name) {
  static const std::pair<std::string_view, Op> kOps[] = {
      {"sum", Op::Sum},         {"avg", Op::Avg},       {"count", Op::Count},
      {"count_values", Op::CountValues},                {"group", Op::Group},
      {"max", Op::Max},         {"min", Op::Min},       {"stddev", Op::Stddev},
      {"stdvar", Op::Stdvar},   {"topk", Op::Topk},     {"bottomk", Op::Bottomk},
      {"quantile", Op::Quantile}};
  for (const auto& [n, op] : kOps) {
    if (n == name) return op;
  }
  return std::nullopt;
}

struct Group {
  Labels labels;
  double value = 0;
  double mean = 0;
  int64_t count = 1;
  Vector heap;  // topk/bottomk: a Go heap; quantile: every element
};

// Go's container/heap over `h` ordered by `less`, and the Less of
// Prometheus's vectorByValueHeap (topk) and vectorByReverseValueHeap
// (bottomk): a NaN is always "less", so it is the first to go.
bool TopLess(const VectorElement& a, const VectorElement& b) {
  return std::isnan(a.v) || a.v < b.v;
}
bool BottomLess(const VectorElement& a, const VectorElement& b) {
  return std::isnan(a.v) || a.v > b.v;
}
using Less = bool (*)(const VectorElement&, const VectorElement&);

void HeapUp(Vector& h, size_t j, Less less) {
  while (j > 0) {
    size_t i = (j - 1) / 2;
    if (!less(h[j], h[i])) break;
    std::swap(h[i], h[j]);
    j = i;
  }
}

void HeapDown(Vector& h, size_t i, size_t n, Less less) {
  for (;;) {
    size_t j = 2 * i + 1;
    if (j >= n) break;
    if (j + 1 < n && less(h[j + 1], h[j])) ++j;
    if (!less(h[j], h[i])) break;
    std::swap(h[i], h[j]);
    i = j;
  }
}

void HeapPush(Vector& h, VectorElement e, Less less) {
  h.push_back(std::move(e));
  HeapUp(h, h.size() - 1, less);
}

void HeapPop(Vector& h, Less less) {
  std::swap(h.front(), h.back());
  HeapDown(h, 0, h.size() - 1, less);
  h.pop_back();
}

// sort.Sort(sort.Reverse(heap)): Go sorts 12 elements or fewer by
// insertion, which keeps ties in heap order; beyond that Go's order of ties
// is its pdqsort's, here a stable sort's.
void SortReversed(Vector& h, Less less) {
  auto rev = [less](const VectorElement& a, const VectorElement& b) { return less(b, a); };
  if (h.size() > 12) {
    std::stable_sort(h.begin(), h.end(), rev);
    return;
  }
  for (size_t i = 1; i < h.size(); ++i) {
    for (size_t j = i; j > 0 && rev(h[j], h[j - 1]); --j) std::swap(h[j], h[j - 1]);
  }
}

// Prometheus's quantile(): NaNs sort first; linear between neighbours.
double Quantile(double q, Vector& values) {
  if (values.empty()) return std::nan("");
  if (q < 0) return -INFINITY;
  if (q > 1) return INFINITY;
  std::sort(values.begin(), values.end(), [](const VectorElement& a, const VectorElement& b) {
    return (std::isnan(a.v) && !std::isnan(b.v)) || a.v < b.v;
  });
  const double n = static_cast<double>(values.size());
  const double rank = q * (n - 1);
  const double lower = std::max(0.0, std::floor(rank));
  const double upper = std::min(n - 1, lower + 1);
  const double weight = rank - std::floor(rank);
  return values[static_cast<size_t>(lower)].v * (1 - weight) +
         values[static_cast<size_t>(upper)].v * weight;
}

// fmt's %v of a float64: the shortest digits, in exponent form when the
// exponent is below -4 or at least 6 (Go's threshold for shortest %g).
std::string FormatV(double v) {
  if (!std::isfinite(v)) return promql::go::FormatFloat(v);
  char buf[40];
  for (int precision = 0; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  const int exponent = std::atoi(std::strchr(buf, 'e') + 1);
  if (exponent < -4 || exponent >= 6) return buf;
  return promql::go::FormatFloat(v);
}

bool ValidLabelName(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

// The group's labels: the `by` labels of its first element, or all but
// the `without` labels and the name.
Labels GroupLabels(const Labels& metric, const std::vector<std::string>& grouping, bool without) {
  if (!without && grouping.empty()) return Labels();
  LabelsBuilder b(metric);
  if (!without) return b.Keep(grouping).Build();
  for (const std::string& n : grouping) b.Del(n);
  return b.Del(kMetricName).Build();
}

void Add(Op op, Group& g, VectorElement& e, int64_t k) {
  switch (op) {
    case Op::Sum: g.value += e.v; break;
    case Op::Avg: {
      ++g.count;
      // An infinite mean stays as it is unless the new value is an
      // infinity of the other sign or NaN: Inf - Inf would make it NaN.
      if (std::isinf(g.mean)) {
        if (std::isinf(e.v) && (g.mean > 0) == (e.v > 0)) break;
        if (!std::isinf(e.v) && !std::isnan(e.v)) break;
      }
      const double n = static_cast<double>(g.count);
      g.mean += e.v / n - g.mean / n;
      break;
    }
    case Op::Group: break;
    case Op::Max:
      if (g.value < e.v || std::isnan(g.value)) g.value = e.v;
      break;
    case Op::Min:
      if (g.value > e.v || std::isnan(g.value)) g.value = e.v;
      break;
    case Op::Count:
    case Op::CountValues: ++g.count; break;
    case Op::Stddev:
    case Op::Stdvar: {
      ++g.count;
      const double delta = e.v - g.mean;
      g.mean += delta / static_cast<double>(g.count);
      g.value += delta * (e.v - g.mean);
      break;
    }
    case Op::Topk:
    case Op::Bottomk: {
      const Less less = op == Op::Topk ? TopLess : BottomLess;
      const double top = g.heap.front().v;
      const bool better = op == Op::Topk ? top < e.v : top > e.v;
      if (static_cast<int64_t>(g.heap.size()) < k || better || std::isnan(top)) {
        if (static_cast<int64_t>(g.heap.size()) == k) {
          if (k == 1) {  // replaced in place, as Prometheus does
            g.heap.front() = std::move(e);
            break;
          }
          HeapPop(g.heap, less);
        }
        HeapPush(g.heap, std::move(e), less);
      }
      break;
    }
    case Op::Quantile: g.heap.push_back(std::move(e)); break;
  }
}

}  // namespace

Vector ApplyAggregate(const promql::Aggregate& node, const Value* param, Vector input, int64_t t,
                      std::string& error) {
  Vector out;
  const std::optional<Op> found = OpFor(node.op->name);
  if (!found) {
    error = "aggregation " + std::string(node.op->name) + " is not supported";
    return out;
  }
  const Op op = *found;
  std::vector<std::string> grouping = node.grouping;
  int64_t k = 0;
  double q = 0;
  std::string value_label;
  if (op == Op::Topk || op == Op::Bottomk) {
    const double f = std::get<Scalar>(*param).v;
    // Go's int64(f) is defined only inside int64's range.
    if (!(f >= -9223372036854775808.0 && f <= 9223372036854775807.0)) {
      error = "Scalar value " + FormatV(f) + " overflows int64";
      return out;
    }
    k = static_cast<int64_t>(f);
    if (k < 1) return out;
  } else if (op == Op::Quantile) {
    q = std::get<Scalar>(*param).v;
  } else if (op == Op::CountValues) {
    value_label = std::get<String>(*param).v;
    if (!ValidLabelName(value_label)) {
      error = "invalid label name " + promql::go::Quote(value_label);
      return out;
    }
    if (!node.without) grouping.push_back(value_label);
  }
  std::sort(grouping.begin(), grouping.end());

  std::vector<Group> groups;
  std::unordered_map<uint64_t, size_t> index;
  for (VectorElement& e : input) {
    if (op == Op::CountValues) {
      e.labels = LabelsBuilder(e.labels).Set(value_label, promql::go::FormatFloat(e.v)).Build();
    }
    const uint64_t key = node.without        ? e.labels.HashWithout(grouping)
                         : grouping.empty() ? 0
                                            : e.labels.HashFor(grouping);
    auto [it, inserted] = index.try_emplace(key, groups.size());
    if (!inserted) {
      Add(op, groups[it->second], e, k);
      continue;
    }
    Group& g = groups.emplace_back();
    g.labels = GroupLabels(e.labels, grouping, node.without);
    g.value = e.v;
    g.mean = e.v;
    switch (op) {
      case Op::Stddev:
      case Op::Stdvar: g.value = 0; break;
      case Op::Group: g.value = 1; break;
      case Op::Topk:
      case Op::Bottomk:
      case Op::Quantile: g.heap.push_back(std::move(e)); break;
      default: break;
    }
  }

  for (Group& g : groups) {
    switch (op) {
      case Op::Avg: g.value = g.mean; break;
      case Op::Count:
      case Op::CountValues: g.value = static_cast<double>(g.count); break;
      case Op::Stdvar: g.value /= static_cast<double>(g.count); break;
      case Op::Stddev: g.value = std::sqrt(g.value / static_cast<double>(g.count)); break;
      case Op::Topk:
      case Op::Bottomk:
        if (g.heap.size() > 1) SortReversed(g.heap, op == Op::Topk ? TopLess : BottomLess);
        for (VectorElement& e : g.heap) out.push_back({std::move(e.labels), t, e.v});
        continue;
      case Op::Quantile: g.value = Quantile(q, g.heap); break;
      default: break;
    }
    out.push_back({std::move(g.labels), t, g.value});
  }
  return out;
}

}  // namespace monc::runtime::internal
