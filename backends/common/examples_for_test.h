// For the tests that run on every example (examples/*/, the test's data
// //examples:specs): one gtest test per example folder, and the example
// compiled and run through a backend twice, which must write the same bytes
// both times. Test-only.
//
//   void CheckExample(const std::filesystem::path& example) {
//     std::unique_ptr<BuiltExample> built = BuildExample(example, LokiBackend());
//     if (!built) return;  // the failure is reported
//     for (const auto& [path, contents] : built->out.files()) ...
//   }
//   int main(int argc, char** argv) {
//     ::testing::InitGoogleTest(&argc, argv);
//     RegisterExampleTests("LokiExamples", CheckExample);
//     return RUN_ALL_TESTS();
//   }
#ifndef MONC_BACKENDS_COMMON_EXAMPLES_FOR_TEST_H_
#define MONC_BACKENDS_COMMON_EXAMPLES_FOR_TEST_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backends/backend.h"
#include "compiler/diag/sink.h"
#include "compiler/source/source_manager.h"

namespace monc::backends {

// The folders of examples/, in name order.
std::vector<std::filesystem::path> ExampleFolders();

// Registers the test `suite`.<folder name> for each of ExampleFolders(),
// each calling `check` with the folder.
void RegisterExampleTests(const std::string& suite,
                          std::function<void(const std::filesystem::path&)> check);

struct BuiltExample {
  SourceManager sources;
  DiagnosticSink sink;
  std::optional<CheckedSpec> spec;  // set: BuildExample returns only what compiled
  OutputSet out;                    // the backend's files
};

// Compiles `example` (a folder or a spec file) and runs `backend` on it; a
// second run must give the same files (a test failure otherwise). When the
// example does not compile, fails the test with its diagnostics and
// returns null.
std::unique_ptr<BuiltExample> BuildExample(const std::filesystem::path& example,
                                           const Backend& backend);

}  // namespace monc::backends

#endif  // MONC_BACKENDS_COMMON_EXAMPLES_FOR_TEST_H_
