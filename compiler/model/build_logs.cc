// Loki: the `logs` section (tenant, retention) and each service's log
// format. Retention selectors are LogQL, checked in the analysis phase
// with every other LogQL expression.
#include "compiler/model/build_context.h"

namespace monc::build {
namespace {

// Loki's compactor refuses anything shorter (its docs: "The minimum
// retention period is 24h").
constexpr int64_t kMinRetentionMillis = 24 * 3600 * 1000;

std::optional<model::Duration> Retention(const Reader& r, const Json& object,
                                         const std::string& pointer) {
  std::optional<model::Duration> period = r.Dur(object, pointer, "period");
  if (period && period->millis < kMinRetentionMillis) {
    r.sink()
        .Report(Code::SpecBadValue, period->span,
                "retention period '" + period->text + "' is shorter than 24h")
        .label = "Loki's minimum retention period is 24h";
    return std::nullopt;
  }
  return period;
}

// Loki's tenant ids: at most 150 of these characters, not "." or "..".
// The id also names the ruler's folder of the tenant's rule files.
bool IsTenantId(const std::string& id) {
  if (id.empty() || id.size() > 150 || id == "." || id == "..") return false;
  return id.find_first_not_of(
             "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!-_.*'()") ==
         std::string::npos;
}

}  // namespace

std::optional<model::LogFormat> ReadLogFormat(const Reader& r, const Json& service,
                                              const std::string& pointer) {
  if (!service.contains("logs")) return std::nullopt;
  const Json& j = service["logs"];
  std::string p = pointer + "/logs";
  model::LogFormat logs;
  logs.span = r.KeyAt(p);
  logs.stream = r.Labels(j, p, "stream");
  using Format = model::LogFormat::Format;
  std::string format = j.value("format", "");
  logs.format = format == "json"     ? Format::Json
                : format == "logfmt" ? Format::Logfmt
                : format == "plain"  ? Format::Plain
                                     : Format::Undeclared;
  for (const char* key : {"labels", "fields"}) {
    if (!j.contains(key)) continue;
    auto& out = std::string(key) == "labels" ? logs.labels : logs.fields;
    for (size_t i = 0; i < j[key].size(); ++i) {
      std::string name = j[key][i];
      if (r.CheckLabelName(name, r.At(p + "/" + key + "/" + std::to_string(i)))) {
        out.push_back(name);
      }
    }
  }
  if (!logs.fields.empty() && logs.format != Format::Json && logs.format != Format::Logfmt) {
    r.sink()
        .Report(Code::SpecBadValue, r.KeyAt(p + "/fields"),
                "log 'fields' need a 'format' of json or logfmt")
        .label = "no parser stage extracts fields from plain text";
  }
  return logs;
}

void ReadLogs(const Reader& r, model::System& system) {
  const Json& root = r.doc().root;
  if (!root.contains("logs")) return;
  const Json& logs = root["logs"];
  if (logs.contains("tenant")) {
    system.logs.tenant = logs["tenant"];
    if (!IsTenantId(system.logs.tenant)) {
      r.sink()
          .Report(Code::SpecBadValue, r.At("/logs/tenant"),
                  "invalid Loki tenant id '" + system.logs.tenant + "'")
          .label = "at most 150 letters, digits and !-_.*'(), not '.' or '..'";
    }
  }
  if (!logs.contains("retention")) return;
  const Json& retention = logs["retention"];
  system.logs.retention_period = Retention(r, retention, "/logs/retention");
  if (!retention.contains("streams")) return;
  for (size_t i = 0; i < retention["streams"].size(); ++i) {
    std::string p = "/logs/retention/streams/" + std::to_string(i);
    const Json& s = retention["streams"][i];
    std::optional<model::Duration> period = Retention(r, s, p);
    if (!period) continue;
    system.logs.retention_streams.push_back(
        {s["selector"], r.At(p + "/selector"), *period, s.value("priority", 0)});
  }
}

}  // namespace monc::build
