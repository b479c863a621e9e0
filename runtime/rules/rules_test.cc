#include "runtime/rules/rules.h"

#include <gtest/gtest.h>

#include "compiler/promql/promql.h"
#include "runtime/engine/engine.h"
#include "runtime/storage/series_store.h"

namespace monc::runtime {
namespace {

constexpr int64_t kMinute = 60 * 1000;

std::shared_ptr<const promql::Expr> Parse(const std::string& text) {
  promql::ParseResult r = promql::ParseExpr(text);
  EXPECT_TRUE(r.errors.empty()) << text << ": " << r.errors[0].message;
  return std::shared_ptr<const promql::Expr>(std::move(r.expr));
}

RecordingRule Record(const std::string& name, const std::string& expr, Labels labels = {}) {
  return RecordingRule{name, expr, Parse(expr), std::move(labels)};
}

AlertingRule AlertRule(const std::string& name, const std::string& expr, int64_t for_ms = 0,
                   int64_t keep_firing_for_ms = 0, std::vector<Label> labels = {},
                   std::vector<Label> annotations = {}) {
  return AlertingRule{name, expr, Parse(expr), for_ms, keep_firing_for_ms, std::move(labels),
                      std::move(annotations)};
}

RuleGroup Group(std::vector<Rule> rules, int limit = 0) {
  RuleGroup g;
  g.name = "g";
  g.rules = std::move(rules);
  g.limit = limit;
  return g;
}

class RulesTest : public ::testing::Test {
 protected:
  // `up` for two instances of job "api", one sample a minute from 0 to
  // `minutes`, with the values given per instance.
  void LoadUp(const std::vector<double>& one, const std::vector<double>& two) {
    for (size_t i = 0; i < one.size(); ++i) {
      store_.Append(Up("1"), i * kMinute, one[i]);
      store_.Append(Up("2"), i * kMinute, two[i]);
    }
  }
  static Labels Up(const std::string& instance) {
    return Labels::FromMap({{"__name__", "up"}, {"job", "api"}, {"instance", instance}});
  }

