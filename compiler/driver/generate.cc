// Every backend of the binary, in one plain list (protoc's main.cc).
#include "backends/alertmanager/alertmanager.h"
#include "backends/prometheus/prometheus.h"
#include "compiler/driver/generate.h"

namespace monc {

OutputSet Generate(const CheckedSpec& spec) {
  const prometheus::PrometheusBackend prometheus;
  const alertmanager::AlertmanagerBackend alertmanager;
  const Backend* backends[] = {&prometheus, &alertmanager};
  OutputSet out;
  for (const Backend* backend : backends) backend->Generate(spec, out);
  return out;
}

}  // namespace monc
