// The type checker against Prometheus 2.42, one table per concept. Every
// expectation was read off `promtool check rules` (which shows the first
// error) and, for later errors, off checkAST's order. An error is written as
// the text it covers and its message.
#include "compiler/promql/check.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "compiler/promql/promql.h"

namespace monc::promql {
namespace {

using Errors = std::vector<std::pair<std::string, std::string>>;

struct Case {
  std::string input;
  Errors errors;
};

void ExpectErrors(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    ParseResult result = ParseExpr(c.input);
    Errors got;
    for (const ParseError& e : result.errors) {
      got.push_back({c.input.substr(e.pos.begin, e.pos.end - e.pos.begin), e.message});
    }
    EXPECT_EQ(got, c.errors) << c.input;
  }
}

TEST(CheckTest, AcceptsWellTyped) {
  ExpectErrors({
      {"foo", {}},
      {"\"s\"", {}},
      {"foo[5m]", {}},
      {"sum by (job) (rate(foo[5m]))", {}},
      {"topk(3, foo)", {}},
      {"count_values(\"v\", foo)", {}},
      {"histogram_quantile(0.9, rate(foo[5m]))", {}},
      {"holt_winters(foo[5m], 0.5, 0.1)", {}},
      {"label_join(foo, \"a\", \",\")", {}},
      {"label_join(foo, \"a\", \",\", \"b\", \"c\")", {}},
      {"round(foo)", {}},
      {"round(foo, 1)", {}},
      {"time()", {}},
      {"1 < bool 2", {}},
      {"foo == bool 1", {}},
      {"foo > bool on(job) group_left bar", {}},
      {"foo * ignoring(job) group_right bar", {}},
      {"foo and on(job) bar", {}},
      // An empty on() or ignoring() next to a scalar passes.
      {"foo == on() 10", {}},
      {"foo * on() group_left(a) 1", {}},
      {"-foo", {}},
      {"(foo + bar)[5m:] offset 1m", {}},
      {"rate(foo[5m])[30m:1m]", {}},
      {"absent_over_time(foo[5m:])", {}},
      {"{__name__=\"foo\"}", {}},
      {"{job=~\".+\"}", {}},
      {"{job!=\"\"}", {}},
      {"{job=~\".*\", code=\"a\"}", {}},
  });
}

TEST(CheckTest, Aggregations) {
  ExpectErrors({
      {"sum(foo[5m])",
       {{"foo[5m]", "expected type instant vector in aggregation expression, got range vector"}}},
      {"sum(1)", {{"1", "expected type instant vector in aggregation expression, got scalar"}}},
      {"topk(foo, bar)",
       {{"foo", "expected type scalar in aggregation parameter, got instant vector"}}},
      {"quantile(\"a\", foo)",
       {{"\"a\"", "expected type scalar in aggregation parameter, got string"}}},
      {"count_values(5, foo)",
       {{"5", "expected type string in aggregation parameter, got scalar"}}},
      // The aggregated expression is checked before the parameter.
      {"topk(foo, bar[5m])",
       {{"bar[5m]", "expected type instant vector in aggregation expression, got range vector"},
        {"foo", "expected type scalar in aggregation parameter, got instant vector"}}},
  });
}

TEST(CheckTest, Calls) {
  ExpectErrors({
      {"floor(1)",
       {{"1", "expected type instant vector in call to function \"floor\", got scalar"}}},
      {"rate(foo)",
       {{"foo", "expected type range vector in call to function \"rate\", got instant vector"}}},
      {"vector(foo)",
       {{"foo", "expected type scalar in call to function \"vector\", got instant vector"}}},
      {"holt_winters(foo[5m], foo, 0.1)",
       {{"foo", "expected type scalar in call to function \"holt_winters\", got instant vector"}}},
      {"time(1)", {{"time(1)", "expected 0 argument(s) in call to \"time\", got 1"}}},
      {"label_replace(foo, \"a\", \"$1\", \"b\")",
       {{"label_replace(foo, \"a\", \"$1\", \"b\")",
         "expected 5 argument(s) in call to \"label_replace\", got 4"}}},
      {"round(foo, 1, 2)",
       {{"round(foo, 1, 2)", "expected at most 2 argument(s) in call to \"round\", got 3"}}},
      {"label_join(foo, \"a\")",
       {{"label_join(foo, \"a\")",
         "expected at least 3 argument(s) in call to \"label_join\", got 2"}}},
      // Repeated arguments of a variadic function take the last type.
      {"label_join(foo, \"a\", \",\", \"b\", 1)",
       {{"1", "expected type string in call to function \"label_join\", got scalar"}}},
      // Extra arguments of a fixed-arity function are not looked at, not even
      // the empty selector.
      {"rate(foo[5m], {})",
       {{"rate(foo[5m], {})", "expected 1 argument(s) in call to \"rate\", got 2"}}},
      {"abs(foo[5m], bar)",
       {{"abs(foo[5m], bar)", "expected 1 argument(s) in call to \"abs\", got 2"},
        {"foo[5m]", "expected type instant vector in call to function \"abs\", got range vector"}}},
      // Children first.
      {"sum(rate(foo))",
       {{"foo", "expected type range vector in call to function \"rate\", got instant vector"}}},
  });
}

TEST(CheckTest, Binary) {
  ExpectErrors({
      {"1 == 1", {{"==", "comparisons between scalars must use BOOL modifier"}}},
      {"scalar(foo) > 1", {{">", "comparisons between scalars must use BOOL modifier"}}},
      {"(1) == (2)", {{"==", "comparisons between scalars must use BOOL modifier"}}},
      {"foo + bool bar", {{"+ bool", "bool modifier can only be used on comparison operators"}}},
      {"foo and bool bar",
       {{"and bool", "bool modifier can only be used on comparison operators"}}},
      {"1 + bool 2", {{"+ bool", "bool modifier can only be used on comparison operators"}}},
      {"1 and 1", {{"1 and 1", "set operator \"and\" not allowed in binary scalar expression"}}},
      {"foo or 1", {{"foo or 1", "set operator \"or\" not allowed in binary scalar expression"}}},
      {"1 unless foo",
       {{"1 unless foo", "set operator \"unless\" not allowed in binary scalar expression"}}},
      {"foo + ignoring(x) 1",
       {{"foo + ignoring(x) 1", "vector matching only allowed between instant vectors"}}},
      {"foo * on(a) group_left(a) bar",
       {{"* on(a) group_left(a)", "label \"a\" must not occur in ON and GROUP clause at once"}}},
      {"foo * on(a) group_left(a) 1",
       {{"* on(a) group_left(a)", "label \"a\" must not occur in ON and GROUP clause at once"},
        {"foo * on(a) group_left(a) 1", "vector matching only allowed between instant vectors"}}},
      {"foo and on(a) group_left(b) bar",
       {{"foo and on(a) group_left(b) bar", "no grouping allowed for \"and\" operation"}}},
      {"foo unless on() group_right bar",
       {{"foo unless on() group_right bar", "no grouping allowed for \"unless\" operation"}}},
      {"foo[5m] + 1",
       {{"foo[5m]", "binary expression must contain only scalar and instant vector types"}}},
      {"1 == bool \"a\"",
       {{"\"a\"", "binary expression must contain only scalar and instant vector types"}}},
      {"foo[5m] and 1",
       {{"foo[5m]", "binary expression must contain only scalar and instant vector types"},
        {"foo[5m] and 1", "set operator \"and\" not allowed in binary scalar expression"}}},
      // Left before right.
      {"rate(foo) + sum(bar[5m])",
       {{"foo", "expected type range vector in call to function \"rate\", got instant vector"},
        {"bar[5m]", "expected type instant vector in aggregation expression, got range vector"}}},
  });
}

TEST(CheckTest, UnaryAndSubquery) {
  ExpectErrors({
      {"-\"s\"",
       {{"-\"s\"",
         "unary expression only allowed on expressions of type scalar or instant vector, got "
         "\"string\""}}},
      {"-foo[5m]",
       {{"-foo[5m]",
         "unary expression only allowed on expressions of type scalar or instant vector, got "
         "\"range vector\""}}},
      {"- - \"a\"",
       {{"- \"a\"",
         "unary expression only allowed on expressions of type scalar or instant vector, got "
         "\"string\""},
        {"- - \"a\"",
         "unary expression only allowed on expressions of type scalar or instant vector, got "
         "\"string\""}}},
      {"(1)[5m:]",
       {{"(1)[5m:]", "subquery is only allowed on instant vector, got scalar instead"}}},
      {"(\"a\")[5m:]",
       {{"(\"a\")[5m:]", "subquery is only allowed on instant vector, got string instead"}}},
      {"foo[5m][5m:]",
       {{"foo[5m][5m:]", "subquery is only allowed on instant vector, got matrix instead"}}},
  });
}

TEST(CheckTest, Selectors) {
  ExpectErrors({
      {"{}", {{"{}", "vector selector must contain at least one non-empty matcher"}}},
      {"{x=~\".*\"}",
       {{"{x=~\".*\"}", "vector selector must contain at least one non-empty matcher"}}},
      {"{x!~\".+\"}",
       {{"{x!~\".+\"}", "vector selector must contain at least one non-empty matcher"}}},
      {"foo{__name__=\"bar\"}",
       {{"foo{__name__=\"bar\"}", "metric name must not be set twice: \"foo\" or \"bar\""}}},
      {"foo{__name__=\"foo\"}",
       {{"foo{__name__=\"foo\"}", "metric name must not be set twice: \"foo\" or \"foo\""}}},
      // Checked in tree order with the type rules, not while parsing.
      {"rate(foo) + {}",
       {{"foo", "expected type range vector in call to function \"rate\", got instant vector"},
        {"{}", "vector selector must contain at least one non-empty matcher"}}},
  });
}

TEST(CheckTest, TypeOf) {
  const std::vector<std::pair<std::string, ValueType>> cases = {
      {"sum(foo)", ValueType::Vector}, {"1 + 1", ValueType::Scalar},
      {"1 + foo", ValueType::Vector},  {"time()", ValueType::Scalar},
      {"foo[5m]", ValueType::Matrix},  {"foo[5m:]", ValueType::Matrix},
      {"1", ValueType::Scalar},        {"(foo)", ValueType::Vector},
      {"\"s\"", ValueType::String},    {"-1", ValueType::Scalar},
      {"foo", ValueType::Vector},
  };
  for (const auto& [input, type] : cases) {
    ParseResult result = ParseExpr(input);
    ASSERT_TRUE(result.expr) << input;
    EXPECT_EQ(TypeOf(*result.expr), type) << input;
  }
}

}  // namespace
}  // namespace monc::promql
