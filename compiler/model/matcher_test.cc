#include "compiler/model/matcher.h"

#include <gtest/gtest.h>

namespace monc::model {
namespace {

Matcher MustParse(const char* text) {
  std::string error;
  auto m = Matcher::Parse(text, &error);
  EXPECT_TRUE(m.has_value()) << text << ": " << error;
  return *m;
}

TEST(MatcherTest, ParsesAllFourOperators) {
  EXPECT_EQ(MustParse("severity=critical").op(), MatchOp::Equal);
  EXPECT_EQ(MustParse("severity != \"info\"").op(), MatchOp::NotEqual);
  EXPECT_EQ(MustParse("team=~db|cache").op(), MatchOp::Regex);
  EXPECT_EQ(MustParse("team!~\"db.*\"").value(), "db.*");
}

TEST(MatcherTest, RegexesAreAnchored) {
  Matcher m = MustParse("team=~db|cache");
  EXPECT_TRUE(m.Matches("db"));
  EXPECT_TRUE(m.Matches("cache"));
  EXPECT_FALSE(m.Matches("dbx"));
  EXPECT_FALSE(m.Matches("xcache"));
  EXPECT_TRUE(MustParse("x!=a").Matches(""));
  EXPECT_TRUE(MustParse("x=~.*").MatchesEverything());
}

TEST(MatcherTest, RejectsBadInput) {
  std::string error;
  EXPECT_FALSE(Matcher::Parse("severity", &error));
  EXPECT_FALSE(Matcher::Parse("1abc=x", &error));
  EXPECT_FALSE(Matcher::Parse("x=~(", &error));
  EXPECT_NE(error.find("invalid regular expression"), std::string::npos);
  EXPECT_FALSE(Matcher::Parse("x=\"abc", &error));
}

TEST(MatcherTest, ParsesSeveralMatchersPerEntryAsAlertmanagerDoes) {
  std::string error;
  auto list = Matcher::ParseList("severity=\"critical\", team=~\"a,b\"", &error);
  ASSERT_TRUE(list) << error;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[1].value(), "a,b");
  auto braced = Matcher::ParseList("{a=\"x\"}", &error);
  ASSERT_TRUE(braced);
  EXPECT_EQ((*braced)[0].name(), "a");
  EXPECT_FALSE(Matcher::ParseList("a=\"x\",,b=y", &error));
}

TEST(MatcherTest, RegexErrorsShowTheUsersText) {
  std::string error;
  EXPECT_FALSE(Matcher::Parse("x=~[Api", &error));
  EXPECT_EQ(error.find("^(?:"), std::string::npos) << error;
}

TEST(MatcherTest, PrintsAlertmanagerForm) {
  EXPECT_EQ(MustParse("severity=critical").ToString(), "severity=\"critical\"");
  EXPECT_EQ(MustParse("a=~\"x\\\"y\"").ToString(), "a=~\"x\\\"y\"");
}

}  // namespace
}  // namespace monc::model
