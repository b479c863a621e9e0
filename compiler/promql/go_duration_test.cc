// go::ParseDuration against prometheus/common's model.ParseDuration (the
// regular-expression version Prometheus 2.42 vendors): each row is what
// Go returns for the input.
#include "compiler/promql/go_duration.h"

#include <gtest/gtest.h>

namespace monc::promql::go {
namespace {

struct Case {
  const char* text;
  int64_t millis;     // when `error` is empty
  const char* error;  // Go's err.Error(), or empty
};

constexpr int64_t kDay = 24LL * 3600 * 1000;

const Case kCases[] = {
    // Zero: "0" alone, or any unit with 0.
    {"0", 0, ""},
    {"0s", 0, ""},
    {"0ms", 0, ""},
    // Each unit.
    {"1y", 365 * kDay, ""},
    {"1w", 7 * kDay, ""},
    {"1d", kDay, ""},
    {"1h", 3600000, ""},
    {"1m", 60000, ""},
    {"1s", 1000, ""},
    {"1ms", 1, ""},
    // Several, largest first; leading zeros are digits like others.
    {"1h30m", 5400000, ""},
    {"1m500ms", 60500, ""},
    {"1y1w1d1h1m1s1ms", 365 * kDay + 7 * kDay + kDay + 3661001, ""},
    {"007s", 7000, ""},
    {"90m", 5400000, ""},
    // The last value time.Duration holds, in whole milliseconds, and past it.
    {"9223372036854ms", 9223372036854, ""},
    {"9223372036855ms", 0, "duration out of range"},
    {"106751d23h47m16s854ms", 9223372036854, ""},
    {"106751d23h47m16s855ms", 0, "duration out of range"},
    {"292y", 292 * 365 * kDay, ""},
    {"293y", 0, "duration out of range"},
    {"99999999999999999999y", 0, "duration out of range"},
    {"99999999999999999999999999ms", 0, "duration out of range"},
    // The syntax is checked first: no range error for a malformed text.
    {"293y1x", 0, "not a valid duration string: \"293y1x\""},
    // Empty, and what the syntax refuses.
    {"", 0, "empty duration string"},
    {"5", 0, "not a valid duration string: \"5\""},
    {"00", 0, "not a valid duration string: \"00\""},
    {"m", 0, "not a valid duration string: \"m\""},
    {"1h1h", 0, "not a valid duration string: \"1h1h\""},
    {"5mm", 0, "not a valid duration string: \"5mm\""},
    {"30m1h", 0, "not a valid duration string: \"30m1h\""},
    {"1ms1s", 0, "not a valid duration string: \"1ms1s\""},
    {"1s1m", 0, "not a valid duration string: \"1s1m\""},
    {"1.5h", 0, "not a valid duration string: \"1.5h\""},
    {"-5m", 0, "not a valid duration string: \"-5m\""},
    {"+5m", 0, "not a valid duration string: \"+5m\""},
    {"5M", 0, "not a valid duration string: \"5M\""},
    {"5ns", 0, "not a valid duration string: \"5ns\""},
    {" 5m", 0, "not a valid duration string: \" 5m\""},
    {"5 m", 0, "not a valid duration string: \"5 m\""},
    {"5m ", 0, "not a valid duration string: \"5m \""},
    {"1h30", 0, "not a valid duration string: \"1h30\""},
    {"5\xc3\xa9", 0, "not a valid duration string: \"5\xc3\xa9\""},
};

TEST(GoDurationTest, AgreesWithModelParseDuration) {
  for (const Case& c : kCases) {
    std::string error;
    std::optional<int64_t> ms = ParseDuration(c.text, &error);
    if (*c.error == '\0') {
      ASSERT_TRUE(ms.has_value()) << c.text << ": " << error;
      EXPECT_EQ(*ms, c.millis) << c.text;
    } else {
      EXPECT_FALSE(ms.has_value()) << c.text;
      EXPECT_EQ(error, c.error) << c.text;
    }
  }
}

TEST(GoDurationTest, ErrorIsOptional) {
  EXPECT_EQ(ParseDuration("2m", nullptr), 120000);
  EXPECT_FALSE(ParseDuration("2x", nullptr).has_value());
}

}  // namespace
}  // namespace monc::promql::go
