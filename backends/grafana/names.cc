#include "backends/grafana/names.h"

#include <cctype>
#include <cstdio>

#include "backends/common/names.h"

namespace monc::grafana {
namespace {

bool IsUidChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

// FNV-1a: stable across platforms and runs, unlike std::hash.
uint32_t Fnv1a(const std::string& s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::string Hash8(const std::string& s) {
  char hash[9];
  std::snprintf(hash, sizeof hash, "%08x", Fnv1a(s));
  return hash;
}

std::string Lower(std::string s) {
  for (char& c : s) c = std::tolower(static_cast<unsigned char>(c));
  return s;
}

}  // namespace

std::string Uid(const std::string& id) {
  bool valid = !id.empty() && id.size() <= kMaxUidLength;
  for (char c : id) valid = valid && IsUidChar(c);
  if (valid) return id;
  constexpr size_t kHashLength = 8;
  std::string prefix;
  for (char c : id.substr(0, kMaxUidLength - kHashLength - 1)) prefix += IsUidChar(c) ? c : '-';
  return prefix + "-" + Hash8(id);
}

std::string ServiceDashboardUid(const model::System& system, const std::string& service) {
  return Uid(backends::SystemName(system) + "-service-" + service);
}

std::string SloDashboardUid(const model::System& system, const std::string& slo) {
  return Uid(backends::SystemName(system) + "-slo-" + slo);
}

std::string FolderOf(const model::Dashboard& dashboard, const model::System& system) {
  if (!dashboard.folder.empty()) return dashboard.folder;
  if (!system.grafana.folder.empty()) return system.grafana.folder;
  std::set<std::string> named;
  for (const model::Dashboard& d : system.dashboards) {
    if (!d.folder.empty()) named.insert(d.folder);
  }
  return named.size() == 1 ? *named.begin() : backends::SystemName(system);
}

std::map<std::string, std::string> FolderDirs(const std::set<std::string>& folders) {
  std::map<std::string, std::string> dirs;
  std::map<std::string, int> lower_count;
  for (const std::string& folder : folders) {
    std::string dir = folder;
    for (char& c : dir) {
      if (c == '/' || c == '\\') c = '-';
    }
    if (dir[0] == '.') dir[0] = '_';
    dirs[folder] = dir;
    ++lower_count[Lower(dir)];
  }
  for (auto& [folder, dir] : dirs) {
    if (lower_count[Lower(dir)] > 1) dir += "-" + Hash8(folder);
  }
  return dirs;
}

std::string DashboardPath(const std::string& dir, const std::string& uid) {
  return "grafana/dashboards/" + dir + "/" + uid + ".json";
}

std::string RefId(size_t index) {
  std::string id;
  for (size_t n = index + 1; n > 0; n = (n - 1) / 26)
    id.insert(id.begin(), char('A' + (n - 1) % 26));
  return id;
}

}  // namespace monc::grafana
