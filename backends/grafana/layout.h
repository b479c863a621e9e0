// Where each panel of a dashboard sits on Grafana's 24-column grid. Panels
// flow left to right in spec order, each at its own width and height or
// its type's default (panel_kinds.h); one that does not fit the line starts
// the next, below the tallest panel of the line. A row starts a new line
// and spans it. Same panels, same positions: no packing heuristics.
#ifndef MONC_BACKENDS_GRAFANA_LAYOUT_H_
#define MONC_BACKENDS_GRAFANA_LAYOUT_H_

#include <vector>

#include "compiler/model/model.h"

namespace monc::grafana {

struct GridPos {
  int x = 0, y = 0, w = 0, h = 0;
  bool operator==(const GridPos& o) const { return x == o.x && y == o.y && w == o.w && h == o.h; }
};

// One position per panel, in the panels' order.
std::vector<GridPos> Layout(const std::vector<model::Panel>& panels);

}  // namespace monc::grafana

#endif  // MONC_BACKENDS_GRAFANA_LAYOUT_H_
