// The Grafana data sources a dashboard's queries run on. Each is a template
// variable of type `datasource`, and every query names its data source by
// uid as that variable ("${datasource}"): the dashboard then loads on any
// Grafana, whatever uids its data sources were given, picking the default
// instance of each plugin, and a viewer can switch instance.
#ifndef MONC_BACKENDS_GRAFANA_DATASOURCES_H_
#define MONC_BACKENDS_GRAFANA_DATASOURCES_H_

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "compiler/model/model.h"

namespace monc::grafana {

struct Datasource {
  std::string_view variable;  // "datasource"
  std::string_view plugin;    // Grafana's plugin id, the ref's type: "prometheus"
  std::string_view label;     // the variable's label: "Prometheus"
};

// Every data source the backend writes, in the order of a dashboard's
// variables: Prometheus first (query variables read it), then Loki, then
// the SQL ones.
const std::vector<Datasource>& AllDatasources();

// Where the template variables' queries run.
const Datasource& Prometheus();

// Where `target` of `panel` runs: PromQL on Prometheus, LogQL on Loki, SQL
// on the SQL plugin the panel's `datasource` names (PostgreSQL, MySQL or
// Microsoft SQL Server; PostgreSQL when the name says none of them).
const Datasource& DatasourceOf(const model::Panel& panel, const model::Panel::Target& target);

// {"type": "prometheus", "uid": "${datasource}"}
nlohmann::ordered_json DatasourceRef(const Datasource& datasource);

// The template variable that DatasourceRef names.
nlohmann::ordered_json DatasourceVariable(const Datasource& datasource);

}  // namespace monc::grafana

#endif  // MONC_BACKENDS_GRAFANA_DATASOURCES_H_
