#include "backends/grafana/grafana.h"

#include <map>
#include <set>

#include "backends/grafana/dashboard.h"
#include "backends/grafana/generated.h"
#include "backends/grafana/names.h"
#include "backends/grafana/provisioning.h"

namespace monc::grafana {
namespace {

// The spec's dashboards, then the generated ones no spec dashboard replaces.
std::vector<model::Dashboard> AllDashboards(const model::System& system) {
  std::vector<model::Dashboard> all = system.dashboards;
  std::set<std::string> uids;
  for (const model::Dashboard& d : all) uids.insert(Uid(d.uid));
  for (auto generate : {ServiceDashboards, SloDashboards}) {
    for (model::Dashboard& d : generate(system)) {
      if (uids.insert(Uid(d.uid)).second) all.push_back(std::move(d));
    }
  }
  return all;
}

// Grafana reads any JSON file of a provisioned folder; two spaces of
// indent, as Grafana's own export, for reviewable diffs.
std::string Render(const nlohmann::ordered_json& dashboard) {
  return dashboard.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

void GrafanaBackend::Generate(const CheckedSpec& spec, OutputSet& out) const {
  const model::System& system = spec.system();
  std::vector<model::Dashboard> dashboards = AllDashboards(system);
  if (dashboards.empty()) return;
  std::set<std::string> folders;
  for (const model::Dashboard& d : dashboards) folders.insert(FolderOf(d, system));
  std::map<std::string, std::string> dirs = FolderDirs(folders);
  for (const model::Dashboard& d : dashboards) {
    out.Add(DashboardPath(dirs.at(FolderOf(d, system)), Uid(d.uid)),
            Render(DashboardJson(d, system)));
  }
  out.Add(kProvisioningPath, ProvisioningYaml(dirs, system));
}

}  // namespace monc::grafana
