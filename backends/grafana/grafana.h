// The Grafana backend: the spec's dashboards, a dashboard per service and
// per SLO, and the provisioning file that loads them. For system "shop":
//
//   grafana/dashboards/<folder>/<uid>.json    a Grafana dashboard JSON
//                                             model each (dashboard.h)
//   grafana/provisioning/dashboards.yaml      a file provider per folder
//                                             (provisioning.h)
//
// A dashboard's folder is its own, else the system's default (names.h:
// `grafana.folder`, else the one folder the spec's dashboards share, else
// the system's name); its uid its own, else derived from its key. Generated
// dashboards (generated.h) follow the spec's, and one whose uid a spec
// dashboard already has is left out: the spec's replaces it. Every query
// names its data source through a template variable (datasources.h), so
// the files load on any Grafana. JSON keys are in a fixed order, panels in
// the spec's: same spec, same bytes. A system without dashboards (spec or
// generated) gets no files.
//
// The analysis phase checked the PromQL of the spec's panels; generated
// panels read only what the metrics catalog has and the SLOs' recording
// rules (grafana_examples_test puts them through the same checks). The
// output matches @grafana/schema's Dashboard and panel types, which
// grafana_real_tools_test checks with tsc.
#ifndef MONC_BACKENDS_GRAFANA_GRAFANA_H_
#define MONC_BACKENDS_GRAFANA_GRAFANA_H_

#include <string_view>

#include "backends/backend.h"

namespace monc::grafana {

class GrafanaBackend : public Backend {
 public:
  std::string_view Name() const override { return "grafana"; }
  void Generate(const CheckedSpec& spec, OutputSet& out) const override;
};

}  // namespace monc::grafana

#endif  // MONC_BACKENDS_GRAFANA_GRAFANA_H_
