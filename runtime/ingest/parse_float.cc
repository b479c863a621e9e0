#include "runtime/ingest/parse_float.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "compiler/promql/go_strconv.h"

namespace monc::runtime {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (Lower(s[i]) != lower[i]) return false;
  }
  return true;
}

std::string NumError(std::string_view fn, std::string_view s, std::string_view why) {
  return "strconv." + std::string(fn) + ": parsing " + promql::go::Quote(s) + ": " +
         std::string(why);
}

// Go's decimal float literal: [+-] digits [. digits] [(e|E) [+-] digits],
// at least one mantissa digit, nothing else.
bool IsDecimalFloat(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  while (i < s.size() && IsDigit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDigit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && IsDigit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

}  // namespace

std::optional<double> ParseGoFloat(std::string_view s, std::string* error) {
  if (s.find_first_of("pP_") != std::string_view::npos) {
    *error = "unsupported character in float";
    return std::nullopt;
  }
  std::string_view unsigned_part = s;
  const bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) unsigned_part.remove_prefix(1);
  if (EqualsIgnoreCase(unsigned_part, "inf") || EqualsIgnoreCase(unsigned_part, "infinity")) {
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (EqualsIgnoreCase(s, "nan")) return std::nan("");
  if (!IsDecimalFloat(s)) {
    *error = NumError("ParseFloat", s, "invalid syntax");
    return std::nullopt;
  }
  // strtod rounds correctly and, on a checked decimal literal, reads it
  // all; only overflow is an error in Go (underflow rounds to zero).
  const std::string copy(s);
  const double v = std::strtod(copy.c_str(), nullptr);
  if (std::isinf(v)) {
    *error = NumError("ParseFloat", s, "value out of range");
    return std::nullopt;
  }
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
