#include "compiler/rulefile/rulefile.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "compiler/analysis/promql_report.h"
#include "compiler/promql/go_strconv.h"
#include "compiler/promql/promql.h"
#include "compiler/rulefile/yaml_read.h"
#include "compiler/source/embedded_text.h"
#include "compiler/spec/load.h"
#include "runtime/template/template.h"

namespace monc {
namespace {

using Json = nlohmann::json;

// The fields of rulefmt's RuleGroups, RuleGroup and RuleNode at 2.42:
// Prometheus decodes with KnownFields, so any other key is an error.
const std::set<std::string> kFileKeys = {"groups"};
const std::set<std::string> kGroupKeys = {"name", "interval", "limit", "rules"};
const std::set<std::string> kRuleKeys = {"record", "alert", "expr", "for", "keep_firing_for",
                                         "labels", "annotations"};

bool IsNameChar(char c, bool first, bool colon_ok) {
  bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return letter || (colon_ok && c == ':') || (!first && c >= '0' && c <= '9');
}

// model.LabelName.IsValid and model.IsValidMetricName.
bool IsValidName(const std::string& name, bool colon_ok) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (!IsNameChar(name[i], i == 0, colon_ok)) return false;
  }
  return true;
}

// model.LabelValue.IsValid: utf8.ValidString.
bool IsValidUtf8(std::string_view s) {
  while (!s.empty()) {
    promql::go::DecodedRune r = promql::go::DecodeRune(s);
    if (r.rune == promql::go::kRuneError && r.width == 1) return false;
    s.remove_prefix(r.width);
  }
  return true;
}

class Reader {
 public:
  Reader(const SpecDocument& doc, const SourceManager& sources, DiagnosticSink& sink)
      : doc_(doc), sources_(sources), sink_(sink), yaml_(doc, sources, sink) {}

  std::vector<runtime::RuleGroup> Read() {
    std::vector<runtime::RuleGroup> groups;
    const Json& root = doc_.root;
    if (root.is_null()) return groups;  // an empty file: no groups, as Prometheus
    if (!yaml_.Mapping(root, "", kFileKeys, "rule file")) return groups;
    if (!root.contains("groups") || root["groups"].is_null()) return groups;
    const Json& list = root["groups"];
    if (!list.is_array()) {
      sink_.Report(Code::SchemaType, doc_.ValueSpan("/groups"), "'groups' must be a list");
      return groups;
    }
    std::map<std::string, Span> names;
    for (size_t i = 0; i < list.size(); ++i) {
      std::string p = "/groups/" + std::to_string(i);
      // Checked before the group's own problems: promtool reports a repeated
      // name even when the first group is invalid.
      std::string name = list[i].is_object() ? yaml_.Text(list[i], p, "name") : "";
      auto [first, fresh] = names.emplace(name, doc_.ValueSpan(p + "/name"));
      if (!fresh && !name.empty()) {
        sink_.Report(Code::SpecDuplicateName, doc_.ValueSpan(p + "/name"),
                     "groupname: " + promql::go::Quote(name) + " is repeated in the same file")
            .notes.push_back({"first defined here", first->second});
      }
      std::optional<runtime::RuleGroup> group = Group(list[i], p);
      if (group && fresh) groups.push_back(std::move(*group));
    }
    return groups;
  }

 private:
  std::optional<runtime::RuleGroup> Group(const Json& j, const std::string& p) {
    if (!yaml_.Mapping(j, p, kGroupKeys, "rule group")) return std::nullopt;
    runtime::RuleGroup group;
    group.file = sources_.Path(doc_.file);
    group.name = yaml_.Text(j, p, "name");
    bool ok = true;
    if (group.name.empty()) {
      sink_.Report(Code::SchemaRequired, doc_.KeySpan(p), "Groupname must not be empty");
      ok = false;
    }
    // A zero interval means the global evaluation interval, as in Prometheus.
    if (std::optional<int64_t> interval = yaml_.Duration(j, p, "interval")) {
      if (*interval > 0) group.interval_ms = *interval;
    } else if (j.contains("interval")) {
      ok = false;
    }
    if (j.contains("limit") && !j["limit"].is_null()) {
      if (j["limit"].is_number_integer()) {
        group.limit = j["limit"].get<int>();
      } else {
        sink_.Report(Code::SchemaType, doc_.ValueSpan(p + "/limit"), "'limit' must be an integer");
        ok = false;
      }
    }
    if (j.contains("rules") && !j["rules"].is_null()) {
      const Json& rules = j["rules"];
      if (!rules.is_array()) {
        sink_.Report(Code::SchemaType, doc_.ValueSpan(p + "/rules"), "'rules' must be a list");
        return std::nullopt;
      }
      for (size_t i = 0; i < rules.size(); ++i) {
        std::optional<runtime::Rule> rule = Rule(rules[i], p + "/rules/" + std::to_string(i));
        if (rule) {
          group.rules.push_back(std::move(*rule));
        } else {
          ok = false;
        }
      }
    }
    if (!ok) return std::nullopt;
    return group;
  }

