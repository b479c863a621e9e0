#include "runtime/template/template_value.h"

namespace monc::runtime::tmpl {

const char* GoTypeName(Kind kind) {
  switch (kind) {
    case Kind::kInvalid:
    case Kind::kNil: return "<nil>";
    case Kind::kBool: return "bool";
    case Kind::kInt: return "int";
    case Kind::kFloat: return "float64";
    case Kind::kString: return "string";
    case Kind::kHTML: return "template.HTML";
    case Kind::kStringMap: return "map[string]string";
    case Kind::kAnyMap: return "map[string]interface {}";
    case Kind::kSample: return "*template.sample";
    case Kind::kQueryResult: return "template.queryResult";
    case Kind::kTime: return "*time.Time";
    case Kind::kRoot:
      return "struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value float64 }";
  }
  return "";
}

}  // namespace monc::runtime::tmpl
