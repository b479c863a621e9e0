#include "compiler/spec/schema.h"

namespace monc {

extern const char kSpecSchemaText[];  // schema_text.cc, generated

const std::string& SpecSchemaText() {
  static const std::string text(kSpecSchemaText);
  return text;
}

const nlohmann::json& SpecSchema() {
  static const nlohmann::json schema = nlohmann::json::parse(SpecSchemaText());
  return schema;
}

const nlohmann::json& Resolve(const nlohmann::json& schema) {
  const nlohmann::json* s = &schema;
  // Only local references ("#/definitions/x") occur in monc's schema.
  while (s->is_object() && s->contains("$ref")) {
    std::string ref = (*s)["$ref"].get<std::string>();
    s = &SpecSchema().at(nlohmann::json::json_pointer(ref.substr(1)));
  }
  return *s;
}

const nlohmann::json* ChildSchema(const nlohmann::json& parent, const std::string& key,
                                  bool parent_is_array) {
  const nlohmann::json& s = Resolve(parent);
  if (!s.is_object()) return nullptr;
  if (parent_is_array) {
    if (s.contains("items") && s["items"].is_object()) return &Resolve(s["items"]);
  } else {
    if (s.contains("properties") && s["properties"].contains(key)) {
      return &Resolve(s["properties"][key]);
    }
    if (s.contains("additionalProperties") && s["additionalProperties"].is_object()) {
      return &Resolve(s["additionalProperties"]);
    }
  }
  for (const char* combinator : {"allOf", "oneOf", "anyOf"}) {
    if (!s.contains(combinator)) continue;
    for (const nlohmann::json& branch : s[combinator]) {
      if (const nlohmann::json* child = ChildSchema(branch, key, parent_is_array)) return child;
    }
  }
  return nullptr;
}

std::vector<std::string> AllowedKeys(const nlohmann::json& schema) {
  const nlohmann::json& s = Resolve(schema);
  std::vector<std::string> keys;
  if (!s.is_object()) return keys;
  if (s.value("additionalProperties", nlohmann::json(true)) != false) return keys;
  if (s.contains("properties")) {
    for (const auto& [key, unused] : s["properties"].items()) keys.push_back(key);
  }
  return keys;
}

}  // namespace monc
