#include "backends/grafana/links.h"

namespace monc::grafana {

nlohmann::ordered_json LinkJson(const std::string& title, const std::string& url) {
  bool same_grafana = url.rfind("/d/", 0) == 0;
  return {{"title", title},
          {"type", "link"},
          {"url", url},
          {"icon", same_grafana ? "dashboard" : "external link"},
          {"tooltip", ""},
          {"targetBlank", !same_grafana},
          {"asDropdown", false},
          {"includeVars", false},
          {"keepTime", same_grafana},
          {"tags", nlohmann::ordered_json::array()}};
}

std::string DashboardUrl(const std::string& uid) { return "/d/" + uid; }

}  // namespace monc::grafana
