#include "compiler/analysis/promql_checks.h"

#include <gtest/gtest.h>

#include <deque>

#include "compiler/analysis/analysis_testing.h"
#include "compiler/promql/promql.h"
#include "compiler/spec/schema.h"

namespace monc {
namespace {

constexpr const char* kSpec = R"(version: 1
imports: [node_exporter]
defaults: {scrape_interval: 30s, evaluation_interval: 1m}
metrics:
  up: {type: gauge, labels: [namespace]}
  http_requests_total: {type: counter, labels: [method, status, service]}
  http_request_duration_seconds: {type: histogram, labels: [service]}
  rpc_duration_seconds: {type: summary, labels: [service]}
  queue_depth: {type: gauge, labels: [queue]}
groups:
  api:
    interval: 2m
    labels: {team: web}
    rules:
      - alert: Placeholder
        expr: up == 0
        for: 30s
        summary: "{{ $labels.instance }} of {{ .Labels.job }} down"
        description: >-
          {{ $labels.servce }} in {{ index $labels "namespace" }} at {{ $value }};
          {{ range query "up" }}{{ .Labels.pod }}{{ end }} {{ $labels.team }}
        labels: {page: "{{ $labels.zone }}"}
)";

// One reported diagnostic: its code and the text its position covers.
struct Report {
  std::string code;
  std::string text;
  friend bool operator==(const Report& a, const Report& b) {
    return a.code == b.code && a.text == b.text;
  }
  friend std::ostream& operator<<(std::ostream& os, const Report& r) {
    return os << r.code << " at '" << r.text << "'";
  }
};

class Recorder : public ExprReporter {
 public:
  explicit Recorder(const std::string& expr) : expr_(expr) {}
  Diagnostic& Report(Code code, promql::PosRange pos, std::string message) override {
    reports.push_back({std::string(Info(code).id), expr_.substr(pos.begin, pos.end - pos.begin)});
    diagnostics.emplace_back();
    diagnostics.back().code = code;
    diagnostics.back().message = std::move(message);
    return diagnostics.back();
  }
  std::vector<monc::Report> reports;
  std::deque<Diagnostic> diagnostics;  // stable references

 private:
  const std::string& expr_;
};

class PromqlChecksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string diagnostics;
    system_ = testing::SystemFromYaml(kSpec, &diagnostics);
    ASSERT_EQ(diagnostics, "");
    catalog_ = BuildCatalog(system_);
  }

  // Checks `expr` as a dashboard expression, or as the expression of
  // `rule` (the spec's only alert) when asked.
  Recorder Check(const std::string& expr, bool as_rule = false) {
    Recorder recorder(expr);
    promql::ParseResult parsed = promql::ParseExpr(expr);
    EXPECT_TRUE(parsed.errors.empty() && parsed.expr) << expr << ": " << parsed.errors[0].message;
    if (!parsed.expr) return recorder;
    const model::RuleGroup& group = system_.groups[0];
    ExprContext context{system_,
                        catalog_,
                        as_rule ? &group.rules[0] : nullptr,
                        as_rule ? &group : nullptr,
                        30000,
                        as_rule ? 120000 : 60000};
    CheckExpr(*parsed.expr, context, recorder);
    return recorder;
  }

  struct Case {
    const char* expr;
    std::vector<monc::Report> want;
  };
  void Expect(const std::vector<Case>& cases) {
    for (const Case& c : cases) EXPECT_EQ(Check(c.expr).reports, c.want) << c.expr;
  }

  model::System system_;
  Catalog catalog_;
};

