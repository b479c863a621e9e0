// Parse() against Prometheus 2.42, one table per concern, as its
// parse_test.go: an input and the tree it reads as, or the first error and
// where it starts. Trees are shown fully parenthesised so that precedence is
// visible; the expected errors were checked with promtool 2.42.
#include "compiler/promql/parse.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "compiler/promql/ast.h"

namespace monc::promql {
namespace {

// Print() with every operator application in parentheses.
std::string Tree(const Expr& e) {
  switch (e.kind) {
    case NodeKind::Aggregate: {
      const auto& a = static_cast<const Aggregate&>(e);
      std::string out = std::string(a.op->name) + (a.without ? " without" : " by") + " (";
      for (size_t i = 0; i < a.grouping.size(); ++i) out += (i ? ", " : "") + a.grouping[i];
      out += ") (";
      if (a.param) out += Tree(*a.param) + ", ";
      return out + Tree(*a.expr) + ")";
    }
    case NodeKind::Binary: {
      const auto& b = static_cast<const Binary&>(e);
      std::string modifiers = b.return_bool ? " bool" : "";
      if (b.matching) {
        static constexpr const char* kCard[] = {"one-to-one", "many-to-one", "one-to-many",
                                                "many-to-many"};
        modifiers += std::string(b.matching->on ? " on(" : " ignoring(");
        for (const auto& l : b.matching->matching_labels) modifiers += l + ",";
        modifiers += ") " + std::string(kCard[static_cast<int>(b.matching->card)]) + "(";
        for (const auto& l : b.matching->include) modifiers += l + ",";
        modifiers += ")";
      }
      return "(" + Tree(*b.lhs) + " " + std::string(Info(b.op).text) + modifiers + " " +
             Tree(*b.rhs) + ")";
    }
    case NodeKind::Call: {
      const auto& c = static_cast<const Call&>(e);
      std::string out = std::string(c.func->name) + "(";
      for (size_t i = 0; i < c.args.size(); ++i) out += (i ? ", " : "") + Tree(*c.args[i]);
      return out + ")";
    }
    case NodeKind::Subquery: {
      const auto& s = static_cast<const Subquery&>(e);
      return "subquery(" + Tree(*s.expr) + ", " + std::to_string(s.range_ms) + ", " +
             std::to_string(s.step_ms) + ", offset " + std::to_string(s.offset_ms) + ")" +
             (s.at ? " @" + std::to_string(static_cast<int>(s.at->kind)) + ":" +
                         std::to_string(s.at->timestamp_ms)
                   : "");
    }
    case NodeKind::Paren:
      return "paren(" + Tree(*static_cast<const Paren&>(e).expr) + ")";
    case NodeKind::Unary: {
      const auto& u = static_cast<const Unary&>(e);
      return "(" + std::string(Info(u.op).text) + Tree(*u.expr) + ")";
    }
    case NodeKind::MatrixSelector:
    case NodeKind::Number:
    case NodeKind::String:
    case NodeKind::VectorSelector:
      return Print(e);
  }
  return "";
}

// Inputs as failure messages show them: the long ones cut short.
std::string Shown(std::string_view input) {
  return input.size() <= 80 ? std::string(input) : std::string(input.substr(0, 80)) + "...";
}

struct TreeCase {
  std::string_view input;
  std::string_view tree;
};

void ExpectTrees(const std::vector<TreeCase>& cases, ParseOptions options = {}) {
  for (const TreeCase& c : cases) {
    ParseResult r = Parse(c.input, options);
    ASSERT_TRUE(r.errors.empty()) << c.input << ": " << r.errors[0].message;
    EXPECT_EQ(Tree(*r.expr), c.tree) << c.input;
  }
}

struct ErrorCase {
  std::string_view input;
  std::string_view message;
  uint32_t offset;  // where the first error starts, in bytes
};

void ExpectErrors(const std::vector<ErrorCase>& cases, ParseOptions options = {}) {
  for (const ErrorCase& c : cases) {
    ParseResult r = Parse(c.input, options);
    ASSERT_FALSE(r.errors.empty()) << Shown(c.input) << " parsed as " << Print(*r.expr);
    EXPECT_EQ(r.expr, nullptr) << Shown(c.input);
    EXPECT_EQ(r.errors[0].message, c.message) << Shown(c.input);
    EXPECT_EQ(r.errors[0].pos.begin, c.offset) << Shown(c.input);
  }
}

TEST(ParseTest, Numbers) {
  ExpectTrees({
      {"1", "1"},
      {"5.", "5"},
      {".5", "0.5"},
      {"123.4567", "123.4567"},
      {"5e-3", "0.005"},
      {"5E3", "5000"},
      {"0xc", "12"},
      {"0X1f", "31"},
      {"0755", "493"},  // Go's leading-zero octal
      {"-0755", "-493"},
      {"08", "8"},      // not octal: read as a decimal float
      {"+5.5e-3", "0.0055"},
      {"99999999999999999999", "100000000000000000000"},
      {"1e-400", "0"},
      {"Inf", "Inf"},
      {"+inf", "Inf"},
      {"-Inf", "-Inf"},
      {"nAn", "NaN"},
      {"- - 1", "1"},  // signs fold into the number
  });
  ExpectErrors({
      {"0x", "error parsing number: strconv.ParseFloat: parsing \"0x\": invalid syntax", 0},
      {"1e", "error parsing number: strconv.ParseFloat: parsing \"1e\": invalid syntax", 0},
      {"0x1.8", "error parsing number: strconv.ParseFloat: parsing \"0x1.8\": invalid syntax", 0},
      {"1e309", "error parsing number: strconv.ParseFloat: parsing \"1e309\": value out of range", 0},
      {"0x10000000000000000",
       "error parsing number: strconv.ParseFloat: parsing \"0x10000000000000000\": invalid syntax", 0},
      {"0deadbeef", "bad number or duration syntax: \"0de\"", 0},
      {"1e5e5", "bad number or duration syntax: \"1e5\"", 0},
      {"1e-x", "bad number or duration syntax: \"1e-\"", 0},
      {"100..4", "unexpected number \".4\"", 4},
      {".", "unexpected character: '.'", 0},
      {"5m", "unexpected duration \"5m\"", 0},
  });
}

TEST(ParseTest, Strings) {
  ExpectTrees({
      {R"("double \" quoted")", R"("double \" quoted")"},
      {R"('single \' quoted')", R"("single ' quoted")"},
      {"`raw \\n string`", R"("raw \\n string")"},
      {R"("\a\b\f\n\r\t\v\\")", R"("\a\b\f\n\r\t\v\\")"},
      {R"("\x41\101\u00e9\U0001F600")", "\"AAé😀\""},
      {R"("\xff")", R"("\xff")"},  // a byte, not a rune
      {"`a\nb`", R"("a\nb")"},
  });
  ExpectErrors({
      {R"("\c")", "unknown escape sequence U+0063 'c'", 0},
      {R"("\'")", "unknown escape sequence U+0027 '''", 0},
      {R"('\"')", "unknown escape sequence U+0022 '\"'", 0},
      {R"("\x.")", "illegal character U+002E '.' in escape sequence", 0},
      {R"("\x4")", "illegal character U+0022 '\"' in escape sequence", 0},
      {R"(1 + "\ud800")", "escape sequence is an invalid Unicode code point", 4},
      {R"("\400")", "escape sequence is an invalid Unicode code point", 0},
      {R"("\)", "escape sequence not terminated", 0},
      {"\"a\nb\"", "unterminated quoted string", 0},
      {"'abc", "unterminated quoted string", 0},
      {"`\\``", "unterminated raw string", 3},
      {"\"a\xff\"", "invalid UTF-8 rune", 0},
      {"\"a\xef\xbf\xbd\"", "invalid UTF-8 rune", 0},  // so is a literal U+FFFD, to Go's lexer
  });
}

TEST(ParseTest, Precedence) {
  ExpectTrees({
      {"1 + 2 * 3", "(1 + (2 * 3))"},
      {"1 * 2 + 3", "((1 * 2) + 3)"},
      {"1 - 2 - 3", "((1 - 2) - 3)"},
      {"2 ^ 3 ^ 2", "(2 ^ (3 ^ 2))"},
      {"-1 ^ 2", "(-(1 ^ 2))"},
      {"-1 ^ -2", "(-(1 ^ -2))"},
      {"-a * b", "((-a) * b)"},
      {"-a ^ b", "(-(a ^ b))"},
      {"a * -b ^ c", "(a * (-(b ^ c)))"},
      {"2 ^ -1 * 3", "((2 ^ -1) * 3)"},
      {"a atan2 b * c", "((a atan2 b) * c)"},
      {"a + b == c - d", "((a + b) == (c - d))"},
      {"a == b and c", "((a == b) and ignoring() many-to-many() c)"},
      {"a or b and c unless d", "(a or ignoring() many-to-many() ((b and ignoring() many-to-many() c) unless ignoring() many-to-many() d))"},
      {"1 + 2 / (3 * 1)", "(1 + (2 / paren((3 * 1))))"},
      {"1 < bool 2 - 1 * 2", "(1 < bool (2 - (1 * 2)))"},
      {"-foo offset 5m", "(-foo offset 5m)"},
      {"-foo[5m]", "(-foo[5m])"},
      {"a + b offset 1m", "(a + b offset 1m)"},
      {"a + b @ 10", "(a + b @ 10.000)"},
      {"a + b[5m:]", "(a + subquery(b, 300000, 0, offset 0))"},
      {"++-++-+-+-1", "1"},
  });
}

TEST(ParseTest, Selectors) {
  ExpectTrees({
      {"foo", "foo"},
      {"foo:bar{a=\"bc\"}", "foo:bar{a=\"bc\"}"},
      {"foo{NaN='bc'}", "foo{NaN=\"bc\"}"},
      {"foo{bar='}'}", "foo{bar=\"}\"}"},
      {"foo{a=\"b\", foo!=\"bar\", test=~\"test\", bar!~\"baz\",}",
       "foo{a=\"b\",bar!~\"baz\",foo!=\"bar\",test=~\"test\"}"},
      {"foo{}", "foo"},
      {"{__name__=\"foo\"}", "{__name__=\"foo\"}"},
      {"foo{on=\"x\", bool=\"y\", sum=\"z\"}", "foo{bool=\"y\",on=\"x\",sum=\"z\"}"},
      // Keywords Prometheus accepts as metric names.
      {"sum", "sum"},
      {"min{a=\"b\"}", "min{a=\"b\"}"},
      {"offset offset 5m", "offset offset 5m"},
      {"and", "and"},
      {"by", "by"},
      {"without", "without"},
      {"start", "start"},
      {"end", "end"},
      {"SUM", "SUM"},
      {"foo and and", "(foo and ignoring() many-to-many() and)"},
      {":foo", ":foo"},
      {"foo # comment\n+ bar", "(foo + bar)"},
      {"foo{# comment\na=\"b\"}", "foo{a=\"b\"}"},
  });
  ExpectErrors({
      {"{", "unexpected end of input inside braces", 1},
      {"}", "unexpected character: '}'", 0},
      {"some_metric{a=b}", "unexpected identifier \"b\" in label matching, expected string", 14},
      {"some_metric{a:b=\"b\"}", "unexpected character inside braces: ':'", 13},
      {"foo{a>=\"b\"}", "unexpected character inside braces: '>'", 5},
      {"foo{gibberish}", "unexpected \"}\" in label matching, expected label matching operator", 13},
      {"foo{1}", "unexpected character inside braces: '1'", 4},
      {"foo{,}", "unexpected \",\" in label matching, expected identifier or \"}\"", 4},
      {"foo{a=\"b\",,}", "unexpected \",\" in label matching, expected identifier or \"}\"", 10},
      {"foo{__name__ == \"bar\"}", "unexpected \"=\" in label matching, expected string", 14},
      {"foo{__name__=\"bar\" lol}",
       "unexpected identifier \"lol\" in label matching, expected \",\" or \"}\"", 19},
      {"foo{a!}", "unexpected character after '!' inside braces: '}'", 5},
      {"foo{{", "unexpected left brace '{'", 4},
      {"foo{a=~\"(\"}", "error parsing regexp: missing closing ): `^(?:()$`", 4},
      {"foo{a=~\"x{1001}\"}", "error parsing regexp: invalid repeat count: `{1001}`", 4},
      {"foo{a=~\"\\\\C\"}", "error parsing regexp: invalid escape sequence: `\\C`", 4},
      {"foo{a=~\"(?<n>a)\"}", "error parsing regexp: invalid or unsupported Perl syntax: `(?<`", 4},
      {"foo{a=~\"\\xff\"}", "error parsing regexp: invalid UTF-8: `\xff)$`", 4},
      {"foo{a=~\"\xff\"}", "invalid UTF-8 rune", 7},
      {"on", "unexpected <on>", 0},
      {"bool", "unexpected <bool>", 0},
      {"ATAN2", "unexpected <op:ATAN2>", 0},
      {"group_left", "unexpected <group_left>", 0},
      {"start()", "unexpected \"(\"", 5},
      {"foo:bar()", "unexpected \"(\"", 7},
      {"foo{a=\"b\"}{c=\"d\"}", "unexpected \"{\"", 10},
      {"nan{}", "unexpected \"{\"", 3},
  });
}

TEST(ParseTest, RangesAndSubqueries) {
  ExpectTrees({
      {"test[5s]", "test[5s]"},
      {"foo[5m30s]", "foo[5m30s]"},
      {"foo[90m]", "foo[1h30m]"},
      {"foo[ 5m ]", "foo[5m]"},
      {"foo[5ms]", "foo[5ms]"},
      {"test[5d] OFFSET 10s", "test[5d] offset 10s"},
      {"test{a=\"b\"}[5y] @ 1603774699", "test{a=\"b\"}[5y] @ 1603774699.000"},
      {"foo @ start() [5m]", "foo[5m] @ start()"},  // only a timestamp is refused there
      {"foo[10m:]", "subquery(foo, 600000, 0, offset 0)"},
      {"foo[10m5s:1h6ms]", "subquery(foo, 605000, 3600006, offset 0)"},
      {"foo[5m : 1m ]", "subquery(foo, 300000, 60000, offset 0)"},
      {"foo[5m x]", "subquery(foo, 300000, 0, offset 0)"},  // any letter is a colon there
      {"some_metric @ 123 offset 1m [10m:5s]", "subquery(some_metric @ 123.000 offset 1m, 600000, 5000, offset 0)"},
      {"some_metric[10m:5s] offset 1m @ 123", "subquery(some_metric, 600000, 5000, offset 60000) @0:123000"},
      {"(foo + bar{nm=\"val\"})[5m:]", "subquery(paren((foo + bar{nm=\"val\"})), 300000, 0, offset 0)"},
      {"foo[5m:][10m:]", "subquery(subquery(foo, 300000, 0, offset 0), 600000, 0, offset 0)"},
  });
  ExpectErrors({
      {"foo[5m1]", "bad duration syntax: \"5m1\"", 4},
      {"foo[5m:1m1]", "bad number or duration syntax: \"1m1\"", 7},
      {"foo[5y1hs]", "not a valid duration string: \"5y1hs\"", 4},
      {"foo[5m1h]", "not a valid duration string: \"5m1h\"", 4},
      {"foo[1y1y]", "bad duration syntax: \"1y1\"", 4},
      {"foo[0m]", "duration must be greater than 0", 4},
      {"foo[293y]", "duration out of range", 4},
      {"foo[99999999999999999999s]", "duration out of range", 4},
      {"foo[m]", "not a valid duration string: \"m\"", 4},
      {"foo[\"5m\"]", "missing unit character in duration", 4},
      {"foo[]", "missing unit character in duration", 4},
      {"foo[abc]", "bad duration syntax: \"\"", 4},
      {"foo[", "missing unit character in duration", 4},
      {"foo[5m", "unclosed left bracket", 6},
      {"foo[5m::]", "unexpected colon ':'", 7},
      {"foo[5m xx]", "unexpected colon 'x'", 8},
      {"foo[5m[5m]]", "unexpected left bracket '['", 6},
      {"foo]", "unexpected right bracket ']'", 3},
      {"[5m]", "unexpected \"[\"", 0},
      {"foo[5m +]", "unexpected <op:+> in subquery or range, expected \":\" or \"]\"", 7},
      {"foo[5m: +]", "unexpected <op:+> in subquery selector, expected duration or \"]\"", 8},
      {"foo[5m:5]", "unexpected number \"5\" in subquery selector, expected duration or \"]\"", 7},
      {"foo[5m:1m +]", "unexpected <op:+> in subquery selector, expected \"]\"", 10},
      {"some_metric OFFSET 1m[5m]", "no offset modifiers allowed before range", 21},
      {"foo @ 5 [5m]", "no @ modifiers allowed before range", 8},
      {"(foo + bar)[5m]", "ranges only allowed for vector selectors", 11},
      {"rate(food[1m])[1h] @ 100", "ranges only allowed for vector selectors", 14},
      {"foo[5m][5m]", "ranges only allowed for vector selectors", 7},
      // The duration was read, and refused, before the later error.
      {"foo[1h1d:1m$", "not a valid duration string: \"1h1d\"", 4},
  });
}

TEST(ParseTest, OffsetAndAt) {
  ExpectTrees({
      {"foo offset 5m", "foo offset 5m"},
      {"foo offset -1h30m", "foo offset -1h30m"},
      {"foo offset - 1h", "foo offset -1h"},
      {"foo OFFSET 1w @ 10", "foo @ 10.000 offset 1w"},
      {"foo @ 1603774568", "foo @ 1603774568.000"},
      {"foo @ -100", "foo @ -100.000"},
      {"foo @ 3.", "foo @ 3.000"},
      {"foo @ 3.3335", "foo @ 3.334"},
      {"foo @ 0xA", "foo @ 10.000"},
      {"foo @ -3.3e1", "foo @ -33.000"},
      {"foo @ start()", "foo @ start()"},
      {"foo @ END ( )", "foo @ end()"},
      {"foo[5m] offset -5m", "foo[5m] offset -5m"},
  });
  ExpectErrors({
      {"foo offset 0s", "duration must be greater than 0", 11},
      {"foo offset 5", "unexpected number \"5\" in offset, expected duration", 11},
      {"foo offset -5", "unexpected number \"5\" in offset, expected duration", 12},
      {"foo offset +5m", "unexpected <op:+> in offset, expected duration", 11},
      {"foo offset", "unexpected end of input in offset, expected duration", 10},
      {"foo offset 5m offset 5m", "offset may not be set multiple times", 0},
      {"(foo) offset 5m",
       "offset modifier must be preceded by an instant vector selector or range vector selector or "
       "a subquery",
       0},
      {"foo @ 1 @ 2", "@ <timestamp> may not be set multiple times", 0},
      {"1 @ 5",
       "@ modifier must be preceded by an instant vector selector or range vector selector or a "
       "subquery",
       0},
      {"foo @ +Inf", "timestamp out of bounds for @ modifier: +Inf", 0},
      {"foo @ NaN", "timestamp out of bounds for @ modifier: NaN", 0},
      {"foo @ 9223372036854775808.000000",
       "timestamp out of bounds for @ modifier: 9223372036854775808.000000", 0},
      {"some_metric[5m] @ 1m", "unexpected duration \"1m\" in @, expected timestamp", 18},
      {"foo @", "unexpected end of input in @, expected timestamp", 5},
      {"foo @ start 5", "unexpected number \"5\" in @, expected timestamp", 12},
      {"@", "unexpected \"<Item 57385>\" <op:@>", 0},
  });
}

TEST(ParseTest, AggregationsAndCalls) {
  ExpectTrees({
      {"sum by (foo)(some_metric)", "sum by (foo) (some_metric)"},
      {"sum (some_metric) without (foo)", "sum without (foo) (some_metric)"},
      {"sum by ()(some_metric)", "sum by () (some_metric)"},
      {"sum by (foo,)(some_metric)", "sum by (foo) (some_metric)"},
      {"Sum BY (a) (x)", "sum by (a) (x)"},
      {"topk(5, some_metric)", "topk by () (5, some_metric)"},
      {"count_values(\"v\", x)", "count_values by () (\"v\", x)"},
      {"sum without(and, by, avg, count, alert, annotations)(some_metric)",
       "sum without (and, by, avg, count, alert, annotations) (some_metric)"},
      {"sum by (start, atan2, bool, on, group_left, offset) (x)",
       "sum by (start, atan2, bool, on, group_left, offset) (x)"},
      {"sum(sum)", "sum by () (sum)"},
      {"time()", "time()"},
      {"rate(some_metric[5m])", "rate(some_metric[5m])"},
      {"round(some_metric, 5)", "round(some_metric, 5)"},
      {"label_join(x, \"a\", \",\", \"b\", \"c\")", "label_join(x, \"a\", \",\", \"b\", \"c\")"},
  });
  ExpectErrors({
      {"sum some_metric by (test)", "unexpected identifier \"some_metric\"", 4},
      {"sum (some_metric) by test", "unexpected identifier \"test\" in grouping opts, expected \"(\"", 21},
      {"sum (x) by", "unexpected end of input in grouping opts, expected \"(\"", 10},
      {"sum without(==)(some_metric)", "unexpected <op:==> in grouping opts, expected label", 12},
      {"sum without(,)(some_metric)", "unexpected \",\" in grouping opts, expected label", 12},
      {"sum by (a b) (x)", "unexpected identifier \"b\" in grouping opts, expected \",\" or \")\"", 10},
      {"sum by (a:b) (x)", "unexpected metric identifier \"a:b\" in grouping opts, expected label", 8},
      {"sum by (inf) (x)", "unexpected number \"inf\" in grouping opts, expected label", 8},
      {"sum by (without) (x)", "unexpected <without> in grouping opts, expected label", 8},
      {"sum () by (test)", "no arguments for aggregate expression provided", 0},
      {"topk(5)", "wrong number of arguments for aggregate expression provided, expected 2, got 1", 0},
      {"sum(1,2)", "wrong number of arguments for aggregate expression provided, expected 1, got 2", 0},
      {"MIN keep_common (some_metric)", "unexpected identifier \"keep_common\"", 4},
      {"topk(some_metric,)", "trailing commas not allowed in function call args", 16},
      {"sum(1,,2)", "trailing commas not allowed in function call args", 5},
      {"rate(x, on)", "trailing commas not allowed in function call args", 6},  // before the syntax error
      {"sum(,)", "unexpected \",\" in aggregation", 4},
      {"sum(x +)", "unexpected \")\" in aggregation", 7},
      {"sum by (a) x", "unexpected identifier \"x\" in aggregation", 11},
      {"sum(x) by (a) by (b)", "unexpected <by>", 14},
      {"rate(,)", "unexpected \",\"", 5},
      {"non_existent_function_far_bar()", "unknown function with name \"non_existent_function_far_bar\"", 0},
      {"limitk(1, x)", "unknown function with name \"limitk\"", 0},
      {"double_exponential_smoothing(x[5m], 0.5, 0.5)",
       "unknown function with name \"double_exponential_smoothing\"", 0},
  });
}

TEST(ParseTest, BinaryModifiers) {
  ExpectTrees({
      {"1 == bool 1", "(1 == bool 1)"},
      {"foo * on(test,blub) bar", "(foo * on(test,blub,) one-to-one() bar)"},
      {"foo * on(test,blub) group_left bar", "(foo * on(test,blub,) many-to-one() bar)"},
      {"foo and on() bar", "(foo and on() many-to-many() bar)"},
      {"foo and ignoring() bar", "(foo and ignoring() many-to-many() bar)"},
      {"foo / ignoring(test,blub) group_left(bar) bar",
       "(foo / ignoring(test,blub,) many-to-one(bar,) bar)"},
      {"foo - on(test,blub) group_right(bar,foo) bar",
       "(foo - on(test,blub,) one-to-many(bar,foo,) bar)"},
      // A parenthesis after group_left always opens its label list.
      {"foo * on(a) group_left (bar) baz", "(foo * on(a,) many-to-one(bar,) baz)"},
      {"foo * ON(a) GROUP_LEFT(b) bar", "(foo * on(a,) many-to-one(b,) bar)"},
      {"foo unless on(start) bar", "(foo unless on(start,) many-to-many() bar)"},
  });
  ExpectErrors({
      {"foo * on(a) group_left (bar)", "unexpected end of input", 28},
      {"foo * on(a) group_left (1)", "unexpected number \"1\" in grouping opts, expected label", 24},
      {"foo * on(a) group_left", "unexpected end of input in grouping opts, expected \"(\"", 22},
      {"foo * on(a) group_left *", "unexpected <op:*> in grouping opts, expected \"(\"", 23},
      {"foo + group_left(baz) bar", "unexpected <group_left>", 6},
      {"a - on(b) ignoring(c) d", "unexpected <ignoring>", 10},
      {"foo * on", "unexpected end of input in grouping opts, expected \"(\"", 8},
      {"foo * bool", "unexpected end of input", 10},
  });
}

TEST(ParseTest, TokenErrors) {
  ExpectErrors({
      {"", "no expression found in input", 0},
      {"# just a comment\n\n", "no expression found in input", 0},
      {"1+", "unexpected end of input", 2},
      {"*1", "unexpected <op:*>", 0},
      {"((1)", "unclosed left parenthesis", 4},
      {"1)", "unexpected right parenthesis ')'", 2},
      {"())", "unexpected \")\"", 1},
      {"1 !~ 1", "unexpected character after '!': '~'", 2},
      {"1 !", "unexpected character after '!': '\xef\xbf\xbd'", 2},
      {"1 =~ 1", "unexpected character after '=': '~'", 2},
      {"-=", "unexpected \"=\"", 1},
      {"$", "unexpected character: '$'", 0},
      {"foo \"abcdefghijklmnop\"", "unexpected string \"\\\"abcdefghi\"...", 4},
      {"1 \"ééééé\"", "unexpected string \"\\\"ééééé\\\"\"...", 2},  // over 10 bytes: "..."
      {"1 12345678901", "unexpected number \"1234567890\"...", 2},
      {"foo start", "unexpected \"start\"", 4},
      {"foo \xff", "unexpected character: '\xef\xbf\xbd'", 4},
      // Prometheus's lexer stops at its first error: later ones go unseen.
      {"sum(x) + \"\\c\" $", "unknown escape sequence U+0063 'c'", 9},
  });
}

TEST(ParseTest, Positions) {
  //                     0         1         2         3         4
  //                     0123456789012345678901234567890123456789012345678
  ParseResult r = Parse("sum by (job) (rate(x{a=\"b\"}[5m] offset 1m)) - -2");
  ASSERT_TRUE(r.errors.empty());
  const auto& sub = static_cast<const Binary&>(*r.expr);
  EXPECT_EQ(sub.pos.begin, 0u);
  EXPECT_EQ(sub.pos.end, 48u);
  EXPECT_EQ(sub.op_pos.begin, 44u);
  EXPECT_EQ(sub.rhs->pos.begin, 46u);  // the sign belongs to the number
  const auto& sum = static_cast<const Aggregate&>(*sub.lhs);
  EXPECT_EQ(sum.pos.end, 43u);
  const auto& rate = static_cast<const Call&>(*sum.expr);
  EXPECT_EQ(rate.pos.begin, 14u);
  EXPECT_EQ(rate.pos.end, 42u);
  const auto& matrix = static_cast<const MatrixSelector&>(*rate.args[0]);
  EXPECT_EQ(matrix.pos.begin, 19u);
  EXPECT_EQ(matrix.pos.end, 41u);  // the offset is part of the range selector
  const auto& selector = static_cast<const VectorSelector&>(*matrix.selector);
  EXPECT_EQ(selector.pos.end, 27u);
  EXPECT_EQ(selector.matchers[1].pos.begin, 21u);
  EXPECT_EQ(selector.matchers[1].pos.end, 26u);
}

TEST(ParseTest, TargetVersion) {
  ParseOptions v254;
  v254.version = {2, 54};
  ExpectTrees({{"limitk(1, x)", "limitk by () (1, x)"}}, v254);
  ParseOptions v3;
  v3.version = {3, 0};
  ExpectTrees({{"double_exponential_smoothing(x[5m], 0.5, 0.5)",
                "double_exponential_smoothing(x[5m], 0.5, 0.5)"}},
              v3);
  ExpectErrors({{"holt_winters(x[5m], 0.5, 0.5)", "unknown function with name \"holt_winters\"", 0}}, v3);
}

TEST(ParseTest, DeepNestingIsRefusedNotFatal) {
  std::string chain = "x";
  for (int i = 0; i < 5000; ++i) chain += " + x";
  ExpectErrors({{chain, "expression nests too deeply (more than 1000 levels)", 0}});
  const std::string parens = std::string(100000, '(') + "1" + std::string(100000, ')');
  ExpectErrors({{parens, "expression nests too deeply (more than 1000 levels)", 1000}});
  // Also when a syntax error follows the chain.
  ExpectErrors({{chain + " x", "unexpected identifier \"x\"", static_cast<uint32_t>(chain.size() + 1)}});
  std::string fine = "x";
  for (int i = 0; i < 900; ++i) fine += " + x";
  EXPECT_TRUE(Parse(fine).errors.empty());
}

}  // namespace
}  // namespace monc::promql
