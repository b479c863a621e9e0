#include "backends/common/real_tools.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace monc::backends {

std::string TestDir(const std::string& name) {
  const char* root = std::getenv("TEST_TMPDIR");
  if (root == nullptr) throw std::runtime_error("TEST_TMPDIR is not set: run under bazel test");
  std::filesystem::path dir = std::filesystem::path(root) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

void WriteFile(const std::string& path, const std::string& contents) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream file(path, std::ios::binary);
  file << contents;
  if (!file) throw std::runtime_error("cannot write " + path);
}

void WriteFiles(const OutputSet& files, const std::string& dir) {
  for (const auto& [path, contents] : files.files()) WriteFile(dir + "/" + path, contents);
}

ToolRun RunShell(const std::string& command) {
  ToolRun run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run: " + command);
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace monc::backends
