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

TEST_F(BuildTest, LokiGroupsLogFormatsAndRetention) {
  model::System s = Build({R"(version: 1
services:
  api:
    team: payments
    logs: {stream: {app: api}, labels: [pod], format: json, fields: [level, msg]}
groups:
  metrics:
    rules: [{alert: Down, expr: up == 0, severity: critical}]
  logs:
    datasource: loki
    rules:
      - alert: Errors
        expr: sum(count_over_time({app="api"} |= "error" [5m])) > 0
        severity: critical
        service: api
        runbook: https://r
logs:
  tenant: team-a
  retention:
    period: 30d
    streams: [{selector: '{log_type="debug"}', period: 7d, priority: 2}]
)"});
  ASSERT_FALSE(sink_.HasErrors()) << Diagnostics();
  ASSERT_EQ(s.groups.size(), 1u);
  ASSERT_EQ(s.log_groups.size(), 1u);
  // Labels and annotations as for Prometheus's rules: Alertmanager routes both alike.
  const model::Rule& rule = s.log_groups[0].rules[0];
  EXPECT_EQ(rule.labels, (model::LabelSet{{"service", "api"}, {"severity", "critical"},
                                          {"team", "payments"}}));
  EXPECT_EQ(rule.annotations.at("runbook_url"), "https://r");
  const model::LogFormat& logs = *s.services[0].logs;
  EXPECT_EQ(logs.format, model::LogFormat::Format::Json);
  EXPECT_EQ(logs.stream, (model::LabelSet{{"app", "api"}}));
  EXPECT_EQ(logs.fields, (std::vector<std::string>{"level", "msg"}));
  EXPECT_EQ(s.logs.tenant, "team-a");
  EXPECT_EQ(s.logs.retention_period->text, "30d");
  ASSERT_EQ(s.logs.retention_streams.size(), 1u);
  EXPECT_EQ(s.logs.retention_streams[0].selector, "{log_type=\"debug\"}");
  EXPECT_EQ(s.logs.retention_streams[0].priority, 2);
}

TEST_F(BuildTest, RetentionBelowLokisMinimumIsRejected) {
  Build({R"(version: 1
logs: {retention: {period: 12h}}
)"});
  EXPECT_NE(Diagnostics().find("shorter than 24h [spec/bad-value]"), std::string::npos)
      << Diagnostics();
}

}  // namespace
}  // namespace monc