TEST_F(PromqlChecksTest, CleanExpressionsReportNothing) {
  for (const char* expr : {
           "sum by (service) (rate(http_requests_total{status=~\"5..\"}[5m])) / sum by (service) "
           "(rate(http_requests_total[5m])) > 0.05",
           "histogram_quantile(0.95, sum by (le, service) "
           "(rate(http_request_duration_seconds_bucket[5m])))",
           "histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m]))",
           "rpc_duration_seconds{quantile=\"0.99\"} > 1",
           "100 - (avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5m])) * 100) > 80",
           "sum(increase(http_requests_total[1h])) == 0",
           "absent(up{job=\"api\"})",
           "sum by (status) (rate(http_requests_total[5m])) / ignoring (status) group_left "
           "sum(rate(http_requests_total[5m]))",
           "up{namespace=\"prod\"} == 0",
           "max by (queue) (queue_depth) > 100",
           "deriv(queue_depth[10m]) > 0",
           "ALERTS{alertname=\"X\", severity=\"page\"}",
           "rate(http_requests_total[2m])",
           "http_request_duration_seconds_sum / http_request_duration_seconds_count",
       }) {
    EXPECT_EQ(Check(expr).reports, std::vector<Report>{}) << expr;
  }
}

TEST_F(PromqlChecksTest, UnknownMetric) {
  Expect({
      {"rate(http_request_total[5m])", {{"promql/unknown-metric", "http_request_total"}}},
      {"http_request_duration_seconds > 1",
       {{"promql/unknown-metric", "http_request_duration_seconds"}}},
      {"{__name__=\"nope\"}", {{"promql/unknown-metric", "__name__=\"nope\""}}},
      {"{__name__=~\"nope.*\"}", {}},
  });
  Recorder r = Check("rate(http_request_total[5m])");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "unknown metric 'http_request_total'");
  ASSERT_FALSE(r.diagnostics[0].notes.empty());
  EXPECT_EQ(r.diagnostics[0].notes[0].message, "did you mean 'http_requests_total'?");
  Recorder hint = Check("redis_up == 0");
  ASSERT_EQ(hint.diagnostics.size(), 1u);
  EXPECT_EQ(hint.diagnostics[0].notes.back().message,
            "catalog 'redis_exporter' declares it: add 'redis_exporter' to 'imports'");
}

TEST_F(PromqlChecksTest, UnknownLabel) {
  Expect({
      {"http_requests_total{stauts=\"500\"}", {{"promql/unknown-label", "stauts=\"500\""}}},
      {"up{namespace=\"a\", zone=\"b\"}", {{"promql/unknown-label", "zone=\"b\""}}},
      {"not_known{whatever=\"x\"}", {{"promql/unknown-metric", "not_known"}}},
      {"sum by (servce) (http_requests_total)",
       {{"promql/unknown-label", "sum by (servce) (http_requests_total)"},
        {"promql/counter-without-rate", "http_requests_total"}}},
      {"sum without (le) (rate(http_requests_total[5m]))",
       {{"promql/unknown-label", "sum without (le) (rate(http_requests_total[5m]))"}}},
      {"sum by (service) (rate(http_requests_total[5m])) / on(status) "
       "sum by (service) (rate(http_requests_total[5m]))",
       {{"promql/unknown-label",
         "sum by (service) (rate(http_requests_total[5m])) / on(status) "
         "sum by (service) (rate(http_requests_total[5m]))"},
        {"promql/unknown-label",
         "sum by (service) (rate(http_requests_total[5m])) / on(status) "
         "sum by (service) (rate(http_requests_total[5m]))"}}},
      {"queue_depth * on(instance) group_left(zone) up",
       {{"promql/unknown-label", "queue_depth * on(instance) group_left(zone) up"}}},
      {"label_replace(up, \"host\", \"$1\", \"instanse\", \"(.*):.*\")",
       {{"promql/unknown-label", "\"instanse\""}}},
      {"label_join(up, \"both\", \",\", \"job\", \"zone\")",
       {{"promql/unknown-label", "\"zone\""}}},
      {"label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\")", {}},
  });
  Recorder r = Check("http_requests_total{stauts=\"500\"}");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "metric 'http_requests_total' has no label 'stauts'");
  EXPECT_EQ(r.diagnostics[0].notes[0].message, "did you mean 'status'?");
}

