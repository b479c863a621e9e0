#include "backends/promtool_tests/promtool_tests.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "backends/promtool_tests/cases.h"
#include "backends/promtool_tests/series.h"
#include "compiler/driver/pipeline.h"

namespace monc::promtool_tests {
namespace {

// The series a selector selects, as text, or "none".
std::string SelectedText(const std::string& selector) {
  auto s = ParseSelector(selector);
  if (!s) return "not a selector";
  auto labels = Selected(*s);
  return labels ? SeriesText(*labels) : "none";
}

TEST(Series, FindsValuesForTheMatchersSpecsUse) {
  const std::pair<const char*, const char*> kCases[] = {
      {R"(http_requests_total{status=~"5.."})", R"(http_requests_total{status="500"})"},
      {R"(x{method=~"POST|PUT"})", R"(x{method="POST"})"},
      {R"(x{path=~"/search.*"})", R"(x{path="/search"})"},
      {R"(x{path!~"/search.*|/uploads.*", job="a"})", R"(x{job="a"})"},
      {R"(x{code=~"[45]xx"})", R"(x{code="4xx"})"},
      {R"(x{a=~"(?:foo|bar)-\\d{2}"})", R"(x{a="foo-00"})"},
      {R"(x{le=~"1|1\\.0"})", R"(x{le="1"})"},
      {R"(x{a!="", a=~"b+"})", R"(x{a="b"})"},
      {R"({__name__="x", a="b"})", R"(x{a="b"})"},
      {R"(x{a=~"[^a]"})", "none"},
      {R"(x{a="b", a="c"})", "none"},
      {"sum(x)", "not a selector"},
  };
  for (const auto& [selector, want] : kCases) EXPECT_EQ(SelectedText(selector), want) << selector;
}

TEST(Series, TotalSeriesTheNumeratorDoesNotSelect) {
  const std::tuple<const char*, const char*, const char*> kCases[] = {
      {R"(x{job="api"})", R"(x{job="api",code=~"5.."})", R"(x{job="api"})"},
      {"x", R"(x{code!~"5.."})", R"(x{code="500"})"},
      {"x", R"(x{code!="200"})", R"(x{code="200"})"},
      {"x", "x", "none"},
  };
  for (const auto& [total, numerator, want] : kCases) {
    auto labels = SelectedNotBy(*ParseSelector(total), *ParseSelector(numerator));
    EXPECT_EQ(labels ? SeriesText(*labels) : "none", want) << total << " not " << numerator;
  }
}

// A spec compiled by the real pipeline, SLOs expanded.
struct Compiled {
  SourceManager sources;
  DiagnosticSink sink;
  CompileResult result;
};

std::unique_ptr<Compiled> Compile(const std::string& yaml) {
  std::string path = std::string(std::getenv("TEST_TMPDIR")) + "/spec.yaml";
  std::ofstream(path) << yaml;
  auto c = std::make_unique<Compiled>();
  c->result = monc::Compile({path}, c->sources, c->sink);
  return c;
}

constexpr char kShop[] = R"(version: 1
name: shop
metrics:
  http_requests_total: {type: counter, labels: [job, code]}
  http_request_duration_seconds: {type: histogram, labels: [job]}
slos:
  api:
    objective: 99.9
    sli: {bad: 'http_requests_total{job="api",code=~"5.."}', total: 'http_requests_total{job="api"}'}
    alerting: {page: critical, ticket: warning}
  api-latency:
    objective: 99
    sli: {latency: {metric: http_request_duration_seconds, threshold: 1s, selector: '{job="api"}'}}
    alerting: {ticket: warning}
  api-latency-fast:
    objective: 95
    sli: {latency: {metric: http_request_duration_seconds, threshold: 100ms, selector: '{job="api"}'}}
    alerting: {ticket: warning}
  web:
    objective: 99
    sli: {bad: 'sum(rate(http_requests_total{job="web",code=~"5.."}[5m]))', total: 'sum(rate(http_requests_total{job="web"}[5m]))'}
    alerting: {page: critical}
)";

// tier, kind, burn, start and evaluation of each case.
std::vector<std::string> Describe(const std::vector<Case>& cases) {
  std::vector<std::string> out;
  for (const Case& c : cases) {
    out.push_back(c.tier->name + (c.burst ? " burst " : " steady ") +
                  slo::FormatNumber(c.burn, 6) + " from " + slo::WindowText(c.start_ms) +
                  " judged at " + slo::WindowText(c.eval_ms));
  }
  return out;
}

TEST(Cases, SteadyPerTierAndABurstForThePagesFastPair) {
  auto c = Compile(kShop);
  ASSERT_TRUE(c->result.spec);
  const model::System& system = c->result.spec->system();
  auto plan = slo::PlanSlo(system, system.slos[0]);
  std::vector<Case> cases = CasesOf(*plan, 5 * 60 * 1000);
  // The ticket tier's 1d pair spends the budget as fast as its 3d one: no
  // burst shows it alone.
  EXPECT_EQ(Describe(cases), (std::vector<std::string>{
                                 "page steady 6.06 from 0s judged at 6h",
                                 "page steady 5.94 from 0s judged at 6h",
                                 "page burst 14.544 from 5h judged at 6h5m",
                                 "page burst 14.256 from 5h judged at 6h5m",
                                 "ticket steady 1.01 from 0s judged at 3d",
                                 "ticket steady 0.99 from 0s judged at 3d",
                             }));
  const Case& burst = cases[2];
  ASSERT_EQ(burst.series.size(), 2u);
  EXPECT_EQ(burst.series[0].series, R"(http_requests_total{code="500",job="api"})");
  EXPECT_EQ(burst.series[0].values, "0+0x300 14.544+14.544x64");
  EXPECT_EQ(burst.series[1].series, R"(http_requests_total{job="api"})");
  EXPECT_EQ(burst.series[1].values, "0+1000x300 300985.456+985.456x64");
}

TEST(Cases, LatencyFeedsTheThresholdBucketAndTheCount) {
  auto c = Compile(kShop);
  ASSERT_TRUE(c->result.spec);
  const model::System& system = c->result.spec->system();
  auto plan = slo::PlanSlo(system, system.slos[1]);
  std::vector<Case> cases = CasesOf(*plan, 5 * 60 * 1000);
  ASSERT_EQ(cases.size(), 2u);
  // 1% errors at 1.01 x the ticket's factor 1: 98.99% of requests in the bucket.
  EXPECT_EQ(cases[0].series[0].series, R"(http_request_duration_seconds_bucket{job="api",le="1"})");
  EXPECT_EQ(cases[0].series[0].values, "0+989.9x4320");
  EXPECT_EQ(cases[0].series[1].series, R"(http_request_duration_seconds_count{job="api"})");
  EXPECT_EQ(cases[0].series[1].values, "0+1000x4320");
}

TEST(Cases, NoneForAnSliWrittenAsExpressions) {
  auto c = Compile(kShop);
  ASSERT_TRUE(c->result.spec);
  const model::System& system = c->result.spec->system();
  EXPECT_TRUE(CasesOf(*slo::PlanSlo(system, system.slos[3]), 5 * 60 * 1000).empty());
}

TEST(PromtoolTests, OneFileOfGroupsSharedBySlosWhoseSeriesDoNotMix) {
  auto c = Compile(kShop);
  ASSERT_TRUE(c->result.spec);
  OutputSet out;
  PromtoolTestsBackend().Generate(*c->result.spec, out);
  ASSERT_EQ(out.files().size(), 1u);
  const auto& [path, text] = *out.files().begin();
  EXPECT_EQ(path, "prometheus/tests/shop.slo_test.yml");
  EXPECT_NE(text.find("rule_files:\n  - ../rules/shop.rules.yml\nevaluation_interval: 5m\n"),
            std::string::npos)
      << text;
  std::vector<std::string> names;
  for (size_t at = text.find("  - name: "); at != std::string::npos;
       at = text.find("  - name: ", at + 1)) {
    std::string name = text.substr(at + 10, text.find('\n', at) - at - 10);
    names.push_back(name.substr(1, name.size() - 2));  // quoted: it holds ": "
  }
  // The two latency SLOs read the same _count series, so they take turns;
  // 'api' shares the ticket groups with the first.
  EXPECT_EQ(names, (std::vector<std::string>{
                       "page tier, steady burn 1% above its lowest factor fires: api at 6.06 for 6h",
                       "page tier, steady burn 1% below its lowest factor is silent: api at 5.94 for 6h",
                       "page tier, burst 1% above a faster pair's factor fires: api at 14.544 for 1h5m",
                       "page tier, burst 1% below a faster pair's factor is silent: api at 14.256 for 1h5m",
                       "ticket tier, steady burn 1% above its lowest factor fires: api at 1.01 for 3d, "
                       "api-latency at 1.01 for 3d",
                       "ticket tier, steady burn 1% below its lowest factor is silent: api at 0.99 for 3d, "
                       "api-latency at 0.99 for 3d",
                       "ticket tier, steady burn 1% above its lowest factor fires: api-latency-fast at 1.01 "
                       "for 3d",
                       "ticket tier, steady burn 1% below its lowest factor is silent: api-latency-fast at "
                       "0.99 for 3d",
                   }));
}

TEST(PromtoolTests, NoFileWithoutCases) {
  auto c = Compile("version: 1\nname: quiet\n");
  ASSERT_TRUE(c->result.spec);
  OutputSet out;
  PromtoolTestsBackend().Generate(*c->result.spec, out);
  EXPECT_TRUE(out.files().empty());
}

TEST(SpecTests, EveryTestAGroupAtTheShortestInterval) {
  auto c = Compile(R"(version: 1
name: shop
metrics:
  up: {type: gauge, labels: [job]}
groups:
  shop:
    rules:
      - {record: 'job:up:sum', expr: sum by (job) (up)}
      - {alert: Down, expr: 'up == 0', for: 1m, severity: warning, summary: '{{ $labels.job }} down'}
tests:
  - name: down pages
    interval: 1m
    series: {'up{job="a"}': '1 0 0 0'}
    alerts: [{at: 3m, alert: Down, firing: [{labels: {job: a, severity: warning}, annotations: {summary: a down}}]}]
  - name: the sum
    interval: 30s
    series: {'up{job="a"}': '1x4'}
    values: [{at: 1m, expr: 'job:up:sum', samples: [{labels: 'job:up:sum{job="a"}', value: 1}]}]
)");
  ASSERT_TRUE(c->result.spec) << "spec does not compile";
  OutputSet out;
  PromtoolTestsBackend().Generate(*c->result.spec, out);
  ASSERT_EQ(out.files().count("prometheus/tests/shop.test.yml"), 1u);
  const std::string& text = out.files().at("prometheus/tests/shop.test.yml");
  EXPECT_NE(text.find(R"(rule_files:
  - ../rules/shop.rules.yml
evaluation_interval: 30s
tests:
  - name: down pages
    interval: 1m
    input_series:
      - series: up{job="a"}
        values: 1 0 0 0
    alert_rule_test:
      - eval_time: 3m
        alertname: Down
        exp_alerts:
          - exp_labels:
              job: a
              severity: warning
            exp_annotations:
              summary: a down
  - name: the sum
    interval: 30s
    input_series:
      - series: up{job="a"}
        values: 1x4
    promql_expr_test:
      - expr: job:up:sum
        eval_time: 1m
        exp_samples:
          - labels: job:up:sum{job="a"}
            value: 1.0
)"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace monc::promtool_tests
