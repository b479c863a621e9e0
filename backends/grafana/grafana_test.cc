#include "backends/grafana/grafana.h"

#include <gtest/gtest.h>

#include "backends/common/test_model.h"
#include "backends/grafana/dashboard.h"
#include "backends/grafana/generated.h"
#include "backends/grafana/layout.h"
#include "backends/grafana/names.h"
#include "backends/grafana/panels.h"
#include "backends/grafana/thresholds.h"

namespace monc::grafana {
namespace {

using backends::Alert;
using backends::Dur;
using backends::Ref;
using Type = model::Panel::Type;
using Language = model::Panel::Target::Language;

model::Panel::Target Query(Language language, const char* query, const char* legend = "",
                           bool instant = false) {
  model::Panel::Target t;
  t.language = language;
  t.query = query;
  t.legend = legend;
  t.instant = instant;
  return t;
}

model::Panel Panel(Type type, const char* title, std::vector<model::Panel::Target> targets = {}) {
  model::Panel p;
  p.type = type;
  p.title = title;
  p.targets = std::move(targets);
  return p;
}

model::Rule Severe(const char* name, const char* expr, const char* severity,
                   const char* runbook = "") {
  model::Rule rule = Alert(name, expr);
  rule.severity = Ref(severity);
  rule.runbook = runbook;
  return rule;
}

// A shop with two thresholds of one alert, an SLO, metrics for a service
// dashboard, and one dashboard of every kind of part.
model::System Shop() {
  model::System system;
  system.name = "shop";
  system.severities.levels = {{Ref("critical"), "", true, {}}, {Ref("warning"), "", false, {}}};
  model::RuleGroup group;
  group.name.name = "shop.rules";
  group.rules = {Severe("HighErrorRate", "errors:ratio5m > 0.05", "critical",
                        "https://runbooks.example.com/errors"),
                 Severe("HighErrorRate", "errors:ratio5m > 0.01", "warning",
                        "https://runbooks.example.com/errors")};
  system.groups = {group};
  model::Slo slo;
  slo.name = Ref("checkout");
  slo.service = Ref("api");
  slo.objective = 99.9;
  slo.window = Dur("30d");
  slo.bad = "http_requests_total{status=~\"5..\"}";
  slo.total = "http_requests_total";
  system.slos = {slo};
  model::Service api;
  api.name = Ref("api");
  api.replicas = 3;
  system.services = {api};
  system.metrics = {
      {Ref("http_requests_total"), model::MetricType::Counter, "", "", {"service", "status"}},
      {Ref("http_request_duration_seconds"), model::MetricType::Histogram, "", "", {"service"}},
      {Ref("up"), model::MetricType::Gauge, "", "", {"job", "instance"}}};

  model::Dashboard d;
  d.name = Ref("overview");
  d.uid = "shop-overview";
  d.title = "Shop overview";
  d.folder = "Shop";
  d.refresh = "1m";
  d.tags = {"shop"};
  d.variables = {{"service", "Service", "label_values(http_requests_total, service)", true, true}};
  d.links = {{"Runbooks", "https://runbooks.example.com"}};
  model::Panel errors =
      Panel(Type::Timeseries, "Errors", {Query(Language::PromQL, "errors:ratio5m", "{{service}}")});
  errors.unit = "percentunit";
  errors.thresholds_from_alert = Ref("HighErrorRate");
  model::Panel up = Panel(Type::Stat, "Up", {Query(Language::PromQL, "sum(up)")});
  up.thresholds = {{0, "red"}, {3, "green"}};
  up.width = 4;
  d.panels = {Panel(Type::Row, "Traffic"), errors, up};
  system.dashboards = {d};
  return system;
}

OutputSet Generate(const model::System& system) {
  OutputSet out;
  GrafanaBackend().Generate(CheckedSpecForTesting(system), out);
  return out;
}

std::vector<std::string> Paths(const OutputSet& out) {
  std::vector<std::string> paths;
  for (const auto& [path, contents] : out.files()) paths.push_back(path);
  return paths;
}

TEST(GrafanaBackendTest, WritesEachDashboardInItsFolderAndTheProvisioning) {
  EXPECT_EQ(Paths(Generate(Shop())),
            (std::vector<std::string>{"grafana/dashboards/Shop/shop-overview.json",
                                      "grafana/dashboards/Shop/shop-service-api.json",
                                      "grafana/dashboards/Shop/shop-slo-checkout.json",
                                      "grafana/provisioning/dashboards.yaml"}));
}

TEST(GrafanaBackendTest, SwitchesOffTheGeneratedDashboards) {
  model::System system = Shop();
  system.grafana.service_dashboards = false;
  system.grafana.slo_dashboards = false;
  EXPECT_EQ(Paths(Generate(system)),
            (std::vector<std::string>{"grafana/dashboards/Shop/shop-overview.json",
                                      "grafana/provisioning/dashboards.yaml"}));
  system.dashboards.clear();
  EXPECT_TRUE(Generate(system).files().empty());
}

TEST(GrafanaBackendTest, ASpecDashboardWithAGeneratedUidReplacesIt) {
  model::System system = Shop();
  system.dashboards[0].uid = "shop-service-api";
  OutputSet out = Generate(system);
  EXPECT_EQ(Paths(out), (std::vector<std::string>{"grafana/dashboards/Shop/shop-service-api.json",
                                                  "grafana/dashboards/Shop/shop-slo-checkout.json",
                                                  "grafana/provisioning/dashboards.yaml"}));
  EXPECT_NE(out.files().at("grafana/dashboards/Shop/shop-service-api.json").find("Shop overview"),
            std::string::npos);
}

TEST(GrafanaBackendTest, SameSpecSameBytes) {
  EXPECT_EQ(Generate(Shop()).files(), Generate(Shop()).files());
}

// A row, a time series taking its thresholds (and runbook) from the two
// HighErrorRate alerts, and a narrow stat beside it.
constexpr char kOverview[] = R"json({
  "uid": "shop-overview",
  "title": "Shop overview",
  "tags": [
    "shop"
  ],
  "graphTooltip": 1,
  "schemaVersion": 39,
  "refresh": "1m",
  "time": {
    "from": "now-6h",
    "to": "now"
  },
  "templating": {
    "list": [
      {
        "name": "datasource",
        "label": "Prometheus",
        "type": "datasource",
        "query": "prometheus",
        "refresh": 1
      },
      {
        "name": "service",
        "label": "Service",
        "type": "query",
        "datasource": {
          "type": "prometheus",
          "uid": "${datasource}"
        },
        "query": "label_values(http_requests_total, service)",
        "refresh": 2,
        "sort": 1,
        "multi": true,
        "includeAll": true
      }
    ]
  },
  "links": [
    {
      "title": "Runbooks",
      "type": "link",
      "url": "https://runbooks.example.com",
      "icon": "external link",
      "tooltip": "",
      "targetBlank": true,
      "asDropdown": false,
      "includeVars": false,
      "keepTime": false,
      "tags": []
    }
  ],
  "panels": [
    {
      "id": 1,
      "type": "row",
      "title": "Traffic",
      "gridPos": {
        "h": 1,
        "w": 24,
        "x": 0,
        "y": 0
      },
      "collapsed": false,
      "panels": []
    },
    {
      "id": 2,
      "type": "timeseries",
      "title": "Errors",
      "gridPos": {
        "h": 8,
        "w": 12,
        "x": 0,
        "y": 1
      },
      "datasource": {
        "type": "prometheus",
        "uid": "${datasource}"
      },
      "targets": [
        {
          "refId": "A",
          "datasource": {
            "type": "prometheus",
            "uid": "${datasource}"
          },
          "editorMode": "code",
          "expr": "errors:ratio5m",
          "legendFormat": "{{service}}",
          "range": true,
          "instant": false,
          "format": "time_series"
        }
      ],
      "fieldConfig": {
        "defaults": {
          "unit": "percentunit",
          "thresholds": {
            "mode": "absolute",
            "steps": [
              {
                "color": "green",
                "value": null
              },
              {
                "color": "orange",
                "value": 0.01
              },
              {
                "color": "red",
                "value": 0.05
              }
            ]
          },
          "custom": {
            "thresholdsStyle": {
              "mode": "line"
            }
          }
        },
        "overrides": []
      },
      "options": {
        "legend": {
          "showLegend": true,
          "displayMode": "list",
          "placement": "bottom",
          "calcs": []
        },
        "tooltip": {
          "mode": "multi",
          "sort": "desc"
        }
      },
      "links": [
        {
          "title": "Runbook: HighErrorRate",
          "type": "link",
          "url": "https://runbooks.example.com/errors",
          "icon": "external link",
          "tooltip": "",
          "targetBlank": true,
          "asDropdown": false,
          "includeVars": false,
          "keepTime": false,
          "tags": []
        }
      ]
    },
    {
      "id": 3,
      "type": "stat",
      "title": "Up",
      "gridPos": {
        "h": 4,
        "w": 4,
        "x": 12,
        "y": 1
      },
      "datasource": {
        "type": "prometheus",
        "uid": "${datasource}"
      },
      "targets": [
        {
          "refId": "A",
          "datasource": {
            "type": "prometheus",
            "uid": "${datasource}"
          },
          "editorMode": "code",
          "expr": "sum(up)",
          "range": true,
          "instant": false,
          "format": "time_series"
        }
      ],
      "fieldConfig": {
        "defaults": {
          "thresholds": {
            "mode": "absolute",
            "steps": [
              {
                "color": "red",
                "value": null
              },
              {
                "color": "green",
                "value": 3
              }
            ]
          }
        },
        "overrides": []
      },
      "options": {
        "reduceOptions": {
          "calcs": [
            "lastNotNull"
          ],
          "fields": "",
          "values": false
        },
        "orientation": "auto",
        "textMode": "auto",
        "colorMode": "value",
        "graphMode": "area",
        "justifyMode": "auto"
      }
    }
  ]
})json";

