// Golden files: every example's generated outputs, byte for byte, under
// tests/golden/<example>/ (flatbuffers' goldens/: reviewers see how a change
// alters generated configs). Regenerate with
//   bazel run //tests:golden_test -- --update
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "compiler/diag/render.h"
#include "compiler/driver/generate.h"
#include "compiler/driver/pipeline.h"
#include "compiler/driver/writer.h"
#include "tests/bless.h"

namespace monc {
namespace {

namespace fs = std::filesystem;

bool update_goldens = false;

class GoldenTest : public ::testing::Test {
 public:
  explicit GoldenTest(fs::path example) : example_(std::move(example)) {}

  void TestBody() override {
    SourceManager sources;
    DiagnosticSink sink;
    CompileResult result = Compile({example_.string()}, sources, sink);
    ASSERT_TRUE(result.spec) << RenderText(sink.Sorted(), sources);
    OutputSet outputs = Generate(*result.spec);
    fs::path golden = fs::path("tests/golden") / example_.filename();
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

 private:
  fs::path example_;
};

}  // namespace
}  // namespace monc

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  ::testing::InitGoogleTest(&argc, argv);
  monc::update_goldens = monc::testing::UpdateRequested(argc, argv);
  std::vector<fs::path> examples;
  for (const auto& e : fs::directory_iterator("examples")) {
    if (e.is_directory()) examples.push_back(e.path());
  }
  std::sort(examples.begin(), examples.end());
  for (const fs::path& e : examples) {
    ::testing::RegisterTest("Golden", e.filename().c_str(), nullptr, nullptr, __FILE__, __LINE__,
                            [e]() -> ::testing::Test* { return new monc::GoldenTest(e); });
  }
  return RUN_ALL_TESTS();
}
