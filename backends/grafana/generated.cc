// What the service and SLO dashboards share.
#include "backends/grafana/generated.h"

namespace monc::grafana {

model::Panel QueryPanel(model::Panel::Type type, const std::string& title, const std::string& unit,
                        const std::vector<std::pair<std::string, std::string>>& targets) {
  model::Panel panel;
  panel.type = type;
  panel.title = title;
  panel.unit = unit;
  for (const auto& [expr, legend] : targets) {
    model::Panel::Target target;
    target.query = expr;
    target.legend = legend;
    panel.targets.push_back(target);
  }
  return panel;
}

std::string PromQuote(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace monc::grafana
