#include "compiler/model/duration.h"

#include <array>
#include <limits>

namespace monc::model {
namespace {

struct Unit {
  std::string_view suffix;
  int64_t millis;
};

// Largest first: the order Prometheus requires them in.
constexpr std::array<Unit, 7> kUnits = {{{"y", 365LL * 24 * 3600 * 1000},
                                         {"w", 7LL * 24 * 3600 * 1000},
                                         {"d", 24LL * 3600 * 1000},
                                         {"h", 3600LL * 1000},
                                         {"m", 60LL * 1000},
                                         {"s", 1000},
                                         {"ms", 1}}};

}  // namespace

std::optional<int64_t> ParseDurationMillis(std::string_view text) {
  if (text == "0") return 0;
  if (text.empty()) return std::nullopt;
  int64_t total = 0;
  size_t next_unit = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    int64_t n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      if (n > (std::numeric_limits<int64_t>::max() - 9) / 10) return std::nullopt;
      n = n * 10 + (text[i++] - '0');
    }
    if (i == start) return std::nullopt;
    // "ms" must win over "m" followed by garbage.
    size_t unit = kUnits.size();
    for (size_t u = next_unit; u < kUnits.size(); ++u) {
      std::string_view s = kUnits[u].suffix;
      if (text.substr(i, s.size()) == s &&
          !(s == "m" && text.substr(i, 2) == "ms")) {
        unit = u;
        break;
      }
    }
    if (unit == kUnits.size()) return std::nullopt;
    if (n > std::numeric_limits<int64_t>::max() / kUnits[unit].millis) return std::nullopt;
    total += n * kUnits[unit].millis;
    if (total < 0) return std::nullopt;
    i += kUnits[unit].suffix.size();
    next_unit = unit + 1;
  }
  return total;
}

}  // namespace monc::model
