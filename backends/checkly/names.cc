#include "backends/checkly/names.h"

#include <cctype>

#include "backends/common/names.h"

namespace monc::checkly {
namespace {

// Checkly's LOGICAL_ID_PATTERN is [A-Za-z0-9_\-/#.]+; '/' and '#' are kept
// for the IDs monc composes.
std::string LogicalIdPart(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') c = '_';
  }
  return out.empty() ? "_" : out;
}

}  // namespace

std::string ConfigFilePath() { return "checkly/checkly.config.ts"; }
std::string PackageFilePath() { return "checkly/package.json"; }
std::string AlertChannelsFilePath() { return "checkly/__checks__/alert-channels.ts"; }

std::string CheckFilePath(const model::Check& check) {
  return "checkly/__checks__/" + check.id.name + ".check.ts";
}

std::string ProjectLogicalId(const model::System& system) { return backends::SystemName(system); }

std::string PackageName(const model::System& system) {
  return backends::SystemName(system) + "-checks";
}

std::string ChannelLogicalId(const std::string& receiver, const std::string& kind, int n,
                             bool numbered) {
  std::string id = LogicalIdPart(receiver) + "/" + kind;
  return numbered ? id + "-" + std::to_string(n) : id;
}

std::string FrequencyConstant(int64_t millis) {
  constexpr int64_t kMinute = 60'000, kHour = 3'600'000;
  if (millis < kMinute) return "EVERY_" + std::to_string(millis / 1000) + "S";
  if (millis < kHour) return "EVERY_" + std::to_string(millis / kMinute) + "M";
  return "EVERY_" + std::to_string(millis / kHour) + "H";
}

std::string SecretFileVariable(const std::string& path, bool whole_path) {
  std::string source = path;
  if (!whole_path) {
    size_t slash = path.find_last_of('/');
    if (slash != std::string::npos) source = path.substr(slash + 1);
  }
  std::string out;
  for (char c : source) {
    bool alnum = std::isalnum(static_cast<unsigned char>(c));
    char upper = alnum ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : '_';
    // One '_' for a run of separators, none at the start ("/etc" -> "ETC").
    if (upper == '_' && (out.empty() || out.back() == '_')) continue;
    out += upper;
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out = "SECRET_" + out;
  return out;
}

}  // namespace monc::checkly
