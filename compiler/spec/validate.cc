#include "compiler/spec/validate.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "compiler/diag/did_you_mean.h"
#include "compiler/spec/schema.h"

namespace monc {
namespace {

std::vector<std::string> Tokens(const std::string& pointer) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < pointer.size()) {
    size_t next = pointer.find('/', i + 1);
    if (next == std::string::npos) next = pointer.size();
    std::string token = pointer.substr(i + 1, next - i - 1);
    std::string unescaped;
    for (size_t k = 0; k < token.size(); ++k) {
      if (token[k] == '~' && k + 1 < token.size()) {
        unescaped += token[++k] == '1' ? '/' : '~';
      } else {
        unescaped += token[k];
      }
    }
    out.push_back(unescaped);
    i = next;
  }
  return out;
}

// The subschema governing the node at `pointer`, or nullptr.
const nlohmann::json* SchemaAt(const SpecDocument& doc, const std::string& pointer) {
  const nlohmann::json* schema = &SpecSchema();
  const nlohmann::json* node = &doc.root;
  for (const std::string& token : Tokens(pointer)) {
    bool is_array = node->is_array();
    schema = ChildSchema(*schema, token, is_array);
    if (!schema) return nullptr;
    node = is_array ? &(*node)[std::stoul(token)] : &(*node)[token];
  }
  return schema;
}

std::string TypeName(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null:
      return "nothing";
    case nlohmann::json::value_t::object:
      return "a mapping";
    case nlohmann::json::value_t::array:
      return "a list";
    case nlohmann::json::value_t::string:
      return "a string";
    case nlohmann::json::value_t::boolean:
      return "a boolean";
    case nlohmann::json::value_t::number_float:
      return "a number";
    default:
      return "an integer";
  }
}

std::string SchemaTypeWord(const std::string& t) {
  if (t == "object") return "a mapping";
  if (t == "array") return "a list";
  if (t == "integer") return "an integer";
  return "a " + t;
}

std::string ExpectedTypes(const nlohmann::json* schema) {
  if (!schema || !schema->contains("type")) return "another type";
  const nlohmann::json& t = (*schema)["type"];
  if (t.is_string()) return SchemaTypeWord(t.get<std::string>());
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (i) out += i + 1 == t.size() ? " or " : ", ";
    out += SchemaTypeWord(t[i].get<std::string>());
  }
  return out;
}

std::string LastKey(const std::string& pointer) {
  auto tokens = Tokens(pointer);
  return tokens.empty() ? "" : tokens.back();
}

// Reports every key the schema does not allow, each with a suggestion.
void CheckKeys(const SpecDocument& doc, const nlohmann::json& node, const nlohmann::json& schema,
               const std::string& pointer, DiagnosticSink& sink) {
  if (node.is_object()) {
    std::vector<std::string> allowed = AllowedKeys(schema);
    for (const auto& [key, child] : node.items()) {
      std::string child_pointer = pointer + "/" + PointerToken(key);
      const nlohmann::json* child_schema = ChildSchema(schema, key, false);
      if (!child_schema) {
        if (allowed.empty()) continue;
        if (key == "<<") {
          sink.Report(Code::SchemaUnknownKey, doc.KeySpan(child_pointer),
                      "YAML merge keys ('<<') are not supported in " + DescribePlace(doc, pointer))
              .label = "write the keys out, or share them through 'defaults' or group labels";
          continue;
        }
        Diagnostic& d = sink.Report(Code::SchemaUnknownKey, doc.KeySpan(child_pointer),
                                    "unknown key '" + key + "' in " + DescribePlace(doc, pointer));
        std::vector<std::string> unused;
        for (const std::string& k : allowed) {
          if (!node.contains(k)) unused.push_back(k);
        }
        if (auto suggestion = DidYouMean(key, unused)) {
          d.message += "; did you mean '" + *suggestion + "'?";
          d.fix = FixIt{doc.KeySpan(child_pointer), *suggestion};
        }
        continue;
      }
      CheckKeys(doc, child, *child_schema, child_pointer, sink);
    }
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) {
      if (const nlohmann::json* item = ChildSchema(schema, "", true)) {
        CheckKeys(doc, node[i], *item, pointer + "/" + std::to_string(i), sink);
      }
    }
  }
}

