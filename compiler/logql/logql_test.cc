// The LogQL front end: trees, Loki's messages and places, validation per
// entry point, canonical printing, and the tables against the lexer.
#include "compiler/logql/logql.h"

#include <gtest/gtest.h>

#include <string>

namespace monc::logql {
namespace {

std::string ErrorText(const std::string& text, EntryPoint entry = EntryPoint::Expr) {
  ParseResult r = Parse(text, entry);
  return r.errors.empty() ? "" : LokiErrorText(text, r.errors[0]);
}

TEST(ParseTest, BuildsPipelineStages) {
  ParseResult r = Parse(
      R"({app="api", env!="dev"} |= "error" or ip("10.0.0.1") | logfmt --strict a, b="c")"
      R"( | status >= 500 and latency > 250ms, size < 2KB | line_format "{{.a}}" | drop x, y="z")");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  ASSERT_EQ(r.expr->kind, NodeKind::LogSelector);
  const auto& log = static_cast<const LogSelector&>(*r.expr);
  ASSERT_EQ(log.matchers.size(), 2u);
  EXPECT_EQ(log.matchers[1].type, MatchType::NotEqual);
  ASSERT_EQ(log.stages.size(), 5u);
  const auto& filter = static_cast<const LineFilterStage&>(*log.stages[0]);
  EXPECT_EQ(filter.op, LineFilterOp::Contains);
  ASSERT_EQ(filter.alternatives.size(), 2u);
  EXPECT_TRUE(filter.alternatives[1].ip);
  const auto& parser = static_cast<const ParserStage&>(*log.stages[1]);
  EXPECT_EQ(parser.parser, ParserKind::Logfmt);
  EXPECT_EQ(parser.flags, std::vector<std::string>{"--strict"});
  ASSERT_EQ(parser.extractions.size(), 2u);
  EXPECT_EQ(*parser.extractions[1].expression, "c");
  const auto& labels = static_cast<const LabelFilterStage&>(*log.stages[2]);
  EXPECT_EQ(labels.filter->kind, LabelFilter::Kind::And);
  EXPECT_EQ(KindOf(*r.expr), ExprKind::Log);
}

TEST(ParseTest, ReadsLokiLiterals) {
  ParseResult r = Parse(R"({a="b"} | d > 1h30m | e < 1.5s | s >= 20MB | t <= 1KiB | n == -2.5)");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  const auto& log = static_cast<const LogSelector&>(*r.expr);
  auto filter = [&](size_t i) -> const LabelFilter& {
    return *static_cast<const LabelFilterStage&>(*log.stages[i]).filter;
  };
  EXPECT_EQ(filter(0).duration_ns, 5400LL * 1000000000);
  EXPECT_EQ(filter(1).duration_ns, 1500000000);
  EXPECT_EQ(filter(2).bytes, 20000000u);
  EXPECT_EQ(filter(3).bytes, 1024u);
  EXPECT_EQ(filter(4).number, -2.5);
}

TEST(ParseTest, RangeAggregationWithUnwrapAndOffset) {
  ParseResult r = Parse(
      R"(quantile_over_time(0.99, {a="b"} | json | unwrap duration(latency) | __error__="" [5m] offset 1h) by (c))");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  const auto& agg = static_cast<const RangeAggregation&>(*r.expr);
  EXPECT_EQ(agg.op->op, RangeAggregationOp::QuantileOverTime);
  EXPECT_EQ(*agg.param, 0.99);
  EXPECT_EQ(agg.range.range_ns, 300LL * 1000000000);
  EXPECT_EQ(agg.range.offset_ns, 3600LL * 1000000000);
  ASSERT_TRUE(agg.range.unwrap);
  EXPECT_EQ(agg.range.unwrap->conversion, UnwrapConversion::Duration);
  EXPECT_EQ(agg.range.unwrap->post_filters.size(), 1u);
  EXPECT_EQ(agg.grouping->labels, std::vector<std::string>{"c"});
  EXPECT_EQ(KindOf(*r.expr), ExprKind::Metric);
}

TEST(ParseTest, LokiMessages) {
  EXPECT_EQ(ErrorText(R"({foo="bar")"),
            "parse error at line 1, col 11: syntax error: unexpected $end, expecting } or ,");
  EXPECT_EQ(ErrorText(R"(rate({ foo = "bar" }[5)"),
            "parse error at line 0, col 21: missing closing ']' in duration");
  EXPECT_EQ(ErrorText(R"({foo="bar}"})"), "");
  EXPECT_EQ(ErrorText(R"(sum_over_time({a="b"}[5m]))"),
            "parse error : invalid aggregation sum_over_time without unwrap");
  EXPECT_EQ(ErrorText(R"(count_over_time({a="b"} | unwrap x [5m]))"),
            "parse error : invalid aggregation count_over_time with unwrap");
  EXPECT_EQ(ErrorText(R"(topk(0, count_over_time({a="b"}[5m])))"),
            "parse error : invalid parameter (must be greater than 0)");
  EXPECT_EQ(ErrorText(R"({a="b"} + 1)"),
            "parse error : unexpected type for left leg of binary operation (+): *syntax.MatchersExpr");
  EXPECT_EQ(ErrorText("stddev({a=\"b\"})"), "parse error at line 1, col 15: syntax error: unexpected )");
}

TEST(ValidateTest, EntryPoints) {
  const std::string kEmpty =
      "parse error : queries require at least one regexp or equality matcher that does not "
      "have an empty-compatible value. For instance, app=~\".*\" does not meet this "
      "requirement, but app=~\".+\" will";
  EXPECT_EQ(ErrorText(R"({app=~".*"})"), kEmpty);
  EXPECT_EQ(ErrorText(R"({app=~".*"})", EntryPoint::LogSelectorWithoutValidation), "");
  EXPECT_EQ(ErrorText(R"({app="a"})", EntryPoint::SampleExpr), "only sample expression supported");
  EXPECT_EQ(ErrorText(R"(count_over_time({a="b"}[1m]))", EntryPoint::LogSelector),
            "only log selector is supported");
  EXPECT_EQ(ErrorText(R"({a="b"} |= "x")", EntryPoint::Matchers), "only label matchers is supported");
  EXPECT_EQ(ErrorText(R"({a="b"})", EntryPoint::Matchers), "");
}

TEST(PrinterTest, RoundTrips) {
  for (const char* text : {
           R"({a="b"} |= "x" or "y" != ip("::1") | json c="d" | unpack | e=~"f.*" or g>1)",
           R"({a="b"} | logfmt --keep-empty | label_format x=y, z="{{.w}}" | keep q | decolorize)",
           R"x(sum by (a) (rate({a="b"} | regexp "(?P<x>.+)" [5m])) / on (a) group_left (b) vector(1))x",
           R"x(label_replace(topk(3, avg_over_time({a="b"} | unwrap bytes(s) [1h] offset 5m)), "d", "$1", "s", "(.*)"))x",
           R"(1 + 2 * count_over_time({a="b"} | d > 1.5ms [1m]) > bool 3)",
       }) {
    ParseResult first = Parse(text);
    ASSERT_TRUE(first.errors.empty()) << text << ": " << first.errors[0].message;
    const std::string printed = Print(*first.expr);
    ParseResult second = Parse(printed);
    ASSERT_TRUE(second.errors.empty()) << printed << ": " << second.errors[0].message;
    EXPECT_EQ(Print(*second.expr), printed);
  }
}

// Every table row is a keyword the lexer knows, where the grammar wants it.
TEST(TablesTest, AgreeWithTheGrammar) {
  for (const RangeAggregationInfo& r : AllRangeAggregations()) {
    std::string text = std::string(r.name) + "(";
    if (r.param == Takes::Required) text += "0.5, ";
    text += R"({a="b"})";
    if (r.unwrap == Takes::Required) text += " | unwrap x";
    text += " [1m])";
    EXPECT_EQ(ErrorText(text), "") << text;
    EXPECT_EQ(&Info(r.op), &r);
  }
  for (const VectorAggregationInfo& v : AllVectorAggregations()) {
    const std::string text = std::string(v.name) + (v.param == Takes::Required ? "(2, " : "(") +
                             R"(count_over_time({a="b"}[1m])))";
    EXPECT_EQ(ErrorText(text), "") << text;
    EXPECT_EQ(&Info(v.op), &v);
  }
  for (const LineFilterInfo& f : AllLineFilters()) {
    const std::string text = std::string(R"({a="b"} )") + std::string(f.text) + R"( "x")";
    EXPECT_EQ(ErrorText(text), "") << text;
  }
  for (const ParserInfo& p : AllParsers()) {
    std::string text = std::string(R"({a="b"} | )") + std::string(p.name);
    if (p.argument == ParserInfo::Argument::String) text += R"x( "<x> (?P<y>.)")x";
    EXPECT_EQ(ErrorText(text), "") << text;
  }
}

}  // namespace
}  // namespace monc::logql
