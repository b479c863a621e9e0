#include <gtest/gtest.h>

#include <cmath>

#include "runtime/model/label_hash.h"
#include "runtime/model/labels.h"
#include "runtime/model/matcher.h"
#include "runtime/model/value.h"

namespace monc::runtime {
namespace {

TEST(Labels, SortsDropsEmptyAndPrints) {
  Labels l = Labels::FromMap({{"job", "api"}, {"__name__", "up"}, {"empty", ""}});
  EXPECT_EQ(l.ToString(), R"({__name__="up", job="api"})");
  EXPECT_EQ(l.MetricName(), "up");
  EXPECT_EQ(l.Get("missing"), "");
}

TEST(Labels, HashesSeparateNamesFromValues) {
  EXPECT_NE(Labels::FromMap({{"a", "bc"}}).Hash(), Labels::FromMap({{"ab", "c"}}).Hash());
  Labels l = Labels::FromMap({{"__name__", "x"}, {"a", "1"}, {"b", "2"}});
  EXPECT_EQ(HashLabelsIgnoring(l, {"b"}, true), Labels::FromMap({{"a", "1"}}).Hash());
  EXPECT_EQ(HashLabelsIgnoring(l, {"b"}, false),
            Labels::FromMap({{"__name__", "x"}, {"a", "1"}}).Hash());
  EXPECT_EQ(HashLabelsOn(l, {"a"}, false), Labels::FromMap({{"a", "1"}}).Hash());
}

TEST(Labels, ComparesAsPrometheus) {
  EXPECT_LT(Labels::FromMap({{"a", "1"}}), Labels::FromMap({{"a", "1"}, {"b", "1"}}));
  EXPECT_LT(Labels::FromMap({{"a", "1"}}), Labels::FromMap({{"a", "2"}}));
  EXPECT_LT(Labels::FromMap({{"a", "9"}}), Labels::FromMap({{"b", "1"}}));
}

TEST(LabelsBuilder, SetDeletesOnEmpty) {
  Labels l = Labels::FromMap({{"a", "1"}, {"b", "2"}});
  Labels out = LabelsBuilder(l).Set("c", "3").Set("a", "").Build();
  EXPECT_EQ(out.ToString(), R"({b="2", c="3"})");
}

TEST(Matcher, RegexIsAnchoredAndMissingIsEmpty) {
  std::string error;
  auto m = Matcher::Make(promql::MatchType::Regex, "status", "5..", &error);
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->Matches("503"));
  EXPECT_FALSE(m->Matches("1503"));
  EXPECT_FALSE(m->MatchesEmpty());
  EXPECT_FALSE(Matcher::Make(promql::MatchType::Regex, "a", "(", &error));
  EXPECT_NE(error, "");
}

TEST(Value, StaleNaNIsOneBitPattern) {
  EXPECT_TRUE(IsStaleNaN(StaleNaN()));
  EXPECT_FALSE(IsStaleNaN(std::nan("")));
}

}  // namespace
}  // namespace monc::runtime
