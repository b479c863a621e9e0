#include "backends/alertmanager/secrets.h"

#include <stdexcept>

namespace monc::alertmanager {
namespace {

// The file field that reads the secret at `field`. http_config rows apply
// under any integration's http_config block.
std::string FileField(std::string_view where, const std::string& field) {
  const std::string http_config = "http_config.";
  for (const model::SecretField& row : model::AllSecretFields()) {
    if (row.where == where && field == row.field) return row.file_field;
    if (row.where == std::string_view("http_config") && field == http_config + row.field) {
      return http_config + row.file_field;
    }
  }
  // Analysis accepts only the table's fields, so this is a bug upstream.
  throw std::logic_error("no *_file field for secret '" + field + "' of '" + std::string(where) +
                         "' in secret_fields.def");
}

nlohmann::json::json_pointer Pointer(const std::string& dotted) {
  std::string pointer = "/" + dotted;
  for (char& c : pointer) {
    if (c == '.') c = '/';
  }
  return nlohmann::json::json_pointer(pointer);
}

}  // namespace

nlohmann::json WithSecrets(std::string_view where, nlohmann::json settings,
                           const std::map<std::string, model::Secret>& secrets) {
  for (const auto& [field, secret] : secrets) {
    switch (secret.source) {
      case model::Secret::Source::File:
        settings[Pointer(FileField(where, field))] = secret.value;
        break;
      case model::Secret::Source::Env:
        settings[Pointer(field)] = "${" + secret.value + "}";
        break;
    }
  }
  return settings;
}

}  // namespace monc::alertmanager
