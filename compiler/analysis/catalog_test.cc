#include "compiler/analysis/catalog.h"

#include <gtest/gtest.h>

#include "compiler/analysis/analysis_testing.h"
#include "compiler/catalogs/catalogs.h"
#include "compiler/spec/schema.h"

namespace monc {
namespace {

using model::MetricType;

Catalog CatalogOf(const std::string& yaml) {
  std::string diagnostics;
  model::System system = testing::SystemFromYaml(yaml, &diagnostics);
  EXPECT_EQ(diagnostics, "");
  return BuildCatalog(system);
}

TEST(ShippedCatalogs, EachIsASpecFileWithoutDiagnostics) {
  ASSERT_FALSE(ShippedCatalogs().empty());
  for (const ShippedCatalog& c : ShippedCatalogs()) {
    std::string diagnostics;
    model::System system = testing::SystemFromYaml(std::string(c.text), &diagnostics);
    EXPECT_EQ(diagnostics, "") << c.name;
    EXPECT_FALSE(system.metrics.empty()) << c.name;
    EXPECT_EQ(ShippedMetrics(c.name).size(), system.metrics.size()) << c.name;
  }
  EXPECT_TRUE(ShippedMetrics("no_such_catalog").empty());
}

// Editors complete `imports:` from the schema's examples.
TEST(ShippedCatalogs, SchemaOffersEveryOne) {
  const nlohmann::json& items = SpecSchema()["properties"]["imports"]["items"];
  std::vector<std::string> offered = items["examples"].get<std::vector<std::string>>();
  EXPECT_EQ(offered, ShippedCatalogNames());
}

TEST(ShippedCatalogs, HintsWhichCatalogDeclaresASeries) {
  EXPECT_EQ(ShippedCatalogsDeclaring("node_cpu_seconds_total"),
            std::vector<std::string>{"node_exporter"});
  EXPECT_EQ(ShippedCatalogsDeclaring("kubelet_pleg_relist_duration_seconds_bucket"),
            std::vector<std::string>{"kubelet"});
  EXPECT_TRUE(ShippedCatalogsDeclaring("http_requests_total").empty());
}

constexpr const char* kSpec = R"(version: 1
metrics:
  up: {type: gauge, labels: [namespace, pod]}
  http_requests: {type: counter, labels: [method, status]}
  api_errors_total: {type: counter, labels: [code]}
  http_request_duration_seconds: {type: histogram, labels: [method]}
  rpc_latency_seconds: {type: summary, labels: [service]}
  build: {type: info, labels: [version]}
  queue_depth: {type: gauge}
  legacy_thing: {type: unknown}
)";

struct SeriesCase {
  const char* name;
  bool found;
  MetricType type;
  const char* metric;       // the declared metric it belongs to
  const char* has_label;    // a label its series carry
  const char* lacks_label;  // one they do not
};

TEST(Catalog, ResolvesSeriesNamesToMetrics) {
  Catalog catalog = CatalogOf(kSpec);
  const SeriesCase cases[] = {
      {"http_requests", true, MetricType::Counter, "http_requests", "method", "le"},
      {"http_requests_total", true, MetricType::Counter, "http_requests", "status", "le"},
      {"http_requests_created", true, MetricType::Gauge, "http_requests", "method", "le"},
      {"api_errors_total", true, MetricType::Counter, "api_errors_total", "code", "method"},
      {"api_errors_total_total", false},
      {"http_request_duration_seconds_bucket", true, MetricType::Counter,
       "http_request_duration_seconds", "le", "quantile"},
      {"http_request_duration_seconds_sum", true, MetricType::Counter,
       "http_request_duration_seconds", "method", "le"},
      {"http_request_duration_seconds_count", true, MetricType::Counter,
       "http_request_duration_seconds", "job", "le"},
      {"http_request_duration_seconds", false},
      {"rpc_latency_seconds", true, MetricType::Gauge, "rpc_latency_seconds", "quantile", "le"},
      {"rpc_latency_seconds_count", true, MetricType::Counter, "rpc_latency_seconds", "service",
       "quantile"},
      {"rpc_latency_seconds_bucket", false},
      {"build", true, MetricType::Gauge, "build", "version", "le"},
      {"build_info", true, MetricType::Gauge, "build", "version", "le"},
      {"queue_depth", true, MetricType::Gauge, "queue_depth", "pod", "method"},
      {"queue_depth_total", false},
      {"legacy_thing", true, MetricType::Unknown, "legacy_thing", "instance", "le"},
      {"ALERTS", true, MetricType::Gauge, "ALERTS", "alertstate", nullptr},
  };
  for (const SeriesCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto series = catalog.Find(c.name);
    ASSERT_EQ(series.has_value(), c.found);
    if (!c.found) continue;
    EXPECT_EQ(series->type, c.type);
    EXPECT_EQ(series->metric->name, c.metric);
    EXPECT_TRUE(series->labels.MayCarry(c.has_label));
    EXPECT_TRUE(series->labels.MayCarry("__name__"));
    if (c.lacks_label) EXPECT_FALSE(series->labels.MayCarry(c.lacks_label));
  }
}

TEST(Catalog, TargetLabelsAreJobInstanceAndUpsLabels) {
  Catalog catalog = CatalogOf(kSpec);
  EXPECT_EQ(catalog.TargetLabels(), (std::set<std::string>{"instance", "job", "namespace", "pod"}));
  auto series = catalog.Find("queue_depth");
  EXPECT_EQ(series->labels.names,
            (std::set<std::string>{"__name__", "instance", "job", "namespace", "pod"}));
  EXPECT_FALSE(series->labels.open);
}

TEST(Catalog, SuggestsEverySeriesButCreated) {
  Catalog catalog = CatalogOf(kSpec);
  std::vector<std::string> names = catalog.SeriesNames();
  for (const char* want : {"http_requests_total", "http_request_duration_seconds_bucket",
                           "rpc_latency_seconds", "rpc_latency_seconds_sum", "build_info"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), want), names.end()) << want;
  }
  for (const char* unwanted :
       {"http_requests_created", "api_errors_total_total", "http_request_duration_seconds"}) {
    EXPECT_EQ(std::find(names.begin(), names.end(), unwanted), names.end()) << unwanted;
  }
}

