#include "compiler/rulefile/rulefile.h"

#include <gtest/gtest.h>

#include "compiler/promql/ast.h"

namespace monc {
namespace {

class RuleFileTest : public ::testing::Test {
 protected:
  std::vector<runtime::RuleGroup> Load(std::string text) {
    file_ = sources_.Add("rules.yml", std::move(text));
    return LoadRuleFile(file_, sources_, sink_);
  }

  // "line:col: message" of every diagnostic, in order.
  std::vector<std::string> Problems() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : sink_.Sorted()) {
      LineCol lc = sources_.Locate(d.primary.file, d.primary.begin);
      out.push_back(std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": " + d.message);
    }
    return out;
  }

  SourceManager sources_;
  DiagnosticSink sink_;
  FileId file_ = kNoFile;
};

TEST_F(RuleFileTest, ReadsGroupsAndRules) {
  auto groups = Load(R"(groups:
  - name: api
    interval: 30s
    limit: 10
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
        labels: {team: core}
      - alert: Down
        expr: |
          up == 0
        for: 5m
        keep_firing_for: 1m
        labels:
          severity: page
          code: 1.50
        annotations:
          summary: "{{ $labels.job }} is down"
  - name: defaults
    rules: []
)");
  ASSERT_TRUE(sink_.All().empty()) << Problems()[0];
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].name, "api");
  EXPECT_EQ(groups[0].file, "rules.yml");
  EXPECT_EQ(groups[0].interval_ms, 30000);
  EXPECT_EQ(groups[0].limit, 10);
  EXPECT_EQ(groups[1].interval_ms, 60000);
  ASSERT_EQ(groups[0].rules.size(), 2u);
  const auto& record = std::get<runtime::RecordingRule>(groups[0].rules[0]);
  EXPECT_EQ(record.record, "job:up:sum");
  EXPECT_EQ(record.expr_text, "sum by (job) (up)");
  ASSERT_TRUE(record.expr);
  EXPECT_EQ(record.expr->kind, promql::NodeKind::Aggregate);
  EXPECT_EQ(record.labels.Get("team"), "core");
  const auto& alert = std::get<runtime::AlertingRule>(groups[0].rules[1]);
  EXPECT_EQ(alert.alert, "Down");
  EXPECT_EQ(alert.expr_text, "up == 0\n");
  EXPECT_EQ(alert.for_ms, 300000);
  EXPECT_EQ(alert.keep_firing_for_ms, 60000);
  ASSERT_EQ(alert.labels.size(), 2u);
  EXPECT_EQ(alert.labels[0].name, "code");
  EXPECT_EQ(alert.labels[0].value, "1.50");  // as written, like Go's YAML decoder
  EXPECT_EQ(alert.labels[1].value, "page");
  ASSERT_EQ(alert.annotations.size(), 1u);
  EXPECT_EQ(alert.annotations[0].value, "{{ $labels.job }} is down");
}

TEST_F(RuleFileTest, EmptyFileHasNoGroups) {
  EXPECT_TRUE(Load("").empty());
  EXPECT_TRUE(sink_.All().empty());
}

TEST_F(RuleFileTest, ExpressionErrorsPointIntoTheScalar) {
  Load(R"(groups:
  - name: g
    rules:
      - record: a
        expr: sum by (job) (up
      - alert: B
        expr: |
          rate(up)
)");
  EXPECT_EQ(Problems(), (std::vector<std::string>{
                            "5:31: unclosed left parenthesis",
                            "8:16: expected type range vector in call to function \"rate\", got "
                            "instant vector",
                        }));
}

TEST_F(RuleFileTest, ReportsWhatPromtoolRefuses) {
  auto groups = Load(R"(groups:
  - name: g
    interval: 1x
    rules:
      - alert: A
        record: b
        expr: up
      - alert: B
        expr: up
        foo: 1
      - record: 1bad
        expr: up
        for: 5m
        labels:
          __name__: x
          a-b: c
        annotations: {s: t}
      - alert: C
      - expr: up
  - name: g
    rules: []
  - name: ""
)");
  EXPECT_TRUE(groups.empty());
  EXPECT_EQ(Problems(), (std::vector<std::string>{
                            "3:15: not a valid duration string: \"1x\"",
                            "6:9: only one of 'record' and 'alert' must be set",
                            "10:9: field foo not found in rule",
                            "11:17: invalid recording rule name: 1bad",
                            "13:9: invalid field 'for' in recording rule",
                            "15:11: invalid label name: __name__",
                            "16:11: invalid label name: a-b",
                            "17:9: invalid field 'annotations' in recording rule",
                            "18:9: field 'expr' must be set in rule",
                            "19:9: one of 'record' or 'alert' must be set",
                            "20:11: groupname: \"g\" is repeated in the same file",
                            "22:5: Groupname must not be empty",
                        }));
}

TEST_F(RuleFileTest, AlertTemplatesThatDoNotParseAreRefused) {
  auto groups = Load(R"(groups:
  - name: g
    rules:
      - alert: Down
        expr: up == 0
        labels:
          severity: "{{ if }}"
        annotations:
          summary: "{{ $labels.job }} is down"
          description: |
            line one
            {{ humanise $value }}
)");
  EXPECT_TRUE(groups.empty());
  EXPECT_EQ(Problems(), (std::vector<std::string>{
                            "7:21: label \"severity\": template: __alert_Down:1: missing value "
                            "for if",
                            "10:24: annotation \"description\": template: __alert_Down:2: function "
                            "\"humanise\" not defined",
                        }));
}

}  // namespace
}  // namespace monc
