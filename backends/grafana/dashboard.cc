#include "backends/grafana/dashboard.h"

#include <set>

#include "backends/grafana/datasources.h"
#include "backends/grafana/layout.h"
#include "backends/grafana/links.h"
#include "backends/grafana/names.h"
#include "backends/grafana/panels.h"

namespace monc::grafana {
namespace {

using Json = nlohmann::ordered_json;

Json Variables(const model::Dashboard& dashboard) {
  std::set<std::string_view> used;
  if (!dashboard.variables.empty()) used.insert(Prometheus().variable);
  for (const model::Panel& panel : dashboard.panels) {
    for (const model::Panel::Target& t : panel.targets)
      used.insert(DatasourceOf(panel, t).variable);
  }
  Json list = Json::array();
  for (const Datasource& datasource : AllDatasources()) {
    if (used.count(datasource.variable)) list.push_back(DatasourceVariable(datasource));
  }
  constexpr int kRefreshOnTimeRangeChange = 2;
  constexpr int kSortAlphabetical = 1;
  for (const model::Dashboard::Variable& v : dashboard.variables) {
    Json j;
    j["name"] = v.name;
    if (!v.label.empty()) j["label"] = v.label;
    j["type"] = "query";
    j["datasource"] = DatasourceRef(Prometheus());
    j["query"] = v.query;
    j["refresh"] = kRefreshOnTimeRangeChange;
    j["sort"] = kSortAlphabetical;
    j["multi"] = v.multi;
    j["includeAll"] = v.include_all;
    list.push_back(j);
  }
  return list;
}

}  // namespace

Json DashboardJson(const model::Dashboard& dashboard, const model::System& system) {
  Json j;
  j["uid"] = Uid(dashboard.uid);
  j["title"] = dashboard.title;
  if (!dashboard.description.empty()) j["description"] = dashboard.description;
  if (!dashboard.tags.empty()) j["tags"] = dashboard.tags;
  constexpr int kSharedCrosshair = 1;  // every panel marks the moment under the mouse
  j["graphTooltip"] = kSharedCrosshair;
  j["schemaVersion"] = kSchemaVersion;
  if (!dashboard.refresh.empty()) j["refresh"] = dashboard.refresh;
  j["time"] = {{"from", dashboard.time_from.empty() ? "now-6h" : dashboard.time_from},
               {"to", dashboard.time_to.empty() ? "now" : dashboard.time_to}};
  Json variables = Variables(dashboard);
  if (!variables.empty()) j["templating"] = {{"list", variables}};
  if (!dashboard.links.empty()) {
    Json links = Json::array();
    for (const auto& [title, url] : dashboard.links) links.push_back(LinkJson(title, url));
    j["links"] = links;
  }
  Json panels = Json::array();
  std::vector<GridPos> positions = Layout(dashboard.panels);
  for (size_t i = 0; i < dashboard.panels.size(); ++i) {
    panels.push_back(PanelJson(dashboard.panels[i], int(i) + 1, positions[i], system));
  }
  j["panels"] = panels;
  return j;
}

}  // namespace monc::grafana
