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
#include "runtime/engine/quantile.h"
#include "runtime/model/label_hash.h"

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

}  // namespace

struct Aggregation::Group {
  Labels labels;
  double value = 0;
  double mean = 0;
  int64_t count = 1;
  Vector heap;                 // topk/bottomk: a Go heap
  std::vector<double> values;  // quantile: every value
};

namespace {

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
Labels GroupLabels(const Labels& metric, bool drop_name, const std::vector<std::string>& grouping,
                   bool without) {
  if (!without && grouping.empty()) return Labels();
  LabelsBuilder b(metric);
  if (drop_name) b.Del(kMetricName);
  if (!without) return b.Keep(grouping).Build();
  for (const std::string& n : grouping) b.Del(n);
  return b.Del(kMetricName).Build();
}

}  // namespace

Aggregation::Aggregation(const promql::Aggregate& node, const Value* param, std::string& error)
    : without_(node.without), grouping_(node.grouping) {
  const std::optional<Op> found = OpFor(node.op->name);
  if (!found) {
    error = "aggregation " + std::string(node.op->name) + " is not supported";
    empty_ = true;
    return;
  }
  op_ = static_cast<int>(*found);
  if (*found == Op::Topk || *found == Op::Bottomk) {
    const double f = std::get<Scalar>(*param).v;
    // Go's int64(f) is defined only inside int64's range; 2^63 passes
    // Prometheus's check and becomes the minimum int64 on amd64.
    if (!(f >= -9223372036854775808.0 && f <= 9223372036854775807.0)) {
      error = "Scalar value " + FormatV(f) + " overflows int64";
      empty_ = true;
      return;
    }
    k_ = f >= 9223372036854775808.0 ? INT64_MIN : static_cast<int64_t>(f);
    if (k_ < 1) empty_ = true;
  } else if (*found == Op::Quantile) {
    q_ = std::get<Scalar>(*param).v;
  } else if (*found == Op::CountValues) {
    value_label_ = std::get<String>(*param).v;
    if (!ValidLabelName(value_label_)) {
      error = "invalid label name " + promql::go::Quote(value_label_);
      empty_ = true;
      return;
    }
    if (!without_) grouping_.push_back(value_label_);
  }
  std::sort(grouping_.begin(), grouping_.end());
}

Aggregation::~Aggregation() = default;

void Aggregation::Add(const Labels& input_labels, bool drop_name, double v) {
  if (empty_) return;
  const Op op = static_cast<Op>(op_);
  const Labels* labels = &input_labels;
  Labels with_value;
  if (op == Op::CountValues) {
    LabelsBuilder b(input_labels);
    if (drop_name) b.Del(kMetricName);
    with_value = b.Set(value_label_, promql::go::FormatFloat(v)).Build();
    labels = &with_value;
    drop_name = false;
  }
  const uint64_t key = without_           ? HashLabelsIgnoring(*labels, grouping_, true)
                       : grouping_.empty() ? 0
                                           : HashLabelsOn(*labels, grouping_, drop_name);
  auto [it, inserted] = index_.try_emplace(key, groups_.size());
  if (!inserted) {
    Accumulate(groups_[it->second], *labels, drop_name, v);
    return;
  }
  Group& g = groups_.emplace_back();
  g.labels = GroupLabels(*labels, drop_name, grouping_, without_);
  g.value = v;
  g.mean = v;
  switch (op) {
    case Op::Stddev:
    case Op::Stdvar: g.value = 0; break;
    case Op::Group: g.value = 1; break;
    case Op::Topk:
    case Op::Bottomk: g.heap.push_back({CopyLabels(*labels, drop_name), 0, v}); break;
    case Op::Quantile: g.values.push_back(v); break;
    default: break;
  }
}

void Aggregation::Accumulate(Group& g, const Labels& labels, bool drop_name, double v) {
  const Op op = static_cast<Op>(op_);
  switch (op) {
    case Op::Sum: g.value += v; break;
    case Op::Avg: {
      ++g.count;
      // An infinite mean stays as it is unless the new value is an
      // infinity of the other sign or NaN: Inf - Inf would make it NaN.
      if (std::isinf(g.mean)) {
        if (std::isinf(v) && (g.mean > 0) == (v > 0)) break;
        if (!std::isinf(v) && !std::isnan(v)) break;
      }
      const double n = static_cast<double>(g.count);
      g.mean += v / n - g.mean / n;
      break;
    }
    case Op::Group: break;
    case Op::Max:
      if (g.value < v || std::isnan(g.value)) g.value = v;
      break;
    case Op::Min:
      if (g.value > v || std::isnan(g.value)) g.value = v;
      break;
    case Op::Count:
    case Op::CountValues: ++g.count; break;
    case Op::Stddev:
    case Op::Stdvar: {
      ++g.count;
      const double delta = v - g.mean;
      g.mean += delta / static_cast<double>(g.count);
      g.value += delta * (v - g.mean);
      break;
    }
    case Op::Topk:
    case Op::Bottomk: {
      const Less less = op == Op::Topk ? TopLess : BottomLess;
      const double top = g.heap.front().v;
      const bool better = op == Op::Topk ? top < v : top > v;
      if (static_cast<int64_t>(g.heap.size()) < k_ || better || std::isnan(top)) {
        // Labels are copied only for elements that enter the heap.
        VectorElement e{CopyLabels(labels, drop_name), 0, v};
        if (static_cast<int64_t>(g.heap.size()) == k_) {
          if (k_ == 1) {  // replaced in place, as Prometheus does
            g.heap.front() = std::move(e);
            break;
          }
          HeapPop(g.heap, less);
        }
        HeapPush(g.heap, std::move(e), less);
      }
      break;
    }
    case Op::Quantile: g.values.push_back(v); break;
  }
}

Vector Aggregation::Finish(int64_t t) {
  Vector out;
  const Op op = static_cast<Op>(op_);
  for (Group& g : groups_) {
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
      case Op::Quantile: g.value = Quantile(q_, g.values); break;
      default: break;
    }
    out.push_back({std::move(g.labels), t, g.value});
  }
  return out;
}

}  // namespace monc::runtime::internal
