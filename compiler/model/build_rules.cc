// Severity levels and rule groups.
#include <algorithm>

#include "compiler/diag/did_you_mean.h"
#include "compiler/model/build_context.h"

namespace monc::build {
namespace {

bool IsMetricName(const std::string& s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  return s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:") ==
         std::string::npos;
}

void ReadSeverities(const Reader& r, model::System& system) {
  const Json& root = r.doc().root;
  if (!root.contains("severities")) return;
  const Json& s = root["severities"];
  if (s.contains("label")) {
    system.severities.label = s["label"];
    r.CheckLabelName(system.severities.label, r.At("/severities/label"));
  }
  if (!s.contains("levels")) return;
  for (const auto& [name, level] : s["levels"].items()) {
    std::string p = "/severities/levels/" + PointerToken(name);
    model::SeverityLevel l;
    l.name = r.Name(name, p);
    l.description = r.Str(level, "description");
    l.page = level.value("page", false);
    l.labels = r.Labels(level, p, "labels");
    system.severities.levels.push_back(std::move(l));
  }
}

// Reports labels Prometheus reserves, where they are written: `alertname`
// (Prometheus sets it on every alert) and anything starting with `__`.
void CheckReservedLabels(const Reader& r, const Json& object, const std::string& pointer,
                         const std::string& owner) {
  if (!object.contains("labels")) return;
  for (const auto& [k, v] : object["labels"].items()) {
    if (k == "alertname" || k.rfind("__", 0) == 0) {
      r.sink().Report(Code::RuleReservedLabel, r.KeyAt(pointer + "/labels/" + PointerToken(k)),
                      owner + " sets the reserved label '" + k + "'");
    }
  }
}

// The catalog checks (compiler/analysis/promql_checks.h) and LogQL's check
// against the declared log formats: the only codes a rule may silence. The
// rest report a spec that is wrong, not a judgement the author may overrule.
constexpr Code kSilenceable[] = {
    Code::PromqlUnknownMetric,     Code::PromqlUnknownLabel,      Code::PromqlRateOfGauge,
    Code::PromqlCounterWithoutRate, Code::PromqlQuantileWithoutLe, Code::PromqlTemplateLabel,
    Code::PromqlShortRateWindow,   Code::PromqlAnchoredRegex,     Code::RuleForBelowInterval,
    Code::RuleReadsLaterRecord,    Code::LogqlUnknownLabel};

std::vector<model::Silence> ReadSilences(const Reader& r, const Json& j, const std::string& p) {
  std::vector<model::Silence> out;
  if (!j.contains("silence")) return out;
  std::vector<std::string> ids;
  for (Code c : kSilenceable) ids.emplace_back(Info(c).id);
  for (size_t i = 0; i < j["silence"].size(); ++i) {
    std::string sp = p + "/silence/" + std::to_string(i);
    const Json& entry = j["silence"][i];
    model::Silence silence{{entry["code"], r.At(sp + "/code")}, r.Str(entry, "reason"), r.At(sp)};
    if (std::find(ids.begin(), ids.end(), silence.code.name) == ids.end()) {
      Diagnostic& d = r.sink().Report(Code::SpecBadSilence, silence.code.span,
                                      "'" + silence.code.name + "' is not a catalog check");
      d.label = "only catalog checks can be silenced";
      if (auto s = DidYouMean(silence.code.name, ids)) {
        d.notes.push_back({"did you mean '" + *s + "'?", {}});
        d.fix = FixIt{silence.code.span, *s};
      }
      continue;
    }
    if (silence.reason.find_first_not_of(" \t\n") == std::string::npos) {
      r.sink().Report(Code::SpecBadSilence, silence.span,
                      "silence of '" + silence.code.name + "' gives no 'reason'")
          .label = "say why the check does not apply to this rule";
      continue;
    }
    out.push_back(std::move(silence));
  }
  return out;
}

// Keys only an alerting rule may carry.
constexpr const char* kAlertOnlyKeys[] = {"for",     "keep_firing_for", "severity",   "service",
                                          "summary", "description",     "runbook",    "annotations"};

std::optional<model::Rule> ReadRule(const Reader& r, const Json& j, const std::string& p,
                                    const model::LabelSet& group_labels) {
  model::Rule rule;
  rule.span = r.At(p);
  bool is_alert = j.contains("alert"), is_record = j.contains("record");
  if (is_alert == is_record) {
    r.sink().Report(is_alert ? Code::SpecBadValue : Code::SchemaRequired, rule.span,
                    is_alert ? "a rule cannot be both 'alert' and 'record'"
                             : "a rule needs 'alert' (an alerting rule) or 'record' (a recording rule)");
    return std::nullopt;
  }
  rule.kind = is_alert ? model::Rule::Kind::Alert : model::Rule::Kind::Record;
  const char* name_key = is_alert ? "alert" : "record";
  rule.name = {j[name_key].get<std::string>(), r.At(p + "/" + name_key)};
  if (is_record && !IsMetricName(rule.name.name)) {
    r.sink().Report(Code::SpecBadLabelName, rule.name.span,
                    "invalid recording rule name '" + rule.name.name + "'")
        .label = "metric names match [a-zA-Z_:][a-zA-Z0-9_:]*";
  }
  if (is_alert && rule.name.name.empty()) {
    r.sink().Report(Code::SpecBadValue, rule.name.span, "an alert name cannot be empty");
  }
  if (is_record) {
    for (const char* key : kAlertOnlyKeys) {
      if (j.contains(key)) {
        r.sink().Report(Code::SpecBadValue, r.KeyAt(p + "/" + key),
                        "recording rule '" + rule.name.name + "' cannot have '" + key + "'")
            .label = "only alerting rules have this";
      }
    }
  }
  rule.expr = j["expr"];
  rule.expr_span = r.At(p + "/expr");
  rule.for_duration = r.Dur(j, p, "for");
  rule.keep_firing_for = r.Dur(j, p, "keep_firing_for");
  rule.severity = r.OptRef(j, p, "severity");
  rule.service = r.OptRef(j, p, "service");
  rule.labels = group_labels;
  for (auto& [k, v] : r.Labels(j, p, "labels")) rule.labels[k] = v;
  CheckReservedLabels(r, j, p, "rule '" + rule.name.name + "'");
  rule.annotations = r.StringMap(j, "annotations");
  for (const char* key : {"summary", "description"}) {
    if (!j.contains(key)) continue;
    if (rule.annotations.count(key)) {
      r.sink().Report(Code::SpecBadValue, r.KeyAt(p + "/annotations/" + key),
                      std::string("annotation '") + key + "' is also set by the '" + key +
                          "' field of alert '" + rule.name.name + "'");
    }
    rule.annotations[key] = j[key];
  }
  rule.runbook = r.Str(j, "runbook");
  rule.silences = ReadSilences(r, j, p);
  return rule;
}

}  // namespace

void ReadRules(const Reader& r, NameRegistry& names, model::System& system) {
  ReadSeverities(r, system);
  const Json& root = r.doc().root;
  if (root.contains("defaults")) {
    CheckReservedLabels(r, root["defaults"], "/defaults", "'defaults'");
  }
  if (!root.contains("groups")) return;
  for (const auto& [name, g] : root["groups"].items()) {
    std::string p = "/groups/" + PointerToken(name);
    model::RuleGroup group;
    group.name = r.Name(name, p);
    if (!names.Declare("group", group.name)) continue;
    group.interval = r.Dur(g, p, "interval");
    group.limit = g.value("limit", 0);
    model::LabelSet group_labels = r.Labels(g, p, "labels");
    CheckReservedLabels(r, g, p, "group '" + name + "'");
    for (size_t i = 0; i < g["rules"].size(); ++i) {
      std::string rp = p + "/rules/" + std::to_string(i);
      if (auto rule = ReadRule(r, g["rules"][i], rp, group_labels)) {
        group.rules.push_back(std::move(*rule));
      }
    }
    bool loki = g.value("datasource", "prometheus") == "loki";
    (loki ? system.log_groups : system.groups).push_back(std::move(group));
  }
}

}  // namespace monc::build