TEST(GrafanaBackendTest, WritesTheDashboardJson) {
  EXPECT_EQ(Generate(Shop()).files().at("grafana/dashboards/Shop/shop-overview.json"),
            std::string(kOverview) + "\n");
}

constexpr char kProvisioning[] = R"(# Generated by monc from system 'shop'. Do not edit.
apiVersion: 1
providers:
  - name: shop/Shop
    orgId: 1
    folder: Shop
    type: file
    disableDeletion: false
    allowUiUpdates: false
    updateIntervalSeconds: 30
    options:
      path: /srv/grafana/Shop-28742cc9
  - name: shop/shop
    orgId: 1
    folder: shop
    type: file
    disableDeletion: false
    allowUiUpdates: false
    updateIntervalSeconds: 30
    options:
      path: /srv/grafana/shop-a847e0a9
)";

// Folders that differ only in case get directories that do not.
TEST(GrafanaBackendTest, ProvisionsEachFolderFromItsDirectory) {
  model::System system = Shop();
  system.grafana.dashboards_path = "/srv/grafana/";
  system.dashboards.push_back(system.dashboards[0]);
  system.dashboards[1].uid = "lower";
  system.dashboards[1].folder = "shop";
  system.grafana.service_dashboards = false;
  system.grafana.slo_dashboards = false;
  system.grafana.folder = "Shop";
  EXPECT_EQ(Generate(system).files().at(kProvisioningPath), kProvisioning);
}

