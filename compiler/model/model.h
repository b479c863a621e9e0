// The model: typed C++ values for everything one system's spec files declare,
// with references resolved and defaults applied. BuildModel (build.h) makes
// it from the loaded documents; Analyze (compiler/analysis) checks it; the
// backends read only the checked result. Nothing here knows YAML.
//
// Every element keeps the Span of its name (and of fields that diagnostics
// point at), so a later phase can report against the spec's exact place.
#ifndef MONC_COMPILER_MODEL_MODEL_H_
#define MONC_COMPILER_MODEL_MODEL_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/model/duration.h"
#include "compiler/model/matcher.h"
#include "compiler/source/source_manager.h"

namespace monc::model {

// Sorted, so every output that lists labels is deterministic.
using LabelSet = std::map<std::string, std::string>;

// A string with the place it was written.
struct Ref {
  std::string name;
  Span span;
};

enum class MetricType { Counter, Gauge, Histogram, Summary, Info, StateSet, Unknown };

struct Metric {
  Ref name;
  MetricType type = MetricType::Unknown;
  std::string help;
  std::string unit;
  std::vector<std::string> labels;
};

// An HTTP or heartbeat check (Checkly); also a service's health endpoint.
struct Check {
  enum class Kind { Api, Heartbeat };
  Ref id;  // key under `checks`, or "<service>-health"
  Kind kind = Kind::Api;
  std::string name;  // display name
  std::optional<Ref> service;
  std::string url;
  Span url_span;
  std::string method = "GET";
  std::map<std::string, std::string> headers;
  std::map<std::string, std::string> query;
  std::string body;
  std::optional<Duration> every;
  std::vector<Ref> locations;
  std::optional<int> expect_status;
  std::optional<Duration> latency_below;
  std::map<std::string, nlohmann::json> expect_json;  // JSON path -> value
  std::map<std::string, std::string> expect_headers;
  std::string expect_body_contains;
  std::optional<Duration> degraded_after;
  int retries = 0;
  int alert_after_failures = 1;
  std::vector<Ref> alert_to;  // receivers
  std::optional<Duration> period;  // heartbeat
  std::optional<Duration> grace;   // heartbeat
};

// How a service's logs reach Loki (`services.<name>.logs`): what LogQL
// label filters and groupings over its streams may name.
struct LogFormat {
  enum class Format { Undeclared, Plain, Json, Logfmt };
  LabelSet stream;                  // labels that select the service's streams
  std::vector<std::string> labels;  // further stream labels (pod, container, ...)
  Format format = Format::Undeclared;
  std::vector<std::string> fields;  // the labels `| json` / `| logfmt` extracts
  Span span;                        // the `logs` key
};

struct Service {
  Ref name;
  std::string description;
  std::string team;
  std::string owner;
  LabelSet labels;
  std::optional<int> replicas;
  std::optional<Check> health;
  std::optional<LogFormat> logs;
};

struct SeverityLevel {
  Ref name;
  std::string description;
  bool page = false;
  LabelSet labels;  // extra labels every alert of this level carries
};

struct Severities {
  std::string label = "severity";
  std::vector<SeverityLevel> levels;

