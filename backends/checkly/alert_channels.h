// The alert channels the checks alert to, as checkly/__checks__/alert-channels.ts:
// one Checkly channel per integration of each receiver a check names in
// `alert_to` (per address, for an email integration with several), exported
// as `receivers[<receiver name>]`, an array the check files spread into
// their `alertChannels`.
//
//   email      EmailAlertChannel       address: each address of `to`
//   slack      SlackAlertChannel       url: api_url (or the global
//                                      slack_api_url), channel
//   pagerduty  PagerdutyAlertChannel   serviceKey: routing_key or service_key
//   webhook    WebhookAlertChannel     url, POST, an Authorization header from
//                                      http_config (authorization or basic_auth)
//   opsgenie   OpsgenieAlertChannel    apiKey, region (EU when api_url is
//                                      Opsgenie's EU API), priority (P1-P5, else P3)
//
// Every channel states sendRecovery: the integration's send_resolved, or
// Alertmanager's default for its kind, so Checkly notifies of recoveries
// exactly when Alertmanager would. A webhook receives Checkly's own payload,
// not Alertmanager's.
//
// Secrets never enter the files: `{env: NAME}` is read from NAME when the
// Checkly CLI loads the project, and `{file: /path}` from the variable named
// after the file (names.h SecretFileVariable); the file's header lists them.
#ifndef MONC_BACKENDS_CHECKLY_ALERT_CHANNELS_H_
#define MONC_BACKENDS_CHECKLY_ALERT_CHANNELS_H_

#include <optional>
#include <string>

#include "compiler/model/model.h"

namespace monc::checkly {

// The file's text, or nullopt when no check alerts a receiver. `notice` is
// the generated-file notice its first line carries.
std::optional<std::string> AlertChannelsFile(const model::System& system,
                                             const std::string& notice);

}  // namespace monc::checkly

#endif  // MONC_BACKENDS_CHECKLY_ALERT_CHANNELS_H_
