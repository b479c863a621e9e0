#include "compiler/driver/writer.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace monc {
namespace {

namespace fs = std::filesystem;

bool WriteFile(const fs::path& path, const std::string& contents) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return false;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << contents;
  out.close();
  return static_cast<bool>(out);
}

std::map<std::string, std::string> ReadTree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files[it->path().lexically_relative(dir).generic_string()] = text.str();
  }
  return files;
}

}  // namespace

bool WriteOutputs(const OutputSet& outputs, const std::string& dir, std::string* error) {
  fs::path target = fs::absolute(dir).lexically_normal();
  if (target.filename().empty()) target = target.parent_path();
  std::string suffix = "." + std::to_string(getpid());
  fs::path staging = target.string() + ".monc-new" + suffix;
  std::error_code ec;
  fs::remove_all(staging, ec);
  fs::create_directories(staging, ec);
  if (ec) {
    *error = "cannot create '" + staging.string() + "': " + ec.message();
    return false;
  }
  for (const auto& [path, contents] : outputs.files()) {
    if (!WriteFile(staging / path, contents)) {
      *error = "cannot write '" + (staging / path).string() + "'";
      fs::remove_all(staging, ec);
      return false;
    }
  }
  bool exists = fs::exists(target, ec);
  if (exists && !fs::is_directory(target, ec)) {
    *error = "'" + target.string() + "' exists and is not a folder";
    fs::remove_all(staging, ec);
    return false;
  }
  if (exists) {
    // One atomic swap: readers see the old tree or the new one, never a mix.
    if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
      *error = "cannot replace '" + target.string() + "'";
      fs::remove_all(staging, ec);
      return false;
    }
  } else {
    fs::create_directories(target.parent_path(), ec);
    fs::rename(staging, target, ec);
    if (ec) {
      *error = "cannot create '" + target.string() + "': " + ec.message();
      fs::remove_all(staging, ec);
      return false;
    }
  }
  fs::remove_all(staging, ec);  // after a swap, the previous tree
  return true;
}

std::vector<std::string> DiffOutputs(const OutputSet& outputs, const std::string& dir) {
  std::map<std::string, std::string> existing = ReadTree(dir);
  std::vector<std::string> diff;
  for (const auto& [path, contents] : outputs.files()) {
    auto it = existing.find(path);
    if (it == existing.end()) {
      diff.push_back("missing: " + path);
    } else if (it->second != contents) {
      diff.push_back("changed: " + path);
    }
  }
  for (const auto& [path, unused] : existing) {
    if (!outputs.files().count(path)) diff.push_back("extra: " + path);
  }
  std::sort(diff.begin(), diff.end(), [](const std::string& a, const std::string& b) {
    return a.substr(a.find(' ') + 1) < b.substr(b.find(' ') + 1);
  });
  return diff;
}

}  // namespace monc
