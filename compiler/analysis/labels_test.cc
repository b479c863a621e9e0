#include "compiler/analysis/labels.h"

#include <gtest/gtest.h>

#include "compiler/analysis/analysis_testing.h"
#include "compiler/analysis/series_type.h"
#include "compiler/promql/promql.h"

namespace monc {
namespace {

// Target labels: instance, job, namespace (declared on `up`).
constexpr const char* kSpec = R"(version: 1
metrics:
  up: {type: gauge, labels: [namespace]}
  http_requests_total: {type: counter, labels: [method, status, service]}
  http_request_duration_seconds: {type: histogram, labels: [service]}
  rpc_duration_seconds: {type: summary, labels: [service]}
  build_info: {type: gauge, labels: [version]}
  node_load1: {type: gauge}
groups:
  recorded:
    rules:
      - record: service:requests:rate5m
        expr: sum by (service) (rate(http_requests_total[5m]))
        labels: {team: web}
)";

class LabelsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string diagnostics;
    system_ = testing::SystemFromYaml(kSpec, &diagnostics);
    ASSERT_EQ(diagnostics, "");
    catalog_ = BuildCatalog(system_);
  }

  // "a b c", or "a b c ..." for an open set; __name__ shows as `name`.
  std::string Labels(const std::string& expr) {
    promql::ParseResult parsed = promql::ParseExpr(expr);
    if (!parsed.errors.empty() || !parsed.expr) return "parse error: " + parsed.errors[0].message;
    LabelInference inference(catalog_);
    const PossibleLabels& labels = inference.Of(*parsed.expr);
    std::set<std::string> names;
    for (const std::string& l : labels.names) names.insert(l == "__name__" ? "name" : l);
    std::string out;
    for (const std::string& l : names) out += (out.empty() ? "" : " ") + l;
    if (labels.open) out += out.empty() ? "..." : " ...";
    return out;
  }

  model::MetricType Type(const std::string& expr) {
    promql::ParseResult parsed = promql::ParseExpr(expr);
    EXPECT_TRUE(parsed.errors.empty()) << expr;
    return parsed.expr ? ResultTypeOf(*parsed.expr, catalog_) : model::MetricType::Unknown;
  }

  model::System system_;
  Catalog catalog_;
};

