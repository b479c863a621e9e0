#include "compiler/promql/go_duration.h"

#include <array>
#include <limits>
#include <utility>

#include "compiler/promql/go_strconv.h"

namespace monc::promql::go {
namespace {

struct Unit {
  std::string_view suffix;
  int64_t millis;
};

// Largest first: the only order model.ParseDuration accepts them in.
constexpr std::array<Unit, 7> kUnits = {{
    {"y", 1000LL * 60 * 60 * 24 * 365},
    {"w", 1000LL * 60 * 60 * 24 * 7},
    {"d", 1000LL * 60 * 60 * 24},
    {"h", 1000LL * 60 * 60},
    {"m", 1000LL * 60},
    {"s", 1000},
    {"ms", 1},
}};

// time.Duration counts int64 nanoseconds: the most whole milliseconds it holds.
constexpr int64_t kMaxMillis = std::numeric_limits<int64_t>::max() / 1000000;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<int64_t> ParseDuration(std::string_view s, std::string* error) {
  auto fail = [error](std::string message) -> std::optional<int64_t> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  if (s == "0") return 0;
  if (s.empty()) return fail("empty duration string");
  auto invalid = [&fail, text = s] {
    return fail("not a valid duration string: " + Quote(text));
  };
  int64_t total = 0;
  // Reported only once the whole text is read: Prometheus matches its
  // regular expression before it adds anything up.
  bool overflow = false;
  size_t next_unit = 0;
  while (!s.empty()) {
    size_t digits = 0;
    while (digits < s.size() && IsDigit(s[digits])) ++digits;
    if (digits == 0 || digits == s.size()) return invalid();
    // An 'm' followed by 's' is the millisecond unit: seconds after minutes
    // would need digits between them.
    const std::string_view suffix = s.substr(digits, s.substr(digits, 2) == "ms" ? 2 : 1);
    size_t unit = next_unit;
    while (unit < kUnits.size() && kUnits[unit].suffix != suffix) ++unit;
    if (unit == kUnits.size()) return invalid();
    // strconv.Atoi saturates; anything that large is out of range anyway.
    int64_t n = 0;
    for (size_t i = 0; i < digits && n <= kMaxMillis; ++i) n = n * 10 + (s[i] - '0');
    if (n > kMaxMillis / kUnits[unit].millis || total > kMaxMillis - n * kUnits[unit].millis) {
      overflow = true;
    } else {
      total += n * kUnits[unit].millis;
    }
    s.remove_prefix(digits + suffix.size());
    next_unit = unit + 1;
  }
  if (overflow) return fail("duration out of range");
  return total;
}

}  // namespace monc::promql::go
