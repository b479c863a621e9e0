// The Alertmanager backend: one Alertmanager 0.25 configuration per system.
// For system "shop":
//
//   alertmanager/alertmanager.yml        global, templates, route, receivers,
//                                        inhibit_rules, time_intervals
//   alertmanager/templates/shop.tmpl     {{ define "NAME" }}BODY{{ end }} per
//                                        template, by name (when there are any)
//   alertmanager/cluster.args            HA flags, one per line (when
//                                        replicas > 1 or peers are set)
//
// Secrets never appear in the output, only where to find them: a file
// secret is written as Alertmanager's *_file field (secret_fields.def), an
// env secret as "${NAME}" in the field itself, for deployments that render
// the config through envsubst. Matchers are written in Alertmanager's
// `matchers:` form; time intervals at the top level (0.24+). A system
// without a route gets no files: Alertmanager cannot run without one.
#ifndef MONC_BACKENDS_ALERTMANAGER_ALERTMANAGER_H_
#define MONC_BACKENDS_ALERTMANAGER_ALERTMANAGER_H_

#include <string_view>

#include "backends/backend.h"

namespace monc::alertmanager {

class AlertmanagerBackend : public Backend {
 public:
  std::string_view Name() const override { return "alertmanager"; }
  void Generate(const CheckedSpec& spec, OutputSet& out) const override;
};

}  // namespace monc::alertmanager

#endif  // MONC_BACKENDS_ALERTMANAGER_ALERTMANAGER_H_