  const SeverityLevel* Find(const std::string& name) const;
};

// A catalog check a rule is exempt from: `silence: [{code, reason}]`.
struct Silence {
  Ref code;  // a diagnostic code id, e.g. "promql/rate-of-gauge"
  std::string reason;
  Span span;  // the whole entry
};

struct Rule {
  enum class Kind { Alert, Record };
  Kind kind = Kind::Alert;
  Ref name;  // alert or record name
  std::string expr;
  Span expr_span;
  std::optional<Duration> for_duration;
  std::optional<Duration> keep_firing_for;
  std::optional<Ref> severity;
  std::optional<Ref> service;
  // Final labels and annotations, in output form: spec defaults, the
  // severity level's labels, the service's labels (service, team), the
  // group's labels and the rule's own, later ones winning, then the severity
  // label itself; annotations include summary, description and the runbook
  // (under the spec's runbook annotation key).
  LabelSet labels;
  std::map<std::string, std::string> annotations;
  std::string runbook;
  std::vector<Silence> silences;  // only catalog-check codes, each with a reason
  Span span;  // the whole rule
};

struct RuleGroup {
  Ref name;
  std::optional<Duration> interval;
  int limit = 0;
  std::vector<Rule> rules;
};

struct Secret {
  enum class Source { File, Env };
  Source source = Source::File;
  std::string value;  // the path or the variable name
};

enum class ReceiverKind {
#define RECEIVER(name, spec_key, am_key) name,
#include "compiler/model/receiver_kinds.def"
#undef RECEIVER
};

struct ReceiverKindInfo {
  ReceiverKind kind;
  const char* spec_key;
  const char* alertmanager_key;
};
const std::vector<ReceiverKindInfo>& AllReceiverKinds();

// A secret field and the Alertmanager field that reads it from a file.
struct SecretField {
  const char* where;  // receiver spec key, "global" or "http_config"
  const char* field;  // dotted path
  const char* file_field;
};
const std::vector<SecretField>& AllSecretFields();

// One integration of a receiver. `settings` holds its plain fields as the
// spec wrote them (schema-checked); secrets are split out, keyed by the
// dotted path of their field.
struct Integration {
  ReceiverKind kind = ReceiverKind::Webhook;
  nlohmann::json settings = nlohmann::json::object();
  std::map<std::string, Secret> secrets;
  Span span;
};

struct Receiver {
  Ref name;
  std::vector<Integration> integrations;
};

struct Route {
  std::optional<Ref> receiver;  // inherited from the parent when absent
  std::vector<Matcher> matchers;
  std::optional<std::vector<std::string>> group_by;
  std::optional<Duration> group_wait;
  std::optional<Duration> group_interval;
  std::optional<Duration> repeat_interval;
  bool continue_matching = false;
  std::vector<Ref> mute_time_intervals;
  std::vector<Ref> active_time_intervals;
  std::vector<Route> routes;
  Span span;
  // A matcher did not parse (already reported): checks that depend on what
  // the route matches skip it rather than report consequences of the typo.
  bool invalid = false;
};

struct InhibitRule {
  std::vector<Matcher> source;
  std::vector<Matcher> target;
  std::vector<Ref> equal;
  Span span;
  bool invalid = false;  // as Route::invalid
};

struct TimeInterval {
  Ref name;
  nlohmann::json ranges;  // Alertmanager's time_intervals entries, validated
};

struct AlertmanagerSettings {
  nlohmann::json global = nlohmann::json::object();
  std::map<std::string, Secret> global_secrets;
  std::map<std::string, std::string> templates;  // name -> template body
  std::string templates_dir = "/etc/alertmanager/templates";
  int replicas = 1;
  std::vector<std::string> peers;
  std::string listen_address;
};

struct Slo {
  Ref name;
  std::optional<Ref> service;
  std::string description;
  double objective = 0;  // percent, e.g. 99.95
  Span objective_span;
  Duration window;
  // Event SLI: bad/total or good/total; latency SLI: histogram below a threshold.
  // Each string's span is its scalar (invalid when absent), so PromQL
  // diagnostics point inside it.
  std::string bad, good, total;
  Span bad_span, good_span, total_span;
  std::string latency_metric;
  Span latency_metric_span;
  std::optional<Duration> latency_threshold;
  std::string latency_selector;
  Span latency_selector_span;
  Span sli_span;  // the 'sli' key
  std::optional<Ref> page_severity;
  std::optional<Ref> ticket_severity;
  struct BurnRate {
    std::optional<Ref> severity;
    Duration long_window;
    Duration short_window;
    double factor = 0;
    Span factor_span;
    Span span;  // the whole entry
  };
  std::vector<BurnRate> burn_rates;
  LabelSet labels;
};

struct Panel {
  enum class Type { Row, Timeseries, Stat, Gauge, Table, BarGauge, Text, Logs, PieChart };
  Type type = Type::Timeseries;
  std::string title;
  std::string description;
  struct Target {
    enum class Language { PromQL, LogQL, Sql };
    Language language = Language::PromQL;
    std::string query;
    Span span;
    std::string legend;
    bool instant = false;
  };
  std::vector<Target> targets;
  std::string datasource;
  std::string unit;
  std::optional<int> decimals;
  std::optional<double> min, max;
  std::vector<std::pair<double, std::string>> thresholds;  // value, color
  std::optional<Ref> thresholds_from_alert;
  std::optional<Ref> thresholds_from_slo;
  std::string content;
  int width = 0, height = 0;  // 0: the backend's default
  std::vector<std::pair<std::string, std::string>> links;  // title, url
  Span span;
};

struct Dashboard {
  Ref name;
  std::string title, uid, folder, description, refresh;
  std::vector<std::string> tags;
  std::string time_from, time_to;
  struct Variable {
    std::string name, label, query;
    bool multi = false, include_all = false;
  };
  std::vector<Variable> variables;
  std::vector<std::pair<std::string, std::string>> links;
  std::vector<Panel> panels;
};

// Loki's settings (`logs:` at the top level): the tenant the log rules
// belong to, and retention as Loki's limits_config has it.
struct LogSettings {
  std::string tenant = "fake";  // Loki's tenant id when auth is off
  std::optional<Duration> retention_period;
  struct RetentionStream {
    std::string selector;  // a LogQL stream selector, checked
    Span selector_span;
    Duration period;
    int priority = 0;
  };
  std::vector<RetentionStream> retention_streams;
};

// The Grafana backend's switches: `grafana:` at the top level.
struct GrafanaSettings {
  bool service_dashboards = true;  // a generated dashboard per service
  bool slo_dashboards = true;      // a generated dashboard per SLO
  // Folder of the dashboards that name none, generated ones included; empty:
  // the backend chooses (backends/grafana/names.h).
  std::string folder;
  // Where the output's grafana/dashboards/ is deployed on the Grafana host.
  std::string dashboards_path = "/var/lib/grafana/dashboards";
};

// A unit test of the rules, in promtool's terms.
struct RuleTest {
  Ref name;
  Duration interval;
  std::map<std::string, std::string> series;  // selector -> values notation
  struct ExpectedAlert {
    Duration at;
    Ref alert;
    struct Firing {
      LabelSet labels;
      std::map<std::string, std::string> annotations;
    };
    std::vector<Firing> firing;
  };
  std::vector<ExpectedAlert> alerts;
  struct ExpectedValue {
    Duration at;
    std::string expr;
    std::vector<std::pair<std::string, double>> samples;  // labels text, value
  };
  std::vector<ExpectedValue> values;
};

// One system: the union of all its spec files.
struct System {
  std::string name;
  std::string description;
  LabelSet default_labels;
  std::string runbook_annotation = "runbook_url";
  std::optional<Duration> evaluation_interval;
  std::optional<Duration> scrape_interval;
  struct Operator {
    std::string name, namespace_;
    LabelSet labels;
  };
  std::optional<Operator> prometheus_operator;
  Severities severities;
  std::vector<Ref> imports;  // shipped metrics catalogs (compiler/catalogs), all files' together
  std::vector<Metric> metrics;
  std::vector<Service> services;
  std::vector<RuleGroup> groups;  // evaluated by Prometheus (PromQL)
  // Evaluated by Loki's ruler (`datasource: loki`): LogQL metric queries,
  // with the same labels and annotations as `groups`, so Alertmanager
  // routes their alerts alike.
  std::vector<RuleGroup> log_groups;
  LogSettings logs;
  std::vector<Receiver> receivers;
  std::optional<Route> route;
  std::vector<InhibitRule> inhibit_rules;
  std::vector<TimeInterval> time_intervals;
  AlertmanagerSettings alertmanager;
  std::vector<Slo> slos;
  std::vector<Dashboard> dashboards;
  GrafanaSettings grafana;
  std::vector<Check> checks;  // explicit checks and services' health checks
  std::vector<RuleTest> tests;

  const Service* FindService(const std::string& name) const;
};

}  // namespace monc::model

#endif  // MONC_COMPILER_MODEL_MODEL_H_
