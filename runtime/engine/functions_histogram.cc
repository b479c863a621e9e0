// The histogram functions. Only classic histograms (one series per `le`
// bucket) exist here: histogram_count, histogram_sum and
// histogram_fraction read native histograms only, so in 2.42 they skip
// every float sample and return nothing.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/promql/go_strconv.h"
#include "runtime/engine/functions_internal.h"
#include "runtime/engine/quantile.h"
#include "runtime/model/label_hash.h"

namespace monc::runtime::functions {
namespace {

// Go's strconv.ParseFloat reads `le`: a bucket it refuses is skipped, as
// Prometheus skips it.
std::optional<double> ParseLe(std::string_view le) {
  std::string reason;
  return promql::go::ParseFloat(le, &reason);
}

Vector NativeHistogramsOnly(const FunctionCall&, std::string&) { return {}; }

}  // namespace

// Groups the buckets by their labels without `le` (keeping __name__, so
// two histograms with the same other labels stay apart; their results then
// collide, which the engine reports) and computes each group's quantile.
// Prometheus emits the groups in Go map order, i.e. none; here it is the
// order of their first bucket.
Vector HistogramQuantile(const FunctionCall& call, std::string&) {
  const double q = ScalarArg(call, 0);
  const Vector& in = VectorArg(call, 1);
  struct Group {
    Labels labels;
    std::vector<Bucket> buckets;
  };
  static const std::vector<std::string> kLe = {"le"};
  std::vector<Group> groups;
  std::unordered_map<uint64_t, size_t> index;
  // A histogram's few bounds repeat in every group: each is parsed once.
  std::unordered_map<std::string_view, std::optional<double>> bounds;
  for (const VectorElement& el : in) {
    const std::string_view le = el.labels.Get("le");
    auto [bound, fresh] = bounds.try_emplace(le);
    if (fresh) bound->second = ParseLe(le);
    if (!bound->second) continue;
    const auto [it, added] =
        index.emplace(HashLabelsIgnoring(el.labels, kLe, /*drop_name=*/false), groups.size());
    if (added) groups.push_back({LabelsBuilder(el.labels).Del("le").Del(kMetricName).Build(), {}});
    groups[it->second].buckets.push_back({*bound->second, el.v});
  }
  Vector out;
  out.reserve(groups.size());
  for (Group& g : groups)
    out.push_back({std::move(g.labels), call.t, BucketQuantile(q, g.buckets)});
  return out;
}

Vector HistogramCount(const FunctionCall& call, std::string& error) {
  return NativeHistogramsOnly(call, error);
}

Vector HistogramSum(const FunctionCall& call, std::string& error) {
  return NativeHistogramsOnly(call, error);
}

Vector HistogramFraction(const FunctionCall& call, std::string& error) {
  return NativeHistogramsOnly(call, error);
}

}  // namespace monc::runtime::functions
