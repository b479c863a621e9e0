#include "backends/grafana/panel_kinds.h"

namespace monc::grafana {

// Two time series side by side; four stats, three pie charts or two tables
// in a row; logs across the whole width, where their lines fit.
PanelKind KindOf(model::Panel::Type type) {
  using Type = model::Panel::Type;
  switch (type) {  // every type, or -Werror=switch fails the build
    case Type::Row:
      return {"row", kGridColumns, 1};
    case Type::Timeseries:
      return {"timeseries", 12, 8};
    case Type::Stat:
      return {"stat", 6, 4};
    case Type::Gauge:
      return {"gauge", 6, 6};
    case Type::Table:
      return {"table", 12, 8};
    case Type::BarGauge:
      return {"bargauge", 12, 8};
    case Type::Text:
      return {"text", 12, 6};
    case Type::Logs:
      return {"logs", kGridColumns, 10};
    case Type::PieChart:
      return {"piechart", 8, 8};
  }
  return {"timeseries", 12, 8};
}

}  // namespace monc::grafana
