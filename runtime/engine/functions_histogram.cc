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

#include "runtime/engine/functions_internal.h"
#include "runtime/engine/quantile.h"

namespace monc::runtime::functions {
namespace {

bool EqualFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != b[i]) return false;
  }
  return true;
}

bool IsDigit(char c, bool hex) {
  return (c >= '0' && c <= '9') || (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

bool IsHexPrefix(std::string_view s) {
  return s.size() >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x';
}

// Go's underscoreOK: '_' only between digits, or between the base prefix
// and a digit.
bool UnderscoresOk(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  const bool hex = IsHexPrefix(s);
  char saw = hex ? '0' : '^';  // '0' digit, '_' underscore, '!' other
  for (size_t i = hex ? 2 : 0; i < s.size(); ++i) {
    if (IsDigit(s[i], hex)) {
      saw = '0';
    } else if (s[i] == '_') {
      if (saw != '0') return false;
      saw = '_';
    } else {
      if (saw == '_') return false;
      saw = '!';
    }
  }
  return saw != '_';
}

// Go's strconv.ParseFloat(s, 64), which reads `le`: nullopt where Go
// fails, so that the bucket is skipped as Prometheus skips it. Go takes
// "inf"/"infinity" (any case, signed), "nan" (any case, unsigned), and
// decimal or hex (p exponent required) literals, '_' between digits; no
// spaces; overflow is an error, underflow is not.
std::optional<double> ParseGoFloat(std::string_view s) {
  const size_t sign = !s.empty() && (s[0] == '+' || s[0] == '-');
  const std::string_view body = s.substr(sign);
  if (EqualFold(body, "inf") || EqualFold(body, "infinity")) {
    return s[0] == '-' ? -HUGE_VAL : HUGE_VAL;
  }
  if (!sign && EqualFold(body, "nan")) return std::nan("");
  std::string clean(s);
  if (clean.find('_') != std::string::npos) {
    if (!UnderscoresOk(s)) return std::nullopt;
    clean.erase(std::remove(clean.begin(), clean.end(), '_'), clean.end());
  }
  const bool hex = IsHexPrefix(std::string_view(clean).substr(sign));
  size_t i = sign + (hex ? 2 : 0);
  bool digits = false, dot = false;
  for (; i < clean.size(); ++i) {
    if (clean[i] == '.' && !dot) {
      dot = true;
    } else if (IsDigit(clean[i], hex)) {
      digits = true;
    } else {
      break;
    }
  }
  if (!digits) return std::nullopt;
  if (i < clean.size() && (clean[i] | 0x20) == (hex ? 'p' : 'e')) {
    ++i;
    if (i < clean.size() && (clean[i] == '+' || clean[i] == '-')) ++i;
    const size_t exponent = i;
    while (i < clean.size() && IsDigit(clean[i], false)) ++i;
    if (i == exponent) return std::nullopt;
  } else if (hex) {
    return std::nullopt;
  }
  if (i != clean.size()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(clean.c_str(), &end);
  if (end != clean.c_str() + clean.size() || std::isinf(v)) return std::nullopt;
  return v;
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
  std::vector<Group> groups;
  std::unordered_map<uint64_t, size_t> index;
  for (const VectorElement& el : in) {
    const std::optional<double> bound = ParseGoFloat(el.labels.Get("le"));
    if (!bound) continue;
    LabelsBuilder without_le(el.labels);
    without_le.Del("le");
    const auto [it, added] = index.emplace(without_le.Build().Hash(), groups.size());
    if (added) groups.push_back({without_le.Del(kMetricName).Build(), {}});
    groups[it->second].buckets.push_back({*bound, el.v});
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
