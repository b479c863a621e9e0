#include "backends/grafana/provisioning.h"

#include "backends/common/names.h"
#include "backends/common/yaml_emit.h"
#include "backends/grafana/names.h"

namespace monc::grafana {

std::string ProvisioningYaml(const std::map<std::string, std::string>& folder_dirs,
                             const model::System& system) {
  using Json = nlohmann::ordered_json;
  const std::string system_name = backends::SystemName(system);
  std::string base = system.grafana.dashboards_path;
  while (!base.empty() && base.back() == '/') base.pop_back();
  Json providers = Json::array();
  for (const auto& [folder, dir] : folder_dirs) {
    constexpr int kUpdateIntervalSeconds = 30;
    providers.push_back({{"name", system_name + "/" + folder},
                         {"orgId", 1},
                         {"folder", folder},
                         {"type", "file"},
                         {"disableDeletion", false},
                         {"allowUiUpdates", false},
                         {"updateIntervalSeconds", kUpdateIntervalSeconds},
                         {"options", {{"path", base + "/" + dir}}}});
  }
  return backends::RenderYaml({{"apiVersion", 1}, {"providers", providers}}, system_name);
}

}  // namespace monc::grafana
