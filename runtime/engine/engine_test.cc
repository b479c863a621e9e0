// The engine where Prometheus's own test files say little: the exact
// vector-matching errors, @ inside subqueries and range queries,
// staleness, and the closed windows of 2.42. The bulk of the semantics is
// checked by //tests/conformance:promql_eval_test.
#include "runtime/engine/engine.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "compiler/promql/promql.h"
#include "runtime/storage/series_store.h"

namespace monc::runtime {
namespace {

constexpr int64_t kSecond = 1000;

class EngineTest : public ::testing::Test {
 protected:
  // `labels` gets `v0 + i` at i * step seconds, for i < n.
  void Load(std::initializer_list<std::pair<std::string_view, std::string_view>> labels,
            int64_t step_s, int n, double v0 = 0) {
    SeriesRef ref = store_.GetOrCreate(Labels::FromMap(labels));
    for (int i = 0; i < n; ++i) store_.Append(ref, i * step_s * kSecond, v0 + i);
  }

  QueryResult Instant(const std::string& expr, int64_t t_s) {
    parsed_ = promql::ParseExpr(expr);
    EXPECT_TRUE(parsed_.errors.empty()) << expr;
    return Engine().Instant(store_, *parsed_.expr, t_s * kSecond);
  }

  // The one value of an instant query (vector of one element or scalar).
  double Value1(const std::string& expr, int64_t t_s) {
    QueryResult r = Instant(expr, t_s);
    EXPECT_TRUE(r.ok()) << expr << ": " << r.error;
    if (const Scalar* s = std::get_if<Scalar>(&r.value)) return s->v;
    const Vector& v = std::get<Vector>(r.value);
    EXPECT_EQ(v.size(), 1u) << expr;
    return v.empty() ? -1 : v[0].v;
  }

  size_t Count(const std::string& expr, int64_t t_s) {
    QueryResult r = Instant(expr, t_s);
    EXPECT_TRUE(r.ok()) << expr << ": " << r.error;
    return std::get<Vector>(r.value).size();
  }

