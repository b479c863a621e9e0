// The number readings of Prometheus's text parsers, with Go's exact
// acceptance rules and messages, so that a file loads here exactly when
// promtool loads it.
#ifndef MONC_RUNTIME_INGEST_PARSE_FLOAT_H_
#define MONC_RUNTIME_INGEST_PARSE_FLOAT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace monc::runtime {

// textparse's parseFloat: strconv.ParseFloat(s, 64) after refusing 'p',
// 'P' and '_' (pre-Go 1.13 syntax only). Decimal digits with an optional
// fraction and exponent, or Inf/Infinity/NaN in any case (a sign only before
// Inf); correctly rounded. On failure `error` gets Go's message, e.g.
// strconv.ParseFloat: parsing "1z": invalid syntax, or "value out of range"
// when the magnitude rounds past the largest double.
std::optional<double> ParseGoFloat(std::string_view s, std::string* error);

// strconv.ParseInt(s, 10, 64), with Go's messages.
std::optional<int64_t> ParseGoInt(std::string_view s, std::string* error);

// Go's int64(f) on amd64: truncation toward zero, and the "integer
// indefinite" value INT64_MIN for NaN and out-of-range values (C++ leaves
// those undefined).
int64_t GoFloatToInt64(double f);

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_INGEST_PARSE_FLOAT_H_
