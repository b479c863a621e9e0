// The model the Checkly backend's tests share: an API check with every kind
// of assertion, a POST that expects an error status, a heartbeat, and
// receivers of every integration kind, with file and env secrets.
#ifndef MONC_BACKENDS_CHECKLY_SHOP_CHECKS_H_
#define MONC_BACKENDS_CHECKLY_SHOP_CHECKS_H_

#include "compiler/model/model.h"

namespace monc::checkly {

// Checks shop-health, checkout-rejects-bad-sku, nightly-backup; secrets
// from the files slack-webhook-url, pagerduty-routing-key and
// alert-webhook-token, and the env variable OPSGENIE_API_KEY.
model::System ShopChecks();

}  // namespace monc::checkly

#endif  // MONC_BACKENDS_CHECKLY_SHOP_CHECKS_H_
