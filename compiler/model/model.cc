#include "compiler/model/model.h"

namespace monc::model {

const std::vector<ReceiverKindInfo>& AllReceiverKinds() {
  static const std::vector<ReceiverKindInfo> kinds = {
#define RECEIVER(name, spec_key, am_key) {ReceiverKind::name, spec_key, am_key},
#include "compiler/model/receiver_kinds.def"
#undef RECEIVER
  };
  return kinds;
}

const std::vector<SecretField>& AllSecretFields() {
  static const std::vector<SecretField> fields = {
#define SECRET(where, field, file_field) {where, field, file_field},
#include "compiler/model/secret_fields.def"
#undef SECRET
  };
  return fields;
}

const SeverityLevel* Severities::Find(const std::string& name) const {
  for (const SeverityLevel& level : levels) {
    if (level.name.name == name) return &level;
  }
  return nullptr;
}

const Service* System::FindService(const std::string& name) const {
  for (const Service& s : services) {
    if (s.name.name == name) return &s;
  }
  return nullptr;
}

}  // namespace monc::model
