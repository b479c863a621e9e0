// Every backend of the binary, in one plain list (protoc's main.cc).
#include "backends/alertmanager/alertmanager.h"
#include "backends/checkly/checkly.h"
#include "backends/grafana/grafana.h"
#include "backends/loki/loki.h"
#include "backends/prometheus/prometheus.h"
#include "backends/promtool_tests/promtool_tests.h"
#include "compiler/driver/generate.h"

namespace monc {

OutputSet Generate(const CheckedSpec& spec) {
  const prometheus::PrometheusBackend prometheus;
  const alertmanager::AlertmanagerBackend alertmanager;
  const promtool_tests::PromtoolTestsBackend promtool_tests;
  const grafana::GrafanaBackend grafana;
  const checkly::ChecklyBackend checkly;
  const loki::LokiBackend loki;
  const Backend* backends[] = {&prometheus, &promtool_tests, &alertmanager, &grafana, &checkly,
                               &loki};
  OutputSet out;
  for (const Backend* backend : backends) backend->Generate(spec, out);
  return out;
}

}  // namespace monc
