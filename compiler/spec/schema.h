// The JSON Schema of the spec language (schema/monc.schema.json, compiled
// into the binary) and a walker that finds the subschema governing any node
// of a document, for messages that name the allowed keys, types and values.
#ifndef MONC_COMPILER_SPEC_SCHEMA_H_
#define MONC_COMPILER_SPEC_SCHEMA_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace monc {

// The schema text, byte for byte as in the repository.
const std::string& SpecSchemaText();
const nlohmann::json& SpecSchema();

// The subschema for the child `key` (an object member or array index) of a
// node governed by `schema`, with $ref resolved; nullptr if the schema does
// not describe it. "oneOf"/"anyOf"/"allOf" branches are searched in order.
const nlohmann::json* ChildSchema(const nlohmann::json& schema, const std::string& key,
                                  bool parent_is_array);

// The subschema itself, $ref resolved.
const nlohmann::json& Resolve(const nlohmann::json& schema);

// Keys the schema allows on an object, or empty if it allows any key.
std::vector<std::string> AllowedKeys(const nlohmann::json& schema);

}  // namespace monc

#endif  // MONC_COMPILER_SPEC_SCHEMA_H_
