// Golden files: every example's generated outputs, byte for byte, under
// tests/golden/<example>/ (flatbuffers' goldens/: reviewers see how a change
// alters generated configs). Regenerate with
//   bazel run //tests:golden_test -- --update
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "backends/common/examples_for_test.h"
#include "compiler/diag/render.h"
#include "compiler/driver/generate.h"
#include "compiler/driver/pipeline.h"
#include "compiler/driver/writer.h"
#include "tests/bless.h"

namespace monc {
namespace {

namespace fs = std::filesystem;

bool update_goldens = false;

// Every backend's outputs for the example against its goldens (or, with
// --update, written as its goldens).
void CheckGolden(const fs::path& example) {
  SourceManager sources;
  DiagnosticSink sink;
  CompileResult result = Compile({example.string()}, sources, sink);
  ASSERT_TRUE(result.spec) << RenderText(sink.Sorted(), sources);
  OutputSet outputs = Generate(*result.spec);
  fs::path golden = fs::path("tests/golden") / example.filename();
  if (update_goldens) {
    std::string error;
    fs::path dest = testing::SourceTree() / golden;
    ASSERT_TRUE(WriteOutputs(outputs, dest.string(), &error)) << error;
    return;
  }
  for (const std::string& line : DiffOutputs(outputs, golden.string())) {
    ADD_FAILURE() << line << " (under " << golden.string()
                  << "; bazel run //tests:golden_test -- --update to accept)";
  }
}

}  // namespace
}  // namespace monc

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  monc::update_goldens = monc::testing::UpdateRequested(argc, argv);
  monc::backends::RegisterExampleTests("Golden", monc::CheckGolden);
  return RUN_ALL_TESTS();
}
