#include <set>

#include <gtest/gtest.h>

#include "compiler/diag/render.h"
#include "compiler/diag/sink.h"

namespace monc {
namespace {

TEST(CodesTest, IdsAreUniqueAndWellFormed) {
  std::set<std::string_view> seen;
  for (const CodeInfo& info : AllCodes()) {
    EXPECT_TRUE(seen.insert(info.id).second) << info.id;
    EXPECT_NE(info.id.find('/'), std::string_view::npos) << info.id;
    EXPECT_EQ(FindCode(info.id), &info);
    EXPECT_EQ(&Info(info.code), &info);
  }
}

class RenderTest : public ::testing::Test {
 protected:
  RenderTest() { file_ = sources_.Add("spec.yaml", "routes:\n  receiver: pager\n"); }
  SourceManager sources_;
  FileId file_;
};

TEST_F(RenderTest, TextShowsLocationSourceLineAndCaret) {
  DiagnosticSink sink;
  Diagnostic& d = sink.Report(Code::SpecUnknownReceiver, {file_, 20, 25},
                              "unknown receiver 'pager'");
  d.label = "not declared";
  d.notes.push_back({"did you mean 'pagerduty'?", {}});
  EXPECT_EQ(RenderText(sink.Sorted(), sources_),
            "spec.yaml:2:13: error: unknown receiver 'pager' [spec/unknown-receiver]\n"
            "  |\n"
            "2 |   receiver: pager\n"
            "  |             ^~~~~ not declared\n"
            "  = note: did you mean 'pagerduty'?\n");
}

TEST_F(RenderTest, SinkSortsByPlaceAndDropsDuplicates) {
  DiagnosticSink sink;
  sink.Report(Code::ReceiverUnused, {file_, 20, 25}, "b");
  sink.Report(Code::SpecUnknownReceiver, {file_, 0, 6}, "a");
  sink.Report(Code::ReceiverUnused, {file_, 20, 25}, "b");
  auto sorted = sink.Sorted();
  ASSERT_EQ(sorted.size(), 2u);
  EXPECT_EQ(sorted[0].message, "a");
  EXPECT_EQ(sink.ErrorCount(), 1u);
  EXPECT_EQ(sink.WarningCount(), 2u);
}

TEST_F(RenderTest, JsonAndSarifCarryCodeAndRegion) {
  DiagnosticSink sink;
  sink.Report(Code::SpecUnknownReceiver, {file_, 20, 25}, "unknown receiver 'pager'");
  auto json = RenderJson(sink.Sorted(), sources_);
  EXPECT_EQ(json[0]["code"], "spec/unknown-receiver");
  EXPECT_EQ(json[0]["line"], 2);
  EXPECT_EQ(json[0]["column"], 13);
  EXPECT_EQ(json[0]["end_column"], 18);
  auto sarif = RenderSarif(sink.Sorted(), sources_, "test");
  EXPECT_EQ(sarif["version"], "2.1.0");
  const auto& result = sarif["runs"][0]["results"][0];
  EXPECT_EQ(result["ruleId"], "spec/unknown-receiver");
  EXPECT_EQ(sarif["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"].get<int>()]["id"],
            "spec/unknown-receiver");
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"]["startColumn"], 13);
}

}  // namespace
}  // namespace monc

#include "compiler/diag/did_you_mean.h"

namespace monc {
namespace {

TEST(DidYouMeanTest, FindsCloseNamesOnly) {
  std::vector<std::string> keys = {"severity", "summary", "service", "labels"};
  EXPECT_EQ(DidYouMean("sevrity", keys), "severity");
  EXPECT_EQ(DidYouMean("lables", keys), "labels");
  EXPECT_EQ(DidYouMean("zzz", keys), std::nullopt);
  EXPECT_EQ(EditDistance("abc", "acb"), 1u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
}

}  // namespace
}  // namespace monc
