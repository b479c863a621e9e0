#include "backends/checkly/check_file.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "backends/checkly/names.h"
#include "backends/checkly/render.h"

namespace monc::checkly {
namespace {

// Checkly's bodyType by the request's Content-Type.
constexpr struct {
  const char* content_type;  // a part of the header's value, lower case
  const char* body_type;
} kBodyTypes[] = {
    {"json", "JSON"},
    {"x-www-form-urlencoded", "FORM"},
    {"graphql", "GRAPHQL"},
};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string BodyType(const model::Check& check) {
  for (const auto& [name, value] : check.headers) {
    if (Lower(name) != "content-type") continue;
    for (const auto& t : kBodyTypes) {
      if (Lower(value).find(t.content_type) != std::string::npos) return t.body_type;
    }
  }
  return "RAW";
}

Data KeyValues(const std::map<std::string, std::string>& pairs) {
  Data list{Data::type::list};
  for (const auto& [key, value] : pairs) {
    Data pair;
    pair.set("key", key);
    pair.set("value", value);
    list.push_back(pair);
  }
  return list;
}

Data Assertion(const char* source, const std::string* path, const char* comparison,
               const std::string& target) {
  Data a;
  a.set("source", source);
  if (path) a.set("path", *path);
  a.set("comparison", comparison);
  a.set("target", target);
  return a;
}

Data Assertions(const model::Check& check) {
  Data list{Data::type::list};
  if (check.expect_status) {
    list.push_back(
        Assertion("statusCode", nullptr, "equals", std::to_string(*check.expect_status)));
  }
  if (check.latency_below) {
    list.push_back(Assertion("responseTime", nullptr, "lessThan",
                             std::to_string(check.latency_below->millis)));
  }
  for (const auto& [path, value] : check.expect_json) {
    list.push_back(Assertion("jsonBody", &path, "equals", TsLiteral(value)));
  }
  for (const auto& [name, value] : check.expect_headers) {
    list.push_back(Assertion("headers", &name, "equals", TsString(value)));
  }
  if (!check.expect_body_contains.empty()) {
    list.push_back(
        Assertion("textBody", nullptr, "contains", TsString(check.expect_body_contains)));
  }
  return list;
}

// The amount and unit Checkly's HeartbeatCheck takes for `millis`, a whole
// number of seconds (the model builder makes sure).
std::pair<int64_t, const char*> HeartbeatAmount(int64_t millis) {
  static constexpr std::pair<int64_t, const char*> kUnits[] = {
      {86'400'000, "days"}, {3'600'000, "hours"}, {60'000, "minutes"}};
  for (const auto& [size, unit] : kUnits) {
    if (millis > 0 && millis % size == 0) return {millis / size, unit};
  }
  return {millis / 1000, "seconds"};
}

void SetCommon(const model::Check& check, const std::string& notice, Data& data) {
  data.set("notice", TsComment(notice));
  data.set("logical_id", check.id.name);
  data.set("name", check.name);
  if (check.service) data.set("service", check.service->name);
  data.set("alert_after_failures", std::to_string(check.alert_after_failures));
  if (!check.alert_to.empty()) {
    data.set("has_receivers", true);
    // A receiver named twice would subscribe the check to its channels twice.
    std::set<std::string> seen;
    Data receivers{Data::type::list};
    for (const model::Ref& receiver : check.alert_to) {
      if (seen.insert(receiver.name).second) receivers.push_back(receiver.name);
    }
    data.set("receivers", receivers);
  }
}

std::string ApiCheckFile(const model::Check& check, const std::string& notice) {
  Data data;
  SetCommon(check, notice, data);
  if (check.every) data.set("frequency", FrequencyConstant(check.every->millis));
  if (!check.locations.empty()) {
    std::vector<std::string> locations;
    for (const model::Ref& location : check.locations) locations.push_back(location.name);
    data.set("has_locations", true);
    data.set("locations", SeparatedList(locations));
  }
  if (check.expect_status && *check.expect_status >= 400) data.set("should_fail", true);
  if (check.degraded_after) data.set("degraded_ms", std::to_string(check.degraded_after->millis));
  if (check.latency_below) data.set("max_ms", std::to_string(check.latency_below->millis));
  if (check.retries > 0) data.set("retries", std::to_string(check.retries));
  data.set("method", check.method);
  data.set("url", check.url);
  if (!check.headers.empty()) {
    data.set("has_headers", true);
    data.set("headers", KeyValues(check.headers));
  }
  if (!check.query.empty()) {
    data.set("has_query", true);
    data.set("query", KeyValues(check.query));
  }
  if (!check.body.empty()) {
    data.set("body", check.body);
    data.set("body_type", BodyType(check));
  }
  Data assertions = Assertions(check);
  if (!assertions.is_empty_list()) {
    data.set("has_assertions", true);
    data.set("assertions", assertions);
  }
  return Render("api-check.ts", data);
}

std::string HeartbeatCheckFile(const model::Check& check, const std::string& notice) {
  Data data;
  SetCommon(check, notice, data);
  auto [period, period_unit] = HeartbeatAmount(check.period ? check.period->millis : 0);
  auto [grace, grace_unit] = HeartbeatAmount(check.grace ? check.grace->millis : 0);
  data.set("period", std::to_string(period));
  data.set("period_unit", period_unit);
  data.set("grace", std::to_string(grace));
  data.set("grace_unit", grace_unit);
  return Render("heartbeat-check.ts", data);
}

}  // namespace

std::string CheckFile(const model::Check& check, const std::string& notice) {
  switch (check.kind) {
    case model::Check::Kind::Api:
      return ApiCheckFile(check, notice);
    case model::Check::Kind::Heartbeat:
      return HeartbeatCheckFile(check, notice);
  }
  throw std::logic_error("unknown check kind");
}

}  // namespace monc::checkly
