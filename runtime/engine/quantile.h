// The quantile arithmetic of Prometheus's promql/quantile.go: the
// interpolated quantile of a set of values (quantile_over_time and the
// quantile aggregation) and the quantile of classic histogram buckets with
// Prometheus's fix-ups for real-world buckets (histogram_quantile).
//
//   std::vector<double> v = {0, 1, 4};
//   Quantile(0.75, v);                                  // 2.5
//   std::vector<Bucket> b = {{1, 5}, {INFINITY, 10}};
//   BucketQuantile(0.5, b);                             // 1
#ifndef MONC_RUNTIME_ENGINE_QUANTILE_H_
#define MONC_RUNTIME_ENGINE_QUANTILE_H_

#include <vector>

namespace monc::runtime {

// Prometheus's quantile(): NaN for no values or q = NaN, -Inf for q < 0,
// +Inf for q > 1, else the weighted average of the two values around rank
// q * (n - 1). Sorts `values` in place, NaNs first.
double Quantile(double q, std::vector<double>& values);

// One classic histogram bucket: the `le` bound and its cumulative count.
struct Bucket {
  double upper_bound = 0;
  double count = 0;
};

// Prometheus's bucketQuantile(): sorts the buckets (in place), merges
// buckets with equal bounds, forces counts to be monotonic, and
// interpolates linearly inside the bucket holding rank q * count. NaN when
// the highest bound is not +Inf, there are fewer than two buckets, or no
// observations; the second highest bound when the rank falls into +Inf.
double BucketQuantile(double q, std::vector<Bucket>& buckets);

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_ENGINE_QUANTILE_H_
