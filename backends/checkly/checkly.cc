#include "backends/checkly/checkly.h"

#include <nlohmann/json.hpp>

#include "backends/checkly/alert_channels.h"
#include "backends/checkly/check_file.h"
#include "backends/checkly/names.h"
#include "backends/checkly/render.h"
#include "backends/common/names.h"
#include "backends/common/yaml_emit.h"

namespace monc::checkly {
namespace {

// The version of the checkly package the output is tested with
// (tools/npm/package.json).
constexpr char kChecklyVersion[] = "^9.5.0";

std::string PackageJson(const model::System& system) {
  nlohmann::ordered_json package;
  package["name"] = PackageName(system);
  package["private"] = true;
  package["description"] = backends::GeneratedNotice(backends::SystemName(system));
  package["scripts"] = {{"test", "checkly test"}, {"deploy", "checkly deploy"}};
  package["devDependencies"] = {{"checkly", kChecklyVersion}};
  return package.dump(2) + "\n";
}

std::string ConfigFile(const model::System& system, const std::string& notice) {
  Data data;
  data.set("notice", TsComment(notice));
  data.set("project_name", backends::SystemName(system));
  data.set("logical_id", ProjectLogicalId(system));
  return Render("checkly.config.ts", data);
}

}  // namespace

void ChecklyBackend::Generate(const CheckedSpec& spec, OutputSet& out) const {
  const model::System& system = spec.system();
  if (system.checks.empty()) return;
  const std::string notice = backends::GeneratedNotice(backends::SystemName(system));
  out.Add(PackageFilePath(), PackageJson(system));
  out.Add(ConfigFilePath(), ConfigFile(system, notice));
  if (auto channels = AlertChannelsFile(system, notice))
    out.Add(AlertChannelsFilePath(), *channels);
  for (const model::Check& check : system.checks)
    out.Add(CheckFilePath(check), CheckFile(check, notice));
}

}  // namespace monc::checkly
