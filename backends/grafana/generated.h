// The dashboards monc writes without being asked, built as spec dashboards
// so that one renderer draws every dashboard. `grafana.service_dashboards`
// and `grafana.slo_dashboards: false` switch them off; a spec dashboard
// with the same uid replaces one.
//
// A service dashboard (uid ServiceDashboardUid) shows what the metrics
// catalog (the spec's metrics and imports) has: instances up from `up`;
// request rate from http_requests_total, errors when that counter has a
// status label; p50/p90/p99 latency from the http_request_duration_seconds
// histogram. A service's series are those whose `service` label is its
// name, or whose `job` is, when they have no `service` label. Rates span
// 5m, or 4 scrape intervals when that is longer. A service with none of
// these gets no dashboard.
//
// An SLO dashboard (uid SloDashboardUid) reads the recording rules the
// SLO expands to (compiler/analysis/slo_plan.h), selected by their
// sloth_id: the SLI over the SLO's window and over the base window, the
// error budget left, and the burn rate over the long window of each of its
// alert tiers' window pairs, with their factors as thresholds (red from the
// lowest paging factor up).
#ifndef MONC_BACKENDS_GRAFANA_GENERATED_H_
#define MONC_BACKENDS_GRAFANA_GENERATED_H_

#include <string>
#include <utility>
#include <vector>

#include "compiler/model/model.h"

namespace monc::grafana {

std::vector<model::Dashboard> ServiceDashboards(
    const model::System& system);                                          // service_dashboards.cc
std::vector<model::Dashboard> SloDashboards(const model::System& system);  // slo_dashboards.cc

// Shared by both: a panel of `type` with one PromQL query per target
// (expression, legend).
model::Panel QueryPanel(model::Panel::Type type, const std::string& title, const std::string& unit,
                        const std::vector<std::pair<std::string, std::string>>& targets);

// `value` as a PromQL string literal: "api", with '\' and '"' escaped.
std::string PromQuote(const std::string& value);

}  // namespace monc::grafana

#endif  // MONC_BACKENDS_GRAFANA_GENERATED_H_
