// One panel of a dashboard as Grafana's JSON (schemaVersion 39): its
// queries, field config (unit, decimals, min, max, thresholds), the
// options of its plugin, and links.
//
// Queries: PromQL as Prometheus targets (expr, legendFormat; instant
// queries as tables in table panels), LogQL as Loki targets (expr,
// queryType), SQL as raw SQL in table format, each with refId A, B, ...
// and the data source of datasources.h; the panel's own data source is
// theirs, or "-- Mixed --" when they differ. A table panel merges its
// queries into one table, without the Time column, and names each value
// column after its query's legend.
//
// Options are what the plugin needs to look as the spec means: stats and
// gauges show the last value, time series a legend and a shared tooltip
// and their threshold lines, text panels their markdown. Everything else
// is left to the plugin's defaults.
#ifndef MONC_BACKENDS_GRAFANA_PANELS_H_
#define MONC_BACKENDS_GRAFANA_PANELS_H_

#include <nlohmann/json.hpp>

#include "backends/grafana/layout.h"
#include "compiler/model/model.h"

namespace monc::grafana {

nlohmann::ordered_json PanelJson(const model::Panel& panel, int id, const GridPos& pos,
                                 const model::System& system);

}  // namespace monc::grafana

#endif  // MONC_BACKENDS_GRAFANA_PANELS_H_
