#include "runtime/ingest/parse_float.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <limits>

#include "compiler/promql/go_strconv.h"

namespace monc::runtime {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string NumError(std::string_view fn, std::string_view s, std::string_view why) {
  return "strconv." + std::string(fn) + ": parsing " + promql::go::Quote(s) + ": " +
         std::string(why);
}

// Clinger's fast path, for the plain decimals sample files are made of
// ("1027", "1700000000.5"): when at most 19 digits (a uint64_t holds them)
// make an integer of at most 2^53, the value is that integer, exact as a
// double, divided by a power of ten that is exact too (up to 10^22 are):
// one correctly rounded operation, so the very double strconv.ParseFloat
// gives. Nullopt for anything else.
std::optional<double> PlainDecimal(std::string_view s) {
  static constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,
                                            1e7,  1e8,  1e9,  1e10, 1e11, 1e12, 1e13,
                                            1e14, 1e15, 1e16, 1e17, 1e18, 1e19};
  const char* p = s.data();
  const char* const end = p + s.size();
  const bool negative = p != end && *p == '-';
  if (p != end && (*p == '+' || *p == '-')) ++p;
  if (end - p > 19) return std::nullopt;
  uint64_t mantissa = 0;
  const char* const integer = p;
  for (; p != end && IsDigit(*p); ++p) mantissa = mantissa * 10 + static_cast<uint64_t>(*p - '0');
  const size_t integer_digits = static_cast<size_t>(p - integer);
  size_t fraction_digits = 0;
  if (p != end && *p == '.') {
    const char* const fraction = ++p;
    for (; p != end && IsDigit(*p); ++p) mantissa = mantissa * 10 + static_cast<uint64_t>(*p - '0');
    fraction_digits = static_cast<size_t>(p - fraction);
  }
  if (p != end || integer_digits + fraction_digits == 0 || mantissa > (uint64_t{1} << 53)) {
    return std::nullopt;
  }
  const double v = static_cast<double>(mantissa) / kPowersOfTen[fraction_digits];
  return negative ? -v : v;
}

}  // namespace

std::optional<double> ParseGoFloat(std::string_view s, std::string* error) {
  if (const std::optional<double> v = PlainDecimal(s)) return v;
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
