// Cross-file references, checked once every file has been read.
#include "compiler/model/build_context.h"

namespace monc::build {
namespace {

template <typename T, typename Name>
std::vector<std::string> NamesOf(const std::vector<T>& items, Name name) {
  std::vector<std::string> out;
  for (const T& item : items) out.push_back(name(item));
  return out;
}

void CheckRoute(const model::Route& route, const std::vector<std::string>& receivers,
                const std::vector<std::string>& intervals, DiagnosticSink& sink) {
  if (route.receiver) {
    CheckReference(*route.receiver, receivers, Code::SpecUnknownReceiver, "receiver", sink);
  }
  for (const auto* refs : {&route.mute_time_intervals, &route.active_time_intervals}) {
    for (const model::Ref& ref : *refs) {
      CheckReference(ref, intervals, Code::SpecUnknownTimeInterval, "time interval", sink);
    }
  }
  for (const model::Route& child : route.routes) CheckRoute(child, receivers, intervals, sink);
}

bool HasSetting(const model::Integration& i, const char* key) {
  return i.settings.contains(key) || i.secrets.count(key);
}

// The settings without which Alertmanager rejects the integration.
void CheckIntegrations(const model::System& system, DiagnosticSink& sink) {
  const auto& global = system.alertmanager.global;
  const auto& global_secrets = system.alertmanager.global_secrets;
  auto global_has = [&](const char* key) {
    return global.contains(key) || global_secrets.count(key);
  };
  for (const model::Receiver& receiver : system.receivers) {
    for (const model::Integration& i : receiver.integrations) {
      std::string missing;
      switch (i.kind) {
        case model::ReceiverKind::Email:
          if (!HasSetting(i, "smarthost") && !global_has("smtp_smarthost")) {
            missing = "an SMTP 'smarthost' (or alertmanager.global.smtp_smarthost)";
          } else if (!HasSetting(i, "from") && !global_has("smtp_from")) {
            missing = "a 'from' address (or alertmanager.global.smtp_from)";
          }
          break;
        case model::ReceiverKind::Slack:
          if (!HasSetting(i, "api_url") && !global_has("slack_api_url")) {
            missing = "an 'api_url' (or alertmanager.global.slack_api_url)";
          }
          break;
        case model::ReceiverKind::PagerDuty:
          if (!HasSetting(i, "routing_key") && !HasSetting(i, "service_key")) {
            missing = "a 'routing_key' (Events API v2) or 'service_key'";
          }
          break;
        case model::ReceiverKind::OpsGenie:
          if (!HasSetting(i, "api_key") && !global_has("opsgenie_api_key")) {
            missing = "an 'api_key' (or alertmanager.global.opsgenie_api_key)";
          }
          break;
        case model::ReceiverKind::Webhook:
          break;
      }
      if (!missing.empty()) {
        sink.Report(Code::ReceiverIncomplete, i.span,
                    "receiver '" + receiver.name.name + "' needs " + missing);
      }
    }
  }
}

}  // namespace

void ResolveReferences(const model::System& system, DiagnosticSink& sink) {
  auto receivers = NamesOf(system.receivers, [](const auto& r) { return r.name.name; });
  auto services = NamesOf(system.services, [](const auto& s) { return s.name.name; });
  auto levels = NamesOf(system.severities.levels, [](const auto& l) { return l.name.name; });
  auto intervals = NamesOf(system.time_intervals, [](const auto& t) { return t.name.name; });

  auto check_severity = [&](const std::optional<model::Ref>& ref) {
    if (ref) CheckReference(*ref, levels, Code::SpecUnknownSeverity, "severity", sink);
  };
  auto check_service = [&](const std::optional<model::Ref>& ref) {
    if (ref) CheckReference(*ref, services, Code::SpecUnknownService, "service", sink);
  };

  for (const auto* groups : {&system.groups, &system.log_groups}) {
    for (const model::RuleGroup& group : *groups) {
      for (const model::Rule& rule : group.rules) {
        check_severity(rule.severity);
        check_service(rule.service);
      }
    }
  }
  if (system.route) {
    CheckRoute(*system.route, receivers, intervals, sink);
  } else if (!system.receivers.empty()) {
    sink.Report(Code::SpecMissingRoute, system.receivers.front().name.span,
                "receivers are declared but there is no 'routes' tree to reach them");
  }
  for (const model::Check& check : system.checks) {
    check_service(check.service);
    for (const model::Ref& r : check.alert_to) {
      CheckReference(r, receivers, Code::SpecUnknownReceiver, "receiver", sink);
    }
  }
  for (const model::Slo& slo : system.slos) {
    check_service(slo.service);
    check_severity(slo.page_severity);
    check_severity(slo.ticket_severity);
    for (const model::Slo::BurnRate& rate : slo.burn_rates) check_severity(rate.severity);
  }
  std::vector<std::string> alerts;
  for (const model::RuleGroup& group : system.groups) {
    for (const model::Rule& rule : group.rules) {
      if (rule.kind == model::Rule::Kind::Alert) alerts.push_back(rule.name.name);
    }
  }
  auto slos = NamesOf(system.slos, [](const auto& s) { return s.name.name; });
  for (const model::Dashboard& dashboard : system.dashboards) {
    for (const model::Panel& panel : dashboard.panels) {
      if (panel.thresholds_from_alert) {
        CheckReference(*panel.thresholds_from_alert, alerts, Code::DashboardUnknownRef, "alert",
                       sink);
      }
      if (panel.thresholds_from_slo) {
        CheckReference(*panel.thresholds_from_slo, slos, Code::DashboardUnknownRef, "SLO", sink);
      }
    }
  }
  CheckIntegrations(system, sink);
}

}  // namespace monc::build
