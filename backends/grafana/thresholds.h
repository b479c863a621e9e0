// A panel's thresholds as Grafana's absolute steps: a base step (no value,
// from minus infinity) and then, in ascending order, the value from which
// each colour holds. They come from, first to last:
//
//   - the panel's own `thresholds`. A lowest step at 0 or below becomes the
//     base, which is what `{value: 0, color: green}` means to a user who
//     has seen Grafana's "Base"; otherwise the base is green;
//   - `thresholds_from: {alert: A}`: every alert named A adds its threshold,
//     the literal on one side of its expression's top comparison
//     (`... > 0.05`, `30 > ...`; through parentheses and the left side of
//     `and`/`unless`). Each range of values takes the colour of the most
//     severe alert firing there: red for a paging severity, orange for
//     another, green where none fires. An alert with no such comparison
//     (`absent(x)`, `up == 0`) adds nothing;
//   - `thresholds_from: {slo: S}`: red below S's objective, green from it;
//     the objective as a ratio (99.9 -> 0.999), or in percent when the
//     panel's unit is "percent";
//   - nothing: a green base alone. Without steps Grafana would apply its
//     default red step at 80, which means nothing here.
#ifndef MONC_BACKENDS_GRAFANA_THRESHOLDS_H_
#define MONC_BACKENDS_GRAFANA_THRESHOLDS_H_

#include <optional>
#include <string>
#include <vector>

#include "compiler/model/model.h"

namespace monc::grafana {

struct Step {
  std::optional<double> value;  // nullopt: the base step
  std::string color;
  bool operator==(const Step& o) const { return value == o.value && color == o.color; }
};

std::vector<Step> PanelSteps(const model::Panel& panel, const model::System& system);

// Where an alert expression crosses into firing: its threshold and whether
// it fires above it (`>`, `>=`) or below (`<`, `<=`). Nullopt when the
// expression does not parse or has no such comparison at the top.
struct AlertThreshold {
  double value = 0;
  bool fires_above = true;
};
std::optional<AlertThreshold> ThresholdOf(const std::string& alert_expr);

// Every alerting rule named `name`, in spec order.
std::vector<const model::Rule*> AlertsNamed(const model::System& system, const std::string& name);

}  // namespace monc::grafana

#endif  // MONC_BACKENDS_GRAFANA_THRESHOLDS_H_