// One part of a panel's JSON, for each kind of panel and query.
struct PanelCase {
  const char* name;
  model::Panel panel;
  const char* key;   // top-level key of the panel's JSON
  const char* want;  // its value, compact
};

model::Panel With(model::Panel p, void (*edit)(model::Panel&)) {
  edit(p);
  return p;
}

std::vector<PanelCase> PanelCases() {
  return {
      {"table of two instant queries: one table, columns named by legend",
       Panel(Type::Table, "Replicas",
             {Query(Language::PromQL, "kube_deployment_spec_replicas", "desired", true),
              Query(Language::PromQL, "kube_deployment_status_replicas_available", "available",
                    true)}),
       "transformations",
       R"js([{"id":"merge","options":{}},{"id":"organize","options":{"excludeByName":{"Time":true},"renameByName":{"Value #A":"desired","Value #B":"available"}}}])js"},
      {"table of one query",
       Panel(Type::Table, "Top", {Query(Language::PromQL, "topk(5, up)", "", true)}),
       "transformations", R"js([{"id":"organize","options":{"excludeByName":{"Time":true}}}])js"},
      {"instant query in a table",
       Panel(Type::Table, "Top", {Query(Language::PromQL, "topk(5, up)", "", true)}), "targets",
       R"js([{"refId":"A","datasource":{"type":"prometheus","uid":"${datasource}"},"editorMode":"code","expr":"topk(5, up)","range":false,"instant":true,"format":"table"}])js"},
      {"logs", Panel(Type::Logs, "Errors", {Query(Language::LogQL, "{app=\"api\"} |= \"error\"")}),
       "targets",
       R"js([{"refId":"A","datasource":{"type":"loki","uid":"${loki}"},"editorMode":"code","expr":"{app=\"api\"} |= \"error\"","queryType":"range"}])js"},
      {"logs options", Panel(Type::Logs, "Errors", {Query(Language::LogQL, "{app=\"api\"}")}),
       "options",
       R"js({"showTime":true,"showLabels":false,"showCommonLabels":false,"wrapLogMessage":true,"prettifyLogMessage":false,"enableLogDetails":true,"dedupStrategy":"none","sortOrder":"Descending"})js"},
      {"logs have no thresholds",
       Panel(Type::Logs, "Errors", {Query(Language::LogQL, "{app=\"api\"}")}), "fieldConfig",
       R"js({"defaults":{},"overrides":[]})js"},
      {"text", With(Panel(Type::Text, "Notes"), [](model::Panel& p) { p.content = "**hi**"; }),
       "options", R"js({"mode":"markdown","content":"**hi**"})js"},
      {"SQL on the plugin its data source names",
       With(
           Panel(Type::Stat, "Revenue", {Query(Language::Sql, "SELECT sum(amount) FROM payments")}),
           [](model::Panel& p) { p.datasource = "Analytics MySQL"; }),
       "targets",
       R"js([{"refId":"A","datasource":{"type":"mysql","uid":"${mysql}"},"editorMode":"code","rawQuery":true,"rawSql":"SELECT sum(amount) FROM payments","format":"table"}])js"},
      {"PromQL and LogQL together",
       Panel(Type::Timeseries, "Both",
             {Query(Language::PromQL, "up"), Query(Language::LogQL, "{app=\"api\"}")}),
       "datasource", R"js({"type":"datasource","uid":"-- Mixed --"})js"},
      {"gauge range and decimals",
       With(Panel(Type::Gauge, "Pool", {Query(Language::PromQL, "pool_used")}),
            [](model::Panel& p) {
              p.unit = "percentunit";
              p.min = 0;
              p.max = 1;
              p.decimals = 1;
            }),
       "fieldConfig",
       R"js({"defaults":{"unit":"percentunit","decimals":1,"min":0,"max":1,"thresholds":{"mode":"absolute","steps":[{"color":"green","value":null}]}},"overrides":[]})js"},
      {"gauge options", Panel(Type::Gauge, "Pool", {Query(Language::PromQL, "pool_used")}),
       "options",
       R"js({"reduceOptions":{"calcs":["lastNotNull"],"fields":"","values":false},"orientation":"auto","showThresholdLabels":false,"showThresholdMarkers":true})js"},
      {"bar gauge options", Panel(Type::BarGauge, "Disks", {Query(Language::PromQL, "disk_used")}),
       "options",
       R"js({"reduceOptions":{"calcs":["lastNotNull"],"fields":"","values":false},"orientation":"horizontal","displayMode":"gradient","showUnfilled":true})js"},
      {"pie chart options", Panel(Type::PieChart, "Share", {Query(Language::PromQL, "share")}),
       "options",
       R"js({"reduceOptions":{"calcs":["lastNotNull"],"fields":"","values":false},"pieType":"pie","displayLabels":["percent"],"legend":{"showLegend":true,"displayMode":"list","placement":"right","calcs":[],"values":["percent"]},"tooltip":{"mode":"single","sort":"none"}})js"},
      {"time series without thresholds draws no lines",
       Panel(Type::Timeseries, "Plain", {Query(Language::PromQL, "up")}), "fieldConfig",
       R"js({"defaults":{"thresholds":{"mode":"absolute","steps":[{"color":"green","value":null}]}},"overrides":[]})js"},
      {"thresholds from an SLO, as a ratio",
       With(Panel(Type::Stat, "SLI", {Query(Language::PromQL, "sli")}),
            [](model::Panel& p) { p.thresholds_from_slo = Ref("checkout"); }),
       "fieldConfig",
       R"js({"defaults":{"thresholds":{"mode":"absolute","steps":[{"color":"red","value":null},{"color":"green","value":0.999}]}},"overrides":[]})js"},
      {"thresholds from an SLO, in percent",
       With(Panel(Type::Stat, "SLI", {Query(Language::PromQL, "sli * 100")}),
            [](model::Panel& p) {
              p.unit = "percent";
              p.thresholds_from_slo = Ref("checkout");
            }),
       "fieldConfig",
       R"js({"defaults":{"unit":"percent","thresholds":{"mode":"absolute","steps":[{"color":"red","value":null},{"color":"green","value":99.9}]}},"overrides":[]})js"},
  };
}