  // The instant vector of `expr` at `t_ms` as "labels value" lines.
  std::vector<std::string> Query(const std::string& expr, int64_t t_ms) {
    QueryResult r = Engine().Instant(store_, *Parse(expr), t_ms);
    EXPECT_TRUE(r.ok()) << r.error;
    std::vector<std::string> out;
    for (const VectorElement& e : std::get<Vector>(r.value)) {
      out.push_back(e.labels.ToString() + " " + std::to_string(e.v));
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // The raw samples of the series `labels` in [mint, maxt].
  std::vector<Sample> Raw(const Labels& labels, int64_t mint, int64_t maxt) {
    std::vector<Sample> out;
    std::string error;
    auto name =
        Matcher::Make(promql::MatchType::Equal, "__name__", std::string(labels.MetricName()), &error);
    for (SeriesRef ref : store_.Select({*name})) {
      if (store_.SeriesLabels(ref) == labels) store_.Samples(ref, mint, maxt, out);
    }
    return out;
  }

  SeriesStore store_;
};

TEST_F(RulesTest, RecordingOutputIsVisibleToLaterRulesAtTheSameTime) {
  LoadUp({1}, {1});
  RuleEvaluator rules({Group({Record("job:up:sum", "sum by (job) (up)", Labels::FromMap({{"team", "core"}})),
                              Record("job:up:double", "job:up:sum * 2")})});
  std::vector<RuleResult> results = rules.EvaluateAt(store_, 0);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_TRUE(results[0].query.ok());
  // The query result is the expression's own, before the rule's labels.
  EXPECT_EQ(std::get<Vector>(results[0].query.value)[0].labels.ToString(), "{job=\"api\"}");
  ASSERT_EQ(std::get<Vector>(results[1].query.value).size(), 1u);
  EXPECT_EQ(std::get<Vector>(results[1].query.value)[0].v, 4);
  EXPECT_EQ(Query("job:up:sum", 0),
            std::vector<std::string>{"{__name__=\"job:up:sum\", job=\"api\", team=\"core\"} 2.000000"});
  EXPECT_EQ(Query("job:up:double", 0),
            std::vector<std::string>{"{__name__=\"job:up:double\", job=\"api\", team=\"core\"} 4.000000"});
}

TEST_F(RulesTest, ScalarResultsAreOneSampleWithoutLabels) {
  RuleEvaluator rules({Group({Record("answer", "42")})});
  rules.EvaluateAt(store_, 0);
  EXPECT_EQ(Query("answer", 0), std::vector<std::string>{"{__name__=\"answer\"} 42.000000"});
}

TEST_F(RulesTest, RecordingRuleLabelsThatCollideAreAnError) {
  LoadUp({1}, {1});
  RuleEvaluator rules({Group({Record("r", "up", Labels::FromMap({{"instance", "x"}}))})});
  std::vector<RuleResult> results = rules.EvaluateAt(store_, 0);
  // The query itself went well: /api/v1/query would show its result.
  EXPECT_TRUE(results[0].query.ok());
  EXPECT_EQ(results[0].rule_error,
            "vector contains metrics with the same labelset after applying rule labels");
  EXPECT_EQ(results[0].error(), results[0].rule_error);
  EXPECT_TRUE(Query("r", 0).empty());
}

TEST_F(RulesTest, LimitOnSeries) {
  LoadUp({1}, {1});
  RuleEvaluator rules({Group({Record("r", "up")}, 1)});
  EXPECT_EQ(rules.EvaluateAt(store_, 0)[0].rule_error, "exceeded limit of 1 with 2 series");
}

TEST_F(RulesTest, ARangeVectorIsARuleErrorNotAQueryError) {
  LoadUp({1}, {1});
  RuleEvaluator rules({Group({Record("r", "up[5m]")})});
  RuleResult result = rules.EvaluateAt(store_, 0)[0];
  EXPECT_TRUE(std::holds_alternative<Matrix>(result.query.value));
  EXPECT_EQ(result.rule_error, "rule result is not a vector or scalar");
  EXPECT_FALSE(result.ok());
}

TEST_F(RulesTest, RefusedOutputIsCountedAndIsTheRuleError) {
  LoadUp({1, 1}, {1, 1});
  // Both rules write the same two series at the same time, with other values.
  RuleEvaluator rules({Group({Record("r", "up"), Record("r", "up + 1")})});
  std::vector<RuleResult> results = rules.EvaluateAt(store_, 0);
  EXPECT_TRUE(results[0].ok());
  EXPECT_EQ(results[1].rule_error, "duplicate sample for timestamp");
  EXPECT_EQ(results[1].samples_discarded, 2u);
  EXPECT_EQ(Query("r", 0).size(), 2u);
  // Earlier than what the rules wrote: out of order.
  rules.EvaluateAt(store_, kMinute);
  results = rules.EvaluateAt(store_, kMinute / 2);
  EXPECT_EQ(results[0].rule_error, "out of order sample");
  EXPECT_EQ(results[0].samples_discarded, 2u);
}

TEST_F(RulesTest, SeriesThatDisappearGetStalenessMarkers) {
  LoadUp({1, 1, 1}, {1, 0, 0});
  RuleEvaluator rules({Group({Record("up:ok", "up > 0")})});
  rules.EvaluateAt(store_, 0);
  rules.EvaluateAt(store_, kMinute);
  std::vector<Sample> two = Raw(Labels::FromMap({{"__name__", "up:ok"}, {"job", "api"}, {"instance", "2"}}),
                                0, 2 * kMinute);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].v, 1);
  EXPECT_TRUE(IsStaleNaN(two[1].v));
  EXPECT_EQ(two[1].t, kMinute);
  // Without the marker, the lookback delta would still show the old sample.
  EXPECT_EQ(Query("up:ok", kMinute + 1000).size(), 1u);
  // Marked once: the next evaluation does not mark it again.
  rules.EvaluateAt(store_, 2 * kMinute);
  EXPECT_EQ(Raw(Labels::FromMap({{"__name__", "up:ok"}, {"job", "api"}, {"instance", "2"}}), 0,
                3 * kMinute)
                .size(),
            2u);
}

TEST_F(RulesTest, FailedEvaluationsLeaveSeriesUnmarked) {
  LoadUp({1, 1}, {1, 1});
  RuleEvaluator rules({Group({Record("r", "up", Labels())}, 2)});
  rules.EvaluateAt(store_, 0);
  store_.Append(Up("3"), kMinute, 1);
  EXPECT_FALSE(rules.EvaluateAt(store_, kMinute)[0].ok());  // 3 series > limit 2
  EXPECT_EQ(Raw(Labels::FromMap({{"__name__", "r"}, {"job", "api"}, {"instance", "1"}}), 0, kMinute)
                .size(),
            1u);
}

TEST_F(RulesTest, AlertsGoPendingThenFiringAfterFor) {
  LoadUp({0, 0, 0, 0}, {1, 1, 1, 1});
  RuleEvaluator rules({Group({AlertRule("Down", "up == 0", 2 * kMinute, 0,
                                    {{"severity", "page"}})})});
  rules.EvaluateAt(store_, 0);
  std::vector<Alert> alerts = rules.Alerts(0, 0);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].state, AlertState::Pending);
  EXPECT_EQ(alerts[0].labels.ToString(),
            "{alertname=\"Down\", instance=\"1\", job=\"api\", severity=\"page\"}");
  EXPECT_EQ(Query("ALERTS", 0),
            std::vector<std::string>{"{__name__=\"ALERTS\", alertname=\"Down\", alertstate=\"pending\", "
                                     "instance=\"1\", job=\"api\", severity=\"page\"} 1.000000"});
  rules.EvaluateAt(store_, kMinute);
  EXPECT_EQ(rules.Alerts(0, 0)[0].state, AlertState::Pending);
  rules.EvaluateAt(store_, 2 * kMinute);
  alerts = rules.Alerts(0, 0);
  EXPECT_EQ(alerts[0].state, AlertState::Firing);
  EXPECT_EQ(alerts[0].active_at_ms, 0);
  EXPECT_EQ(alerts[0].fired_at_ms, 2 * kMinute);
  // The pending series went stale when the alert started firing.
  EXPECT_EQ(Query("ALERTS", 2 * kMinute),
            std::vector<std::string>{"{__name__=\"ALERTS\", alertname=\"Down\", alertstate=\"firing\", "
                                     "instance=\"1\", job=\"api\", severity=\"page\"} 1.000000"});
  EXPECT_EQ(Query("ALERTS_FOR_STATE", 2 * kMinute),
            std::vector<std::string>{"{__name__=\"ALERTS_FOR_STATE\", alertname=\"Down\", "
                                     "instance=\"1\", job=\"api\", severity=\"page\"} 0.000000"});
}

