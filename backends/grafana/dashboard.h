// One dashboard as Grafana's JSON model (schemaVersion 39, the shape of
// @grafana/schema's Dashboard): uid, title, tags, time range, refresh,
// links, template variables and the panels laid out on the grid.
//
// Variables: first a `datasource` variable for each kind of data source
// the queries use (datasources.h), then the spec's own as query variables
// on Prometheus (`label_values(...)`, refreshed when the time range
// changes, sorted, multi-value and "All" as the spec says).
#ifndef MONC_BACKENDS_GRAFANA_DASHBOARD_H_
#define MONC_BACKENDS_GRAFANA_DASHBOARD_H_

#include <nlohmann/json.hpp>

#include "compiler/model/model.h"

namespace monc::grafana {

inline constexpr int kSchemaVersion = 39;

nlohmann::ordered_json DashboardJson(const model::Dashboard& dashboard,
                                     const model::System& system);

}  // namespace monc::grafana

#endif  // MONC_BACKENDS_GRAFANA_DASHBOARD_H_
