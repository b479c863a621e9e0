#include "compiler/spec/load.h"

#include <gtest/gtest.h>

namespace monc {
namespace {

class LoadTest : public ::testing::Test {
 protected:
  std::optional<SpecDocument> Load(std::string text) {
    file_ = sources_.Add("spec.yaml", std::move(text));
    return LoadSpec(file_, sources_, sink_);
  }
  LineCol At(const Span& s) { return sources_.Locate(s.file, s.begin); }

  SourceManager sources_;
  DiagnosticSink sink_;
  FileId file_ = kNoFile;
};

TEST_F(LoadTest, TypesPlainScalarsAndKeepsQuotedOnesStrings) {
  auto doc = Load("a: 1\nb: '1'\nc: true\nd: 1.5\ne: ~\nf: 5m\ng: \"true\"\nh:\n");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->root["a"], 1);
  EXPECT_EQ(doc->root["b"], "1");
  EXPECT_EQ(doc->root["c"], true);
  EXPECT_EQ(doc->root["d"], 1.5);
  EXPECT_TRUE(doc->root["e"].is_null());
  EXPECT_EQ(doc->root["f"], "5m");
  EXPECT_EQ(doc->root["g"], "true");
  EXPECT_TRUE(doc->root["h"].is_null());
}

TEST_F(LoadTest, RecordsKeyAndValuePlaces) {
  auto doc = Load("groups:\n  api:\n    rules:\n      - alert: \"Down\"\n        expr: up == 0\n");
  ASSERT_TRUE(doc);
  Span key = doc->KeySpan("/groups/api");
  EXPECT_EQ(At(key).line, 2u);
  EXPECT_EQ(At(key).column, 3u);
  Span alert = doc->ValueSpan("/groups/api/rules/0/alert");
  EXPECT_EQ(At(alert).line, 4u);
  EXPECT_EQ(At(alert).column, 16u);
  EXPECT_EQ(alert.end - alert.begin, 6u);  // with its quotes
  Span expr = doc->ValueSpan("/groups/api/rules/0/expr");
  EXPECT_EQ(expr.end - expr.begin, 7u);
  // Unknown pointers fall back to the nearest ancestor.
  EXPECT_EQ(doc->ValueSpan("/groups/api/rules/0/for"), doc->ValueSpan("/groups/api/rules/0"));
}

TEST_F(LoadTest, ReportsSyntaxErrorsWithPlace) {
  EXPECT_FALSE(Load("a: [1, 2\nb: 3\n"));
  ASSERT_EQ(sink_.All().size(), 1u);
  EXPECT_EQ(sink_.All()[0].code, Code::YamlSyntax);
}

TEST_F(LoadTest, ReportsDuplicateKeysAtTheSecond) {
  auto doc = Load("a: 1\nb: 2\na: 3\n");
  ASSERT_TRUE(doc);
  ASSERT_EQ(sink_.All().size(), 1u);
  const Diagnostic& d = sink_.All()[0];
  EXPECT_EQ(d.code, Code::YamlDuplicateKey);
  EXPECT_EQ(At(d.primary).line, 3u);
  EXPECT_EQ(At(d.notes[0].span).line, 1u);
  EXPECT_EQ(doc->root["a"], 1);
}

}  // namespace
}  // namespace monc