  // RuleNode.Validate, then the expression through the PromQL front end.
  std::optional<runtime::Rule> Rule(const Json& j, const std::string& p) {
    if (!yaml_.Mapping(j, p, kRuleKeys, "rule")) return std::nullopt;
    size_t errors = sink_.ErrorCount();
    std::string record = yaml_.Text(j, p, "record"), alert = yaml_.Text(j, p, "alert");
    if (!record.empty() && !alert.empty()) {
      sink_.Report(Code::SpecBadValue, doc_.KeySpan(p + "/record"),
                   "only one of 'record' and 'alert' must be set");
    } else if (record.empty() && alert.empty()) {
      sink_.Report(Code::SchemaRequired, doc_.ValueSpan(p),
                   "one of 'record' or 'alert' must be set");
    }
    std::string expr_text = yaml_.Text(j, p, "expr");
    std::shared_ptr<const promql::Expr> expr;
    if (expr_text.empty()) {
      sink_.Report(Code::SchemaRequired, doc_.ValueSpan(p), "field 'expr' must be set in rule");
    } else {
      expr = Expression(expr_text, p + "/expr");
    }
    std::optional<int64_t> for_ms = yaml_.Duration(j, p, "for");
    std::optional<int64_t> keep_ms = yaml_.Duration(j, p, "keep_firing_for");
    std::vector<runtime::Label> labels = LabelMap(j, p, "labels", "label");
    std::vector<runtime::Label> annotations = LabelMap(j, p, "annotations", "annotation");
    if (!record.empty()) {
      if (!annotations.empty()) RecordingOnly(p, "annotations");
      if (for_ms.value_or(0) != 0) RecordingOnly(p, "for");
      if (keep_ms.value_or(0) != 0) RecordingOnly(p, "keep_firing_for");
      if (!IsValidName(record, true)) {
        sink_.Report(Code::SpecBadLabelName, doc_.ValueSpan(p + "/record"),
                     "invalid recording rule name: " + record)
            .label = "metric names match [a-zA-Z_:][a-zA-Z0-9_:]*";
      }
    } else if (!alert.empty()) {
      CheckTemplates(alert, labels, p + "/labels", "label");
      CheckTemplates(alert, annotations, p + "/annotations", "annotation");
    }
    if (sink_.ErrorCount() != errors) return std::nullopt;
    if (!record.empty()) {
      return runtime::RecordingRule{record, expr_text, std::move(expr),
                                    runtime::Labels::FromUnsorted(std::move(labels))};
    }
    return runtime::AlertingRule{alert,        expr_text,        std::move(expr),
                                 for_ms.value_or(0), keep_ms.value_or(0), std::move(labels),
                                 std::move(annotations)};
  }

  std::shared_ptr<const promql::Expr> Expression(const std::string& text, const std::string& p) {
    Span scalar = doc_.ValueSpan(p);
    EmbeddedText spelling = EmbeddedText::FromYamlScalar(sources_, scalar.file, scalar.begin, text);
    return ParseAndReport(text, [&](Code code, promql::PosRange pos, std::string message) {
      sink_.Report(code, spelling.ToSpan(pos.begin, pos.end), std::move(message));
    });
  }

  // rulefmt's testTemplateParsing: an alert whose label or annotation
  // template does not parse is refused, though only expanding it would fail.
  void CheckTemplates(const std::string& alert, const std::vector<runtime::Label>& items,
                      const std::string& base, const std::string& what) {
    for (const runtime::Label& item : items) {
      std::optional<std::string> error = runtime::TemplateParseError(alert, item.value);
      if (!error) continue;
      sink_.Report(Code::SpecBadValue, doc_.ValueSpan(base + "/" + PointerToken(item.name)),
                   what + " " + promql::go::Quote(item.name) + ": " + *error)
          .label = "the template does not parse";
    }
  }

  void RecordingOnly(const std::string& p, const std::string& key) {
    sink_.Report(Code::SpecBadValue, doc_.KeySpan(p + "/" + key),
                 "invalid field '" + key + "' in recording rule")
        .label = "only alerting rules have it";
  }

  // Labels or annotations, sorted by name as Prometheus's labels.FromMap
  // sorts them (templates expand in that order).
  std::vector<runtime::Label> LabelMap(const Json& j, const std::string& p, const char* key,
                                       const std::string& what) {
    std::vector<runtime::Label> out;
    if (!j.contains(key) || j[key].is_null()) return out;
    std::string base = p + "/" + key;
    if (!j[key].is_object()) {
      sink_.Report(Code::SchemaType, doc_.ValueSpan(base), "'" + std::string(key) + "' must be a mapping");
      return out;
    }
    for (const auto& [name, value] : j[key].items()) {
      std::string vp = base + "/" + PointerToken(name);
      if (!IsValidName(name, false) || (what == "label" && name == "__name__")) {
        sink_.Report(Code::SpecBadLabelName, doc_.KeySpan(vp), "invalid " + what + " name: " + name)
            .label = "names match [a-zA-Z_][a-zA-Z0-9_]*";
        continue;
      }
      std::string text = yaml_.Scalar(value, vp);
      if (!IsValidUtf8(text)) {
        sink_.Report(Code::SpecBadValue, doc_.ValueSpan(vp), "invalid " + what + " value: " + text);
        continue;
      }
      out.push_back({name, std::move(text)});
    }
    return out;  // items() of a JSON object run in key order
  }

  const SpecDocument& doc_;
  const SourceManager& sources_;
  DiagnosticSink& sink_;
  YamlReader yaml_;
};

}  // namespace

std::shared_ptr<const promql::Expr> ParsePromql(std::string_view text, std::string& error) {
  promql::ParseResult parsed = promql::ParseExpr(text);
  if (parsed.errors.empty()) return std::move(parsed.expr);
  const promql::ParseError& e = parsed.errors.front();
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < e.pos.begin && i < text.size(); ++i) {
    if (text[i] == '\n') line++, line_start = i + 1;
  }
  error = std::to_string(line) + ":" + std::to_string(e.pos.begin - line_start + 1) +
          ": parse error: " + e.message;
  return nullptr;
}

std::vector<runtime::RuleGroup> LoadRuleFile(FileId file, const SourceManager& sources,
                                             DiagnosticSink& sink) {
  std::optional<SpecDocument> doc = LoadSpec(file, sources, sink);
  if (!doc) return {};
  return Reader(*doc, sources, sink).Read();
}

}  // namespace monc
