#include "backends/alertmanager/config.h"

#include "backends/alertmanager/names.h"
#include "backends/alertmanager/secrets.h"

namespace monc::alertmanager {
namespace {

using Json = nlohmann::ordered_json;

Json Names(const std::vector<model::Ref>& refs) {
  Json out = Json::array();
  for (const model::Ref& ref : refs) out.push_back(ref.name);
  return out;
}

Json Matchers(const std::vector<model::Matcher>& matchers) {
  Json out = Json::array();
  for (const model::Matcher& m : matchers) out.push_back(m.ToString());
  return out;
}

void SetDuration(Json& out, const char* key, const std::optional<model::Duration>& d) {
  if (d) out[key] = d->text;
}

Json RouteJson(const model::Route& route) {
  Json out = Json::object();
  if (route.receiver) out["receiver"] = route.receiver->name;
  if (route.group_by) out["group_by"] = *route.group_by;
  SetDuration(out, "group_wait", route.group_wait);
  SetDuration(out, "group_interval", route.group_interval);
  SetDuration(out, "repeat_interval", route.repeat_interval);
  if (!route.matchers.empty()) out["matchers"] = Matchers(route.matchers);
  if (route.continue_matching) out["continue"] = true;
  if (!route.mute_time_intervals.empty()) {
    out["mute_time_intervals"] = Names(route.mute_time_intervals);
  }
  if (!route.active_time_intervals.empty()) {
    out["active_time_intervals"] = Names(route.active_time_intervals);
  }
  if (!route.routes.empty()) {
    Json& routes = out["routes"] = Json::array();
    for (const model::Route& child : route.routes) routes.push_back(RouteJson(child));
  }
  return out;
}

// One `<kind>_configs` list per integration kind the receiver uses, in the
// table's order.
Json ReceiverJson(const model::Receiver& receiver) {
  Json out;
  out["name"] = receiver.name.name;
  for (const model::ReceiverKindInfo& kind : model::AllReceiverKinds()) {
    Json configs = Json::array();
    for (const model::Integration& integration : receiver.integrations) {
      if (integration.kind != kind.kind) continue;
      configs.push_back(
          Json(WithSecrets(kind.spec_key, integration.settings, integration.secrets)));
    }
    if (!configs.empty()) out[kind.alertmanager_key] = std::move(configs);
  }
  return out;
}

Json InhibitRuleJson(const model::InhibitRule& rule) {
  Json out = Json::object();
  if (!rule.source.empty()) out["source_matchers"] = Matchers(rule.source);
  if (!rule.target.empty()) out["target_matchers"] = Matchers(rule.target);
  if (!rule.equal.empty()) out["equal"] = Names(rule.equal);
  return out;
}

}  // namespace

Json AlertmanagerConfig(const model::System& system) {
  const model::AlertmanagerSettings& settings = system.alertmanager;
  Json config;
  nlohmann::json global = WithSecrets("global", settings.global, settings.global_secrets);
  if (!global.empty()) config["global"] = std::move(global);
  if (!settings.templates.empty()) config["templates"] = Json::array({TemplateGlob(settings)});
  config["route"] = RouteJson(*system.route);
  Json& receivers = config["receivers"] = Json::array();
  for (const model::Receiver& receiver : system.receivers) {
    receivers.push_back(ReceiverJson(receiver));
  }
  if (!system.inhibit_rules.empty()) {
    Json& rules = config["inhibit_rules"] = Json::array();
    for (const model::InhibitRule& rule : system.inhibit_rules) {
      rules.push_back(InhibitRuleJson(rule));
    }
  }
  if (!system.time_intervals.empty()) {
    Json& intervals = config["time_intervals"] = Json::array();
    for (const model::TimeInterval& interval : system.time_intervals) {
      intervals.push_back({{"name", interval.name.name}, {"time_intervals", interval.ranges}});
    }
  }
  return config;
}

}  // namespace monc::alertmanager