const valijson::Schema& CompiledSchema() {
  static const valijson::Schema* schema = [] {
    auto* s = new valijson::Schema;
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(SpecSchema());
    parser.populateSchema(adapter, *s);
    return s;
  }();
  return *schema;
}

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::string DescribePlace(const SpecDocument& doc, const std::string& pointer) {
  auto t = Tokens(pointer);
  if (t.empty()) return "the spec";
  auto named = [&](const char* what) {
    return t.size() >= 2 ? std::string(what) + " '" + t[1] + "'" : "'" + t[0] + "'";
  };
  const std::string& section = t[0];
  if (section == "groups") {
    if (t.size() >= 4 && t[2] == "rules") {
      const nlohmann::json& rule = doc.root["groups"][t[1]]["rules"][std::stoul(t[3])];
      std::string group = " in group '" + t[1] + "'";
      if (rule.is_object() && rule.contains("alert") && rule["alert"].is_string()) {
        return "alert '" + rule["alert"].get<std::string>() + "'" + group;
      }
      if (rule.is_object() && rule.contains("record") && rule["record"].is_string()) {
        return "recording rule '" + rule["record"].get<std::string>() + "'" + group;
      }
      return "rule #" + std::to_string(std::stoul(t[3]) + 1) + group;
    }
    return named("group");
  }
  if (section == "receivers") return named("receiver");
  if (section == "services") return named("service");
  if (section == "metrics") return named("metric");
  if (section == "slos") return named("SLO");
  if (section == "dashboards") return named("dashboard");
  if (section == "checks") return named("check");
  if (section == "time_intervals") return named("time interval");
  if (section == "routes") return "the route tree";
  if (section == "inhibit_rules") {
    return t.size() >= 2 ? "inhibit rule #" + std::to_string(std::stoul(t[1]) + 1) : "inhibit_rules";
  }
  if (section == "tests") {
    return t.size() >= 2 ? "test #" + std::to_string(std::stoul(t[1]) + 1) : "tests";
  }
  return t.size() == 1 ? "the spec" : "'" + section + "'";
}

bool ValidateSpec(const SpecDocument& doc, DiagnosticSink& sink) {
  if (doc.root.is_null()) {
    sink.Report(Code::SchemaRequired, doc.ValueSpan(""), "the spec file is empty")
        .label = "a spec file starts with 'version: 1'";
    return false;
  }
  CheckKeys(doc, doc.root, SpecSchema(), "", sink);
  size_t errors_before = sink.ErrorCount();

  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc.root);
  validator.validate(CompiledSchema(), target, &results);

  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    const std::string& what = error.description;
    // Wrappers repeat a nested error; unknown keys were reported above.
    if (StartsWith(what, "Failed to validate") || StartsWith(what, "Cannot validate") ||
        StartsWith(what, "Object contains a property")) {
      continue;
    }
    std::string pointer;
    for (size_t i = 1; i < error.context.size(); ++i) {
      const std::string& c = error.context[i];
      pointer += "/" + PointerToken(c.substr(1, c.size() - 2));
    }
    const nlohmann::json& value = doc.root.at(nlohmann::json::json_pointer(pointer));
    std::string key = LastKey(pointer);
    std::string place = DescribePlace(doc, pointer);
    if (StartsWith(what, "Missing required property '")) {
      std::string missing = what.substr(27, what.rfind('\'') - 27);
      sink.Report(Code::SchemaRequired, doc.KeySpan(pointer),
                  "missing required key '" + missing + "' in " + place);
    } else if (StartsWith(what, "Value type not permitted") && value.is_number() &&
               SchemaAt(doc, pointer) == &Resolve(SpecSchema()["definitions"]["duration"])) {
      sink.Report(Code::SchemaType, doc.ValueSpan(pointer),
                  "duration '" + key + "' in " + place + " needs a unit")
          .label = "e.g. " + value.dump() + "s or 5m";
    } else if (StartsWith(what, "Value type not permitted")) {
      sink.Report(Code::SchemaType, doc.ValueSpan(pointer),
                  "expected " + ExpectedTypes(SchemaAt(doc, pointer)) + " for '" + key + "' in " +
                      place + ", found " + TypeName(value));
    } else if (StartsWith(what, "Failed to match against any enum values")) {
      std::string allowed;
      if (const nlohmann::json* s = SchemaAt(doc, pointer); s && s->contains("enum")) {
        for (const auto& v : (*s)["enum"]) allowed += (allowed.empty() ? "" : ", ") + v.dump();
      }
      sink.Report(Code::SchemaEnum, doc.ValueSpan(pointer),
                  value.dump() + " is not allowed for '" + key + "' in " + place +
                      "; expected one of " + allowed);
    } else if (const nlohmann::json* s = SchemaAt(doc, pointer);
               s && s == &Resolve(SpecSchema()["definitions"]["secret"])) {
      sink.Report(Code::SchemaInvalid, doc.ValueSpan(pointer),
                  "secret '" + key + "' in " + place + " takes exactly one of 'file' or 'env'");
    } else {
      std::string message = what;
      if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
      if (!message.empty() && message.back() == '.') message.pop_back();
      sink.Report(Code::SchemaInvalid, doc.ValueSpan(pointer),
                  message + " for '" + key + "' in " + place);
    }
  }
  return sink.ErrorCount() == errors_before;
}

}  // namespace monc