TEST_F(PromqlChecksTest, RateOfGauge) {
  Expect({
      {"rate(queue_depth[5m])", {{"promql/rate-of-gauge", "queue_depth[5m]"}}},
      {"increase(node_load1[1h])", {{"promql/rate-of-gauge", "node_load1[1h]"}}},
      {"rate(sum(queue_depth)[10m:1m])", {{"promql/rate-of-gauge", "sum(queue_depth)[10m:1m]"}}},
      {"rate(rpc_duration_seconds[5m])", {{"promql/rate-of-gauge", "rpc_duration_seconds[5m]"}}},
      {"rate(rpc_duration_seconds_count[5m])", {}},
      {"rate((queue_depth[5m]))", {{"promql/rate-of-gauge", "(queue_depth[5m])"}}},
      {"rate(node_vmstat_pgfault[5m])", {}},
      {"increase(sum(http_requests_total)[1h:5m])",
       {{"promql/counter-without-rate", "http_requests_total"}}},
  });
}

TEST_F(PromqlChecksTest, RateOfGaugeNamesWhatIsAGauge) {
  EXPECT_EQ(Check("rate(queue_depth[5m])").diagnostics[0].message, "'rate' of gauge 'queue_depth'");
  EXPECT_EQ(Check("rate(sum(queue_depth)[10m:1m])").diagnostics[0].message,
            "'rate' of 'sum(queue_depth)[10m:1m]', a gauge");
}

TEST_F(PromqlChecksTest, CounterWithoutRate) {
  Expect({
      {"http_requests_total > 100", {{"promql/counter-without-rate", "http_requests_total"}}},
      {"sum(http_requests_total) > 100", {{"promql/counter-without-rate", "http_requests_total"}}},
      {"topk(5, http_requests_total / 60)",
       {{"promql/counter-without-rate", "http_requests_total"}}},
      {"http_request_duration_seconds_count{service=\"a\"} > 0",
       {{"promql/counter-without-rate", "http_request_duration_seconds_count"}}},
      {"histogram_quantile(0.9, sum by (le) (http_request_duration_seconds_bucket))",
       {{"promql/counter-without-rate", "http_request_duration_seconds_bucket"}}},
      {"count(http_requests_total)", {}},
      {"http_requests_total", {}},
      {"max_over_time(http_requests_total[1h]) > 0", {}},
      {"(http_requests_total - http_requests_total offset 1h) > 0", {}},
      {"queue_depth > 5 and http_requests_total", {}},
  });
}

TEST_F(PromqlChecksTest, QuantileWithoutLe) {
  Expect({
      {"histogram_quantile(0.9, sum(rate(http_request_duration_seconds_bucket[5m])))",
       {{"promql/histogram-quantile-without-le",
         "sum(rate(http_request_duration_seconds_bucket[5m]))"}}},
      {"histogram_quantile(0.9, sum by (service) (rate(http_request_duration_seconds_bucket[5m])))",
       {{"promql/histogram-quantile-without-le",
         "sum by (service) (rate(http_request_duration_seconds_bucket[5m]))"}}},
      {"histogram_quantile(0.9, rate(http_request_duration_seconds_count[5m]))",
       {{"promql/histogram-quantile-without-le", "http_request_duration_seconds_count"}}},
      {"histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_count[5m])))",
       {{"promql/unknown-label", "sum by (le) (rate(http_request_duration_seconds_count[5m]))"},
        {"promql/histogram-quantile-without-le", "http_request_duration_seconds_count"}}},
      {"histogram_quantile(0.9, rate(not_known_bucket[5m]))",
       {{"promql/unknown-metric", "not_known_bucket"}}},
  });
  Recorder r = Check(
      "histogram_quantile(0.9, sum by (service) (rate(http_request_duration_seconds_bucket[5m])))");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "'sum' removes the 'le' label 'histogram_quantile' needs");
  EXPECT_EQ(r.diagnostics[0].notes[0].message, "keep it: 'sum by (service, le)'");
}