TEST(Catalog, ChecksNamesOnlyWhenTheSpecDeclaresOrImportsMetrics) {
  EXPECT_TRUE(CatalogOf(kSpec).checks_names());
  EXPECT_TRUE(CatalogOf("version: 1\nimports: [node_exporter]\n").checks_names());
  EXPECT_FALSE(CatalogOf("version: 1\n").checks_names());
}

TEST(Catalog, TheSpecWinsOverImportsAndLabelsUnite) {
  Catalog catalog = CatalogOf(R"(version: 1
imports: [prometheus, node_exporter]
metrics:
  node_load1: {type: unknown, labels: [rack]}
  up: {type: gauge, labels: [cluster]}
  node_cpu_seconds_total: {type: gauge}
)");
  const CatalogMetric* cpu = catalog.Metric("node_cpu_seconds_total");
  ASSERT_TRUE(cpu);
  EXPECT_EQ(cpu->type, MetricType::Gauge);
  EXPECT_EQ(cpu->origin, "the spec");
  EXPECT_EQ(cpu->labels, (std::set<std::string>{"cpu", "mode"}));
  // A spec declaration of unknown type takes the import's type.
  EXPECT_EQ(catalog.Metric("node_load1")->type, MetricType::Gauge);
  EXPECT_TRUE(catalog.Find("node_load1")->labels.MayCarry("rack"));
  EXPECT_TRUE(catalog.Find("node_load1")->labels.MayCarry("cluster"));
  EXPECT_TRUE(catalog.Find("scrape_duration_seconds"));
}

TEST(Catalog, AlertsAndKubeLabelsMetricsCarryAnyLabel) {
  Catalog catalog = CatalogOf("version: 1\nimports: [kube_state_metrics]\n");
  for (const char* name :
       {"ALERTS", "ALERTS_FOR_STATE", "kube_pod_labels", "kube_node_annotations"}) {
    EXPECT_TRUE(catalog.Find(name)->labels.open) << name;
  }
  EXPECT_FALSE(catalog.Find("kube_pod_info")->labels.open);
}

TEST(Catalog, RecordingRulesWriteMetricsWithTheirExpressionsLabels) {
  Catalog catalog = CatalogOf(R"(version: 1
defaults: {labels: {env: prod}}
metrics:
  http_requests_total: {type: counter, labels: [method, status, service]}
  queue_depth: {type: gauge, labels: [queue]}
groups:
  recorded:
    labels: {tier: api}
    rules:
      # reads a rule defined below it
      - record: service:errors:ratio
        expr: service:errors:rate5m / on(service) service:requests:rate5m
      - record: service:errors:rate5m
        expr: sum by (service) (rate(http_requests_total{status=~"5.."}[5m]))
      - record: service:requests:rate5m
        expr: sum by (service) (rate(http_requests_total[5m]))
      - record: requests:total
        expr: sum without (method, status) (http_requests_total)
      - record: queue:depth:max
        expr: max(queue_depth)
      - record: anything:unknown
        expr: sum by (x) (not_declared)
)");
  auto ratio = catalog.Find("service:errors:ratio");
  ASSERT_TRUE(ratio);
  EXPECT_EQ(ratio->labels.names, (std::set<std::string>{"__name__", "env", "service", "tier"}));
  EXPECT_FALSE(ratio->labels.open);
  EXPECT_FALSE(ratio->metric->scraped);
  EXPECT_EQ(ratio->type, MetricType::Gauge);
  auto total = catalog.Find("requests:total");
  EXPECT_EQ(total->type, MetricType::Counter);
  EXPECT_EQ(total->labels.names,
            (std::set<std::string>{"__name__", "env", "instance", "job", "service", "tier"}));
  EXPECT_EQ(catalog.Find("queue:depth:max")->type, MetricType::Gauge);
  auto unknown = catalog.Find("anything:unknown");
  EXPECT_EQ(unknown->type, MetricType::Unknown);
  EXPECT_EQ(unknown->labels.names, (std::set<std::string>{"__name__", "env", "tier", "x"}));
}

}  // namespace
}  // namespace monc
