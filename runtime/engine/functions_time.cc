// time(), timestamp() and the calendar functions (UTC). A calendar function
// without its optional argument reads vector(time()); with it, each value is
// taken as Unix seconds, truncated as Go converts a float to int64.
#include <cstdint>
#include <string>

#include "runtime/engine/functions_internal.h"

namespace monc::runtime::functions {
namespace {

// The fields of a UTC time, computed as Go's time package does (from an
// unsigned count of seconds since the year -292277022399), so that every
// int64, even one far outside any real calendar, gives Go's answer.
struct CivilTime {
  int64_t year = 0;
  int month = 0;    // 1..12
  int day = 0;      // 1..31
  int yday = 0;     // 1..366
  int weekday = 0;  // 0 = Sunday
  int hour = 0;
  int minute = 0;
};

constexpr uint64_t kSecondsPerMinute = 60;
constexpr uint64_t kSecondsPerHour = 60 * kSecondsPerMinute;
constexpr uint64_t kSecondsPerDay = 24 * kSecondsPerHour;
constexpr uint64_t kSecondsPerWeek = 7 * kSecondsPerDay;
constexpr uint64_t kDaysPer400Years = 365 * 400 + 97;
constexpr uint64_t kDaysPer100Years = 365 * 100 + 24;
constexpr uint64_t kDaysPer4Years = 365 * 4 + 1;
constexpr int64_t kAbsoluteZeroYear = -292277022399;
// Go's unixToInternal + internalToAbsolute: the seconds from the absolute
// zero year to 1970, through year 1 (a whole number of 400-year cycles
// later) and the 719162 days from year 1 to 1970.
constexpr int64_t kUnixToAbsolute = static_cast<int64_t>(
    ((1 - kAbsoluteZeroYear) / 400 * kDaysPer400Years + 719162) * kSecondsPerDay);
constexpr int kDaysBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

bool IsLeap(int64_t year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

CivilTime ToCivil(int64_t unix_seconds) {
  // Go adds in int64 and wraps; unsigned arithmetic wraps the same way.
  const uint64_t abs = static_cast<uint64_t>(unix_seconds) + static_cast<uint64_t>(kUnixToAbsolute);
  CivilTime c;
  c.hour = static_cast<int>(abs % kSecondsPerDay / kSecondsPerHour);
  c.minute = static_cast<int>(abs % kSecondsPerHour / kSecondsPerMinute);
  // The absolute epoch is a Monday.
  c.weekday = static_cast<int>((abs + kSecondsPerDay) % kSecondsPerWeek / kSecondsPerDay);

  uint64_t d = abs / kSecondsPerDay;
  uint64_t n = d / kDaysPer400Years;
  uint64_t y = 400 * n;
  d -= kDaysPer400Years * n;
  n = d / kDaysPer100Years;
  n -= n >> 2;
  y += 100 * n;
  d -= kDaysPer100Years * n;
  n = d / kDaysPer4Years;
  y += 4 * n;
  d -= kDaysPer4Years * n;
  n = d / 365;
  n -= n >> 2;
  y += n;
  d -= 365 * n;
  c.year = static_cast<int64_t>(y) + kAbsoluteZeroYear;
  c.yday = static_cast<int>(d) + 1;

  int day = static_cast<int>(d);
  if (IsLeap(c.year)) {
    if (day == 31 + 29 - 1) {
      c.month = 2;
      c.day = 29;
      return c;
    }
    if (day > 31 + 29 - 1) --day;  // pretend the leap day was not there
  }
  // Months have at most 31 days, so day / 31 is the month or the one before.
  int month = day / 31;
  int begin = kDaysBefore[month];
  if (day >= kDaysBefore[month + 1]) begin = kDaysBefore[++month];
  c.month = month + 1;
  c.day = day - begin + 1;
  return c;
}

int DaysIn(const CivilTime& c) {
  if (c.month == 2 && IsLeap(c.year)) return 29;
  return kDaysBefore[c.month] - kDaysBefore[c.month - 1];
}

// Prometheus's dateWrapper.
template <typename F>
Vector Calendar(const FunctionCall& call, F field) {
  if (call.args.empty()) {
    // Go's integer division truncates, also before 1970.
    return {{Labels(), call.t, static_cast<double>(field(ToCivil(call.t / 1000)))}};
  }
  return MapValues(call, [&](double v) { return static_cast<double>(field(ToCivil(GoInt64(v)))); });
}

}  // namespace

Vector Time(const FunctionCall& call, std::string&) {
  return {{Labels(), call.t, static_cast<double>(call.t) / 1000}};
}

// The sample's own timestamp, which the engine keeps in each element.
Vector Timestamp(const FunctionCall& call, std::string&) {
  const Vector& in = VectorArg(call, 0);
  Vector out;
  out.reserve(in.size());
  for (const VectorElement& el : in) {
    out.push_back({DropMetricName(el.labels), call.t, static_cast<double>(el.t) / 1000});
  }
  return out;
}

Vector DayOfMonth(const FunctionCall& call, std::string&) {
  return Calendar(call, [](const CivilTime& c) { return c.day; });
}

Vector DayOfWeek(const FunctionCall& call, std::string&) {
  return Calendar(call, [](const CivilTime& c) { return c.weekday; });
}

Vector DayOfYear(const FunctionCall& call, std::string&) {
  return Calendar(call, [](const CivilTime& c) { return c.yday; });
}

Vector DaysInMonth(const FunctionCall& call, std::string&) { return Calendar(call, DaysIn); }

Vector Hour(const FunctionCall& call, std::string&) {
  return Calendar(call, [](const CivilTime& c) { return c.hour; });
}

Vector Minute(const FunctionCall& call, std::string&) {
  return Calendar(call, [](const CivilTime& c) { return c.minute; });
}

Vector Month(const FunctionCall& call, std::string&) {
  return Calendar(call, [](const CivilTime& c) { return c.month; });
}

Vector Year(const FunctionCall& call, std::string&) {
  return Calendar(call, [](const CivilTime& c) { return c.year; });
}

}  // namespace monc::runtime::functions
