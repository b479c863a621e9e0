// Golden-file tests re-bless their expectations with
//   bazel run //tests:<name> -- --update
// `bazel test` runs in a read-only sandbox; `bazel run` exposes the source
// tree as BUILD_WORKSPACE_DIRECTORY, where the new expectations go.
#ifndef MONC_TESTS_BLESS_H_
#define MONC_TESTS_BLESS_H_

#include <cstdlib>
#include <filesystem>
#include <string>

namespace monc::testing {

inline bool UpdateRequested(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--update") return true;
  }
  return false;
}

// Where blessed files are written: the source tree under `bazel run`.
inline std::filesystem::path SourceTree() {
  const char* dir = std::getenv("BUILD_WORKSPACE_DIRECTORY");
  return dir ? std::filesystem::path(dir) : std::filesystem::current_path();
}

}  // namespace monc::testing

#endif  // MONC_TESTS_BLESS_H_
