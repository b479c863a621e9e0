// Bad-input tests in clang's -verify style. Each case under
// tests/diagnostics/<area>/ is one spec file (<name>.yaml) or a folder of
// spec files (<name>/) that monc must reject or warn about. Expectations sit
// in the input as comments, one per diagnostic, at the place they name:
//
//   # expect: route/unreachable 26:7
//
// A missing or an extra diagnostic fails the case, as does a difference from
// the rendered text in <name>.stderr. Regenerate the .stderr files with
//   bazel run //tests:diagnostics_test -- --update
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "compiler/diag/render.h"
#include "compiler/driver/pipeline.h"
#include "tests/bless.h"

namespace monc {
namespace {

namespace fs = std::filesystem;

constexpr const char* kRoot = "tests/diagnostics";
bool update_goldens = false;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> SpecFiles(const fs::path& c) {
  std::vector<fs::path> files;
  if (fs::is_directory(c)) {
    for (const auto& e : fs::directory_iterator(c)) {
      if (e.path().extension() == ".yaml") files.push_back(e.path());
    }
  } else {
    files.push_back(c);
  }
  std::sort(files.begin(), files.end());
  return files;
}

// "file:code:line:col", the identity of one diagnostic.
std::multiset<std::string> Expectations(const fs::path& c) {
  static const std::regex kExpect(R"(#\s*expect:\s*(\S+)\s+(\d+):(\d+))");
  std::multiset<std::string> out;
  for (const fs::path& file : SpecFiles(c)) {
    std::string text = ReadFile(file);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kExpect);
         it != std::sregex_iterator(); ++it) {
      out.insert(file.filename().string() + ":" + (*it)[1].str() + ":" + (*it)[2].str() + ":" +
                 (*it)[3].str());
    }
  }
  return out;
}

void RunCase(const fs::path& c) {
  SourceManager sources;
  DiagnosticSink sink;
  Compile({c.string()}, sources, sink);
  auto diagnostics = sink.Sorted();
  std::multiset<std::string> got;
  for (const Diagnostic& d : diagnostics) {
    std::string file = d.primary.valid() ? fs::path(sources.Path(d.primary.file)).filename().string() : "-";
    LineCol lc = d.primary.valid() ? sources.Locate(d.primary.file, d.primary.begin) : LineCol{};
    got.insert(file + ":" + std::string(Info(d.code).id) + ":" + std::to_string(lc.line) + ":" +
               std::to_string(lc.column));
  }
  std::multiset<std::string> want = Expectations(c);
  EXPECT_FALSE(want.empty()) << c << " has no '# expect:' lines";
  for (const std::string& w : want) {
    if (!got.count(w)) ADD_FAILURE() << "expected but not reported: " << w;
  }
  for (const std::string& g : got) {
    if (!want.count(g)) ADD_FAILURE() << "reported but not expected: " << g;
  }
  std::string text = RenderText(diagnostics, sources);
  fs::path golden = c.string() + ".stderr";
  if (c.extension() == ".yaml") golden = c.parent_path() / (c.stem().string() + ".stderr");
  if (update_goldens) {
    std::ofstream(testing::SourceTree() / golden, std::ios::binary)
        << text;
    return;
  }
  EXPECT_EQ(ReadFile(golden), text) << "rendered text differs from " << golden;
}

class CaseTest : public ::testing::Test {
 public:
  explicit CaseTest(fs::path c) : case_(std::move(c)) {}
  void TestBody() override { RunCase(case_); }

 private:
  fs::path case_;
};

class CoverageTest : public ::testing::Test {
 public:
  explicit CoverageTest(std::vector<fs::path> cases) : cases_(std::move(cases)) {}
  void TestBody() override {
    std::set<std::string> covered;
    for (const fs::path& c : cases_) {
      for (const std::string& e : Expectations(c)) {
        size_t a = e.find(':'), b = e.find(':', a + 1);
        covered.insert(e.substr(a + 1, b - a - 1));
      }
    }
    for (const CodeInfo& info : AllCodes()) {
      if (info.id.substr(0, 3) == "io/") continue;
      EXPECT_TRUE(covered.count(std::string(info.id))) << "no bad-input case for " << info.id;
    }
  }

 private:
  std::vector<fs::path> cases_;
};

}  // namespace
}  // namespace monc

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  ::testing::InitGoogleTest(&argc, argv);
  monc::update_goldens = monc::testing::UpdateRequested(argc, argv);
  std::vector<fs::path> cases;
  for (const auto& area : fs::directory_iterator(monc::kRoot)) {
    if (!area.is_directory()) continue;
    for (const auto& e : fs::directory_iterator(area.path())) {
      if (e.is_directory() || e.path().extension() == ".yaml") cases.push_back(e.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  // Every code of codes.def has a case (io/* codes are exercised by the CLI
  // tests: they have no spec file to put an expectation in).
  ::testing::RegisterTest("Coverage", "EveryCodeHasACase", nullptr, nullptr, __FILE__, __LINE__,
                          [cases]() -> ::testing::Test* { return new monc::CoverageTest(cases); });
  for (const fs::path& c : cases) {
    std::string area = c.parent_path().filename().string();
    std::string name = c.stem().string();
    std::replace(name.begin(), name.end(), '-', '_');
    ::testing::RegisterTest(area.c_str(), name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                            [c]() -> ::testing::Test* { return new monc::CaseTest(c); });
  }
  return RUN_ALL_TESTS();
}
