#include "runtime/engine/quantile.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace monc::runtime {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Go's sort.Search: the first i in [0, n) where pred(i) holds, assuming it
// holds from there on; the exact probe order matters where counts are NaN.
template <typename Pred>
size_t GoSearch(size_t n, Pred pred) {
  size_t i = 0, j = n;
  while (i < j) {
    size_t h = (i + j) / 2;
    if (!pred(h)) {
      i = h + 1;
    } else {
      j = h;
    }
  }
  return i;
}

// Sums the counts of buckets with the same bound (a histogram exposed
// twice, or a bound written two ways like "1" and "1.0").
void CoalesceBuckets(std::vector<Bucket>& buckets) {
  size_t out = 0;
  for (size_t i = 1; i < buckets.size(); ++i) {
    if (buckets[i].upper_bound == buckets[out].upper_bound) {
      buckets[out].count += buckets[i].count;
    } else {
      buckets[++out] = buckets[i];
    }
  }
  buckets.resize(out + 1);
}

// Bucket series are not scraped atomically (and rate() amplifies the skew),
// so a higher bucket can briefly count less than a lower one; Prometheus
// takes the running maximum so the binary search below stays meaningful.
void EnsureMonotonic(std::vector<Bucket>& buckets) {
  double max = buckets[0].count;
  for (size_t i = 1; i < buckets.size(); ++i) {
    if (buckets[i].count > max) {
      max = buckets[i].count;
    } else if (buckets[i].count < max) {
      buckets[i].count = max;
    }
  }
}

}  // namespace

double Quantile(double q, std::vector<double>& values) {
  if (values.empty() || std::isnan(q)) return kNaN;
  if (q < 0) return -kInf;
  if (q > 1) return kInf;
  std::sort(values.begin(), values.end(), [](double a, double b) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && !std::isnan(b);
    return a < b;
  });
  const double n = static_cast<double>(values.size());
  const double rank = q * (n - 1);
  const double lower = std::max(0.0, std::floor(rank));
  const double upper = std::min(n - 1, lower + 1);
  const double weight = rank - std::floor(rank);
  return values[static_cast<size_t>(lower)] * (1 - weight) +
         values[static_cast<size_t>(upper)] * weight;
}

double BucketQuantile(double q, std::vector<Bucket>& buckets) {
  if (std::isnan(q)) return kNaN;
  if (q < 0) return -kInf;
  if (q > 1) return kInf;
  std::stable_sort(buckets.begin(), buckets.end(),
                   [](const Bucket& a, const Bucket& b) { return a.upper_bound < b.upper_bound; });
  if (buckets.empty() || buckets.back().upper_bound != kInf) return kNaN;
  CoalesceBuckets(buckets);
  EnsureMonotonic(buckets);
  if (buckets.size() < 2) return kNaN;
  const double observations = buckets.back().count;
  if (observations == 0) return kNaN;
  double rank = q * observations;
  const size_t b = GoSearch(buckets.size() - 1, [&](size_t i) { return buckets[i].count >= rank; });
  if (b == buckets.size() - 1) return buckets[b - 1].upper_bound;
  if (b == 0 && buckets[0].upper_bound <= 0) return buckets[0].upper_bound;
  double start = 0;
  const double end = buckets[b].upper_bound;
  double count = buckets[b].count;
  if (b > 0) {
    start = buckets[b - 1].upper_bound;
    count -= buckets[b - 1].count;
    rank -= buckets[b - 1].count;
  }
  return start + (end - start) * (rank / count);
}

}  // namespace monc::runtime