TEST_F(PromqlChecksTest, ShortRateWindow) {
  Expect({
      {"rate(http_requests_total[1m])", {{"promql/short-rate-window", "http_requests_total[1m]"}}},
      {"irate(http_requests_total[90s])",
       {{"promql/short-rate-window", "http_requests_total[90s]"}}},
      {"deriv(queue_depth[1m])", {{"promql/short-rate-window", "queue_depth[1m]"}}},
      {"max_over_time(queue_depth[30s])", {}},
      {"rate(http_requests_total[2m])", {}},
      {"max_over_time(rate(http_requests_total[5m])[3m:])", {}},
      {"rate(http_requests_total[5m:2m])",
       {{"promql/short-rate-window", "http_requests_total[5m:2m]"}}},
  });
  Recorder r = Check("rate(http_requests_total[1m])");
  EXPECT_EQ(r.diagnostics[0].message,
            "window 1m of 'rate' is shorter than 4 scrape intervals (4 x 30s = 2m)");
}

// Prometheus's default intervals are rarely what runs: without stated ones
// the window and `for` checks stay silent.
TEST(IntervalChecks, NeedIntervalsTheSpecStates) {
  std::string diagnostics;
  model::System system = testing::SystemFromYaml(R"(version: 1
groups:
  g:
    rules:
      - alert: A
        expr: rate(x[1m]) > 0 and rate(y[5m:1m]) > 0 and rate(z[2m:]) > 0
        for: 10s
)",
                                                 &diagnostics);
  ASSERT_EQ(diagnostics, "");
  Catalog catalog = BuildCatalog(system);
  const std::string expr = system.groups[0].rules[0].expr;
  promql::ParseResult parsed = promql::ParseExpr(expr);
  ASSERT_TRUE(parsed.expr);
  Recorder r(expr);
  ExprContext context{system, catalog, &system.groups[0].rules[0], &system.groups[0], 60000, 60000};
  CheckExpr(*parsed.expr, context, r);
  // Only the subquery with an explicit step is judged, and [5m:1m] spans five steps.
  EXPECT_EQ(r.reports, std::vector<Report>{});
}

// Rules of a group run in order: reading a series that a later rule of the
// same group records sees the previous evaluation. Earlier records, records
// of other groups and the rule's own series are read as Prometheus intends.
TEST(ReadsLaterRecord, OnlyLaterRecordsOfTheSameGroup) {
  std::string diagnostics;
  model::System system = testing::SystemFromYaml(R"(version: 1
groups:
  g:
    rules:
      - record: early
        expr: vector(1)
      - record: reader
        expr: early + later + sum(later) + other + reader + absent(unrecorded)
      - record: later
        expr: vector(2)
      - record: later
        expr: vector(3)
      - alert: Last
        expr: later > 1
  h:
    rules:
      - record: other
        expr: vector(4)
)",
                                                 &diagnostics);
  ASSERT_EQ(diagnostics, "");
  Catalog catalog = BuildCatalog(system);
  const model::RuleGroup& group = system.groups[0];
  const std::string expr = group.rules[1].expr;
  promql::ParseResult parsed = promql::ParseExpr(expr);
  ASSERT_TRUE(parsed.expr);
  Recorder r(expr);
  ExprContext context{system, catalog, &group.rules[1], &group, 60000, 60000};
  CheckExpr(*parsed.expr, context, r);
  // Once per series, at its first selector.
  EXPECT_EQ(r.reports, (std::vector<Report>{{"rule/reads-later-record", "later"}}));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message,
            "recording rule 'reader' reads 'later', which a recording rule later in group 'g' "
            "records: it sees the value of the previous evaluation; move that rule before "
            "'reader'");
  ASSERT_EQ(r.diagnostics[0].notes.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].notes[0].span.begin, group.rules[2].name.span.begin);
  // The last rule reads only series recorded before it.
  const std::string last = group.rules[4].expr;
  parsed = promql::ParseExpr(last);
  ASSERT_TRUE(parsed.expr);
  Recorder none(last);
  ExprContext last_context{system, catalog, &group.rules[4], &group, 60000, 60000};
  CheckExpr(*parsed.expr, last_context, none);
  EXPECT_EQ(none.reports, std::vector<Report>{});
}

