#include "backends/common/examples_for_test.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "compiler/diag/render.h"
#include "compiler/driver/pipeline.h"

namespace monc::backends {
namespace {

namespace fs = std::filesystem;

class ExampleTest : public ::testing::Test {
 public:
  ExampleTest(std::function<void(const fs::path&)> check, fs::path example)
      : check_(std::move(check)), example_(std::move(example)) {}

  void TestBody() override { check_(example_); }

 private:
  std::function<void(const fs::path&)> check_;
  fs::path example_;
};

}  // namespace

std::vector<fs::path> ExampleFolders() {
  std::vector<fs::path> examples;
  for (const auto& e : fs::directory_iterator("examples")) {
    if (e.is_directory()) examples.push_back(e.path());
  }
  std::sort(examples.begin(), examples.end());
  return examples;
}

void RegisterExampleTests(const std::string& suite, std::function<void(const fs::path&)> check) {
  for (const fs::path& e : ExampleFolders()) {
    ::testing::RegisterTest(suite.c_str(), e.filename().string().c_str(), nullptr, nullptr,
                            __FILE__, __LINE__,
                            [check, e]() -> ::testing::Test* { return new ExampleTest(check, e); });
  }
}

std::unique_ptr<BuiltExample> BuildExample(const fs::path& example, const Backend& backend) {
  auto built = std::make_unique<BuiltExample>();
  built->spec = Compile({example.string()}, built->sources, built->sink).spec;
  if (!built->spec) {
    ADD_FAILURE() << example.string() << " does not compile:\n"
                  << RenderText(built->sink.Sorted(), built->sources);
    return nullptr;
  }
  backend.Generate(*built->spec, built->out);
  OutputSet again;
  backend.Generate(*built->spec, again);
  EXPECT_EQ(again.files(), built->out.files()) << "same spec, different bytes";
  return built;
}

}  // namespace monc::backends
