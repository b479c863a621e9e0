// Judges the Grafana backend's dashboards with Grafana's own published
// types (npm @grafana/schema, installed in tools/npm by tools/setup.sh),
// as the other real-tools tests judge rule files with promtool. Each
// dashboard becomes a TypeScript module that assigns its JSON to
// Json<Dashboard>, and each panel's options and custom field config to its
// plugin's Options and FieldConfig (testdata/json.ts says what Json<> is);
// `tsc --strict` rejects a misspelled key (excess-property checks on object
// literals), a value of the wrong type and an unknown enum value. The
// dashboards are every example's and testdata/every_part.yaml's, compiled
// like any spec; a second run shows that the same check fails on each kind
// of mistake.
//
// tools/npm is found from the source file behind this test's data file,
// which is why the target is tagged "local" (not sandboxed).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "backends/common/examples_for_test.h"
#include "backends/common/real_tools.h"
#include "backends/grafana/grafana.h"

namespace monc::grafana {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr char kJsonTs[] = "backends/grafana/testdata/json.ts";

// Where each panel plugin's types are, under
// @grafana/schema/dist/esm/raw/composable/; the ones with a FieldConfig
// type check a panel's fieldConfig.defaults.custom too.
struct PluginTypes {
  std::string_view type;
  std::string_view module;
  bool field_config;
};
constexpr PluginTypes kPlugins[] = {
    {"timeseries", "timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen", true},
    {"stat", "stat/panelcfg/x/StatPanelCfg_types.gen", false},
    {"gauge", "gauge/panelcfg/x/GaugePanelCfg_types.gen", false},
    {"table", "table/panelcfg/x/TablePanelCfg_types.gen", true},
    {"bargauge", "bargauge/panelcfg/x/BarGaugePanelCfg_types.gen", false},
    {"text", "text/panelcfg/x/TextPanelCfg_types.gen", false},
    {"logs", "logs/panelcfg/x/LogsPanelCfg_types.gen", false},
    {"piechart", "piechart/panelcfg/x/PieChartPanelCfg_types.gen", true},
};

const PluginTypes* FindPlugin(const std::string& type) {
  for (const PluginTypes& p : kPlugins) {
    if (p.type == type) return &p;
  }
  return nullptr;
}

// The dashboard as a TypeScript module. Options are checked as
// Partial<Options>: Grafana lays each panel's options over its plugin's
// defaults, so a panel sets only what it means (nested objects whole).
std::string TypeScript(const std::string& source, const Json& dashboard) {
  std::string imports =
      "import type { Dashboard } from '@grafana/schema';\n"
      "import type { Json } from './json';\n";
  std::string checks;
  std::set<std::string> imported;
  for (const Json& panel : dashboard["panels"]) {
    std::string type = panel["type"];
    if (type == "row") continue;
    const PluginTypes* plugin = FindPlugin(type);
    if (plugin == nullptr) {
      ADD_FAILURE() << source << ": no published types listed for panel type '" << type << "'";
      continue;
    }
    if (imported.insert(type).second) {
      imports += "import type * as " + type + " from '@grafana/schema/dist/esm/raw/composable/" +
                 std::string(plugin->module) + "';\n";
    }
    std::string name = "panel_" + std::to_string(panel["id"].get<int>());
    if (panel.contains("options")) {
      checks += "export const " + name + "_options: Partial<Json<" + type +
                ".Options>> = " + panel["options"].dump(2) + ";\n";
    }
    const Json* custom = nullptr;
    if (panel.contains("fieldConfig") && panel["fieldConfig"]["defaults"].contains("custom")) {
      custom = &panel["fieldConfig"]["defaults"]["custom"];
    }
    if (custom && !plugin->field_config) {
      ADD_FAILURE() << source << ": panel type '" << type << "' has no published FieldConfig";
    } else if (custom) {
      checks += "export const " + name + "_custom: Json<" + type +
                ".FieldConfig> = " + custom->dump(2) + ";\n";
    }
  }
  return "// " + source + "\n" + imports +
         "export const dashboard: Json<Dashboard> = " + dashboard.dump(2) + ";\n" + checks;
}

struct Dashboards {
  std::vector<std::pair<std::string, Json>> all;  // output path, JSON
  int panels = 0;
};

// Every dashboard the backend writes for every example and the testdata.
Dashboards Compiled() {
  std::vector<fs::path> specs = {"backends/grafana/testdata/every_part.yaml"};
  for (const fs::path& example : backends::ExampleFolders()) specs.push_back(example);
  Dashboards out;
  for (const fs::path& spec : specs) {
    std::unique_ptr<backends::BuiltExample> built = backends::BuildExample(spec, GrafanaBackend());
    if (!built) continue;  // the failure is reported
    for (const auto& [path, contents] : built->out.files()) {
      if (fs::path(path).extension() != ".json") continue;
      Json dashboard = Json::parse(contents);
      out.panels += int(dashboard["panels"].size());
      out.all.emplace_back(spec.string() + ": " + path, std::move(dashboard));
    }
  }
  return out;
}

class GrafanaRealToolsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { dashboards_ = new Dashboards(Compiled()); }