  SeriesStore store_;
  promql::ParseResult parsed_;
};

TEST_F(EngineTest, VectorMatchingErrors) {
  Load({{"__name__", "a"}, {"job", "x"}, {"i", "1"}}, 10, 1);
  Load({{"__name__", "a"}, {"job", "x"}, {"i", "2"}}, 10, 1);
  Load({{"__name__", "b"}, {"job", "x"}, {"i", "1"}}, 10, 1);
  Load({{"__name__", "b"}, {"job", "x"}, {"i", "2"}}, 10, 1);
  Load({{"__name__", "c"}, {"job", "x"}}, 10, 1);
  const struct {
    const char* expr;
    const char* error;
  } cases[] = {
      {"a + on(job) b",
       "found duplicate series for the match group {job=\"x\"} on the right hand-side of the "
       "operation: [{__name__=\"b\", i=\"2\", job=\"x\"}, {__name__=\"b\", i=\"1\", job=\"x\"}]"
       ";many-to-many matching not allowed: matching labels must be unique on one side"},
      {"a + on(job) group_right c",
       "found duplicate series for the match group {job=\"x\"} on the left hand-side of the "
       "operation: [{__name__=\"a\", i=\"2\", job=\"x\"}, {__name__=\"a\", i=\"1\", job=\"x\"}]"
       ";many-to-many matching not allowed: matching labels must be unique on one side"},
      {"a + ignoring(i) c",
       "multiple matches for labels: many-to-one matching must be explicit "
       "(group_left/group_right)"},
      {"a + ignoring(i) group_left c + ignoring(i) group_left a",
       "found duplicate series for the match group {job=\"x\"} on the right hand-side of the "
       "operation: [{__name__=\"a\", i=\"2\", job=\"x\"}, {__name__=\"a\", i=\"1\", job=\"x\"}]"
       ";many-to-many matching not allowed: matching labels must be unique on one side"},
      {"ignoring(i) group_left a * on(job) group_left(i) c", nullptr},
      {"{__name__=~\"a|b\", i=\"1\"} + 1", "vector cannot contain metrics with the same labelset"},
      {"-{__name__=~\"a|b\", i=\"1\"}", "vector cannot contain metrics with the same labelset"},
      {"count_over_time({__name__=~\"a|b\", i=\"1\"}[5m])",
       "vector cannot contain metrics with the same labelset"},
  };
  for (const auto& c : cases) {
    promql::ParseResult parsed = promql::ParseExpr(c.expr);
    if (!c.error) {
      EXPECT_FALSE(parsed.errors.empty()) << c.expr;  // not PromQL: group_left needs an operator
      continue;
    }
    ASSERT_TRUE(parsed.errors.empty()) << c.expr << ": " << parsed.errors[0].message;
    QueryResult r = Engine().Instant(store_, *parsed.expr, 0);
    EXPECT_EQ(r.error, c.error) << c.expr;
  }
  // group_left copies the "one" side's labels; the results must differ.
  Load({{"__name__", "d"}, {"job", "x"}, {"k", "1"}}, 10, 1);
  QueryResult r = Instant("a * on(job) group_left(k) d", 0);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(std::get<Vector>(r.value).size(), 2u);
  EXPECT_EQ(std::get<Vector>(r.value)[0].labels.Get("k"), "1");
  r = Instant("{__name__=~\"a|b\", i=\"1\"} + on(job) group_left c", 0);
  EXPECT_EQ(r.error,
            "multiple matches for matching labels: grouping labels must ensure unique matches");
}

TEST_F(EngineTest, ComparisonAndSetKeepNames) {
  Load({{"__name__", "a"}, {"job", "x"}}, 10, 1, 5);
  Load({{"__name__", "b"}, {"job", "x"}}, 10, 1, 3);
  QueryResult r = Instant("a > b", 0);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(std::get<Vector>(r.value).at(0).labels.MetricName(), "a");
  EXPECT_EQ(std::get<Vector>(r.value).at(0).v, 5);
  r = Instant("a > bool b", 0);
  EXPECT_EQ(std::get<Vector>(r.value).at(0).labels.MetricName(), "");
  EXPECT_EQ(Value1("3 < a", 0), 5);  // the vector's value, whichever side
  EXPECT_EQ(Count("a and on() b", 0), 1u);
  EXPECT_EQ(Count("a unless on(job) b", 0), 0u);
  EXPECT_EQ(Count("a or b", 0), 1u);  // the same labels but for the name
  EXPECT_EQ(Count("a or on(__name__) b", 0), 2u);
  EXPECT_EQ(std::get<Vector>(Instant("a atan2 b", 0).value).at(0).labels.MetricName(), "a");
}

TEST_F(EngineTest, StalenessAndLookback) {
  SeriesRef ref = store_.GetOrCreate(Labels::FromMap({{"__name__", "m"}}));
  store_.Append(ref, 0, 1);
  store_.Append(ref, 10 * kSecond, StaleNaN());
  store_.Append(ref, 20 * kSecond, 2);
  EXPECT_EQ(Count("m", 0), 1u);
  EXPECT_EQ(Count("m", 10), 0u);  // a staleness marker hides the series at once
  EXPECT_EQ(Count("m", 15), 0u);
  EXPECT_EQ(Value1("m", 20), 2);
  EXPECT_EQ(Value1("m", 320), 2);  // the lookback window is closed: [t-5m, t]
  EXPECT_EQ(Count("m", 321), 0u);
  EXPECT_EQ(Value1("count_over_time(m[20s])", 20), 2);  // [0, 20]: markers are not samples
  EXPECT_EQ(Value1("count_over_time(m[19s])", 20), 1);
  EXPECT_EQ(Value1("m offset 20s", 40), 2);
  EXPECT_EQ(Count("m offset -1s", 9), 0u);  // looks ahead to the marker
}

TEST_F(EngineTest, AtModifierInSubqueries) {
  Load({{"__name__", "m"}}, 10, 100);  // m = t / 10s
  // The window of a subquery with @ ignores the evaluation time.
  const double at100 = Value1("sum_over_time(m[30s:10s] @ 100)", 0);
  EXPECT_EQ(at100, 7 + 8 + 9 + 10);
  EXPECT_EQ(Value1("sum_over_time(m[30s:10s] @ 100)", 900), at100);
  // Selectors with @ inside a subquery: every step sees the same value.
  EXPECT_EQ(Value1("sum_over_time((m @ 50)[30s:10s])", 500), 4 * 5);
  // offset after @, and steps aligned to multiples of the step.
  EXPECT_EQ(Value1("count_over_time(m[25s:10s] @ 105 offset 5s)", 0), 3);
  EXPECT_EQ(Value1("min_over_time(m[25s:10s] @ 105 offset 5s)", 0), 8);
  // @ start() and @ end() are the query's own, inside subqueries too.
  promql::ParseResult p = promql::ParseExpr("max_over_time(m[20s:10s] @ start()) + m @ end()");
  ASSERT_TRUE(p.errors.empty());
  QueryResult r = Engine().Range(store_, *p.expr, 100 * kSecond, 200 * kSecond, 50 * kSecond);
  ASSERT_TRUE(r.ok()) << r.error;
  const Matrix& m = std::get<Matrix>(r.value);
  ASSERT_EQ(m.size(), 1u);
  ASSERT_EQ(m[0].samples.size(), 3u);
  for (const Sample& s : m[0].samples) EXPECT_EQ(s.v, 10 + 20);
}

TEST_F(EngineTest, RangeQueryIsInstantPerStep) {
  Load({{"__name__", "m"}, {"i", "1"}}, 10, 60);
  Load({{"__name__", "m"}, {"i", "2"}}, 10, 30);
  promql::ParseResult p = promql::ParseExpr("sum by (i) (rate(m[1m])) * 60");
  ASSERT_TRUE(p.errors.empty());
  QueryResult r = Engine().Range(store_, *p.expr, 0, 600 * kSecond, 60 * kSecond);
  ASSERT_TRUE(r.ok()) << r.error;
  for (const Series& s : std::get<Matrix>(r.value)) {
    for (const Sample& point : s.samples) {
      QueryResult at = Engine().Instant(store_, *p.expr, point.t);
      bool found = false;
      for (const VectorElement& e : std::get<Vector>(at.value)) {
        if (e.labels == s.labels) {
          EXPECT_EQ(e.v, point.v);
          found = true;
        }
      }
      EXPECT_TRUE(found) << s.labels.ToString() << " at " << point.t;
    }
  }
  p = promql::ParseExpr("m[1m]");
  r = Engine().Range(store_, *p.expr, 0, 60 * kSecond, 10 * kSecond);
  EXPECT_EQ(r.error,
            "invalid expression type \"range vector\" for range query, must be Scalar or instant "
            "Vector");
}

TEST_F(EngineTest, TopkKeepsPrometheusOrder) {
  for (const char* i : {"1", "2", "3", "4"}) Load({{"__name__", "m"}, {"i", i}}, 10, 1, 7);
  QueryResult r = Instant("topk(3, m)", 0);
  ASSERT_TRUE(r.ok());
  std::string order;
  for (const VectorElement& e : std::get<Vector>(r.value)) order += e.labels.Get("i");
  // Ties: Go's heap keeps the first three (the fourth never beats the
  // top), and its insertion sort leaves them in heap order.
  EXPECT_EQ(order, "123");
  Load({{"__name__", "n"}, {"i", "1"}}, 10, 1, 1);
  Load({{"__name__", "n"}, {"i", "2"}}, 10, 1, 3);
  Load({{"__name__", "n"}, {"i", "3"}}, 10, 1, std::nan(""));
  Load({{"__name__", "n"}, {"i", "4"}}, 10, 1, 2);
  auto order_of = [&](const std::string& expr) {
    QueryResult result = Instant(expr, 0);
    std::string ids;
    for (const VectorElement& e : std::get<Vector>(result.value)) ids += e.labels.Get("i");
    return ids;
  };
  EXPECT_EQ(order_of("topk(3, n)"), "241");  // NaN goes first out of the heap
  EXPECT_EQ(order_of("bottomk(2, n)"), "14");
  r = Instant("topk(1e30, m)", 0);
  EXPECT_EQ(r.error, "Scalar value 1e+30 overflows int64");
}

TEST_F(EngineTest, MaxSamples) {
  Load({{"__name__", "m"}}, 1, 1000);
  promql::ParseResult p = promql::ParseExpr("sum_over_time(m[10m])");
  EngineOptions options;
  options.max_samples = 100;
  QueryResult r = Engine(options).Instant(store_, *p.expr, 999 * kSecond);
  EXPECT_EQ(r.error, "query processing would load too many samples into memory in query execution");
}

// As in Prometheus, a range function holds one series' window at a time
// plus its outputs: 20 windows of 60 samples fit in 100, their matrix
// does not.
TEST_F(EngineTest, MaxSamplesCountsOneWindowAtATime) {
  for (int i = 0; i < 20; ++i) {
    const std::string id = std::to_string(i);
    Load({{"__name__", "m"}, {"i", id}}, 10, 100, i);
  }
  EngineOptions options;
  options.max_samples = 100;
  for (const char* expr : {"sum(rate(m[10m]))", "sum(avg_over_time(m[10m]))", "rate(m[10m])"}) {
    promql::ParseResult p = promql::ParseExpr(expr);
    QueryResult r = Engine(options).Instant(store_, *p.expr, 990 * kSecond);
    EXPECT_EQ(r.error, "") << expr;
  }
  promql::ParseResult p = promql::ParseExpr("m[10m]");
  QueryResult r = Engine(options).Instant(store_, *p.expr, 990 * kSecond);
  EXPECT_EQ(r.error, "query processing would load too many samples into memory in query execution");
}

}  // namespace
}  // namespace monc::runtime
