// Where a secret goes in Alertmanager's config, by the table of
// secret_fields.def: a file secret becomes the field's *_file twin beside
// it (http_config.basic_auth.password -> http_config.basic_auth.password_file),
// an env secret "${NAME}" in the field itself.
#ifndef MONC_BACKENDS_ALERTMANAGER_SECRETS_H_
#define MONC_BACKENDS_ALERTMANAGER_SECRETS_H_

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "compiler/model/model.h"

namespace monc::alertmanager {

// `settings` with `secrets` (keyed by dotted field path) merged in. `where`
// is the table's first column: a receiver kind's spec key, or "global".
nlohmann::json WithSecrets(std::string_view where, nlohmann::json settings,
                           const std::map<std::string, model::Secret>& secrets);

}  // namespace monc::alertmanager

#endif  // MONC_BACKENDS_ALERTMANAGER_SECRETS_H_
