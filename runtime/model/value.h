// The values PromQL evaluates to (Prometheus's promql/value.go), and the
// sample a series store holds. Timestamps are Unix milliseconds, as in
// Prometheus; values are float64 (native histograms are not supported: they
// are experimental in 2.42 and absent from the seeds).
#ifndef MONC_RUNTIME_MODEL_VALUE_H_
#define MONC_RUNTIME_MODEL_VALUE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <variant>
#include <vector>

#include "compiler/promql/tables.h"
#include "runtime/model/labels.h"

namespace monc::runtime {

// One point of a series (Prometheus's Point).
struct Sample {
  int64_t t = 0;
  double v = 0;
};

// One element of an instant vector (Prometheus's promql.Sample).
struct VectorElement {
  Labels labels;
  int64_t t = 0;
  double v = 0;
};
using Vector = std::vector<VectorElement>;

struct Series {
  Labels labels;
  std::vector<Sample> samples;
};
using Matrix = std::vector<Series>;

struct Scalar {
  int64_t t = 0;
  double v = 0;
};

struct String {
  int64_t t = 0;
  std::string v;
};

using Value = std::variant<Scalar, Vector, Matrix, String>;

inline promql::ValueType TypeOf(const Value& v) {
  switch (v.index()) {
    case 0: return promql::ValueType::Scalar;
    case 1: return promql::ValueType::Vector;
    case 2: return promql::ValueType::Matrix;
    default: return promql::ValueType::String;
  }
}

// Prometheus's staleness marker: a NaN with this exact bit pattern, written
// when a series disappears. Any other NaN is an ordinary value.
inline constexpr uint64_t kStaleNaNBits = 0x7ff0000000000002ull;

inline double StaleNaN() {
  double v;
  std::memcpy(&v, &kStaleNaNBits, sizeof v);
  return v;
}

inline bool IsStaleNaN(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof v);
  return bits == kStaleNaNBits;
}

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_MODEL_VALUE_H_
