#include "backends/grafana/datasources.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace monc::grafana {
namespace {

const Datasource kPrometheus{"datasource", "prometheus", "Prometheus"};
const Datasource kLoki{"loki", "loki", "Loki"};
const Datasource kPostgres{"postgres", "grafana-postgresql-datasource", "PostgreSQL"};
const Datasource kMySql{"mysql", "mysql", "MySQL"};
const Datasource kMsSql{"mssql", "mssql", "Microsoft SQL Server"};

// What a SQL panel's `datasource` name says about its plugin, in lower case.
const std::pair<std::string_view, const Datasource*> kSqlNames[] = {{"mysql", &kMySql},
                                                                    {"mariadb", &kMySql},
                                                                    {"mssql", &kMsSql},
                                                                    {"sql server", &kMsSql},
                                                                    {"sqlserver", &kMsSql}};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

const std::vector<Datasource>& AllDatasources() {
  static const std::vector<Datasource> kAll = {kPrometheus, kLoki, kPostgres, kMySql, kMsSql};
  return kAll;
}

const Datasource& Prometheus() { return kPrometheus; }

const Datasource& DatasourceOf(const model::Panel& panel, const model::Panel::Target& target) {
  using Language = model::Panel::Target::Language;
  switch (target.language) {
    case Language::PromQL:
      return kPrometheus;
    case Language::LogQL:
      return kLoki;
    case Language::Sql:
      break;
  }
  std::string name = Lower(panel.datasource);
  for (const auto& [word, datasource] : kSqlNames) {
    if (name.find(word) != std::string::npos) return *datasource;
  }
  return kPostgres;
}

nlohmann::ordered_json DatasourceRef(const Datasource& datasource) {
  return {{"type", datasource.plugin}, {"uid", "${" + std::string(datasource.variable) + "}"}};
}

nlohmann::ordered_json DatasourceVariable(const Datasource& datasource) {
  constexpr int kRefreshOnDashboardLoad = 1;
  return {{"name", datasource.variable},
          {"label", datasource.label},
          {"type", "datasource"},
          {"query", datasource.plugin},
          {"refresh", kRefreshOnDashboardLoad}};
}

}  // namespace monc::grafana
