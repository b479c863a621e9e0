// Every name the Grafana backend generates: uids, folders' directories,
// file paths, refIds.
#ifndef MONC_BACKENDS_GRAFANA_NAMES_H_
#define MONC_BACKENDS_GRAFANA_NAMES_H_

#include <cstddef>
#include <map>
#include <set>
#include <string>

#include "compiler/model/model.h"

namespace monc::grafana {

// Grafana's limit on a uid: at most 40 of [a-zA-Z0-9_-].
inline constexpr size_t kMaxUidLength = 40;

// A Grafana uid for `id`: `id` itself when it is one; otherwise its first
// characters (others made '-') and 8 hex digits of its hash, so that two
// ids never share a uid (as "a.b" and "a-b" would if only sanitized).
std::string Uid(const std::string& id);

// Uids of the generated dashboards: "<system>-service-<service>" and
// "<system>-slo-<slo>", as Uid() makes them. The system is part of them
// because uids are unique across a Grafana instance, which may serve
// several systems.
std::string ServiceDashboardUid(const model::System& system, const std::string& service);
std::string SloDashboardUid(const model::System& system, const std::string& slo);

// The folder a dashboard is filed in: its own, else the system's default:
// `grafana.folder`, else the one folder every spec dashboard that names a
// folder names (generated dashboards join the team's folder rather than
// open a second one), else the system's name.
std::string FolderOf(const model::Dashboard& dashboard, const model::System& system);

// Each folder's directory under grafana/dashboards/: its name with '/'
// and '\' made '-' and a leading '.' made '_' (so "." stays a folder).
// Folders whose directories would differ only in case ("Shop", "shop")
// get 8 hex digits of their name's hash appended, so that the tree checks
// out on case-insensitive file systems too.
std::map<std::string, std::string> FolderDirs(const std::set<std::string>& folders);

// "grafana/dashboards/<dir>/<uid>.json"
std::string DashboardPath(const std::string& dir, const std::string& uid);

inline constexpr char kProvisioningPath[] = "grafana/provisioning/dashboards.yaml";

// The refId of a panel's index-th query: A..Z, then AA, AB, ...
std::string RefId(size_t index);

}  // namespace monc::grafana

#endif  // MONC_BACKENDS_GRAFANA_NAMES_H_
