#include "runtime/ingest/parse_float.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "compiler/promql/go_strconv.h"

namespace monc::runtime {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string NumError(std::string_view fn, std::string_view s, std::string_view why) {
  return "strconv." + std::string(fn) + ": parsing " + promql::go::Quote(s) + ": " +
         std::string(why);
}

}  // namespace

std::optional<double> ParseGoFloat(std::string_view s, std::string* error) {
  if (s.find_first_of("pP_") != std::string_view::npos) {
    *error = "unsupported character in float";
    return std::nullopt;
  }
  std::string reason;
  std::optional<double> v = promql::go::ParseFloat(s, &reason);
  if (!v) *error = NumError("ParseFloat", s, reason);
  return v;
}

std::optional<int64_t> ParseGoInt(std::string_view s, std::string* error) {
  size_t i = 0;
  const bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) ++i;
  if (i == s.size()) {
    *error = NumError("ParseInt", s, "invalid syntax");
    return std::nullopt;
  }
  const uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  uint64_t v = 0;
  bool overflow = false;
  for (; i < s.size(); ++i) {
    if (!IsDigit(s[i])) {
      *error = NumError("ParseInt", s, "invalid syntax");
      return std::nullopt;
    }
    const uint64_t d = static_cast<uint64_t>(s[i] - '0');
    if (v > (limit - d) / 10) overflow = true;
    if (!overflow) v = v * 10 + d;
  }
  if (overflow) {
    *error = NumError("ParseInt", s, "value out of range");
    return std::nullopt;
  }
  return negative ? static_cast<int64_t>(0 - v) : static_cast<int64_t>(v);
}

int64_t GoFloatToInt64(double f) {
  // 2^63 is exact as a double; everything in [-2^63, 2^63) truncates into
  // range, and CVTTSD2SI gives INT64_MIN for the rest and for NaN.
  constexpr double kLimit = 9223372036854775808.0;
  if (!(f >= -kLimit && f < kLimit)) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(f);
}

}  // namespace monc::runtime
