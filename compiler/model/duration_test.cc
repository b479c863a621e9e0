#include "compiler/model/duration.h"

#include <gtest/gtest.h>

namespace monc::model {
namespace {

TEST(DurationTest, ParsesWhatPrometheusParses) {
  struct Case {
    const char* text;
    int64_t millis;
  } cases[] = {{"0", 0},           {"5m", 300000},    {"1h30m", 5400000},
               {"30s", 30000},     {"100ms", 100},    {"1m500ms", 60500},
               {"7d", 604800000},  {"2w", 1209600000}, {"1y", 31536000000}};
  for (const Case& c : cases) {
    auto ms = ParseDurationMillis(c.text);
    ASSERT_TRUE(ms.has_value()) << c.text;
    EXPECT_EQ(*ms, c.millis) << c.text;
  }
}

TEST(DurationTest, RejectsWhatPrometheusRejects) {
  for (const char* bad : {"", "5", "m", "1.5h", "30m1h", "5mm", "1h1h", " 5m", "5 m", "-5m", "5M",
                          "1ms1s", "99999999999999999999y"}) {
    EXPECT_FALSE(ParseDurationMillis(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace monc::model
