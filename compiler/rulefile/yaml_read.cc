#include "compiler/rulefile/yaml_read.h"

#include "compiler/model/duration.h"
#include "compiler/promql/go_strconv.h"

namespace monc {

std::string YamlReader::Scalar(const Json& value, const std::string& pointer) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  Span s = doc_.ValueSpan(pointer);
  if (value.is_structured()) {
    sink_.Report(Code::SchemaType, s,
                 std::string("expected a string, found a ") +
                     (value.is_array() ? "list" : "mapping"));
    return "";
  }
  // As written: the JSON value would print 1e3 for 1000 or 0.1 for .1.
  return std::string(sources_.Text(s.file).substr(s.begin, s.end - s.begin));
}

std::string YamlReader::Text(const Json& j, const std::string& p, const char* key) {
  return j.contains(key) ? Scalar(j[key], p + "/" + key) : "";
}

std::optional<int64_t> YamlReader::Duration(const Json& j, const std::string& p, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  std::string text = Text(j, p, key);
  std::optional<int64_t> ms = model::ParseDurationMillis(text);
  if (!ms) {
    sink_.Report(Code::SpecBadDuration, doc_.ValueSpan(p + "/" + key),
                 "not a valid duration string: " + promql::go::Quote(text))
        .label = "expected a duration like 30s, 5m or 1h30m";
  }
  return ms;
}

bool YamlReader::Mapping(const Json& j, const std::string& p, const std::set<std::string>& keys,
                         const std::string& what) {
  if (!j.is_object()) {
    sink_.Report(Code::SchemaType, doc_.ValueSpan(p), "a " + what + " must be a mapping");
    return false;
  }
  bool ok = true;
  for (const auto& item : j.items()) {
    if (keys.count(item.key())) continue;
    std::string allowed;
    for (const std::string& k : keys) allowed += (allowed.empty() ? "" : ", ") + k;
    sink_.Report(Code::SchemaUnknownKey, doc_.KeySpan(p + "/" + PointerToken(item.key())),
                 "field " + item.key() + " not found in " + what)
        .label = "expected one of " + allowed;
    ok = false;
  }
  return ok;
}

}  // namespace monc
