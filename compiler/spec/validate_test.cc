#include "compiler/spec/validate.h"

#include <gtest/gtest.h>

#include "compiler/spec/load.h"

namespace monc {
namespace {

class ValidateTest : public ::testing::Test {
 protected:
  bool Validate(std::string text) {
    FileId f = sources_.Add("spec.yaml", std::move(text));
    auto doc = LoadSpec(f, sources_, sink_);
    return doc && ValidateSpec(*doc, sink_);
  }
  std::string Where(const Diagnostic& d) {
    LineCol lc = sources_.Locate(d.primary.file, d.primary.begin);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
  }

  SourceManager sources_;
  DiagnosticSink sink_;
};

TEST_F(ValidateTest, AcceptsAMinimalSpec) {
  EXPECT_TRUE(Validate("version: 1\nmetrics:\n  up: {type: gauge}\n"));
  EXPECT_TRUE(sink_.All().empty());
}

// An unknown key is an error, but leaves the structure valid: later phases
// still run and report their own problems in the same run.
TEST_F(ValidateTest, UnknownKeyGetsSuggestionAtTheKey) {
  EXPECT_TRUE(Validate(
      "version: 1\ngroups:\n  api:\n    rules:\n      - alert: HighErrorRate\n"
      "        expr: up == 0\n        sevrity: critical\n"));
  EXPECT_TRUE(sink_.HasErrors());
  auto all = sink_.Sorted();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].code, Code::SchemaUnknownKey);
  EXPECT_EQ(all[0].message,
            "unknown key 'sevrity' in alert 'HighErrorRate' in group 'api'; did you mean "
            "'severity'?");
  EXPECT_EQ(Where(all[0]), "7:9");
  ASSERT_TRUE(all[0].fix);
  EXPECT_EQ(all[0].fix->replacement, "severity");
}

TEST_F(ValidateTest, ReportsEveryProblemNotOnlyTheFirst) {
  EXPECT_FALSE(Validate(
      "version: 1\nmetrics:\n  a: {type: countr}\n  b: {help: x}\n  c: {type: gauge, labls: []}\n"
      "  d: {type: gauge, labels: 3}\n"));
  auto all = sink_.Sorted();
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].code, Code::SchemaEnum);
  EXPECT_EQ(Where(all[0]), "3:13");
  EXPECT_EQ(all[1].code, Code::SchemaRequired);
  EXPECT_EQ(all[1].message, "missing required key 'type' in metric 'b'");
  EXPECT_EQ(Where(all[1]), "4:3");
  EXPECT_EQ(all[2].code, Code::SchemaUnknownKey);
  EXPECT_EQ(all[3].code, Code::SchemaType);
  EXPECT_EQ(all[3].message, "expected a list for 'labels' in metric 'd', found an integer");
  EXPECT_EQ(Where(all[3]), "6:28");
}

TEST_F(ValidateTest, VersionIsRequired) {
  EXPECT_FALSE(Validate("metrics: {}\n"));
  ASSERT_EQ(sink_.All().size(), 1u);
  EXPECT_EQ(sink_.All()[0].message, "missing required key 'version' in the spec");
}

}  // namespace
}  // namespace monc
