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

}  // namespace monc::runtime::functions

namespace monc::runtime {

using functions::ParseLe;

struct BucketGroups::State {
  struct Group {
    Labels labels;
    std::vector<Bucket> buckets;
  };
  std::vector<Group> groups;
  std::unordered_map<uint64_t, size_t> index;
  // A histogram's few bounds repeat in every group: each is parsed once.
  std::unordered_map<std::string, std::optional<double>> bounds;
};

BucketGroups::BucketGroups() : state_(std::make_unique<State>()) {}
BucketGroups::~BucketGroups() = default;

// Groups by the labels without `le`, keeping __name__ (so two histograms
// with the same other labels stay apart; their results then collide, which
// the engine reports).
void BucketGroups::Add(const Labels& labels, bool drop_name, double v) {
  static const std::vector<std::string> kLe = {"le"};
  State& s = *state_;
  const std::string_view le = labels.Get("le");
  auto bound = s.bounds.find(std::string(le));
  if (bound == s.bounds.end()) bound = s.bounds.emplace(std::string(le), ParseLe(le)).first;
  if (!bound->second) return;
  const auto [it, added] = s.index.emplace(HashLabelsIgnoring(labels, kLe, drop_name), s.groups.size());
  if (added) s.groups.push_back({LabelsBuilder(labels).Del("le").Del(kMetricName).Build(), {}});
  s.groups[it->second].buckets.push_back({*bound->second, v});
}

// Prometheus emits the groups in Go map order, i.e. none; here it is the
// order of their first bucket.
Vector BucketGroups::Quantiles(double q, int64_t t) {
  Vector out;
  out.reserve(state_->groups.size());
  for (State::Group& g : state_->groups) {
    out.push_back({std::move(g.labels), t, BucketQuantile(q, g.buckets)});
  }
  state_->groups.clear();
  state_->index.clear();
  return out;
}

}  // namespace monc::runtime

namespace monc::runtime::functions {

Vector HistogramQuantile(const FunctionCall& call, std::string&) {
  BucketGroups groups;
  for (const VectorElement& el : VectorArg(call, 1)) groups.Add(el.labels, false, el.v);
  return groups.Quantiles(ScalarArg(call, 0), call.t);
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