TEST(PanelJsonTest, EachKindOfPanel) {
  model::System system = Shop();
  for (const PanelCase& c : PanelCases()) {
    nlohmann::ordered_json panel = PanelJson(c.panel, 7, GridPos{0, 0, 12, 8}, system);
    EXPECT_EQ(panel[c.key].dump(), c.want) << c.name;
  }
}

TEST(LayoutTest, FlowsLeftToRightAndWrapsBelowTheTallest) {
  auto sized = [](Type type, int width = 0) {
    model::Panel p = Panel(type, "");
    p.width = width;
    return p;
  };
  std::vector<model::Panel> panels = {
      sized(Type::Stat),     sized(Type::Stat),  sized(Type::Timeseries),  // one line, 8 high
      sized(Type::Stat, 20),                                               // does not fit: wraps
      sized(Type::Row),                                                    // a line of its own
      sized(Type::Logs),     sized(Type::Gauge), sized(Type::Text, 30)};   // 30 is capped at 24
  EXPECT_EQ(Layout(panels), (std::vector<GridPos>{{0, 0, 6, 4},
                                                  {6, 0, 6, 4},
                                                  {12, 0, 12, 8},
                                                  {0, 8, 20, 4},
                                                  {0, 12, 24, 1},
                                                  {0, 13, 24, 10},
                                                  {0, 23, 6, 6},
                                                  {0, 29, 24, 6}}));
}

