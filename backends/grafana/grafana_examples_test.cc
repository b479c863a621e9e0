// The Grafana backend on every example: the same bytes on every run, each
// spec dashboard panel for panel with its queries as written, and the
// queries of the generated dashboards through the same checks as a spec's
// own. For those, the test writes them as a spec file beside the
// example's and compiles both: any diagnostic in that file (an unknown
// metric or label, a rate window too short for the scrape interval, a
// recording rule the SLOs do not record) fails the test.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "backends/common/examples_for_test.h"
#include "backends/common/real_tools.h"
#include "backends/grafana/grafana.h"
#include "backends/grafana/names.h"
#include "compiler/diag/render.h"
#include "compiler/driver/pipeline.h"

namespace monc::grafana {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

void ExpectPanelForPanel(const model::Dashboard& d, const Json& out) {
  ASSERT_TRUE(out.is_object()) << d.name.name << " did not come out";
  EXPECT_EQ(out["title"], d.title);
  ASSERT_EQ(out["panels"].size(), d.panels.size()) << d.name.name;
  for (size_t i = 0; i < d.panels.size(); ++i) {
    const model::Panel& panel = d.panels[i];
    const Json& p = out["panels"][i];
    EXPECT_EQ(p["title"], panel.title) << d.name.name << " panel " << i;
    std::vector<std::string> want, got;
    for (const model::Panel::Target& t : panel.targets) want.push_back(t.query);
    if (p.contains("targets")) {
      for (const Json& t : p["targets"])
        got.push_back(t.contains("rawSql") ? t["rawSql"] : t["expr"]);
    }
    EXPECT_EQ(got, want) << d.name.name << " panel " << i;
  }
}

// The dashboard's Prometheus queries as a spec dashboard, one panel each.
Json AsSpecDashboard(const Json& dashboard) {
  Json panels = Json::array();
  for (const Json& p : dashboard["panels"]) {
    if (!p.contains("targets")) continue;
    for (const Json& t : p["targets"]) {
      if (t["datasource"]["type"] == "prometheus") {
        panels.push_back({{"title", p["title"]}, {"expr", t["expr"]}});
      }
    }
  }
  return {{"title", dashboard["title"]}, {"panels", panels}};
}

void ExpectQueriesCheck(const fs::path& example, const Json& dashboards) {
  std::string dir = backends::TestDir(example.filename().string());
  for (const auto& e : fs::recursive_directory_iterator(example)) {
    if (e.path().extension() != ".yaml") continue;
    fs::path copy = fs::path(dir) / e.path().lexically_relative(example);
    fs::create_directories(copy.parent_path());
    fs::copy_file(e.path(), copy);
  }
  std::string generated = dir + "/zz-generated-dashboards.yaml";
  // JSON is YAML, and the dump escapes what YAML would misread.
  backends::WriteFile(generated, Json{{"version", 1}, {"dashboards", dashboards}}.dump(1) + "\n");
  SourceManager sources;
  DiagnosticSink sink;
  ASSERT_TRUE(Compile({dir}, sources, sink).spec) << RenderText(sink.Sorted(), sources);
  std::vector<Diagnostic> in_generated;
  for (const Diagnostic& d : sink.Sorted()) {
    if (d.primary.valid() && sources.Path(d.primary.file) == generated) in_generated.push_back(d);
  }
  EXPECT_TRUE(in_generated.empty()) << RenderText(in_generated, sources);
}

void CheckExample(const fs::path& example) {
  std::unique_ptr<backends::BuiltExample> built = backends::BuildExample(example, GrafanaBackend());
  if (!built) return;
  std::map<std::string, Json> by_uid;  // every dashboard the backend wrote
  for (const auto& [file, contents] : built->out.files()) {
    if (fs::path(file).extension() != ".json") continue;
    Json dashboard = Json::parse(contents);
    by_uid[dashboard["uid"]] = dashboard;
  }
  std::set<std::string> spec_uids;
  for (const model::Dashboard& d : built->spec->system().dashboards) {
    spec_uids.insert(Uid(d.uid));
    ExpectPanelForPanel(d, by_uid[Uid(d.uid)]);
  }
  Json generated = Json::object();
  for (const auto& [uid, dashboard] : by_uid) {
    if (!spec_uids.count(uid)) generated["generated-" + uid] = AsSpecDashboard(dashboard);
  }
  ExpectQueriesCheck(example, generated);
}

}  // namespace
}  // namespace monc::grafana

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  monc::backends::RegisterExampleTests("Example", monc::grafana::CheckExample);
  return RUN_ALL_TESTS();
}