// The schema offers exactly the codes a rule may silence: each is accepted.
TEST(Silences, EveryCodeTheSchemaOffersIsAccepted) {
  const nlohmann::json& offered = SpecSchema()["definitions"]["rule"]["properties"]["silence"]
                                              ["items"]["properties"]["code"]["examples"];
  std::string spec =
      "version: 1\ngroups:\n  g:\n    rules:\n      - record: r\n        expr: up\n"
      "        silence:\n";
  for (const auto& code : offered) {
    spec += "          - {code: " + code.get<std::string>() + ", reason: because}\n";
  }
  std::string diagnostics;
  model::System system = testing::SystemFromYaml(spec, &diagnostics);
  EXPECT_EQ(diagnostics, "");
  EXPECT_EQ(system.groups[0].rules[0].silences.size(), offered.size());
}

TEST_F(PromqlChecksTest, AnchoredRegex) {
  Expect({
      {"up{job=~\"^api$\"}", {{"promql/anchored-regex", "job=~\"^api$\""}}},
      {"up{job!~\"api.*$\"}", {{"promql/anchored-regex", "job!~\"api.*$\""}}},
      {"up{job=~\"cost\\\\$\"}", {}},
      {"up{job=~\"a|b\"}", {}},
      {"up{job=\"^api$\"}", {}},
  });
}

TEST_F(PromqlChecksTest, AlertRuleChecksReportAtTheWholeExpression) {
  Recorder r = Check("up == 0", true);
  EXPECT_EQ(r.reports, (std::vector<Report>{
                           {"promql/template-label", "up == 0"},
                           {"promql/template-label", "up == 0"},
                           {"promql/template-label", "up == 0"},
                           {"rule/for-below-interval", "up == 0"},
                       }));
  ASSERT_EQ(r.diagnostics.size(), 4u);
  EXPECT_EQ(r.diagnostics[0].message,
            "template '{{ $labels.servce }}' in annotation 'description' reads label 'servce', "
            "which the expression does not return");
  EXPECT_EQ(r.diagnostics[0].notes[0].message,
            "the expression returns 'instance', 'job', 'namespace'");
  // A rule's own labels are not among $labels.
  EXPECT_EQ(r.diagnostics[1].message,
            "template '{{ $labels.team }}' in annotation 'description' reads label 'team', "
            "which the expression does not return");
  EXPECT_EQ(
      r.diagnostics[1].notes.back().message,
      "'team' is a label of the rule, which $labels does not include: write its value instead");
  EXPECT_EQ(r.diagnostics[2].message,
            "template '{{ $labels.zone }}' in label 'page' reads label 'zone', which the "
            "expression does not return");
  EXPECT_EQ(r.diagnostics[3].message,
            "'for: 30s' of alert 'Placeholder' is shorter than the evaluation interval of group "
            "'api', 2m");
  EXPECT_EQ(r.diagnostics[3].notes[0].message, "'for' is set here");
}

TEST_F(PromqlChecksTest, TemplatesOfExpressionsWithUnknownLabelsAreNotJudged) {
  EXPECT_EQ(Check("not_known == 0", true).reports,
            (std::vector<Report>{{"promql/unknown-metric", "not_known"},
                                 {"rule/for-below-interval", "not_known == 0"}}));
}

}  // namespace
}  // namespace monc
