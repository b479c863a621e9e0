// What one SLO expands to: its names, labels, numbers, windows and alert
// tiers, computed in one place so that the rules (slo_expand.h) and the
// promtool tests of those rules (backends/promtool_tests) cannot disagree.
//
// The naming is Sloth's (github.com/slok/sloth), so Sloth's Grafana
// dashboards and queries work on monc's output unchanged. For SLO
// `api-availability` of service `api-gateway`:
//
//   group         slo:api-availability
//   labels        sloth_id="api-gateway-api-availability",
//                 sloth_service="api-gateway" (the system's name without a service),
//                 sloth_slo="api-availability"
//   recordings    slo:sli_error:rate5m, slo:sli_total:rate5m   bad and all events per
//                   second over the base window (the shortest window, 5m by default):
//                   the only rules that read raw series
//                 slo:sli_error:ratio_rate<w>   error ratio over each window w
//                 slo:objective:ratio, slo:error_budget:ratio, slo:time_period:days
//                 slo:current_burn_rate:ratio   (base window), slo:period_burn_rate:ratio,
//                 slo:period_error_budget_remaining:ratio   (the SLO window)
//   alerts        ApiAvailabilityBudgetBurnPage, ApiAvailabilityBudgetBurnTicket
//                   labelled slo_tier="page" / "ticket"
//
// Tiers are the SRE workbook's multiwindow, multi-burn-rate alerts: without
// `alerting.burn_rates`, `alerting.page` asks for the page tier (1h and 5m
// above 14.4, or 6h and 30m above 6) and `alerting.ticket` for the ticket
// tier (1d and 2h above 3, or 3d and 6h above 1). `burn_rates` replaces both:
// entries sharing a severity form one tier, named "page" for the page
// severity, "ticket" for the ticket one, else after their severity level; an
// entry without a severity belongs to the page tier, or to the ticket tier
// when the SLO does not page.
#ifndef MONC_COMPILER_ANALYSIS_SLO_PLAN_H_
#define MONC_COMPILER_ANALYSIS_SLO_PLAN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/model/model.h"

namespace monc::slo {

inline constexpr char kIdLabel[] = "sloth_id";
inline constexpr char kServiceLabel[] = "sloth_service";
inline constexpr char kSloLabel[] = "sloth_slo";
inline constexpr char kTierLabel[] = "slo_tier";

// One window pair of a tier: fires when the error ratio exceeds
// factor x error budget over both windows.
struct WindowPair {
  model::Duration long_window;
  model::Duration short_window;
  double factor = 0;
  const model::Slo::BurnRate* written = nullptr;  // null: a default pair
};

struct Tier {
  std::string name;     // the slo_tier label
  model::Ref severity;  // a declared level; its span is where the tier was asked for
  std::string alert;    // the alert's name
  std::vector<WindowPair> pairs;

  double FastestFactor() const;
};

// A decimal kept exact: 99.95% is 9995 units of 10^-2 percent, so the
// budget prints as 0.0005 and not as 0.0004999999999999449.
struct Percent {
  int64_t units = 0;
  int places = 0;

  double Ratio() const;          // 0.9995
  std::string RatioText() const;  // "0.9995"
  std::string PercentText() const;  // "99.95"
};

struct Plan {
  const model::Slo* slo = nullptr;
  std::string group;    // the rule group's name
  std::string id;       // sloth_id
  std::string service;  // sloth_service
  // The labels of every recording rule: defaults.labels, the SLO's labels,
  // the sloth_* labels.
  model::LabelSet labels;
  Percent objective;
  Percent budget;  // 100% - objective
  // Every window with a slo:sli_error:ratio_rate<w> rule, ascending: the
  // workbook's seven, the tiers' and the SLO's own. The first is the base
  // window, the only one rates of raw series are taken over.
  std::vector<int64_t> windows_ms;
  std::vector<Tier> tiers;  // fastest first

  int64_t BaseMs() const { return windows_ms.front(); }
};

// The plan of `slo`, or nullopt when the model builder found the SLO
// unusable (objective out of range, SLI of neither kind), already reported.
// Tiers whose severity is not a declared level are left out (reported too).
std::optional<Plan> PlanSlo(const model::System& system, const model::Slo& slo);

// How the SLI counts: `bad` or `good` events against `total`, or requests
// of a histogram below a latency threshold; nullopt when incomplete.
enum class SliKind { Bad, Good, Latency };
std::optional<SliKind> KindOf(const model::Slo& slo);

// A window as Prometheus prints durations: "5m", "1d", "4w".
std::string WindowText(int64_t ms);

// Record names.
std::string ErrorRateRecord(int64_t window_ms);  // slo:sli_error:rate5m
std::string TotalRateRecord(int64_t window_ms);  // slo:sli_total:rate5m
std::string ErrorRatioRecord(int64_t window_ms);  // slo:sli_error:ratio_rate5m
inline constexpr char kObjectiveRecord[] = "slo:objective:ratio";
inline constexpr char kErrorBudgetRecord[] = "slo:error_budget:ratio";
inline constexpr char kTimePeriodRecord[] = "slo:time_period:days";
inline constexpr char kCurrentBurnRateRecord[] = "slo:current_burn_rate:ratio";
inline constexpr char kPeriodBurnRateRecord[] = "slo:period_burn_rate:ratio";
inline constexpr char kBudgetRemainingRecord[] = "slo:period_error_budget_remaining:ratio";

// This SLO's series of a record: slo:sli_total:rate5m{sloth_id="..."}.
std::string Series(const Plan& plan, const std::string& record);

// The shortest decimal that reads back as `v` (14.4, 6, 0.25), or `v` to
// `max_digits` significant digits when that is shorter (144, not
// 144.00000000000003).
std::string FormatNumber(double v, int max_digits = 17);

}  // namespace monc::slo

#endif  // MONC_COMPILER_ANALYSIS_SLO_PLAN_H_
