// Prometheus's model.ParseDuration (prometheus/common, as Prometheus 2.42
// vendors it): the one duration syntax of PromQL ranges, rule files,
// Alertmanager's config and the template function parseDuration.
//
//   units y w d h m s ms (a year is 365d, a week 7d), largest first, each at
//   most once, an unsigned decimal number before each: "1h30m", "90s", "5ms";
//   "0" alone is zero; no fractions, signs or spaces.
//
// The value must fit Go's time.Duration (int64 nanoseconds, ~292 years).
#ifndef MONC_COMPILER_PROMQL_GO_DURATION_H_
#define MONC_COMPILER_PROMQL_GO_DURATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace monc::promql::go {

// Milliseconds of `s`, or nullopt with `error` (when not null) Prometheus's
// message: "empty duration string", "not a valid duration string: \"1.5h\""
// or, for a well-formed duration past time.Duration's range, "duration out
// of range".
std::optional<int64_t> ParseDuration(std::string_view s, std::string* error);

}  // namespace monc::promql::go

#endif  // MONC_COMPILER_PROMQL_GO_DURATION_H_
