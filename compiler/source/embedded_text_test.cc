#include "compiler/source/embedded_text.h"

#include <gtest/gtest.h>

namespace monc {
namespace {

// Where value bytes [begin, end) were spelled, as "line:col-col".
class EmbeddedTextTest : public ::testing::Test {
 protected:
  std::string Where(const std::string& file_text, const std::string& value, std::string_view part) {
    FileId f = sources_.Add("spec.yaml", file_text);
    uint32_t begin = static_cast<uint32_t>(file_text.find(':') + 2);
    EmbeddedText e = EmbeddedText::FromYamlScalar(sources_, f, begin, value);
    exact_ = e.exact();
    size_t at = value.find(part);
    Span s = e.ToSpan(static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size()));
    LineCol b = sources_.Locate(f, s.begin), end = sources_.Locate(f, s.end);
    return std::to_string(b.line) + ":" + std::to_string(b.column) + "-" + std::to_string(end.column);
  }
  SourceManager sources_;
  bool exact_ = false;
};

TEST_F(EmbeddedTextTest, PlainScalar) {
  EXPECT_EQ(Where("expr: rate(x[5m]) > 1\n", "rate(x[5m]) > 1", "x[5m]"), "1:12-17");
  EXPECT_TRUE(exact_);
}

TEST_F(EmbeddedTextTest, LiteralBlockKeepsLinesAndSkipsIndentation) {
  std::string text = "expr: |\n    sum(rate(a[5m]))\n      / sum(rate(b[5m]))\n";
  EXPECT_EQ(Where(text, "sum(rate(a[5m]))\n  / sum(rate(b[5m]))\n", "b[5m]"), "3:18-23");
  EXPECT_TRUE(exact_);
}

TEST_F(EmbeddedTextTest, FoldedAndPlainMultiLine) {
  std::string text = "expr: >\n    sum(a)\n    / sum(b)\n";
  EXPECT_EQ(Where(text, "sum(a) / sum(b)\n", "sum(b)"), "3:7-13");
  std::string plain = "expr: sum(a)\n  / sum(b)\n";
  EXPECT_EQ(Where(plain, "sum(a) / sum(b)", "sum(b)"), "2:5-11");
}

TEST_F(EmbeddedTextTest, DoubleQuotedEscapes) {
  std::string text = "expr: \"up{job=\\\"api\\\"} == 0 and\\tfoo\"\n";
  EXPECT_EQ(Where(text, "up{job=\"api\"} == 0 and\tfoo", "foo"), "1:34-37");
  EXPECT_EQ(Where(text, "up{job=\"api\"} == 0 and\tfoo", "\"api\""), "1:15-22");  // both escapes whole
  EXPECT_TRUE(exact_);
}

TEST_F(EmbeddedTextTest, SingleQuotedDoubledQuotes) {
  std::string text = "expr: 'up{job=''api''} == 0'\n";
  EXPECT_EQ(Where(text, "up{job='api'} == 0", "== 0"), "1:24-28");
}

TEST_F(EmbeddedTextTest, EndOfInputPointsAfterTheLastCharacterNotTheNextLine) {
  std::string text = "expr: >\n  sum(x\nnext: 1\n";
  FileId f = sources_.Add("spec.yaml", text);
  EmbeddedText e = EmbeddedText::FromYamlScalar(sources_, f, 6, "sum(x\n");
  Span s = e.ToSpan(6, 6);
  EXPECT_EQ(sources_.Locate(f, s.begin).line, 2u);
  EXPECT_EQ(sources_.Locate(f, s.begin).column, 8u);
}

TEST_F(EmbeddedTextTest, UnfollowableSpellingFallsBackToTheScalar) {
  std::string text = "expr: !!str something else\n";
  EXPECT_EQ(Where(text, "entirely different", "different"), "1:7-8");
  EXPECT_FALSE(exact_);
}

}  // namespace
}  // namespace monc
