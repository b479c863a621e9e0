// SLOs, dashboards (with the `grafana` settings) and rule tests.
#include <algorithm>
#include <cctype>

#include "compiler/model/build_context.h"

namespace monc::build {
namespace {

// "99.9", 99.9 or "99.9%" -> 99.9; nullopt when not a number.
std::optional<double> Percent(const Json& v) {
  if (v.is_number()) return v.get<double>();
  std::string s = v;
  if (!s.empty() && s.back() == '%') s.pop_back();
  try {
    size_t used = 0;
    double d = std::stod(s, &used);
    if (used == s.size()) return d;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

model::Duration DurOr(const Reader& r, const Json& j, const std::string& p, const char* key,
                      const char* fallback) {
  if (auto d = r.Dur(j, p, key)) return *d;
  return {*model::ParseDurationMillis(fallback), fallback, r.At(p)};
}

void ReadSlos(const Reader& r, NameRegistry& names, model::System& system) {
  const Json& root = r.doc().root;
  if (!root.contains("slos")) return;
  for (const auto& [name, j] : root["slos"].items()) {
    std::string p = "/slos/" + PointerToken(name);
    model::Slo slo;
    slo.name = r.Name(name, p);
    if (!names.Declare("SLO", slo.name)) continue;
    slo.service = r.OptRef(j, p, "service");
    slo.description = r.Str(j, "description");
    slo.objective_span = r.At(p + "/objective");
    auto objective = Percent(j["objective"]);
    if (!objective || *objective <= 0 || *objective >= 100) {
      r.sink().Report(Code::SpecBadValue, slo.objective_span,
                      "objective of SLO '" + name + "' must be a percentage above 0 and below 100")
          .label = "e.g. 99.9 or '99.9%'";
    } else {
      slo.objective = *objective;
    }
    slo.window = DurOr(r, j, p, "window", "30d");
    const Json& sli = j["sli"];
    std::string sp = p + "/sli";
    slo.sli_span = r.KeyAt(sp);
    slo.bad = r.Str(sli, "bad");
    slo.good = r.Str(sli, "good");
    slo.total = r.Str(sli, "total");
    auto scalar = [&](const Json& object, const std::string& pointer, const char* key) {
      return object.contains(key) ? r.At(pointer + "/" + key) : Span{};
    };
    slo.bad_span = scalar(sli, sp, "bad");
    slo.good_span = scalar(sli, sp, "good");
    slo.total_span = scalar(sli, sp, "total");
    bool events = sli.contains("total") && (sli.contains("bad") != sli.contains("good"));
    bool latency = sli.contains("latency");
    if (latency) {
      const Json& l = sli["latency"];
      slo.latency_metric = l["metric"];
      slo.latency_metric_span = scalar(l, sp + "/latency", "metric");
      slo.latency_threshold = r.Dur(l, sp + "/latency", "threshold");
      slo.latency_selector = r.Str(l, "selector");
      slo.latency_selector_span = scalar(l, sp + "/latency", "selector");
    }
    if (events == latency || (latency && (sli.contains("total") || sli.contains("bad") || sli.contains("good")))) {
      r.sink().Report(Code::SpecBadValue, r.KeyAt(sp),
                      "SLI of SLO '" + name + "' needs either 'total' with one of 'bad' or 'good', or 'latency'");
    }
    if (j.contains("alerting")) {
      const Json& a = j["alerting"];
      std::string ap = p + "/alerting";
      slo.page_severity = r.OptRef(a, ap, "page");
      slo.ticket_severity = r.OptRef(a, ap, "ticket");
      if (a.contains("burn_rates")) {
        for (size_t i = 0; i < a["burn_rates"].size(); ++i) {
          const Json& b = a["burn_rates"][i];
          std::string bp = ap + "/burn_rates/" + std::to_string(i);
          model::Slo::BurnRate rate;
          rate.severity = r.OptRef(b, bp, "severity");
          rate.long_window = DurOr(r, b, bp, "long", "1h");
          rate.short_window = DurOr(r, b, bp, "short", "5m");
          rate.factor = b["factor"];
          rate.factor_span = r.At(bp + "/factor");
          rate.span = r.At(bp);
          slo.burn_rates.push_back(std::move(rate));
        }
      }
    }
    slo.labels = r.Labels(j, p, "labels");
    system.slos.push_back(std::move(slo));
  }
}

model::Panel::Type PanelType(const std::string& s) {
  static const std::pair<const char*, model::Panel::Type> kTypes[] = {
      {"timeseries", model::Panel::Type::Timeseries}, {"stat", model::Panel::Type::Stat},
      {"gauge", model::Panel::Type::Gauge},           {"table", model::Panel::Type::Table},
      {"bargauge", model::Panel::Type::BarGauge},     {"text", model::Panel::Type::Text},
      {"logs", model::Panel::Type::Logs},             {"piechart", model::Panel::Type::PieChart}};
  for (const auto& [name, type] : kTypes) {
    if (s == name) return type;
  }
  return model::Panel::Type::Timeseries;
}

// The query of a panel or target object, if it has one.
void ReadTarget(const Reader& r, const Json& j, const std::string& p, const std::string& legend,
                std::vector<model::Panel::Target>& out) {
  using Language = model::Panel::Target::Language;
  for (auto [key, language] : {std::pair{"expr", Language::PromQL}, {"logql", Language::LogQL},
                               {"sql", Language::Sql}}) {
    if (!j.contains(key)) continue;
    model::Panel::Target t;
    t.language = language;
    t.query = j[key];
    t.span = r.At(p + "/" + key);
    t.legend = j.contains("legend") ? r.Str(j, "legend") : legend;
    t.instant = j.value("instant", false);
    out.push_back(std::move(t));
  }
}

std::vector<std::pair<std::string, std::string>> Links(const Json& j) {
  std::vector<std::pair<std::string, std::string>> out;
  if (j.contains("links")) {
    for (const Json& l : j["links"]) out.emplace_back(l["title"], l["url"]);
  }
  return out;
}

void ReadGrafanaSettings(const Reader& r, NameRegistry& names, model::System& system) {
  const Json& root = r.doc().root;
  if (!root.contains("grafana")) return;
  // One file of the system sets it, like the other singleton sections.
  if (!names.Declare("section", r.Name("grafana", "/grafana"))) return;
  const Json& g = root["grafana"];
  model::GrafanaSettings& settings = system.grafana;
  settings.service_dashboards = g.value("service_dashboards", settings.service_dashboards);
  settings.slo_dashboards = g.value("slo_dashboards", settings.slo_dashboards);
  settings.folder = g.value("folder", settings.folder);
  settings.dashboards_path = g.value("dashboards_path", settings.dashboards_path);
  if (settings.dashboards_path.empty() || settings.dashboards_path[0] != '/') {
    r.sink().Report(Code::SpecBadValue, r.At("/grafana/dashboards_path"),
                    "'dashboards_path' must be an absolute path")
        .label = "where Grafana reads the dashboards from, e.g. /var/lib/grafana/dashboards";
  }
}

// Grafana's rule for a uid, which is also the dashboard's URL.
bool IsGrafanaUid(const std::string& uid) {
  constexpr size_t kMaxLength = 40;
  if (uid.empty() || uid.size() > kMaxLength) return false;
  return std::all_of(uid.begin(), uid.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '_'; });
}

void ReadDashboards(const Reader& r, NameRegistry& names, model::System& system) {
  ReadGrafanaSettings(r, names, system);
  const Json& root = r.doc().root;
  if (!root.contains("dashboards")) return;
  for (const auto& [name, j] : root["dashboards"].items()) {
    std::string p = "/dashboards/" + PointerToken(name);
    model::Dashboard d;
    d.name = r.Name(name, p);
    if (!names.Declare("dashboard", d.name)) continue;
    d.title = j["title"];
    d.uid = j.contains("uid") ? r.Str(j, "uid") : name;
    if (j.contains("uid") && !IsGrafanaUid(d.uid)) {
      r.sink().Report(Code::SpecBadValue, r.At(p + "/uid"), "invalid Grafana uid '" + d.uid + "'")
          .label = "at most 40 letters, digits, '-' and '_'";
    }
    d.folder = r.Str(j, "folder");
    d.description = r.Str(j, "description");
    d.refresh = r.Str(j, "refresh");
    if (j.contains("tags")) d.tags = j["tags"].get<std::vector<std::string>>();
    if (j.contains("time")) {
      d.time_from = r.Str(j["time"], "from");
      d.time_to = r.Str(j["time"], "to");
    }
    if (j.contains("variables")) {
      for (const Json& v : j["variables"]) {
        d.variables.push_back({v["name"], r.Str(v, "label"), v["query"], v.value("multi", false),
                               v.value("include_all", false)});
      }
    }
    d.links = Links(j);
    if (j.contains("panels")) {
      for (size_t i = 0; i < j["panels"].size(); ++i) {
        const Json& pj = j["panels"][i];
        std::string pp = p + "/panels/" + std::to_string(i);
        model::Panel panel;
        panel.span = r.At(pp);
        if (pj.contains("row")) {
          panel.type = model::Panel::Type::Row;
          panel.title = pj["row"];
        } else {
          panel.type = PanelType(r.Str(pj, "type"));
          panel.title = r.Str(pj, "title");
        }
        panel.description = r.Str(pj, "description");
        std::string legend = r.Str(pj, "legend");
        ReadTarget(r, pj, pp, legend, panel.targets);
        if (pj.contains("targets")) {
          for (size_t t = 0; t < pj["targets"].size(); ++t) {
            ReadTarget(r, pj["targets"][t], pp + "/targets/" + std::to_string(t), legend,
                       panel.targets);
          }
        }
        panel.datasource = r.Str(pj, "datasource");
        panel.unit = r.Str(pj, "unit");
        if (pj.contains("decimals")) panel.decimals = pj["decimals"].get<int>();
        if (pj.contains("min")) panel.min = pj["min"].get<double>();
        if (pj.contains("max")) panel.max = pj["max"].get<double>();
        if (pj.contains("thresholds")) {
          for (const Json& t : pj["thresholds"]) panel.thresholds.emplace_back(t["value"], t["color"]);
        }
        if (pj.contains("thresholds_from")) {
          panel.thresholds_from_alert = r.OptRef(pj["thresholds_from"], pp + "/thresholds_from", "alert");
          panel.thresholds_from_slo = r.OptRef(pj["thresholds_from"], pp + "/thresholds_from", "slo");
          if (pj["thresholds_from"].size() != 1) {
            r.sink().Report(Code::SpecBadValue, r.At(pp + "/thresholds_from"),
                            "'thresholds_from' of panel '" + panel.title +
                                "' must name one alert or one SLO")
                .label = "either {alert: NAME} or {slo: NAME}";
            panel.thresholds_from_alert.reset();  // reported once, not again as unknown
            panel.thresholds_from_slo.reset();
          }
        }
        panel.content = r.Str(pj, "content");
        panel.width = pj.value("width", 0);
        panel.height = pj.value("height", 0);
        panel.links = Links(pj);
        bool text = panel.type == model::Panel::Type::Text || panel.type == model::Panel::Type::Row;
        if (!text && panel.targets.empty()) {
          r.sink().Report(Code::SpecBadValue, panel.span,
                          "panel '" + panel.title + "' of dashboard '" + name + "' has no query")
              .label = "add 'expr', 'logql', 'sql' or 'targets', or make it a text panel";
        }
        d.panels.push_back(std::move(panel));
      }
    }
    system.dashboards.push_back(std::move(d));
  }
}

void ReadTests(const Reader& r, NameRegistry& names, model::System& system) {
  const Json& root = r.doc().root;
  if (!root.contains("tests")) return;
  for (size_t i = 0; i < root["tests"].size(); ++i) {
    const Json& j = root["tests"][i];
    std::string p = "/tests/" + std::to_string(i);
    model::RuleTest t;
    t.name = {j["name"], r.At(p + "/name")};
    if (!names.Declare("test", t.name)) continue;
    t.interval = DurOr(r, j, p, "interval", "1m");
    t.series = r.StringMap(j, "series");
    if (j.contains("alerts")) {
      for (size_t a = 0; a < j["alerts"].size(); ++a) {
        const Json& aj = j["alerts"][a];
        std::string ap = p + "/alerts/" + std::to_string(a);
        model::RuleTest::ExpectedAlert e;
        e.at = DurOr(r, aj, ap, "at", "0s");
        e.alert = {aj["alert"], r.At(ap + "/alert")};
        if (aj.contains("firing")) {
          for (size_t f = 0; f < aj["firing"].size(); ++f) {
            const Json& fj = aj["firing"][f];
            e.firing.push_back({r.Labels(fj, ap + "/firing/" + std::to_string(f), "labels"),
                                r.StringMap(fj, "annotations")});
          }
        }
        t.alerts.push_back(std::move(e));
      }
    }
    if (j.contains("values")) {
      for (size_t v = 0; v < j["values"].size(); ++v) {
        const Json& vj = j["values"][v];
        std::string vp = p + "/values/" + std::to_string(v);
        model::RuleTest::ExpectedValue e;
        e.at = DurOr(r, vj, vp, "at", "0s");
        e.expr = vj["expr"];
        if (vj.contains("samples")) {
          for (const Json& s : vj["samples"]) e.samples.emplace_back(r.Str(s, "labels"), s["value"]);
        }
        t.values.push_back(std::move(e));
      }
    }
    system.tests.push_back(std::move(t));
  }
}

}  // namespace

void ReadObjectives(const Reader& r, NameRegistry& names, model::System& system) {
  ReadSlos(r, names, system);
  ReadDashboards(r, names, system);
  ReadTests(r, names, system);
}

}  // namespace monc::build
