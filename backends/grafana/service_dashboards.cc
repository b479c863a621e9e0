// A dashboard per service: instances, traffic, errors, latency, from what
// the metrics catalog (compiler/analysis/catalog.h) says the series are.
#include <algorithm>
#include <optional>

#include "backends/common/names.h"
#include "backends/grafana/generated.h"
#include "backends/grafana/links.h"
#include "backends/grafana/names.h"
#include "compiler/analysis/catalog.h"
#include "compiler/promql/ast.h"

namespace monc::grafana {
namespace {

using Type = model::Panel::Type;

// Labels that tell one service's series apart, best first. Every scraped
// series has `job`.
const std::vector<std::string> kServiceLabels = {"service", "job"};
const std::vector<std::string> kStatusLabels = {"status", "status_code", "code"};

constexpr int64_t kRateWindow = 5 * 60 * 1000;
constexpr int64_t kScrapesPerWindow = 4;  // what promql/short-rate-window asks for

// The first of `wanted` the series carries, or "".
std::string FirstOf(const std::vector<std::string>& wanted, const PossibleLabels& labels) {
  for (const std::string& l : wanted) {
    if (labels.names.count(l)) return l;
  }
  return "";
}

class ServiceDashboard {
 public:
  ServiceDashboard(const model::System& system, const model::Service& service,
                   const Catalog& catalog)
      : service_(service), catalog_(catalog) {
    int64_t scrape = system.scrape_interval ? system.scrape_interval->millis : 0;
    window_ = promql::FormatDuration(std::max(kRateWindow, kScrapesPerWindow * scrape));
  }

  // A stat per signal in the first line, then each over time, instances
  // last.
  std::vector<model::Panel> Panels() const {
    std::vector<model::Panel> stats, graphs;
    std::optional<model::Panel> up_graph;
    if (std::optional<Series> up = Scraped("up", model::MetricType::Gauge)) {
      std::string sum = "sum(" + Select("up", *up) + ")";
      model::Panel now = QueryPanel(Type::Stat, "Instances up", "", {{sum, ""}});
      now.thresholds = {{0, "red"}, {double(service_.replicas.value_or(1)), "green"}};
      up_graph = QueryPanel(Type::Timeseries, "Instances up", "", {{sum, "up"}});
      up_graph->thresholds = now.thresholds;
      stats.push_back(now);
    }
    if (std::optional<Series> requests =
            Scraped("http_requests_total", model::MetricType::Counter)) {
      std::string all = Rate(Select("http_requests_total", *requests));
      std::string status = FirstOf(kStatusLabels, requests->labels);
      stats.push_back(QueryPanel(Type::Stat, "Request rate", "reqps", {{"sum(" + all + ")", ""}}));
      if (status.empty()) {
        graphs.push_back(QueryPanel(Type::Timeseries, "Request rate", "reqps",
                                    {{"sum(" + all + ")", "requests"}}));
      } else {
        std::string errors = Rate(Select("http_requests_total", *requests, status + "=~\"5..\""));
        std::string ratio = "sum(" + errors + ") / sum(" + all + ")";
        stats.push_back(QueryPanel(Type::Stat, "Error ratio (5xx)", "percentunit", {{ratio, ""}}));
        graphs.push_back(
            QueryPanel(Type::Timeseries, "Requests by status", "reqps",
                       {{"sum by (" + status + ") (" + all + ")", "{{" + status + "}}"}}));
        graphs.push_back(
            QueryPanel(Type::Timeseries, "Error ratio (5xx)", "percentunit", {{ratio, "5xx"}}));
      }
    }
    const std::string bucket = "http_request_duration_seconds_bucket";
    if (std::optional<Series> buckets = Scraped(bucket, model::MetricType::Counter)) {
      auto quantile = [&](const std::string& q) {
        return "histogram_quantile(" + q + ", sum by (le) (" + Rate(Select(bucket, *buckets)) +
               "))";
      };
      stats.push_back(QueryPanel(Type::Stat, "p99 latency", "s", {{quantile("0.99"), ""}}));
      graphs.push_back(QueryPanel(
          Type::Timeseries, "Latency", "s",
          {{quantile("0.5"), "p50"}, {quantile("0.9"), "p90"}, {quantile("0.99"), "p99"}}));
    }
    if (up_graph) graphs.push_back(*up_graph);
    stats.insert(stats.end(), graphs.begin(), graphs.end());
    return stats;
  }

 private:
  // The scraped series `name` of `type` when the catalog has it. A spec
  // that declares and imports no metrics checks no names: there, only `up`
  // is sure to exist (Prometheus writes it for every target).
  std::optional<Series> Scraped(const std::string& name, model::MetricType type) const {
    std::optional<Series> series = catalog_.Find(name);
    if (series && series->type == type && series->metric->scraped) return series;
    if (!catalog_.checks_names() && name == "up") {
      return Series{nullptr, type, PossibleLabels{catalog_.TargetLabels(), false}};
    }
    return std::nullopt;
  }

  // `name{<label>="<service>",<extra>}`, <label> the first of
  // kServiceLabels the series carries.
  std::string Select(const std::string& name, const Series& series,
                     const std::string& extra = "") const {
    std::string selector =
        FirstOf(kServiceLabels, series.labels) + "=" + PromQuote(service_.name.name);
    return name + "{" + selector + (extra.empty() ? "" : "," + extra) + "}";
  }

  std::string Rate(const std::string& series) const {
    return "rate(" + series + "[" + window_ + "])";
  }

  const model::Service& service_;
  const Catalog& catalog_;
  std::string window_;
};

model::Dashboard Build(const model::System& system, const model::Service& service,
                       const Catalog& catalog) {
  const std::string& name = service.name.name;
  model::Dashboard d;
  d.name.name = name;
  d.uid = ServiceDashboardUid(system, name);
  d.title = "Service: " + name;
  d.description = service.description.empty()
                      ? "Instances, traffic, errors and latency of service '" + name + "'"
                      : service.description;
  d.refresh = "1m";
  d.tags = {backends::SystemName(system), "service"};
  if (system.grafana.slo_dashboards) {
    for (const model::Slo& slo : system.slos) {
      if (slo.service && slo.service->name == name) {
        d.links.emplace_back("SLO: " + slo.name.name,
                             DashboardUrl(SloDashboardUid(system, slo.name.name)));
      }
    }
  }
  d.panels = ServiceDashboard(system, service, catalog).Panels();
  return d;
}

}  // namespace

std::vector<model::Dashboard> ServiceDashboards(const model::System& system) {
  std::vector<model::Dashboard> out;
  if (!system.grafana.service_dashboards) return out;
  Catalog catalog = BuildCatalog(system);
  for (const model::Service& service : system.services) {
    model::Dashboard d = Build(system, service, catalog);
    // A service the catalog says nothing about gets no empty dashboard.
    if (!d.panels.empty()) out.push_back(std::move(d));
  }
  return out;
}

}  // namespace monc::grafana
