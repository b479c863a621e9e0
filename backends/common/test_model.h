// Short constructors for hand-built models in backend tests.
#ifndef MONC_BACKENDS_COMMON_TEST_MODEL_H_
#define MONC_BACKENDS_COMMON_TEST_MODEL_H_

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "compiler/model/model.h"

namespace monc::backends {

inline model::Ref Ref(const char* name) { return model::Ref{name, {}}; }

inline model::Duration Dur(const char* text) {
  std::optional<int64_t> millis = model::ParseDurationMillis(text);
  if (!millis) throw std::invalid_argument(std::string("bad duration ") + text);
  return model::Duration{*millis, text, {}};
}

inline model::Matcher Match(const char* text) {
  std::string error;
  std::optional<model::Matcher> matcher = model::Matcher::Parse(text, &error);
  if (!matcher) throw std::invalid_argument(error);
  return *matcher;
}

inline model::Rule Rule(model::Rule::Kind kind, const char* name, const char* expr) {
  model::Rule rule;
  rule.kind = kind;
  rule.name.name = name;
  rule.expr = expr;
  return rule;
}

inline model::Rule Alert(const char* name, const char* expr) {
  return Rule(model::Rule::Kind::Alert, name, expr);
}

inline model::Integration Integration(model::ReceiverKind kind, nlohmann::json settings,
                                      std::map<std::string, model::Secret> secrets = {}) {
  model::Integration integration;
  integration.kind = kind;
  integration.settings = std::move(settings);
  integration.secrets = std::move(secrets);
  return integration;
}

inline model::Receiver Receiver(const char* name, std::vector<model::Integration> integrations) {
  model::Receiver receiver;
  receiver.name = Ref(name);
  receiver.integrations = std::move(integrations);
  return receiver;
}

inline model::Secret FileSecret(const char* path) {
  return model::Secret{model::Secret::Source::File, path};
}

inline model::Secret EnvSecret(const char* name) {
  return model::Secret{model::Secret::Source::Env, name};
}

}  // namespace monc::backends

#endif  // MONC_BACKENDS_COMMON_TEST_MODEL_H_
