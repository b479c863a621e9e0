// Grafana's file provisioning for the generated dashboards
// (grafana/provisioning/dashboards.yaml, for Grafana's
// provisioning/dashboards/ folder): one provider per folder, reading
// <grafana.dashboards_path>/<dir>, the place grafana/dashboards/<dir> is
// deployed to. A provider per folder, rather than folders taken from
// the file tree, keeps each folder's title exactly as the spec writes it.
//
// The spec is the source of truth: the UI cannot save over a provisioned
// dashboard, and one removed from the spec is removed from Grafana.
#ifndef MONC_BACKENDS_GRAFANA_PROVISIONING_H_
#define MONC_BACKENDS_GRAFANA_PROVISIONING_H_

#include <map>
#include <string>

#include "compiler/model/model.h"

namespace monc::grafana {

// The whole file, for the dashboards' folders, each with its directory
// (FolderDirs).
std::string ProvisioningYaml(const std::map<std::string, std::string>& folder_dirs,
                             const model::System& system);

}  // namespace monc::grafana

#endif  // MONC_BACKENDS_GRAFANA_PROVISIONING_H_
