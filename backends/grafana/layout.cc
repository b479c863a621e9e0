#include "backends/grafana/layout.h"

#include <algorithm>

#include "backends/grafana/panel_kinds.h"

namespace monc::grafana {

std::vector<GridPos> Layout(const std::vector<model::Panel>& panels) {
  std::vector<GridPos> out;
  int x = 0, y = 0, line_height = 0;
  auto new_line = [&] {
    y += line_height;
    x = 0;
    line_height = 0;
  };
  for (const model::Panel& panel : panels) {
    PanelKind kind = KindOf(panel.type);
    bool row = panel.type == model::Panel::Type::Row;
    int w = row ? kGridColumns : std::min(panel.width > 0 ? panel.width : kind.width, kGridColumns);
    int h = !row && panel.height > 0 ? panel.height : kind.height;
    if (row || x + w > kGridColumns) new_line();
    out.push_back({x, y, w, h});
    x += w;
    line_height = std::max(line_height, h);
    if (row) new_line();
  }
  return out;
}

}  // namespace monc::grafana
