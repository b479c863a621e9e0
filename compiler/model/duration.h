// Durations as Prometheus and Alertmanager parse them (Go's
// model.ParseDuration, compiler/promql/go_duration.h): units y w d h m s ms,
// each at most once, largest first, e.g. "1h30m"; "0" alone is zero. No
// fractions, no spaces.
#ifndef MONC_COMPILER_MODEL_DURATION_H_
#define MONC_COMPILER_MODEL_DURATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/promql/go_duration.h"
#include "compiler/source/source_manager.h"

namespace monc::model {

struct Duration {
  int64_t millis = 0;
  std::string text;  // as written; valid for Prometheus and Alertmanager
  Span span;
};

// Milliseconds of `text`, or nullopt when Prometheus would reject it.
inline std::optional<int64_t> ParseDurationMillis(std::string_view text) {
  return promql::go::ParseDuration(text, nullptr);
}

}  // namespace monc::model

#endif  // MONC_COMPILER_MODEL_DURATION_H_
