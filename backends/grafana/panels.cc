#include "backends/grafana/panels.h"

#include <set>

#include "backends/grafana/datasources.h"
#include "backends/grafana/links.h"
#include "backends/grafana/names.h"
#include "backends/grafana/numbers.h"
#include "backends/grafana/panel_kinds.h"
#include "backends/grafana/thresholds.h"

namespace monc::grafana {
namespace {

using Json = nlohmann::ordered_json;
using Type = model::Panel::Type;
using Language = model::Panel::Target::Language;

Json GridPosJson(const GridPos& p) { return {{"h", p.h}, {"w", p.w}, {"x", p.x}, {"y", p.y}}; }

Json TargetJson(const model::Panel& panel, const model::Panel::Target& target, size_t index) {
  Json j;
  j["refId"] = RefId(index);
  j["datasource"] = DatasourceRef(DatasourceOf(panel, target));
  j["editorMode"] = "code";  // the builder cannot show every query
  switch (target.language) {
    case Language::PromQL:
      j["expr"] = target.query;
      if (!target.legend.empty()) j["legendFormat"] = target.legend;
      j["range"] = !target.instant;
      j["instant"] = target.instant;
      j["format"] = panel.type == Type::Table ? "table" : "time_series";
      break;
    case Language::LogQL:
      j["expr"] = target.query;
      if (!target.legend.empty()) j["legendFormat"] = target.legend;
      j["queryType"] = target.instant ? "instant" : "range";
      break;
    case Language::Sql:
      j["rawQuery"] = true;
      j["rawSql"] = target.query;
      j["format"] = "table";  // a time series needs a time column the spec does not promise
      break;
  }
  return j;
}

// The data source all targets share, or Grafana's mixed one.
Json PanelDatasource(const model::Panel& panel) {
  std::set<std::string_view> variables;
  for (const model::Panel::Target& t : panel.targets)
    variables.insert(DatasourceOf(panel, t).variable);
  if (variables.size() > 1) return {{"type", "datasource"}, {"uid", "-- Mixed --"}};
  return DatasourceRef(DatasourceOf(panel, panel.targets.front()));
}

Json FieldConfig(const model::Panel& panel, const model::System& system) {
  Json defaults = Json::object();
  if (!panel.unit.empty()) defaults["unit"] = panel.unit;
  if (panel.decimals) defaults["decimals"] = *panel.decimals;
  if (panel.min) defaults["min"] = JsonNumber(*panel.min);
  if (panel.max) defaults["max"] = JsonNumber(*panel.max);
  if (panel.type != Type::Logs) {
    std::vector<Step> steps = PanelSteps(panel, system);
    Json json_steps = Json::array();
    for (const Step& s : steps) {
      json_steps.push_back(
          {{"color", s.color}, {"value", s.value ? JsonNumber(*s.value) : Json()}});
    }
    defaults["thresholds"] = {{"mode", "absolute"}, {"steps", json_steps}};
    // A time series draws its thresholds only when asked to.
    if (panel.type == Type::Timeseries && steps.size() > 1) {
      defaults["custom"] = {{"thresholdsStyle", {{"mode", "line"}}}};
    }
  }
  return {{"defaults", defaults}, {"overrides", Json::array()}};
}

Json LastValue() {
  return {{"calcs", Json::array({"lastNotNull"})}, {"fields", ""}, {"values", false}};
}

Json Options(const model::Panel& panel) {
  switch (panel.type) {
    case Type::Row:
      return nullptr;
    case Type::Timeseries:
      return {{"legend",
               {{"showLegend", true},
                {"displayMode", "list"},
                {"placement", "bottom"},
                {"calcs", Json::array()}}},
              {"tooltip", {{"mode", "multi"}, {"sort", "desc"}}}};
    case Type::Stat:
      return {{"reduceOptions", LastValue()}, {"orientation", "auto"}, {"textMode", "auto"},
              {"colorMode", "value"},         {"graphMode", "area"},   {"justifyMode", "auto"}};
    case Type::Gauge:
      return {{"reduceOptions", LastValue()},
              {"orientation", "auto"},
              {"showThresholdLabels", false},
              {"showThresholdMarkers", true}};
    case Type::Table:
      return {{"showHeader", true}};
    case Type::BarGauge:
      return {{"reduceOptions", LastValue()},
              {"orientation", "horizontal"},
              {"displayMode", "gradient"},
              {"showUnfilled", true}};
    case Type::Text:
      return {{"mode", "markdown"}, {"content", panel.content}};
    case Type::Logs:
      return {{"showTime", true},        {"showLabels", false},         {"showCommonLabels", false},
              {"wrapLogMessage", true},  {"prettifyLogMessage", false}, {"enableLogDetails", true},
              {"dedupStrategy", "none"}, {"sortOrder", "Descending"}};
    case Type::PieChart:
      return {{"reduceOptions", LastValue()},
              {"pieType", "pie"},
              {"displayLabels", Json::array({"percent"})},
              {"legend",
               {{"showLegend", true},
                {"displayMode", "list"},
                {"placement", "right"},
                {"calcs", Json::array()},
                {"values", Json::array({"percent"})}}},
              {"tooltip", {{"mode", "single"}, {"sort", "none"}}}};
  }
  return nullptr;
}

// One table out of the panel's queries. Grafana names the value column of
// query X "Value #X" when there are several, "Value" when there is one.
Json TableTransformations(const model::Panel& panel) {
  Json out = Json::array();
  if (panel.targets.size() > 1) out.push_back({{"id", "merge"}, {"options", Json::object()}});
  Json rename = Json::object();
  for (size_t i = 0; i < panel.targets.size(); ++i) {
    const std::string& legend = panel.targets[i].legend;
    if (legend.empty()) continue;
    rename[panel.targets.size() > 1 ? "Value #" + RefId(i) : "Value"] = legend;
  }
  Json organize = {{"excludeByName", {{"Time", true}}}};
  if (!rename.empty()) organize["renameByName"] = rename;
  out.push_back({{"id", "organize"}, {"options", organize}});
  return out;
}

// The spec's links, then the runbooks of the alert the thresholds come from.
Json Links(const model::Panel& panel, const model::System& system) {
  Json out = Json::array();
  std::set<std::string> urls;
  for (const auto& [title, url] : panel.links) {
    if (urls.insert(url).second) out.push_back(LinkJson(title, url));
  }
  if (panel.thresholds_from_alert) {
    for (const model::Rule* alert : AlertsNamed(system, panel.thresholds_from_alert->name)) {
      if (!alert->runbook.empty() && urls.insert(alert->runbook).second) {
        out.push_back(LinkJson("Runbook: " + alert->name.name, alert->runbook));
      }
    }
  }
  return out;
}

}  // namespace

Json PanelJson(const model::Panel& panel, int id, const GridPos& pos, const model::System& system) {
  Json j;
  j["id"] = id;
  j["type"] = KindOf(panel.type).id;
  j["title"] = panel.title;
  if (panel.type == Type::Row) {
    j["gridPos"] = GridPosJson(pos);
    j["collapsed"] = false;
    j["panels"] = Json::array();  // a row that is open holds none: they follow it
    return j;
  }
  if (!panel.description.empty()) j["description"] = panel.description;
  j["gridPos"] = GridPosJson(pos);
  if (!panel.targets.empty()) {
    j["datasource"] = PanelDatasource(panel);
    Json targets = Json::array();
    for (size_t i = 0; i < panel.targets.size(); ++i) {
      targets.push_back(TargetJson(panel, panel.targets[i], i));
    }
    j["targets"] = targets;
  }
  if (panel.type != Type::Text) j["fieldConfig"] = FieldConfig(panel, system);
  j["options"] = Options(panel);
  if (panel.type == Type::Table && !panel.targets.empty()) {
    j["transformations"] = TableTransformations(panel);
  }
  Json links = Links(panel, system);
  if (!links.empty()) j["links"] = links;
  return j;
}

}  // namespace monc::grafana
