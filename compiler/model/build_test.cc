#include "compiler/model/build.h"

#include <gtest/gtest.h>

#include "compiler/diag/render.h"
#include "compiler/spec/load.h"
#include "compiler/spec/validate.h"

namespace monc {
namespace {

class BuildTest : public ::testing::Test {
 protected:
  model::System Build(std::vector<std::string> texts) {
    std::vector<SpecDocument> docs;
    for (size_t i = 0; i < texts.size(); ++i) {
      FileId f = sources_.Add("f" + std::to_string(i) + ".yaml", texts[i]);
      auto doc = LoadSpec(f, sources_, sink_);
      EXPECT_TRUE(doc && ValidateSpec(*doc, sink_)) << RenderText(sink_.Sorted(), sources_);
      docs.push_back(std::move(*doc));
    }
    return BuildModel(docs, sources_, sink_);
  }
  std::string Diagnostics() { return RenderText(sink_.Sorted(), sources_); }

  SourceManager sources_;
  DiagnosticSink sink_;
};

TEST_F(BuildTest, RuleLabelsFollowTheDocumentedPrecedence) {
  model::System s = Build({R"(version: 1
defaults: {labels: {env: prod, team: default, tier: x}}
severities:
  levels:
    PAGE: {page: true, labels: {priority: P1, tier: level}}
services:
  api: {team: payments}
groups:
  g:
    labels: {tier: group}
    rules:
      - alert: A
        expr: up == 0
        severity: PAGE
        service: api
        runbook: https://r
        labels: {priority: P2, severity: overridden}
)"});
  ASSERT_FALSE(sink_.HasErrors()) << Diagnostics();
  const model::Rule& rule = s.groups[0].rules[0];
  EXPECT_EQ(rule.labels, (model::LabelSet{{"env", "prod"},
                                          {"priority", "P2"},
                                          {"service", "api"},
                                          {"severity", "PAGE"},
                                          {"team", "payments"},
                                          {"tier", "group"}}));
  EXPECT_EQ(rule.annotations.at("runbook_url"), "https://r");
}

TEST_F(BuildTest, SecretsAreSplitOutAndSubjectMovesToHeaders) {
  model::System s = Build({R"(version: 1
alertmanager:
  global: {smtp_smarthost: 'smtp:587', smtp_from: a@b.c, smtp_auth_password: {env: SMTP_PASSWORD}}
receivers:
  r:
    email: {to: x@y.z, subject: 'CRITICAL: {{ .GroupLabels.alertname }}'}
    slack: {api_url: {file: /s/slack}, channel: '#a',
            http_config: {basic_auth: {username: u, password: {file: /s/pw}}}}
routes: {receiver: r}
)"});
  ASSERT_FALSE(sink_.HasErrors()) << Diagnostics();
  const model::Receiver& r = s.receivers[0];
  EXPECT_EQ(r.integrations[0].settings["headers"]["Subject"], "CRITICAL: {{ .GroupLabels.alertname }}");
  EXPECT_FALSE(r.integrations[0].settings.contains("subject"));
  const model::Integration& slack = r.integrations[1];
  EXPECT_FALSE(slack.settings.contains("api_url"));
  EXPECT_EQ(slack.secrets.at("api_url").value, "/s/slack");
  EXPECT_EQ(slack.secrets.at("http_config.basic_auth.password").value, "/s/pw");
  EXPECT_EQ(slack.settings["http_config"]["basic_auth"]["username"], "u");
  EXPECT_EQ(s.alertmanager.global_secrets.at("smtp_auth_password").source,
            model::Secret::Source::Env);
}

TEST_F(BuildTest, FilesCombineIntoOneSystemAndReferencesCrossFiles) {
  model::System s = Build({"version: 1\nroutes: {receiver: team}\n",
                           "version: 1\nreceivers:\n  team: {webhook: {url: 'http://h/'}}\n"});
  EXPECT_FALSE(sink_.HasErrors()) << Diagnostics();
  EXPECT_EQ(s.receivers.size(), 1u);
  ASSERT_TRUE(s.route);
}

TEST_F(BuildTest, NamesClashAcrossFilesWithBothPlaces) {
  Build({"version: 1\ngroups:\n  g: {rules: []}\n", "version: 1\ngroups:\n  g: {rules: []}\n"});
  ASSERT_EQ(sink_.All().size(), 1u);
  const Diagnostic& d = sink_.All()[0];
  EXPECT_EQ(d.code, Code::SpecDuplicateName);
  EXPECT_EQ(sources_.Path(d.primary.file), "f1.yaml");
  EXPECT_EQ(sources_.Path(d.notes[0].span.file), "f0.yaml");
}

TEST_F(BuildTest, DefaultSeverityLevelsApplyWhenNoneAreDeclared) {
  model::System s = Build({"version: 1\n"});
  ASSERT_EQ(s.severities.levels.size(), 3u);
  EXPECT_TRUE(s.severities.Find("critical")->page);
  EXPECT_FALSE(s.severities.Find("warning")->page);
}

}  // namespace
}  // namespace monc