TEST(ThresholdsTest, FromTheSpec) {
  struct Case {
    std::vector<std::pair<double, std::string>> thresholds;
    std::vector<Step> want;
  };
  const Case cases[] = {
      // The lowest step at 0 is Grafana's base.
      {{{0, "green"}, {0.05, "red"}}, {{std::nullopt, "green"}, {0.05, "red"}}},
      {{{0, "red"}, {99.9, "green"}}, {{std::nullopt, "red"}, {99.9, "green"}}},
      // Above 0 it is a step of its own, over a green base.
      {{{80, "red"}}, {{std::nullopt, "green"}, {80, "red"}}},
      // Written in any order, stepped in ascending order.
      {{{90, "red"}, {-5, "blue"}, {70, "orange"}},
       {{std::nullopt, "blue"}, {70, "orange"}, {90, "red"}}},
  };
  model::System system;
  for (const Case& c : cases) {
    model::Panel panel;
    panel.thresholds = c.thresholds;
    EXPECT_EQ(PanelSteps(panel, system), c.want) << c.thresholds.front().first;
  }
}

TEST(ThresholdsTest, FromAlerts) {
  struct Case {
    std::vector<model::Rule> alerts;
    std::vector<Step> want;
  };
  const Case cases[] = {
      {{Severe("A", "x > 0.05", "critical")}, {{std::nullopt, "green"}, {0.05, "red"}}},
      // A warning and a critical threshold of one alert.
      {{Severe("A", "x > 0.05", "critical"), Severe("A", "x >= 0.01", "warning")},
       {{std::nullopt, "green"}, {0.01, "orange"}, {0.05, "red"}}},
      // Firing below: days left on a certificate.
      {{Severe("A", "(cert_expiry - time()) / 86400 < 7", "critical"),
        Severe("A", "(cert_expiry - time()) / 86400 < 30", "warning")},
       {{std::nullopt, "red"}, {7, "orange"}, {30, "green"}}},
      // The literal on the left, in parentheses, negative, behind `and`.
      {{Severe("A", "(-5) > x and on() vector(1)", "warning")},
       {{std::nullopt, "orange"}, {-5, "green"}}},
      // No severity: as urgent as it gets.
      {{Alert("A", "x > 3")}, {{std::nullopt, "green"}, {3, "red"}}},
      // Nothing to take: the green base alone.
      {{Severe("A", "absent(x)", "critical"), Severe("A", "up == 0", "critical"),
        Severe("A", "x > bool 1", "critical"), Severe("A", "x > y", "critical")},
       {{std::nullopt, "green"}}},
  };
  for (const Case& c : cases) {
    model::System system = Shop();
    system.groups[0].rules = c.alerts;
    model::Panel panel;
    panel.thresholds_from_alert = Ref("A");
    EXPECT_EQ(PanelSteps(panel, system), c.want) << c.alerts.front().expr;
  }
}

