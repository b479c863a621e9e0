// A link of a dashboard's header or a panel's corner. Grafana's published
// type for both (DashboardLink) requires every field, so all are written.
#ifndef MONC_BACKENDS_GRAFANA_LINKS_H_
#define MONC_BACKENDS_GRAFANA_LINKS_H_

#include <nlohmann/json.hpp>
#include <string>

namespace monc::grafana {

// A link to `url`. A URL on the same Grafana ("/d/<uid>", DashboardUrl)
// opens in the same tab and keeps the time range; any other (a runbook)
// opens in a new tab.
nlohmann::ordered_json LinkJson(const std::string& title, const std::string& url);

// "/d/<uid>": the dashboard with `uid` on the same Grafana.
std::string DashboardUrl(const std::string& uid);

}  // namespace monc::grafana

#endif  // MONC_BACKENDS_GRAFANA_LINKS_H_
