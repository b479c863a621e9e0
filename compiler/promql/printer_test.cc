// Print() gives Prometheus 2.42's canonical text, and that text reads back
// as the same tree: for a table of forms here, and for every expression of
// Prometheus's parser corpus that parses (tests/conformance/promql).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <tuple>

#include "compiler/promql/ast.h"
#include "compiler/promql/parse.h"

namespace monc::promql {
namespace {

bool SameMatchers(const VectorSelector& a, const VectorSelector& b) {
  if (a.matchers.size() != b.matchers.size()) return false;
  for (size_t i = 0; i < a.matchers.size(); ++i) {
    const LabelMatcher& x = a.matchers[i];
    const LabelMatcher& y = b.matchers[i];
    if (x.type != y.type || x.name != y.name || x.value != y.value) return false;
  }
  return true;
}

bool SameAt(const std::optional<AtModifier>& a, const std::optional<AtModifier>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->kind == b->kind && a->timestamp_ms == b->timestamp_ms);
}

// Structural equality, positions aside. Print() sorts matchers, so they are
// compared as sets.
bool Same(const Expr& a, const Expr& b);

bool SameSelector(const VectorSelector& x, const VectorSelector& y) {
  auto sorted = [](VectorSelector s) {
    std::sort(s.matchers.begin(), s.matchers.end(), [](const LabelMatcher& l, const LabelMatcher& r) {
      return std::tie(l.name, l.type, l.value) < std::tie(r.name, r.type, r.value);
    });
    return s;
  };
  VectorSelector xs = sorted(x), ys = sorted(y);
  return x.name == y.name && SameMatchers(xs, ys) && x.offset_ms == y.offset_ms && SameAt(x.at, y.at);
}

bool Same(const Expr& a, const Expr& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case NodeKind::Aggregate: {
      const auto& x = static_cast<const Aggregate&>(a);
      const auto& y = static_cast<const Aggregate&>(b);
      return x.op == y.op && x.grouping == y.grouping && x.without == y.without &&
             Same(*x.expr, *y.expr) && (x.param ? y.param && Same(*x.param, *y.param) : !y.param);
    }
    case NodeKind::Binary: {
      const auto& x = static_cast<const Binary&>(a);
      const auto& y = static_cast<const Binary&>(b);
      if (x.op != y.op || x.return_bool != y.return_bool || !Same(*x.lhs, *y.lhs) ||
          !Same(*x.rhs, *y.rhs) || x.matching.has_value() != y.matching.has_value()) {
        return false;
      }
      return !x.matching || (x.matching->card == y.matching->card && x.matching->on == y.matching->on &&
                             x.matching->matching_labels == y.matching->matching_labels &&
                             x.matching->include == y.matching->include);
    }
    case NodeKind::Call: {
      const auto& x = static_cast<const Call&>(a);
      const auto& y = static_cast<const Call&>(b);
      if (x.func != y.func || x.args.size() != y.args.size()) return false;
      for (size_t i = 0; i < x.args.size(); ++i) {
        if (!Same(*x.args[i], *y.args[i])) return false;
      }
      return true;
    }
    case NodeKind::MatrixSelector: {
      const auto& x = static_cast<const MatrixSelector&>(a);
      const auto& y = static_cast<const MatrixSelector&>(b);
      return x.range_ms == y.range_ms && Same(*x.selector, *y.selector);
    }
    case NodeKind::Subquery: {
      const auto& x = static_cast<const Subquery&>(a);
      const auto& y = static_cast<const Subquery&>(b);
      return x.range_ms == y.range_ms && x.step_ms == y.step_ms && x.offset_ms == y.offset_ms &&
             SameAt(x.at, y.at) && Same(*x.expr, *y.expr);
    }
    case NodeKind::Number: {
      const double x = static_cast<const NumberLiteral&>(a).value;
      const double y = static_cast<const NumberLiteral&>(b).value;
      return x == y || (std::isnan(x) && std::isnan(y));
    }
    case NodeKind::Paren:
      return Same(*static_cast<const Paren&>(a).expr, *static_cast<const Paren&>(b).expr);
    case NodeKind::String:
      return static_cast<const StringLiteral&>(a).value == static_cast<const StringLiteral&>(b).value;
    case NodeKind::Unary:
      return static_cast<const Unary&>(a).op == static_cast<const Unary&>(b).op &&
             Same(*static_cast<const Unary&>(a).expr, *static_cast<const Unary&>(b).expr);
    case NodeKind::VectorSelector:
      return SameSelector(static_cast<const VectorSelector&>(a), static_cast<const VectorSelector&>(b));
  }
  return false;
}

// Parse(Print(Parse(x))) == Parse(x), and Print is a fixed point.
void ExpectRoundTrip(std::string_view input) {
  ParseResult first = Parse(input);
  ASSERT_TRUE(first.errors.empty()) << input;
  const std::string printed = Print(*first.expr);
  ParseResult second = Parse(printed);
  ASSERT_TRUE(second.errors.empty()) << input << " printed as " << printed << ": "
                                     << second.errors[0].message;
  EXPECT_TRUE(Same(*first.expr, *second.expr)) << input << " printed as " << printed;
  EXPECT_EQ(Print(*second.expr), printed) << input;
}

