// ExpandSlos: every SLO becomes one rule group of recording and alerting
// rules, appended to the system's groups, and its alert tiers get inhibit
// rules, appended to the system's inhibit rules; the backends then write
// them like any other. Names and numbers are slo_plan.h's; the SLI's
// expressions slo_sli.h's. For `api-availability` at 99.9% over 30d:
//
//   slo:sli_total:rate5m          sum(rate(<total>[5m]))
//   slo:sli_error:rate5m          sum(rate(<bad>[5m])) or on() 0 * slo:sli_total:rate5m{...}
//   slo:sli_error:ratio_rate5m    slo:sli_error:rate5m{sloth_id="..."} / slo:sli_total:rate5m{...}
//   slo:sli_error:ratio_rate<w>   sum_over_time(slo:sli_error:rate5m{...}[w])
//                                   / sum_over_time(slo:sli_total:rate5m{...}[w])
//                                 for w in 30m 1h 2h 6h 1d 3d 30d (and the tiers' windows)
//   slo:objective:ratio           vector(0.999)
//   slo:error_budget:ratio        vector(0.001)
//   slo:time_period:days          vector(30)
//   slo:current_burn_rate:ratio   slo:sli_error:ratio_rate5m{...} / 0.001
//   slo:period_burn_rate:ratio    slo:sli_error:ratio_rate30d{...} / 0.001
//   slo:period_error_budget_remaining:ratio   1 - slo:period_burn_rate:ratio{...}
//   alert <Slo>BudgetBurnPage     ( slo:sli_error:ratio_rate1h{...} / 0.001 > 14.4
//                                   and slo:sli_error:ratio_rate5m{...} / 0.001 > 14.4 )
//                                 or ( ...6h... > 6 and ...30m... > 6 )
//   inhibit                       slo_tier="page" mutes slo_tier="ticket" of the same sloth_id
//
// Every rule carries the plan's labels (defaults.labels, the SLO's labels,
// sloth_id/sloth_service/sloth_slo); an alert also its severity level's
// labels, `service` and `team` of the SLO's service, slo_tier and the
// severity label, and a summary and description naming the SLO, its
// objective and each window pair with its burn rate and the share of the
// budget that rate spends in the long window. Alerts have no `for`: the
// short window already ends an alert within minutes of the burn stopping.
//
// Long windows are derived, not read from raw series. Only the two base
// rules run rate() over raw series, over the base window b (5m); at every
// evaluation (interval i) they record e(t), bad events per second over
// (t-b, t], and n(t), all events per second. A window w is then
//
//   ratio_w(t) = sum of e(s) / sum of n(s), over the samples s in [t-w, t]
//
// Each sample counts the events of its own (s-b, s], so an event at u is
// counted once for every sample in [u, u+b): b/i times for u in
// [t-w, t-b], fewer at both ends. The ratio is therefore the error ratio
// of the events in (t-w-b, t] under a trapezoid weight, flat over
// [t-w, t-b] and ramping over b at each end: exact while the error ratio
// is steady, and otherwise differing from the exact window by at most the
// events of two base windows against those of w (b/w: 1/6 for 30m, 1/12 for
// 1h, 1/8640 for 30d), lagging it by b/2. It is a ratio of sums, not Sloth's
// average of 5m ratios: busy minutes weigh as much as their traffic, and a
// base window without traffic adds 0 to both sums instead of a NaN that
// would poison the whole window. Cost: a derived window reads two recorded
// series of w/i samples each (43,200 for 30d at 1m) and no raw series,
// however many series the SLI selects.
//
// Checks (their own diagnostics, at the SLO's place in the spec):
//   slo/objective-as-ratio  objective below 1 (0.999 is 0.999%, not 99.9%)
//   slo/bad-window          a window that rounds to 0s, a short window not
//                           shorter than its long one
//   slo/tier-never-fires    a factor x error budget of 100% or more: the
//                           error ratio can never exceed it
//   spec/bad-value          a burn rate with no severity to alert at
//   spec/duplicate-name     a spec group already named slo:<name>
// and the SLI's PromQL (slo_sli.h). An SLO with an error expands to nothing.
#ifndef MONC_COMPILER_ANALYSIS_SLO_EXPAND_H_
#define MONC_COMPILER_ANALYSIS_SLO_EXPAND_H_

#include "compiler/analysis/slo_plan.h"
#include "compiler/diag/sink.h"
#include "compiler/model/model.h"
#include "compiler/source/source_manager.h"

namespace monc {

void ExpandSlos(model::System& system, const SourceManager& sources, DiagnosticSink& sink);

namespace slo {

// The slo/* checks of one SLO (slo_checks.cc); false when it has an error.
bool CheckSlo(const Plan& plan, DiagnosticSink& sink);

}  // namespace slo
}  // namespace monc

#endif  // MONC_COMPILER_ANALYSIS_SLO_EXPAND_H_