  // A folder with a tsc project and json.ts, seeing tools/npm's packages.
  std::string Project(const std::string& name) {
    fs::path json_ts = fs::canonical(kJsonTs);
    fs::path node_modules = json_ts.parent_path().parent_path().parent_path().parent_path() /
                            "tools" / "npm" / "node_modules";
    EXPECT_TRUE(fs::exists(node_modules / "@grafana" / "schema"))
        << node_modules << " lacks @grafana/schema: run tools/setup.sh";
    std::string dir = backends::TestDir(name);
    fs::create_directory_symlink(node_modules, fs::path(dir) / "node_modules");
    fs::copy_file(json_ts, fs::path(dir) / "json.ts");
    backends::WriteFile(dir + "/tsconfig.json", R"({
  "compilerOptions": {
    "strict": true, "noEmit": true, "skipLibCheck": true, "types": [],
    "target": "es2020", "module": "esnext", "moduleResolution": "bundler"
  },
  "include": ["*.ts"]
})");
    return dir;
  }

  backends::ToolRun Tsc(const std::string& dir) {
    return backends::RunShell("cd " + backends::ShellQuote(dir) +
                              " && node_modules/.bin/tsc -p tsconfig.json");
  }

  static Dashboards* dashboards_;
};

Dashboards* GrafanaRealToolsTest::dashboards_ = nullptr;

TEST_F(GrafanaRealToolsTest, GrafanasTypesAcceptEveryDashboard) {
  ASSERT_FALSE(dashboards_->all.empty());
  std::string dir = Project("dashboards");
  for (size_t i = 0; i < dashboards_->all.size(); ++i) {
    const auto& [source, dashboard] = dashboards_->all[i];
    backends::WriteFile(dir + "/dashboard_" + std::to_string(i) + ".ts",
                        TypeScript(source, dashboard));
  }
  backends::ToolRun run = Tsc(dir);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  RecordProperty("dashboards", int(dashboards_->all.size()));
  RecordProperty("panels", dashboards_->panels);
  std::cout << "tsc accepted " << dashboards_->all.size() << " dashboards, " << dashboards_->panels
            << " panels\n";
}

// The same check on every_part's dashboard with one mistake each: each
// must fail, with tsc naming the mistake.
TEST_F(GrafanaRealToolsTest, GrafanasTypesRejectEachKindOfMistake) {
  struct Mistake {
    const char* what;
    const char* after;  // where to start looking: "" the dashboard, else a panel's check
    const char* from;
    const char* to;
    const char* reported;
  };
  const Mistake mistakes[] = {
      {"misspelled dashboard key", "", "\"refresh\":", "\"refesh\":", "refesh"},
      {"misspelled panel key", "", "\"gridPos\":", "\"gridpos\":", "gridpos"},
      {"misspelled variable key", "", "\"includeAll\":", "\"includeall\":", "includeall"},
      {"unknown enum value", "", "\"mode\": \"absolute\"", "\"mode\": \"absolut\"", "absolut"},
      {"value of the wrong type", "", "\"schemaVersion\": 39", "\"schemaVersion\": \"39\"",
       "not assignable to type 'number'"},
      {"misspelled panel option", "export const panel_",
       "\"showLegend\":", "\"showlegend\":", "showlegend"},
      {"unknown panel option value", "export const panel_", "\"placement\": \"bottom\"",
       "\"placement\": \"botom\"", "botom"},
      {"misspelled custom field config", "export const panel_",
       "\"thresholdsStyle\":", "\"thresholdStyle\":", "thresholdStyle"},
  };
  const std::pair<std::string, Json>* every_part = nullptr;
  for (const auto& d : dashboards_->all) {
    if (d.first.find("every-part.json") != std::string::npos) every_part = &d;
  }
  ASSERT_NE(every_part, nullptr);
  std::string good = TypeScript(every_part->first, every_part->second);
  std::string dir = Project("mistakes");
  for (size_t i = 0; i < std::size(mistakes); ++i) {
    const Mistake& m = mistakes[i];
    std::string ts = good;
    size_t at = ts.find(m.from, ts.find(m.after));
    ASSERT_NE(at, std::string::npos) << m.what << ": no " << m.from;
    ts.replace(at, std::string(m.from).size(), m.to);
    backends::WriteFile(dir + "/mistake_" + std::to_string(i) + ".ts", ts);
  }
  backends::ToolRun run = Tsc(dir);
  EXPECT_NE(run.exit_code, 0) << run.output;
  for (size_t i = 0; i < std::size(mistakes); ++i) {
    std::string file = "mistake_" + std::to_string(i) + ".ts(";
    bool named = false;
    std::istringstream lines(run.output);
    for (std::string line; std::getline(lines, line);) {
      named = named ||
              (line.rfind(file, 0) == 0 && line.find(mistakes[i].reported) != std::string::npos);
    }
    EXPECT_TRUE(named) << mistakes[i].what << ": tsc did not report '" << mistakes[i].reported
                       << "' in " << file << "\n"
                       << run.output;
  }
}

}  // namespace
}  // namespace monc::grafana
