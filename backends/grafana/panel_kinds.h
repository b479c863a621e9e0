// Each panel type of the spec as Grafana knows it: its plugin id and the
// size it gets on the 24-column grid when the spec gives none.
#ifndef MONC_BACKENDS_GRAFANA_PANEL_KINDS_H_
#define MONC_BACKENDS_GRAFANA_PANEL_KINDS_H_

#include <string_view>

#include "compiler/model/model.h"

namespace monc::grafana {

inline constexpr int kGridColumns = 24;

struct PanelKind {
  std::string_view id;  // the panel's `type`: "timeseries"
  int width;            // in grid columns
  int height;           // in grid rows of 30px
};

PanelKind KindOf(model::Panel::Type type);

}  // namespace monc::grafana

#endif  // MONC_BACKENDS_GRAFANA_PANEL_KINDS_H_
