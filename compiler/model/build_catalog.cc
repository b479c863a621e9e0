// The metrics catalog, services, and synthetic checks.
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