TEST_F(RulesTest, ForStateIsActiveAtInWholeSeconds) {
  store_.Append(Up("1"), 90500, 0);
  RuleEvaluator rules({Group({AlertRule("Down", "up == 0", kMinute)})});
  rules.EvaluateAt(store_, 90500);
  EXPECT_EQ(Query("ALERTS_FOR_STATE", 90500),
            std::vector<std::string>{"{__name__=\"ALERTS_FOR_STATE\", alertname=\"Down\", "
                                     "instance=\"1\", job=\"api\"} 90.000000"});
}

TEST_F(RulesTest, PendingAlertsThatClearAreForgotten) {
  LoadUp({0, 1}, {1, 1});
  RuleEvaluator rules({Group({AlertRule("Down", "up == 0", 5 * kMinute)})});
  rules.EvaluateAt(store_, 0);
  rules.EvaluateAt(store_, kMinute);
  EXPECT_TRUE(rules.Alerts(0, 0).empty());
  EXPECT_TRUE(Query("ALERTS", kMinute).empty());
}

TEST_F(RulesTest, FiringAlertsResolveAndAreKeptForTheRetention) {
  LoadUp({0, 1}, {1, 1});
  RuleEvaluator rules({Group({AlertRule("Down", "up == 0")})});
  rules.EvaluateAt(store_, 0);
  EXPECT_EQ(rules.Alerts(0, 0)[0].state, AlertState::Firing);  // no `for`: fires at once
  rules.EvaluateAt(store_, kMinute);
  std::vector<Alert> alerts = rules.Alerts(0, 0);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].state, AlertState::Inactive);
  EXPECT_EQ(alerts[0].resolved_at_ms, kMinute);
  EXPECT_TRUE(Query("ALERTS", kMinute).empty());
  rules.EvaluateAt(store_, 16 * kMinute);  // exactly 15m after: still kept
  EXPECT_EQ(rules.Alerts(0, 0).size(), 1u);
  rules.EvaluateAt(store_, 16 * kMinute + 1);
  EXPECT_TRUE(rules.Alerts(0, 0).empty());
}

