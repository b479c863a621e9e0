#include "backends/checkly/shop_checks.h"

#include "backends/common/test_model.h"

namespace monc::checkly {

using backends::Dur;
using backends::EnvSecret;
using backends::FileSecret;
using backends::Integration;
using backends::Receiver;
using backends::Ref;

model::System ShopChecks() {
  model::System system;
  system.name = "shop";
  system.receivers = {
      Receiver(
          "team-web",
          {Integration(model::ReceiverKind::Slack, {{"channel", "#web-alerts"}},
                       {{"api_url", FileSecret("/etc/alertmanager/secrets/slack-webhook-url")}}),
           Integration(model::ReceiverKind::Email,
                       {{"to", "web@example.com, oncall@example.com"}, {"send_resolved", true}})}),
      Receiver("pagerduty-critical",
               {Integration(model::ReceiverKind::PagerDuty, {{"severity", "critical"}},
                            {{"routing_key",
                              FileSecret("/etc/alertmanager/secrets/pagerduty-routing-key")}})}),
      Receiver("alert-bridge",
               {Integration(model::ReceiverKind::Webhook,
                            {{"url", "https://hooks.example.com/alertmanager"},
                             {"http_config", {{"authorization", {{"type", "Bearer"}}}}}},
                            {{"http_config.authorization.credentials",
                              FileSecret("/etc/alertmanager/secrets/alert-webhook-token")}})}),
      Receiver("ops",
               {Integration(model::ReceiverKind::OpsGenie,
                            {{"api_url", "https://api.eu.opsgenie.com/"}, {"priority", "P2"}},
                            {{"api_key", EnvSecret("OPSGENIE_API_KEY")}})}),
      Receiver("unused", {Integration(model::ReceiverKind::Email, {{"to", "nobody@example.com"}})}),
  };

  model::Check health;
  health.id = Ref("shop-health");
  health.name = "Shop \"health\"";
  health.service = Ref("shop-api");
  health.url = "https://shop.example.com/healthz";
  health.query = {{"deep", "true"}};
  health.every = Dur("1m");
  health.locations = {Ref("us-east-1"), Ref("eu-west-1"), Ref("ap-southeast-1")};
  health.expect_status = 200;
  health.latency_below = Dur("1s");
  health.expect_json = {{"$.status", "healthy"}, {"$.replicas", 3}, {"$.ready", true}};
  health.expect_headers = {{"content-type", "application/json"}};
  health.expect_body_contains = "ok";
  health.degraded_after = Dur("500ms");
  health.retries = 2;
  health.alert_after_failures = 2;
  health.alert_to = {Ref("team-web"), Ref("pagerduty-critical")};

  model::Check checkout;
  checkout.id = Ref("checkout-rejects-bad-sku");
  checkout.name = "Checkout rejects a bad SKU\n</script>";
  checkout.method = "POST";
  checkout.url = "https://shop.example.com/api/checkout";
  checkout.headers = {{"Content-Type", "application/json"},
                      {"Authorization", "Bearer {{SHOP_TOKEN}}"}};
  checkout.body = "{\"sku\": \"no-such-\\\"sku\\\"\"}";
  checkout.every = Dur("30s");
  checkout.expect_status = 400;
  checkout.alert_to = {Ref("alert-bridge"), Ref("ops")};

  model::Check backup;
  backup.id = Ref("nightly-backup");
  backup.kind = model::Check::Kind::Heartbeat;
  backup.name = "nightly-backup";
  backup.period = Dur("1d");
  backup.grace = Dur("90m");
  backup.alert_to = {Ref("pagerduty-critical")};

  system.checks = {health, checkout, backup};
  return system;
}

}  // namespace monc::checkly