TEST(PrinterTest, CanonicalForms) {
  const struct {
    std::string_view input, printed;
  } cases[] = {
      {"sum by(job)(rate(x[5m]))", "sum by (job) (rate(x[5m]))"},
      {"sum(rate(x[5m])) by (job)", "sum by (job) (rate(x[5m]))"},
      {"sum without(a,b)(x)", "sum without (a, b) (x)"},
      {"sum without()(x)", "sum without () (x)"},
      {"sum by()(x)", "sum(x)"},
      {"topk(5,x)", "topk(5, x)"},
      {"count_values('v', x)", "count_values(\"v\", x)"},
      {"a+b", "a + b"},
      {"a==bool b", "a == bool b"},
      {"a*on(x,y)group_left(z)b", "a * on (x, y) group_left (z) b"},
      {"a*ignoring(x)group_right b", "a * ignoring (x) group_right () b"},
      {"a and on() b", "a and on () b"},
      {"a and ignoring() b", "a and b"},
      // Prometheus would drop `ignoring ()` here, and with it the grouping.
      {"a * ignoring() group_left b", "a * ignoring () group_left () b"},
      {"-a", "-a"},
      {"+a", "+a"},
      {"- 1", "-1"},
      {"(a)", "(a)"},
      {"foo{b=\"2\", a=\"1\"}", "foo{a=\"1\",b=\"2\"}"},
      {"{__name__=\"foo\"}", "{__name__=\"foo\"}"},
      {"{__name__=~\"foo|bar\", job!=\"x\"}", "{__name__=~\"foo|bar\",job!=\"x\"}"},
      {"{a='\\n\\x01é'}", "{a=\"\\n\\x01é\"}"},
      {"foo offset 90m", "foo offset 1h30m"},
      {"foo offset -5m", "foo offset -5m"},
      {"foo offset 1w @ 12.3456", "foo @ 12.346 offset 1w"},
      {"foo[14d] @ end()", "foo[2w] @ end()"},
      {"foo[8d]", "foo[8d]"},  // weeks and years only when exact
      {"foo[365d]", "foo[1y]"},
      {"foo[1001ms]", "foo[1s1ms]"},
      {"foo[5m:]", "foo[5m:]"},
      {"foo[5m:1m] offset 1m @ start()", "foo[5m:1m] @ start() offset 1m"},
      {"rate(x[5m])[1h:]", "rate(x[5m])[1h:]"},
      {"1e3", "1000"},
      {"1e21", "1000000000000000000000"},
      {"0.1", "0.1"},
      {"1e-7", "0.0000001"},
      {"-0", "-0"},
      {"NaN", "NaN"},
      {"-Inf", "-Inf"},
      {"Inf", "Inf"},  // Prometheus prints +Inf, which reads back as unary plus
      {"`a\"b`", "\"a\\\"b\""},
      {"\"\\u263a\"", "\"☺\""},
      {"\"\\u200b\"", "\"\\u200b\""},
      {"{}", "{}"},  // refused by check.h, but printed so that it reads back
  };
  for (const auto& c : cases) {
    ParseResult r = Parse(c.input);
    ASSERT_TRUE(r.errors.empty()) << c.input << ": " << r.errors[0].message;
    EXPECT_EQ(Print(*r.expr), c.printed) << c.input;
    ExpectRoundTrip(c.input);
  }
}

TEST(PrinterTest, ReadsBackAsTheSameTree) {
  for (std::string_view input : {
           "-2 ^ 2",
           "(-2) ^ 2",
           "2 ^ -2 ^ -1",
           "Inf[5m:]",
           "-Inf[5m:]",
           "-(a + b) * c",
           "a - -1",
           "a - (b - c)",
           "-a offset 5m",
           "a or b and c unless d == e + f * g ^ h",
           "sum by (a) (x) * on (a) group_left (b) max without (c) (y)",
           "foo * on(a) group_left (bar) baz",
           "start offset 5m",
           "end @ start()",
           "\"\\xff\" + 1",
       }) {
    ExpectRoundTrip(input);
  }
}

// Prometheus's parser test inputs: the conformance copy, or the file named
// by MONC_PROMQL_PARSE_CASES (as for //tests/conformance:promql_parse_test).
TEST(PrinterTest, CorpusRoundTrips) {
  const char* path = std::getenv("MONC_PROMQL_PARSE_CASES");
  std::ifstream in(path && *path ? path : "tests/conformance/promql/parse_cases.jsonl");
  ASSERT_TRUE(in) << "no corpus: the test's data must include "
                      "//tests/conformance:promql/parse_cases.jsonl";
  std::string line;
  int parsed = 0;
  while (std::getline(in, line)) {
    const std::string input = nlohmann::json::parse(line)["input"].get<std::string>();
    if (!Parse(input).errors.empty()) continue;
    ExpectRoundTrip(input);
    ++parsed;
  }
  EXPECT_GT(parsed, 130);
}

}  // namespace
}  // namespace monc::promql