TEST_F(RulesTest, KeepFiringForHoldsAClearedAlert) {
  LoadUp({0, 1, 1, 1, 0}, {1, 1, 1, 1, 1});
  RuleEvaluator rules({Group({AlertRule("Down", "up == 0", 0, 2 * kMinute)})});
  rules.EvaluateAt(store_, 0);
  rules.EvaluateAt(store_, kMinute);
  std::vector<Alert> alerts = rules.Alerts(0, 0);
  EXPECT_EQ(alerts[0].state, AlertState::Firing);
  EXPECT_EQ(alerts[0].keep_firing_since_ms, kMinute);
  EXPECT_EQ(Query("ALERTS", kMinute).size(), 1u);
  rules.EvaluateAt(store_, 2 * kMinute);
  EXPECT_EQ(rules.Alerts(0, 0)[0].state, AlertState::Firing);
  rules.EvaluateAt(store_, 3 * kMinute);  // 2m since it cleared
  EXPECT_EQ(rules.Alerts(0, 0)[0].state, AlertState::Inactive);
  EXPECT_TRUE(Query("ALERTS", 3 * kMinute).empty());
  // A new activation starts over: pending state, new activeAt.
  rules.EvaluateAt(store_, 4 * kMinute);
  alerts = rules.Alerts(0, 0);
  EXPECT_EQ(alerts[0].state, AlertState::Firing);
  EXPECT_EQ(alerts[0].active_at_ms, 4 * kMinute);
  EXPECT_EQ(alerts[0].resolved_at_ms, 0);
}

TEST_F(RulesTest, AlertLabelsThatCollideAreAnError) {
  LoadUp({0}, {0});
  RuleEvaluator rules({Group({AlertRule("Down", "up == 0", 0, 0, {{"instance", "x"}})})});
  EXPECT_EQ(rules.EvaluateAt(store_, 0)[0].rule_error,
            "vector contains metrics with the same labelset after applying alert labels");
  EXPECT_TRUE(rules.Alerts(0, 0).empty());
}

TEST_F(RulesTest, AlertLimit) {
  LoadUp({0}, {0});
  RuleEvaluator rules({Group({AlertRule("Down", "up == 0")}, 1)});
  EXPECT_EQ(rules.EvaluateAt(store_, 0)[0].rule_error, "exceeded limit of 1 with 2 alerts");
  EXPECT_TRUE(rules.Alerts(0, 0).empty());
}

TEST_F(RulesTest, TemplatesSeeLabelsValueAndQuery) {
  LoadUp({0}, {1});
  RuleOptions options;
  options.external_labels = {{"cluster", "eu"}};
  options.parse_expr = [](std::string_view text, std::string& error) {
    promql::ParseResult r = promql::ParseExpr(text);
    if (!r.errors.empty()) error = r.errors[0].message;
    return r.errors.empty() ? std::shared_ptr<const promql::Expr>(std::move(r.expr)) : nullptr;
  };
  RuleEvaluator rules(
      {Group({AlertRule("Down", "up == 0", 0, 0, {{"who", "{{ $labels.job }}"}},
                    {{"summary", "{{ $labels.__name__ }} {{ $labels.instance }} is {{ $value }} in "
                                 "{{ $externalLabels.cluster }}"},
                     {"up", "{{ query \"sum(up)\" | first | value }}"}})})},
      options);
  rules.EvaluateAt(store_, 0);
  std::vector<Alert> alerts = rules.Alerts(0, 0);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].labels.Get("who"), "api");
  EXPECT_EQ(alerts[0].annotations.Get("summary"), "up 1 is 0 in eu");
  EXPECT_EQ(alerts[0].annotations.Get("up"), "1");
}

TEST_F(RulesTest, TemplateQueriesNeedAParser) {
  LoadUp({0}, {1});
  RuleEvaluator rules(
      {Group({AlertRule("Down", "up == 0", 0, 0, {}, {{"up", "{{ query \"up\" }}"}})})});
  rules.EvaluateAt(store_, 0);
  std::vector<Alert> alerts = rules.Alerts(0, 0);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_NE(alerts[0].annotations.Get("up").find("error calling query: no PromQL parser"),
            std::string::npos)
      << alerts[0].annotations.Get("up");
}

}  // namespace
}  // namespace monc::runtime
