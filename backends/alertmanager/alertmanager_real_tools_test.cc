// Judges the Alertmanager backend's files with amtool 0.25 (on PATH).
#include <gtest/gtest.h>

#include "backends/alertmanager/alertmanager.h"
#include "backends/alertmanager/shop_model.h"
#include "backends/common/real_tools.h"

namespace monc::alertmanager {
namespace {

using backends::RunShell;
using backends::ShellQuote;

// What a deployment exports before rendering the config with envsubst.
constexpr char kEnv[] =
    "SLACK_API_URL=https://hooks.slack.com/services/T0/B0/api "
    "SLACK_WARNINGS_URL=https://hooks.slack.com/services/T0/B0/warnings "
    "SMTP_PASSWORD=smtp-secret OG_PROXY_TOKEN=og-token ";

class AlertmanagerRealToolsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = backends::TestDir("alertmanager");
    model::System system = ShopSystem();
    // Where the files land, so that amtool parses the template file too.
    system.alertmanager.templates_dir = dir_ + "/alertmanager/templates";
    system.alertmanager.replicas = 2;
    system.alertmanager.peers = {"am-0:9094", "am-1:9094"};
    AlertmanagerBackend().Generate(CheckedSpecForTesting(std::move(system)), out_);
    backends::WriteFiles(out_, dir_);
    config_ = dir_ + "/rendered.yml";
    backends::ToolRun render =
        RunShell(std::string(kEnv) + "envsubst < " +
                 ShellQuote(dir_ + "/alertmanager/alertmanager.yml") + " > " + ShellQuote(config_));
    ASSERT_EQ(render.exit_code, 0) << render.output;
  }

  // Whether amtool routes an alert with `labels` to exactly `receivers`
  // (comma-separated, in routing order).
  ::testing::AssertionResult Routes(const std::string& labels, const std::string& receivers) {
    backends::ToolRun run =
        RunShell("amtool config routes test --config.file=" + ShellQuote(config_) +
                 " --verify.receivers=" + receivers + " " + labels);
    if (run.exit_code == 0) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << labels << " -> " << run.output;
  }

  OutputSet out_;
  std::string dir_;
  std::string config_;
};

TEST_F(AlertmanagerRealToolsTest, AmtoolAcceptsTheConfigAndTemplates) {
  backends::ToolRun run = RunShell("amtool check-config " + ShellQuote(config_));
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find(" - 4 receivers\n - 1 templates\n  SUCCESS"), std::string::npos)
      << run.output;
}

TEST_F(AlertmanagerRealToolsTest, AmtoolRoutesAsTheSpecSays) {
  EXPECT_TRUE(Routes("severity=critical team=db", "pagerduty-critical,team-db"));
  EXPECT_TRUE(Routes("severity=warning", "slack-warnings"));
  EXPECT_TRUE(Routes("severity=info team=db", "slack-warnings"));
  EXPECT_TRUE(Routes("severity=page team=db", "team-db"));
  EXPECT_TRUE(Routes("team=db " + ShellQuote("service=legacy: v1"), "default"));
  EXPECT_TRUE(Routes("severity=page", "default"));
}

// The server parses every flag before it acts on --help; Debian names it
// prometheus-alertmanager.
TEST_F(AlertmanagerRealToolsTest, AlertmanagerAcceptsTheClusterFlags) {
  backends::ToolRun run = RunShell(
      "grep -v '^#' " + ShellQuote(dir_ + "/alertmanager/cluster.args") +
      " | xargs \"$(command -v alertmanager || command -v prometheus-alertmanager)\" --help" +
      " >/dev/null");
  EXPECT_EQ(run.exit_code, 0) << run.output;
}

TEST_F(AlertmanagerRealToolsTest, SameSpecSameBytes) {
  model::System system = ShopSystem();
  system.alertmanager.templates_dir = dir_ + "/alertmanager/templates";
  system.alertmanager.replicas = 2;
  system.alertmanager.peers = {"am-0:9094", "am-1:9094"};
  OutputSet again;
  AlertmanagerBackend().Generate(CheckedSpecForTesting(std::move(system)), again);
  EXPECT_EQ(again.files(), out_.files());
}

}  // namespace
}  // namespace monc::alertmanager
