#include "compiler/model/build.h"

#include "compiler/diag/did_you_mean.h"
#include "compiler/model/build_context.h"

namespace monc {
namespace build {

std::string Reader::Text(const Json& value, const std::string& pointer) const {
  if (value.is_string()) return value.get<std::string>();
  Span s = At(pointer);
  return std::string(sources_.Text(s.file).substr(s.begin, s.end - s.begin));
}

std::optional<model::Ref> Reader::OptRef(const Json& object, const std::string& pointer,
                                         const char* key) const {
  if (!object.contains(key)) return std::nullopt;
  std::string p = pointer + "/" + key;
  return model::Ref{Text(object[key], p), At(p)};
}

std::optional<model::Duration> Reader::Dur(const Json& object, const std::string& pointer,
                                           const char* key) const {
  if (!object.contains(key)) return std::nullopt;
  std::string p = pointer + "/" + key;
  std::string text = Text(object[key], p);
  auto millis = model::ParseDurationMillis(text);
  if (!millis) {
    sink_.Report(Code::SpecBadDuration, At(p), "invalid duration '" + text + "' for '" + key + "'")
        .label = "expected a duration like 30s, 5m or 1h30m";
    return std::nullopt;
  }
  return model::Duration{*millis, text, At(p)};
}

bool Reader::CheckLabelName(const std::string& name, Span span) const {
  bool ok = !name.empty() && !(name[0] >= '0' && name[0] <= '9') &&
            name.find_first_not_of(
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") ==
                std::string::npos;
  if (!ok) {
    sink_.Report(Code::SpecBadLabelName, span, "invalid label name '" + name + "'").label =
        "label names match [a-zA-Z_][a-zA-Z0-9_]*";
  }
  return ok;
}

model::LabelSet Reader::Labels(const Json& object, const std::string& pointer,
                               const char* key) const {
  model::LabelSet out;
  if (!object.contains(key)) return out;
  std::string base = pointer + "/" + key;
  for (const auto& [name, value] : object[key].items()) {
    std::string p = base + "/" + PointerToken(name);
    if (CheckLabelName(name, KeyAt(p))) out[name] = Text(value, p);
  }
  return out;
}

std::map<std::string, std::string> Reader::StringMap(const Json& object, const char* key) const {
  std::map<std::string, std::string> out;
  if (!object.contains(key)) return out;
  for (const auto& [k, v] : object[key].items()) out[k] = v.is_string() ? v.get<std::string>() : v.dump();
  return out;
}

std::vector<model::Matcher> Reader::Matchers(const Json& object, const std::string& pointer,
                                             const std::string& prefix, bool* valid) const {
  std::vector<model::Matcher> out;
  std::string error;
  for (auto [key, op] : {std::pair{"match", model::MatchOp::Equal},
                         std::pair{"match_re", model::MatchOp::Regex}}) {
    std::string k = prefix + key;
    if (!object.contains(k)) continue;
    for (const auto& [name, value] : object[k].items()) {
      std::string p = pointer + "/" + k + "/" + PointerToken(name);
      if (!CheckLabelName(name, KeyAt(p))) {
        *valid = false;
        continue;
      }
      auto m = model::Matcher::Make(name, op, Text(value, p), &error);
      if (!m) {
        sink_.Report(Code::SpecBadMatcher, At(p), error);
        *valid = false;
        continue;
      }
      m->span = op == model::MatchOp::Equal ? KeyAt(p) : At(p);
      out.push_back(std::move(*m));
    }
  }
  std::string k = prefix + "matchers";
  if (object.contains(k)) {
    for (size_t i = 0; i < object[k].size(); ++i) {
      std::string p = pointer + "/" + k + "/" + std::to_string(i);
      auto list = model::Matcher::ParseList(object[k][i].get<std::string>(), &error);
      if (!list) {
        sink_.Report(Code::SpecBadMatcher, At(p), error);
        *valid = false;
        continue;
      }
      for (model::Matcher& m : *list) {
        m.span = At(p);
        out.push_back(std::move(m));
      }
    }
  }
  return out;
}

bool NameRegistry::Declare(const std::string& kind, const model::Ref& name) {
  auto [it, fresh] = seen_.emplace(std::pair{kind, name.name}, name.span);
  if (!fresh) {
    sink_.Report(Code::SpecDuplicateName, name.span,
                 kind + " '" + name.name + "' is defined more than once")
        .notes.push_back({"first defined here", it->second});
  }
  return fresh;
}

void CheckReference(const model::Ref& ref, const std::vector<std::string>& known, Code code,
                    const std::string& what, DiagnosticSink& sink) {
  for (const std::string& k : known) {
    if (k == ref.name) return;
  }
  Diagnostic& d = sink.Report(code, ref.span, "unknown " + what + " '" + ref.name + "'");
  d.label = "not declared";
  if (auto s = DidYouMean(ref.name, known)) {
    d.notes.push_back({"did you mean '" + *s + "'?", {}});
    d.fix = FixIt{ref.span, *s};
  } else if (known.empty()) {
    d.notes.push_back({"the spec declares no " + what + "s", {}});
  } else if (known.size() <= 12) {
    std::string list;
    for (const std::string& k : known) list += (list.empty() ? "'" : ", '") + k + "'";
    d.notes.push_back({"declared: " + list, {}});
  }
}

namespace {

// A Kubernetes object name (RFC 1123 subdomain); also a safe file name.
bool IsKubernetesName(const std::string& s) {
  if (s.empty() || s.size() > 253) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(s.front()) || !alnum(s.back())) return false;
  for (char c : s) {
    if (!alnum(c) && c != '-' && c != '.') return false;
  }
  return true;
}

// Sections that one file of the system may set.
void ReadSingletons(const Reader& r, NameRegistry& names, model::System& system) {
  const Json& root = r.doc().root;
  for (const char* key : {"name", "description", "defaults", "prometheus", "severities",
                          "routes", "alertmanager", "logs"}) {
    if (root.contains(key)) names.Declare("section", r.Name(key, std::string("/") + key));
  }
  if (root.contains("name")) {
    system.name = root["name"];
    if (!IsKubernetesName(system.name)) {
      r.sink().Report(Code::SpecBadValue, r.At("/name"), "invalid system name '" + system.name + "'")
          .label = "it names output files and resources: lowercase letters, digits, '-' and '.'";
    }
  }
  if (root.contains("description")) system.description = root["description"];
  if (root.contains("defaults")) {
    const Json& d = root["defaults"];
    system.default_labels = r.Labels(d, "/defaults", "labels");
    system.evaluation_interval = r.Dur(d, "/defaults", "evaluation_interval");
    system.scrape_interval = r.Dur(d, "/defaults", "scrape_interval");
    if (d.contains("runbook_annotation")) system.runbook_annotation = d["runbook_annotation"];
  }
  if (root.contains("prometheus") && root["prometheus"].contains("operator")) {
    const Json& op = root["prometheus"]["operator"];
    system.prometheus_operator = model::System::Operator{
        r.Str(op, "name"), r.Str(op, "namespace"), r.Labels(op, "/prometheus/operator", "labels")};
    for (const char* key : {"name", "namespace"}) {
      std::string value = r.Str(op, key);
      if (op.contains(key) && !IsKubernetesName(value)) {
        r.sink().Report(Code::SpecBadValue, r.At(std::string("/prometheus/operator/") + key),
                        std::string("invalid Kubernetes ") + key + " '" + value + "'")
            .label = "lowercase letters, digits, '-' and '.', starting and ending alphanumeric";
      }
    }
  }
}

void ApplyDefaultSeverities(model::System& system) {
  if (!system.severities.levels.empty()) return;
  for (auto [name, page] : {std::pair{"critical", true}, {"warning", false}, {"info", false}}) {
    model::SeverityLevel level;
    level.name.name = name;
    level.page = page;
    system.severities.levels.push_back(level);
  }
}

// Final rule labels: see model::Rule.
void FinalizeRule(const model::System& system, model::Rule& rule) {
  model::LabelSet labels = system.default_labels;
  if (rule.severity) {
    if (const model::SeverityLevel* level = system.severities.Find(rule.severity->name)) {
      for (const auto& [k, v] : level->labels) labels[k] = v;
    }
  }
  if (rule.service) {
    labels["service"] = rule.service->name;
    const model::Service* service = system.FindService(rule.service->name);
    if (service && !service->team.empty()) labels["team"] = service->team;
  }
  for (const auto& [k, v] : rule.labels) labels[k] = v;
  if (rule.severity) labels[system.severities.label] = rule.severity->name;
  rule.labels = std::move(labels);
  if (!rule.runbook.empty()) rule.annotations[system.runbook_annotation] = rule.runbook;
}

// Prometheus's and Loki's rules alike, so Alertmanager routes both the same.
void FinalizeRules(model::System& system) {
  for (auto* groups : {&system.groups, &system.log_groups}) {
    for (model::RuleGroup& group : *groups) {
      for (model::Rule& rule : group.rules) FinalizeRule(system, rule);
    }
  }
}

}  // namespace
}  // namespace build

model::System BuildModel(const std::vector<SpecDocument>& documents,
                         const SourceManager& sources, DiagnosticSink& sink) {
  model::System system;
  build::NameRegistry names(sink);
  for (const SpecDocument& doc : documents) {
    build::Reader reader(doc, sources, sink);
    build::ReadSingletons(reader, names, system);
    build::ReadCatalog(reader, names, system);
    build::ReadRules(reader, names, system);
    build::ReadAlerting(reader, names, system);
    build::ReadObjectives(reader, names, system);
    build::ReadLogs(reader, system);
  }
  build::ApplyDefaultSeverities(system);
  build::ResolveReferences(system, sink);
  build::FinalizeRules(system);
  return system;
}

}  // namespace monc
