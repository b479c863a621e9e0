// The model both Alertmanager tests use: every part of the config, and
// each way a secret and a matcher can be written.
#ifndef MONC_BACKENDS_ALERTMANAGER_SHOP_MODEL_H_
#define MONC_BACKENDS_ALERTMANAGER_SHOP_MODEL_H_

#include "compiler/model/model.h"

namespace monc::alertmanager {

// Receivers default, pagerduty-critical, slack-warnings, team-db; env
// secrets SLACK_API_URL, SLACK_WARNINGS_URL, SMTP_PASSWORD, OG_PROXY_TOKEN.
model::System ShopSystem();

}  // namespace monc::alertmanager

#endif  // MONC_BACKENDS_ALERTMANAGER_SHOP_MODEL_H_