TEST(NamesTest, Uids) {
  const std::pair<std::string, std::string> cases[] = {
      {"service-overview", "service-overview"},
      {"A_b-9", "A_b-9"},
      {std::string(40, 'x'), std::string(40, 'x')},
      // Not a uid: a readable prefix and the FNV-1a hash of the whole id.
      {"team.dashboards", "team-dashboards-cb2b867f"},
      {std::string(41, 'x'), std::string(31, 'x') + "-fb64f7a7"},
  };
  for (const auto& [id, want] : cases) EXPECT_EQ(Uid(id), want) << id;
  EXPECT_NE(Uid("a.b"), Uid("a-b"));
  EXPECT_NE(Uid("a.b"), Uid("a/b"));
}

TEST(NamesTest, RefIds) {
  EXPECT_EQ(RefId(0), "A");
  EXPECT_EQ(RefId(25), "Z");
  EXPECT_EQ(RefId(26), "AA");
  EXPECT_EQ(RefId(27), "AB");
}

TEST(NamesTest, Folders) {
  model::System system = Shop();
  model::Dashboard named, unnamed;
  named.folder = "Ops";
  EXPECT_EQ(FolderOf(named, system), "Ops");
  EXPECT_EQ(FolderOf(unnamed, system), "Shop");  // the one folder the spec's dashboards name
  system.dashboards.push_back(named);
  EXPECT_EQ(FolderOf(unnamed, system), "shop");  // two: the system's name
  system.grafana.folder = "Generated";
  EXPECT_EQ(FolderOf(unnamed, system), "Generated");
  EXPECT_EQ(FolderDirs({"Shop", "a/b", ".hidden"}),
            (std::map<std::string, std::string>{
                {"Shop", "Shop"}, {"a/b", "a-b"}, {".hidden", "_hidden"}}));
}

// The queries of each generated panel, by title.
std::vector<std::string> Queries(const model::Dashboard& d) {
  std::vector<std::string> out;
  for (const model::Panel& p : d.panels) {
    for (const model::Panel::Target& t : p.targets) out.push_back(p.title + ": " + t.query);
  }
  return out;
}

TEST(GeneratedTest, ServiceDashboardReadsWhatTheCatalogHas) {
  model::System system = Shop();
  std::vector<model::Dashboard> all = ServiceDashboards(system);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].uid, "shop-service-api");
  EXPECT_EQ(all[0].links, (std::vector<std::pair<std::string, std::string>>{
                              {"SLO: checkout", "/d/shop-slo-checkout"}}));
  const std::string rate = "rate(http_requests_total{service=\"api\"}[5m])";
  const std::string errors =
      "sum(rate(http_requests_total{service=\"api\",status=~\"5..\"}[5m])) / sum(" + rate + ")";
  const std::string buckets =
      "sum by (le) (rate(http_request_duration_seconds_bucket{service=\"api\"}[5m]))";
  EXPECT_EQ(Queries(all[0]), (std::vector<std::string>{
                                 "Instances up: sum(up{job=\"api\"})",
                                 "Request rate: sum(" + rate + ")",
                                 "Error ratio (5xx): " + errors,
                                 "p99 latency: histogram_quantile(0.99, " + buckets + ")",
                                 "Requests by status: sum by (status) (" + rate + ")",
                                 "Error ratio (5xx): " + errors,
                                 "Latency: histogram_quantile(0.5, " + buckets + ")",
                                 "Latency: histogram_quantile(0.9, " + buckets + ")",
                                 "Latency: histogram_quantile(0.99, " + buckets + ")",
                                 "Instances up: sum(up{job=\"api\"})",
                             }));
  EXPECT_EQ(all[0].panels[0].thresholds,
            (std::vector<std::pair<double, std::string>>{{0, "red"}, {3, "green"}}));

  // No HTTP metrics: `up` alone.
  system.metrics = {{Ref("up"), model::MetricType::Gauge, "", "", {"job", "instance"}}};
  system.scrape_interval = Dur("2m");
  EXPECT_EQ(Queries(ServiceDashboards(system)[0]),
            (std::vector<std::string>{"Instances up: sum(up{job=\"api\"})",
                                      "Instances up: sum(up{job=\"api\"})"}));
  // A counter without its suffix and without a status label, no `up`, an
  // 8m window.
  system.metrics = {{Ref("http_requests"), model::MetricType::Counter, "", "", {"path"}}};
  EXPECT_EQ(
      Queries(ServiceDashboards(system)[0]),
      (std::vector<std::string>{"Request rate: sum(rate(http_requests_total{job=\"api\"}[8m]))",
                                "Request rate: sum(rate(http_requests_total{job=\"api\"}[8m]))"}));
  // Nothing the catalog knows: no dashboard. No catalog at all: `up`.
  system.metrics = {{Ref("queue_depth"), model::MetricType::Gauge, "", "", {}}};
  EXPECT_TRUE(ServiceDashboards(system).empty());
  system.metrics.clear();
  EXPECT_EQ(Queries(ServiceDashboards(system)[0]),
            (std::vector<std::string>{"Instances up: sum(up{job=\"api\"})",
                                      "Instances up: sum(up{job=\"api\"})"}));
}

