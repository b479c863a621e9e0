#include "backends/alertmanager/alertmanager.h"

#include "backends/alertmanager/config.h"
#include "backends/alertmanager/names.h"
#include "backends/common/names.h"
#include "backends/common/yaml_emit.h"

namespace monc::alertmanager {
namespace {

// Go template source: one define per template, by name. A JSON string
// literal is also a valid Go one, so dump() quotes the name.
std::string TemplateFile(const model::System& system, const std::string& name) {
  std::string out = "{{/* " + backends::GeneratedNotice(name) + " */}}\n";
  for (const auto& [template_name, body] : system.alertmanager.templates) {
    out += "{{ define " + nlohmann::json(template_name).dump() + " }}" + body + "{{ end }}\n";
  }
  return out;
}

// The flags every replica is started with. Replicas gossip so that each
// notification goes out once, but each one only knows the alerts it was
// sent, hence the note about Prometheus.
std::string ClusterArgs(const model::System& system, const std::string& name) {
  const model::AlertmanagerSettings& settings = system.alertmanager;
  std::string out = "# " + backends::GeneratedNotice(name) + "\n";
  out += "# Cluster flags for every Alertmanager replica (" + std::to_string(settings.replicas) +
         " in the spec), one per line.\n";
  out += "# Prometheus must list every replica in alerting.alertmanagers, not a load balancer:\n";
  out += "# replicas deduplicate notifications, they do not share alerts.\n";
  const std::string& listen =
      settings.listen_address.empty() ? kDefaultListenAddress : settings.listen_address;
  out += "--cluster.listen-address=" + listen + "\n";
  for (const std::string& peer : settings.peers) out += "--cluster.peer=" + peer + "\n";
  return out;
}

}  // namespace

void AlertmanagerBackend::Generate(const CheckedSpec& spec, OutputSet& out) const {
  const model::System& system = spec.system();
  if (!system.route) return;
  const std::string name = backends::SystemName(system);
  out.Add(kConfigPath, backends::RenderYaml(AlertmanagerConfig(system), name));
  if (!system.alertmanager.templates.empty()) {
    out.Add(TemplateFilePath(system), TemplateFile(system, name));
  }
  if (system.alertmanager.replicas > 1 || !system.alertmanager.peers.empty()) {
    out.Add(kClusterArgsPath, ClusterArgs(system, name));
  }
}

}  // namespace monc::alertmanager
