#include "backends/alertmanager/shop_model.h"

#include "backends/common/test_model.h"

namespace monc::alertmanager {
namespace {

using backends::Dur;
using backends::EnvSecret;
using backends::FileSecret;
using backends::Integration;
using backends::Match;
using backends::Ref;

model::Route Route(const char* receiver, std::vector<model::Matcher> matchers) {
  model::Route route;
  route.receiver = Ref(receiver);
  route.matchers = std::move(matchers);
  return route;
}

}  // namespace

model::System ShopSystem() {
  model::System system;
  system.name = "shop";
  model::AlertmanagerSettings& am = system.alertmanager;
  am.global = {{"resolve_timeout", "5m"},
               {"smtp_smarthost", "smtp.example.com:587"},
               {"smtp_from", "alerts@example.com"}};
  am.global_secrets = {{"smtp_auth_password", FileSecret("/etc/secrets/smtp")},
                       {"slack_api_url", EnvSecret("SLACK_API_URL")}};
  am.templates = {{"slack.title", "[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}"},
                  {"email.subject", "{{ .CommonLabels.alertname }}\n"}};

  model::Route root;
  root.receiver = Ref("default");
  root.group_by = std::vector<std::string>{"alertname", "service"};
  root.group_wait = Dur("30s");
  root.group_interval = Dur("5m");
  root.repeat_interval = Dur("4h");
  model::Route critical = Route("pagerduty-critical", {Match("severity=critical")});
  critical.continue_matching = true;
  model::Route warnings = Route("slack-warnings", {Match("severity=~warning|info")});
  warnings.mute_time_intervals = {Ref("night")};
  model::Route db = Route("team-db", {Match("team=db"), Match("service!=\"legacy: v1\"")});
  db.active_time_intervals = {Ref("business-hours")};
  db.routes = {Route("default", {Match("severity=info")})};
  root.routes = {critical, warnings, db};
  system.route = root;

  using Kind = model::ReceiverKind;
  system.receivers = {
      {Ref("default"),
       {Integration(Kind::Webhook,
                    {{"url", "http://hooks.example.com/alert"},
                     {"max_alerts", 10},
                     {"http_config", {{"basic_auth", {{"username", "monc"}}}}}},
                    {{"http_config.basic_auth.password", FileSecret("/etc/secrets/hook")}})}},
      {Ref("pagerduty-critical"),
       {Integration(Kind::PagerDuty, {{"severity", "critical"}},
                    {{"routing_key", FileSecret("/etc/secrets/pd")}})}},
      {Ref("slack-warnings"),
       {Integration(Kind::Slack,
                    {{"channel", "#alerts-warnings"},
                     {"send_resolved", true},
                     {"title", "{{ template \"slack.title\" . }}"}},
                    {{"api_url", EnvSecret("SLACK_WARNINGS_URL")}}),
        Integration(Kind::Email, {{"to", "oncall@example.com"}},
                    {{"auth_password", EnvSecret("SMTP_PASSWORD")}})}},
      {Ref("team-db"),
       {Integration(Kind::OpsGenie, {{"priority", "P2"}},
                    {{"api_key", FileSecret("/etc/secrets/opsgenie")},
                     {"http_config.authorization.credentials", EnvSecret("OG_PROXY_TOKEN")}})}},
  };

  model::InhibitRule inhibit;
  inhibit.source = {Match("severity=critical")};
  inhibit.target = {Match("severity=warning")};
  inhibit.equal = {Ref("alertname"), Ref("service")};
  system.inhibit_rules = {inhibit};
  system.time_intervals = {
      {Ref("night"), {{{"times", {{{"start_time", "22:00"}, {"end_time", "24:00"}}}}}}},
      {Ref("business-hours"),
       {{{"weekdays", {"monday:friday"}},
         {"times", {{{"start_time", "09:00"}, {"end_time", "17:00"}}}},
         {"location", "Europe/Berlin"}}}},
  };
  return system;
}

}  // namespace monc::alertmanager
