#include <gtest/gtest.h>

#include <cmath>

#include "runtime/testlang/run.h"
#include "runtime/testlang/testlang.h"

namespace monc::runtime::testlang {
namespace {

std::vector<double> Values(const SeriesData& s) {
  std::vector<double> out;
  for (const Sample& p : s.samples) out.push_back(p.v);
  return out;
}

TEST(ParseTest, SeriesNotation) {
  TestFile f = ParseTestFile(
      "load 5m\n"
      "  a{job=\"x\", path=\"/a b}\"} 0+10x3 1-2x2 4x1\n"
      "  b _ 1 _x2 stale 0x2 -Inf NaN 1e3\n");
  ASSERT_TRUE(f.errors.empty()) << f.errors[0].message;
  const auto& load = std::get<LoadCommand>(f.commands.at(0));
  EXPECT_EQ(load.step_ms, 300000);
  ASSERT_EQ(load.series.size(), 2u);
  EXPECT_EQ(load.series[0].labels.ToString(), "{__name__=\"a\", job=\"x\", path=\"/a b}\"}");
  EXPECT_EQ(Values(load.series[0]),
            (std::vector<double>{0, 10, 20, 30, 1, -1, -3, 4, 4}));
  const SeriesData& b = load.series[1];
  ASSERT_EQ(b.samples.size(), 8u);
  EXPECT_EQ(b.samples[0].t, 300000);  // `_` leaves time 0 empty
  EXPECT_EQ(b.samples[1].t, 4 * 300000);
  EXPECT_TRUE(IsStaleNaN(b.samples[1].v));
  EXPECT_EQ(b.samples[2].v, 0);  // no hex in series values: 0 three times
  EXPECT_EQ(b.samples[4].v, 0);
  EXPECT_EQ(b.samples[5].v, -INFINITY);
  EXPECT_TRUE(std::isnan(b.samples[6].v));
  EXPECT_EQ(b.samples[7].v, 1000);
}

TEST(ParseTest, EvalCommands) {
  TestFile f = ParseTestFile(
      "eval instant at 1h30m sum(a)\n"
      "  {} 3\n"
      "  a{x=\"1\"} 4\n"
      "# a comment ends the block\n"
      "  b 5\n"
      "eval_ordered instant at 10s sort(a)\n"
      "\n"
      "eval_fail instant ceil(a)\n"
      "\n"
      "eval instant at 0m 1 + 1\n"
      "  2\n"
      "\n"
      "evaluate something\n");
  ASSERT_EQ(f.commands.size(), 4u);
  const auto& e = std::get<EvalCommand>(f.commands[0]);
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.expr, "sum(a)");
  EXPECT_EQ(e.time_ms, 5400000);
  ASSERT_EQ(e.series.size(), 2u);
  EXPECT_EQ(e.series[1].labels.ToString(), "{__name__=\"a\", x=\"1\"}");
  EXPECT_TRUE(std::get<EvalCommand>(f.commands[1]).ordered);
  EXPECT_TRUE(std::get<EvalCommand>(f.commands[2]).fail);
  EXPECT_EQ(std::get<EvalCommand>(f.commands[2]).time_ms, 0);
  EXPECT_EQ(std::get<EvalCommand>(f.commands[3]).scalar, 2);
  // `b 5` after the comment is a command of its own, and not a valid one.
  ASSERT_EQ(f.errors.size(), 2u);
  EXPECT_EQ(f.errors[0].line, 5);
  EXPECT_EQ(f.errors[1].line, 13);
}

// Steps and evaluation times are model.ParseDuration's durations, as in
// test.go (go_duration_test.cc has the syntax in full).
TEST(ParseTest, Durations) {
  TestFile f = ParseTestFile(
      "load 2d1s\n"
      "\n"
      "eval instant at 1000000000000ms a\n"  // any number of digits that fits
      "\n"
      "load 1m1h\n"
      "\n"
      "eval instant at 1.5m a\n"
      "\n"
      "eval instant at 300000y a\n");  // past time.Duration's ~292 years
  ASSERT_EQ(f.commands.size(), 2u);
  EXPECT_EQ(std::get<LoadCommand>(f.commands[0]).step_ms, 172801000);
  EXPECT_EQ(std::get<EvalCommand>(f.commands[1]).time_ms, 1000000000000);
  ASSERT_EQ(f.errors.size(), 3u);
  EXPECT_EQ(f.errors[0].line, 5);
  EXPECT_EQ(f.errors[0].message, "invalid load command (load <step:duration>)");
  EXPECT_EQ(f.errors[1].line, 7);
  EXPECT_EQ(f.errors[2].line, 9);
}

TEST(RunTest, JudgesAsPrometheus) {
  std::vector<StatementResult> r = RunTestFile(
      "load 10s\n"
      "  m{i=\"1\"} 1+1x10\n"
      "  m{i=\"2\"} 5x10\n"
      "\n"
      "eval instant at 10s m\n"
      "  m{i=\"2\"} 5.000001\n"
      "  m{i=\"1\"} 2\n"
      "\n"
      "eval_ordered instant at 10s sort(m)\n"
      "  m{i=\"2\"} 5\n"
      "  m{i=\"1\"} 2\n"
      "\n"
      "eval instant at 10s m\n"
      "  m{i=\"1\"} 2\n"
      "\n"
      "eval_fail instant at 10s m\n"
      "\n"
      "eval_fail instant at 10s -{__name__=\"m\"} + on() group_left m\n"
      "\n"
      "eval instant at 10s scalar(m{i=\"1\"})\n"
      "  2\n"
      "\n"
      "clear\n"
      "eval instant at 10s m\n");
  ASSERT_EQ(r.size(), 7u);
  EXPECT_TRUE(r[0].passed()) << r[0].failure;  // within 1e-6, in any order
  EXPECT_EQ(r[1].failure, "expected metric {__name__=\"m\", i=\"1\"} at position 2 but was at 1");
  EXPECT_EQ(r[2].failure.rfind("unexpected metric {__name__=\"m\", i=\"2\"} in result", 0), 0u)
      << r[2].failure;
  EXPECT_EQ(r[3].failure, "expected an error evaluating the query but got none");
  EXPECT_TRUE(r[4].passed()) << r[4].failure;
  EXPECT_TRUE(r[5].passed()) << r[5].failure;
  EXPECT_TRUE(r[6].passed()) << r[6].failure;  // nothing left after clear
  EXPECT_EQ(r[6].line, 24);
}

}  // namespace
}  // namespace monc::runtime::testlang