TEST(GeneratedTest, SloDashboardReadsTheRecordingRules) {
  model::System system = Shop();
  system.slos[0].page_severity = Ref("critical");
  system.slos[0].ticket_severity = Ref("warning");
  std::vector<model::Dashboard> all = SloDashboards(system);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].uid, "shop-slo-checkout");
  EXPECT_EQ(
      all[0].links,
      (std::vector<std::pair<std::string, std::string>>{{"Service: api", "/d/shop-service-api"}}));
  const std::string slo = "{sloth_id=\"api-checkout\"}";
  EXPECT_EQ(Queries(all[0]),
            (std::vector<std::string>{
                "SLI over 30d: 1 - slo:sli_error:ratio_rate30d" + slo,
                "Error budget remaining: slo:period_error_budget_remaining:ratio" + slo,
                "SLI: 1 - slo:sli_error:ratio_rate5m" + slo,
                "Burn rate: slo:sli_error:ratio_rate1h" + slo + " / 0.001",
                "Burn rate: slo:sli_error:ratio_rate6h" + slo + " / 0.001",
                "Burn rate: slo:sli_error:ratio_rate1d" + slo + " / 0.001",
                "Burn rate: slo:sli_error:ratio_rate3d" + slo + " / 0.001",
                "Error budget remaining: slo:period_error_budget_remaining:ratio" + slo,
            }));
  // The ticket tier from 1, the page tier from 6.
  EXPECT_EQ(all[0].panels[4].thresholds,
            (std::vector<std::pair<double, std::string>>{{1, "orange"}, {6, "red"}}));
  EXPECT_EQ(all[0].panels[2].content,
            "**Objective:** 99.9% over 30d\n\n"
            "**SLI:** bad events `http_requests_total{status=~\"5..\"}` of all events "
            "`http_requests_total`\n");
  EXPECT_EQ(all[0].panels[0].decimals, 2);

  // Its own pairs: paging at 10 over 2h/10m, a ticket at 2 over 2d/4h; 99.95%.
  system.slos[0].objective = 99.95;
  system.slos[0].burn_rates = {{Ref("critical"), Dur("2h"), Dur("10m"), 10},
                               {Ref("warning"), Dur("2d"), Dur("4h"), 2}};
  model::Dashboard own = SloDashboards(system)[0];
  EXPECT_EQ(Queries(own)[3], "Burn rate: slo:sli_error:ratio_rate2h" + slo + " / 0.0005");
  EXPECT_EQ(Queries(own)[4], "Burn rate: slo:sli_error:ratio_rate2d" + slo + " / 0.0005");
  EXPECT_EQ(own.panels[4].thresholds,
            (std::vector<std::pair<double, std::string>>{{2, "orange"}, {10, "red"}}));
  EXPECT_EQ(own.panels[0].decimals, 3);

  // No alerting: nothing burns, no burn-rate panel.
  system.slos[0].page_severity.reset();
  system.slos[0].ticket_severity.reset();
  system.slos[0].burn_rates.clear();
  EXPECT_EQ(SloDashboards(system)[0].panels.size(), 5u);
}

}  // namespace
}  // namespace monc::grafana
