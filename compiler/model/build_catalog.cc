// The metrics catalog, services, and synthetic checks.
#include <algorithm>

#include "compiler/catalogs/catalogs.h"
#include "compiler/diag/did_you_mean.h"
#include "compiler/model/build_context.h"

namespace monc::build {
namespace {

model::MetricType ParseMetricType(const std::string& s) {
  static const std::pair<const char*, model::MetricType> kTypes[] = {
      {"counter", model::MetricType::Counter},     {"gauge", model::MetricType::Gauge},
      {"histogram", model::MetricType::Histogram}, {"summary", model::MetricType::Summary},
      {"info", model::MetricType::Info},           {"stateset", model::MetricType::StateSet}};
  for (const auto& [name, type] : kTypes) {
    if (s == name) return type;
  }
  return model::MetricType::Unknown;
}

bool IsHttpUrl(const std::string& url) {
  for (const char* scheme : {"http://", "https://"}) {
    size_t n = std::string(scheme).size();
    if (url.compare(0, n, scheme) == 0 && url.size() > n &&
        url.find_first_of(" \t\n") == std::string::npos) {
      return true;
    }
  }
  return false;
}

// Where Checkly runs checks: the `Region` type of the checkly 9.x package
// (dist/config.d.ts). backends/checkly/checkly_real_tools_test.sh holds
// this table against the package.
const std::vector<std::string>& ChecklyLocations() {
  static const std::vector<std::string> kLocations = {
      "af-south-1",   "ap-east-1",      "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
      "ap-south-1",   "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ca-central-1",
      "eu-central-1", "eu-north-1",     "eu-south-1",     "eu-west-1",      "eu-west-2",
      "eu-west-3",    "me-south-1",     "sa-east-1",      "us-east-1",      "us-east-2",
      "us-west-1",    "us-west-2"};
  return kLocations;
}

// How often Checkly runs checks: its `Frequency` constants, EVERY_10S to
// EVERY_24H (held against the package like the locations).
constexpr struct {
  int64_t millis;
  const char* text;
} kChecklyFrequencies[] = {{10'000, "10s"},    {20'000, "20s"},     {30'000, "30s"},
                           {60'000, "1m"},     {120'000, "2m"},     {300'000, "5m"},
                           {600'000, "10m"},   {900'000, "15m"},    {1'800'000, "30m"},
                           {3'600'000, "1h"},  {7'200'000, "2h"},   {10'800'000, "3h"},
                           {21'600'000, "6h"}, {43'200'000, "12h"}, {86'400'000, "24h"}};

// Checkly's limits on the API checks' response times (degradedResponseTime,
// maxResponseTime) and on heartbeat periods (HeartbeatMonitor).
constexpr int64_t kMaxResponseMillis = 30'000;
constexpr int64_t kMinHeartbeatMillis = 30'000;
constexpr int64_t kMaxHeartbeatMillis = 365 * 86'400'000LL;

void CheckLocation(const Reader& r, const model::Ref& location) {
  const std::vector<std::string>& known = ChecklyLocations();
  if (std::find(known.begin(), known.end(), location.name) != known.end()) return;
  Diagnostic& d = r.sink().Report(Code::CheckUnknownLocation, location.span,
                                  "unknown Checkly location '" + location.name + "'");
  d.label = "Checkly does not run checks here";
  if (auto s = DidYouMean(location.name, known)) {
    d.notes.push_back({"did you mean '" + *s + "'?", {}});
    d.fix = FixIt{location.span, *s};
  } else {
    std::string list;
    for (const std::string& k : known) list += (list.empty() ? "'" : ", '") + k + "'";
    d.notes.push_back({"Checkly runs checks in " + list, {}});
  }
}

void CheckFrequency(const Reader& r, const model::Duration& every) {
  std::string list;
  for (const auto& f : kChecklyFrequencies) {
    if (f.millis == every.millis) return;
    list += std::string(list.empty() ? "" : ", ") + f.text;
  }
  Diagnostic& d = r.sink().Report(Code::CheckBadFrequency, every.span,
                                  "Checkly cannot run a check every '" + every.text + "'");
  d.label = "not a Checkly frequency";
  d.notes.push_back({"Checkly runs checks every " + list, {}});
}

// A limit the Checkly constructs enforce, reported at the spec's value.
void CheckAtMost(const Reader& r, const std::optional<model::Duration>& value, int64_t limit,
                 const std::string& what, const std::string& limit_text) {
  if (value && value->millis > limit) {
    r.sink()
        .Report(Code::SpecBadValue, value->span,
                what + " of '" + value->text + "' is above Checkly's limit of " + limit_text)
        .label = "at most " + limit_text;
  }
}

// Heartbeat periods are counted in whole seconds.
void CheckWholeSeconds(const Reader& r, const std::optional<model::Duration>& value,
                       const std::string& what) {
  if (value && value->millis % 1000 != 0) {
    r.sink()
        .Report(Code::SpecBadValue, value->span,
                what + " of '" + value->text + "' is not a whole number of seconds")
        .label = "Checkly counts heartbeat periods in seconds";
  }
}

// Check names become Checkly logical IDs and file names.
void CheckName(const Reader& r, const model::Ref& id) {
  if (!id.name.empty() &&
      id.name.find_first_not_of(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") ==
          std::string::npos) {
    return;
  }
  r.sink().Report(Code::SpecBadValue, id.span, "invalid check name '" + id.name + "'").label =
      "it names a Checkly construct and a file: letters, digits, '_', '-' and '.'";
}

void CheckChecklyLimits(const Reader& r, const model::Check& c) {
  CheckName(r, c.id);
  for (const model::Ref& location : c.locations) CheckLocation(r, location);
  if (c.kind == model::Check::Kind::Api) {
    if (c.every) CheckFrequency(r, *c.every);
    CheckAtMost(r, c.degraded_after, kMaxResponseMillis, "'degraded_after'", "30s");
    CheckAtMost(r, c.latency_below, kMaxResponseMillis, "'latency_below'", "30s");
    if (c.degraded_after && c.latency_below && c.degraded_after->millis > c.latency_below->millis) {
      r.sink()
          .Report(Code::SpecBadValue, c.degraded_after->span,
                  "'degraded_after' ('" + c.degraded_after->text +
                      "') is above 'latency_below' ('" + c.latency_below->text + "')")
          .label = "a check must degrade before it fails";
    }
    return;
  }
  if (c.period && c.period->millis < kMinHeartbeatMillis) {
    r.sink()
        .Report(Code::SpecBadValue, c.period->span,
                "heartbeat period of '" + c.period->text + "' is below Checkly's minimum of 30s")
        .label = "at least 30s";
  }
  CheckAtMost(r, c.period, kMaxHeartbeatMillis, "heartbeat period", "365d");
  CheckAtMost(r, c.grace, kMaxHeartbeatMillis, "heartbeat grace", "365d");
  CheckWholeSeconds(r, c.period, "heartbeat period");
  CheckWholeSeconds(r, c.grace, "heartbeat grace");
}

model::Check ReadCheck(const Reader& r, const Json& j, const std::string& p, model::Ref id) {
  model::Check c;
  c.id = std::move(id);
  c.kind = r.Str(j, "kind") == "heartbeat" ? model::Check::Kind::Heartbeat : model::Check::Kind::Api;
  c.name = j.contains("name") ? r.Str(j, "name") : c.id.name;
  c.service = r.OptRef(j, p, "service");
  c.url = r.Str(j, "url");
  c.url_span = r.At(p + "/url");
  if (j.contains("method")) c.method = j["method"];
  c.headers = r.StringMap(j, "headers");
  c.query = r.StringMap(j, "query");
  c.body = r.Str(j, "body");
  c.every = r.Dur(j, p, "every");
  if (j.contains("locations")) {
    for (size_t i = 0; i < j["locations"].size(); ++i) {
      c.locations.push_back({j["locations"][i], r.At(p + "/locations/" + std::to_string(i))});
    }
  }
  if (j.contains("expect")) {
    const Json& e = j["expect"];
    std::string ep = p + "/expect";
    if (e.contains("status")) c.expect_status = e["status"].get<int>();
    c.latency_below = r.Dur(e, ep, "latency_below");
    if (e.contains("json")) {
      for (const auto& [path, value] : e["json"].items()) c.expect_json[path] = value;
    }
    c.expect_headers = r.StringMap(e, "headers");
    c.expect_body_contains = r.Str(e, "body_contains");
  }
  c.degraded_after = r.Dur(j, p, "degraded_after");
  c.retries = j.value("retries", 0);
  c.alert_after_failures = j.value("alert_after_failures", 1);
  if (j.contains("alert_to")) {
    for (size_t i = 0; i < j["alert_to"].size(); ++i) {
      c.alert_to.push_back({j["alert_to"][i], r.At(p + "/alert_to/" + std::to_string(i))});
    }
  }
  c.period = r.Dur(j, p, "period");
  c.grace = r.Dur(j, p, "grace");
  if (c.kind == model::Check::Kind::Api) {
    if (c.url.empty()) {
      r.sink().Report(Code::SchemaRequired, r.KeyAt(p), "API check '" + c.id.name + "' needs a 'url'");
    } else if (!IsHttpUrl(c.url)) {
      r.sink().Report(Code::SpecBadValue, c.url_span, "invalid URL '" + c.url + "'").label =
          "expected an http:// or https:// URL";
    }
  } else if (!c.period) {
    r.sink().Report(Code::SchemaRequired, r.KeyAt(p),
                    "heartbeat check '" + c.id.name + "' needs a 'period'");
  }
  CheckChecklyLimits(r, c);
  return c;
}

// `imports:` names shipped catalogs; an unknown one is reported and dropped.
void ReadImports(const Reader& r, model::System& system) {
  const Json& root = r.doc().root;
  if (!root.contains("imports")) return;
  std::vector<std::string> shipped = ShippedCatalogNames();
  for (size_t i = 0; i < root["imports"].size(); ++i) {
    model::Ref ref{root["imports"][i], r.At("/imports/" + std::to_string(i))};
    if (FindShippedCatalog(ref.name)) {
      system.imports.push_back(std::move(ref));
      continue;
    }
    Diagnostic& d = r.sink().Report(Code::SpecUnknownImport, ref.span,
                                    "unknown metrics catalog '" + ref.name + "'");
    d.label = "monc ships no catalog of this name";
    if (auto s = DidYouMean(ref.name, shipped)) {
      d.notes.push_back({"did you mean '" + *s + "'?", {}});
      d.fix = FixIt{ref.span, *s};
    } else {
      std::string list;
      for (const std::string& k : shipped) list += (list.empty() ? "'" : ", '") + k + "'";
      d.notes.push_back({"monc ships: " + list, {}});
    }
  }
}

}  // namespace

void ReadCatalog(const Reader& r, NameRegistry& names, model::System& system) {
  ReadImports(r, system);
  const Json& root = r.doc().root;
  if (root.contains("metrics")) {
    for (const auto& [name, m] : root["metrics"].items()) {
      std::string p = "/metrics/" + PointerToken(name);
      model::Metric metric;
      metric.name = r.Name(name, p);
      if (!names.Declare("metric", metric.name)) continue;
      metric.type = ParseMetricType(m["type"]);
      metric.help = r.Str(m, "help");
      metric.unit = r.Str(m, "unit");
      if (m.contains("labels")) {
        for (size_t i = 0; i < m["labels"].size(); ++i) {
          std::string label = m["labels"][i];
          if (r.CheckLabelName(label, r.At(p + "/labels/" + std::to_string(i)))) {
            metric.labels.push_back(label);
          }
        }
      }
      system.metrics.push_back(std::move(metric));
    }
  }
  if (root.contains("services")) {
    for (const auto& [name, s] : root["services"].items()) {
      std::string p = "/services/" + PointerToken(name);
      model::Service service;
      service.name = r.Name(name, p);
      if (!names.Declare("service", service.name)) continue;
      service.description = r.Str(s, "description");
      service.team = r.Str(s, "team");
      service.owner = r.Str(s, "owner");
      service.labels = r.Labels(s, p, "labels");
      if (s.contains("replicas")) service.replicas = s["replicas"].get<int>();
      if (s.contains("health")) {
        model::Ref id{name + "-health", r.KeyAt(p + "/health")};
        service.health = ReadCheck(r, s["health"], p + "/health", id);
        if (!service.health->service) service.health->service = service.name;
        if (names.Declare("check", id)) system.checks.push_back(*service.health);
      }
      service.logs = ReadLogFormat(r, s, p);
      system.services.push_back(std::move(service));
    }
  }
  if (root.contains("checks")) {
    for (const auto& [name, c] : root["checks"].items()) {
      std::string p = "/checks/" + PointerToken(name);
      model::Ref id = r.Name(name, p);
      if (!names.Declare("check", id)) continue;
      system.checks.push_back(ReadCheck(r, c, p, id));
    }
  }
}

}  // namespace monc::build