TEST_F(LabelsTest, FollowsPrometheusSemantics) {
  const std::pair<const char*, const char*> cases[] = {
      // selectors
      {"http_requests_total", "instance job method name namespace service status"},
      {"node_load1", "instance job name namespace"},
      {"rpc_duration_seconds", "instance job name namespace quantile service"},
      {"http_request_duration_seconds_bucket", "instance job le name namespace service"},
      {"not_declared{a=\"1\"}", "a name ..."},
      {"{__name__=~\"http_.*\"}", "name ..."},
      {"{__name__=\"node_load1\"}", "instance job name namespace"},
      {"service:requests:rate5m", "name service team"},
      {"ALERTS{alertstate=\"firing\"}", "alertname alertstate name ..."},
      // aggregations
      {"sum(http_requests_total)", ""},
      {"sum by (service) (rate(http_requests_total[5m]))", "service"},
      {"sum by (service, nope) (http_requests_total)", "service"},
      {"sum by (x) (not_declared)", "x"},
      {"sum without (status, method) (http_requests_total)", "instance job namespace service"},
      {"sum without (x) (not_declared)", "..."},
      {"topk(3, http_requests_total)", "instance job method name namespace service status"},
      {"count_values(\"load\", node_load1)", "load"},
      {"count_values by (job) (\"load\", node_load1)", "job load"},
      {"quantile by (service) (0.9, http_requests_total)", "service"},
      // functions
      {"rate(http_requests_total[5m])", "instance job method namespace service status"},
      {"last_over_time(node_load1[5m])", "instance job name namespace"},
      {"max_over_time(node_load1[5m])", "instance job namespace"},
      {"sort_desc(node_load1)", "instance job name namespace"},
      {"abs(node_load1)", "instance job namespace"},
      {"label_replace(node_load1, \"host\", \"$1\", \"instance\", \"(.*):.*\")",
       "host instance job name namespace"},
      {"label_join(node_load1, \"both\", \",\", \"job\", \"instance\")",
       "both instance job name namespace"},
      {"absent(up{job=\"api\", instance=~\"a.*\"})", "job"},
      {"absent(up{job=\"a\", job=\"b\", pod=\"p\"})", "pod"},
      {"absent_over_time(up{job=\"api\"}[5m])", "job"},
      {"absent(sum(up))", ""},
      {"histogram_quantile(0.9, rate(http_request_duration_seconds_bucket[5m]))",
       "instance job namespace service"},
      {"histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))", ""},
      {"vector(1)", ""},
      {"time()", ""},
      {"scalar(node_load1)", ""},
      {"day_of_week()", ""},
      {"day_of_week(node_load1)", "instance job namespace"},
      {"-node_load1", "instance job namespace"},
      {"(node_load1)", "instance job name namespace"},
      {"rate(http_requests_total[5m:1m])", "instance job method namespace service status"},
      // operators with a scalar
      {"node_load1 * 2", "instance job namespace"},
      {"2 * node_load1", "instance job namespace"},
      {"node_load1 > 2", "instance job name namespace"},
      {"2 < node_load1", "instance job name namespace"},
      {"node_load1 > bool 2", "instance job namespace"},
      {"1 + 2", ""},
      // operators between vectors
      {"node_load1 / up", "instance job namespace"},
      {"node_load1 > up", "instance job name namespace"},
      {"node_load1 > bool up", "instance job namespace"},
      {"node_load1 / on(instance) up", "instance"},
      {"node_load1 > on(instance, nope) up", "instance"},
      {"http_requests_total / ignoring(status) up", "instance job method namespace service"},
      {"sum by (service, status) (http_requests_total) / ignoring(status) group_left "
       "sum by (service) (http_requests_total)",
       "service status"},
      {"node_load1 * on(instance) group_left(version) build_info",
       "instance job namespace version"},
      {"node_load1 * on(instance) group_left(nope) build_info", "instance job namespace"},
      {"build_info * on(instance) group_right(version) node_load1",
       "instance job namespace version"},
      {"http_requests_total and up", "instance job method name namespace service status"},
      {"http_requests_total unless on(job) up",
       "instance job method name namespace service status"},
      {"sum by (service) (http_requests_total) or sum by (method) (http_requests_total)",
       "method service"},
      {"node_load1 or not_declared", "instance job name namespace ..."},
  };
  for (const auto& [expr, want] : cases) EXPECT_EQ(Labels(expr), want) << expr;
}

TEST_F(LabelsTest, ResultTypes) {
  using model::MetricType;
  const std::pair<const char*, MetricType> cases[] = {
      {"http_requests_total", MetricType::Counter},
      {"http_request_duration_seconds_count", MetricType::Counter},
      {"rpc_duration_seconds", MetricType::Gauge},
      {"node_load1", MetricType::Gauge},
      {"not_declared", MetricType::Unknown},
      {"sum by (service) (http_requests_total)", MetricType::Counter},
      {"topk(3, http_requests_total)", MetricType::Counter},
      {"count(http_requests_total)", MetricType::Gauge},
      {"rate(http_requests_total[5m])", MetricType::Gauge},
      {"rate(not_declared[5m])", MetricType::Gauge},
      {"label_replace(http_requests_total, \"a\", \"b\", \"c\", \"d\")", MetricType::Counter},
      {"http_requests_total / 1000", MetricType::Counter},
      {"1000 / http_requests_total", MetricType::Gauge},
      {"http_requests_total + http_requests_total", MetricType::Counter},
      {"http_requests_total - http_requests_total offset 1h", MetricType::Gauge},
      {"http_requests_total / http_requests_total", MetricType::Gauge},
      {"http_requests_total + not_declared", MetricType::Unknown},
      {"http_requests_total > 5", MetricType::Counter},
      {"5 < http_requests_total", MetricType::Counter},
      {"http_requests_total > bool 5", MetricType::Gauge},
      {"http_requests_total and node_load1", MetricType::Counter},
      {"http_requests_total or node_load1", MetricType::Unknown},
      {"-http_requests_total", MetricType::Gauge},
      {"service:requests:rate5m", MetricType::Gauge},
      {"1", MetricType::Unknown},
  };
  for (const auto& [expr, want] : cases) {
    EXPECT_EQ(static_cast<int>(Type(expr)), static_cast<int>(want)) << expr;
  }
}

}  // namespace
}  // namespace monc
