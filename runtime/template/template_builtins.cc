// Go's text/template builtins (funcs.go), as rows of the function table.
#include <cmath>

#include "compiler/promql/go_strconv.h"
#include "runtime/template/go_format.h"
#include "runtime/template/template_funcs.h"

namespace monc::runtime::tmpl {
namespace {

// Go's basicKind: the kinds eq and lt compare.
enum class Basic { kInvalid, kBool, kInt, kFloat, kString };

Basic BasicKind(const Value& v) {
  switch (v.kind) {
    case Kind::kBool: return Basic::kBool;
    case Kind::kInt: return Basic::kInt;
    case Kind::kFloat: return Basic::kFloat;
    case Kind::kString:
    case Kind::kHTML: return Basic::kString;
    default: return Basic::kInvalid;
  }
}

bool IsNilish(const Value& v) {
  return v.kind == Kind::kInvalid || v.kind == Kind::kNil || (v.kind == Kind::kSample && !v.sample);
}

bool Eq(const TemplateData&, std::vector<Value>& args, Value& result, std::string& error) {
  const Value& a = args[0];
  if (args.size() == 1) return error = "missing argument for comparison", false;
  const Basic ka = BasicKind(a);
  for (size_t i = 1; i < args.size(); ++i) {
    const Value& b = args[i];
    const Basic kb = BasicKind(b);
    bool truth = false;
    if (ka != kb) {
      if (!IsNilish(a) && !IsNilish(b)) return error = "incompatible types for comparison", false;
    } else {
      switch (ka) {
        case Basic::kBool: truth = a.b == b.b; break;
        case Basic::kInt: truth = a.i == b.i; break;
        case Basic::kFloat: truth = a.f == b.f; break;
        case Basic::kString: truth = a.s == b.s; break;
        case Basic::kInvalid:
          if (IsNilish(a) || IsNilish(b)) {
            truth = IsNilish(a) == IsNilish(b);
          } else if (a.kind == Kind::kSample && b.kind == Kind::kSample) {
            truth = a.sample == b.sample;
          } else {
            return error = "non-comparable type " + Sprint(b) + ": " + GoTypeName(b.kind), false;
          }
      }
    }
    if (truth) {
      result = Value::Bool(true);
      return true;
    }
  }
  result = Value::Bool(false);
  return true;
}

bool Ne(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  if (!Eq(data, args, result, error)) return false;
  result.b = !result.b;
  return true;
}

// lt, and le, gt, ge built from it, as Go builds them.
bool Less(const Value& a, const Value& b, bool& less, std::string& error) {
  const Basic ka = BasicKind(a), kb = BasicKind(b);
  if (ka == Basic::kInvalid || kb == Basic::kInvalid) return error = "invalid type for comparison", false;
  if (ka != kb) return error = "incompatible types for comparison", false;
  switch (ka) {
    case Basic::kInt: less = a.i < b.i; return true;
    case Basic::kFloat: less = a.f < b.f; return true;
    case Basic::kString: less = a.s < b.s; return true;
    default: return error = "invalid type for comparison", false;
  }
}

template <bool kNegate, bool kOrEqual>
bool Compare(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  bool less = false;
  if (!Less(args[0], args[1], less, error)) return false;
  if (kOrEqual && !less) {
    std::vector<Value> pair = {args[0], args[1]};
    if (!Eq(data, pair, result, error)) return false;
    less = result.b;
  }
  result = Value::Bool(kNegate ? !less : less);
  return true;
}

bool Not(const TemplateData&, std::vector<Value>& args, Value& result, std::string&) {
  result = Value::Bool(!IsTrue(args[0]));
  return true;
}

bool Len(const TemplateData&, std::vector<Value>& args, Value& result, std::string& error) {
  const Value& v = args[0];
  switch (v.kind) {
    case Kind::kString:
    case Kind::kHTML: result = Value::Int(static_cast<int64_t>(v.s.size())); return true;
    case Kind::kStringMap: result = Value::Int(static_cast<int64_t>(v.string_map->size())); return true;
    case Kind::kAnyMap: result = Value::Int(static_cast<int64_t>(v.any_map->size())); return true;
    case Kind::kQueryResult: result = Value::Int(static_cast<int64_t>(v.query_result->size())); return true;
    case Kind::kInvalid: return error = "reflect: call of reflect.Value.Type on zero Value", false;
    case Kind::kNil: return error = "len of nil pointer", false;
    default: return error = std::string("len of type ") + GoTypeName(v.kind), false;
  }
}

bool Index(const TemplateData&, std::vector<Value>& args, Value& result, std::string& error) {
  Value item = args[0];
  for (size_t i = 1; i < args.size(); ++i) {
    const Value& index = args[i];
    switch (item.kind) {
      case Kind::kStringMap:
      case Kind::kAnyMap: {
        if (index.kind != Kind::kString) {
          if (IsNilish(index)) return error = "value is nil; should be of type string", false;
          return error = std::string("value has type ") + GoTypeName(index.kind) + "; should be string", false;
        }
        if (item.kind == Kind::kStringMap) {
          auto it = item.string_map->find(index.s);
          item = Value::String(it == item.string_map->end() ? "" : it->second);
        } else {
          auto it = item.any_map->find(index.s);
          item = it == item.any_map->end() ? Value() : it->second;
        }
        break;
      }
      case Kind::kQueryResult:
      case Kind::kString:
      case Kind::kHTML: {
        if (index.kind != Kind::kInt) {
          if (IsNilish(index)) return error = "cannot index slice/array with nil", false;
          return error = std::string("cannot index slice/array with type ") + GoTypeName(index.kind), false;
        }
        const size_t size = item.kind == Kind::kQueryResult ? item.query_result->size() : item.s.size();
        if (index.i < 0 || static_cast<size_t>(index.i) >= size) {
          return error = "index out of range: " + std::to_string(index.i), false;
        }
        if (item.kind == Kind::kQueryResult) {
          auto sample = (*item.query_result)[index.i];
          item = Value{Kind::kSample};
          item.sample = std::move(sample);
        } else {
          item = Value::Int(static_cast<unsigned char>(item.s[index.i]));  // a byte, as uint8
        }
        break;
      }
      case Kind::kInvalid:
      case Kind::kNil: return error = "index of untyped nil", false;
      default: return error = std::string("can't index item of type ") + GoTypeName(item.kind), false;
    }
  }
  result = item;
  return true;
}

bool Print(const TemplateData&, std::vector<Value>& args, Value& result, std::string&) {
  result = Value::String(Sprint(args));
  return true;
}

bool Println(const TemplateData&, std::vector<Value>& args, Value& result, std::string&) {
  result = Value::String(Sprintln(args));
  return true;
}

bool Printf(const TemplateData&, std::vector<Value>& args, Value& result, std::string&) {
  result = Value::String(Sprintf(args[0].s, {args.begin() + 1, args.end()}));
  return true;
}

// html, js and urlquery read their arguments as print does (one string
// as it is).
std::string EvalArgs(const std::vector<Value>& args) {
  if (args.size() == 1 && args[0].kind == Kind::kString) return args[0].s;
  return Sprint(args);
}

bool Html(const TemplateData&, std::vector<Value>& args, Value& result, std::string&) {
  std::string out;
  for (char c : EvalArgs(args)) {
    switch (c) {
      case '\0': out += "\xEF\xBF\xBD"; break;
      case '"': out += "&#34;"; break;
      case '\'': out += "&#39;"; break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  result = Value::String(out);
  return true;
}

bool Js(const TemplateData&, std::vector<Value>& args, Value& result, std::string&) {
  std::string out;
  const std::string text = EvalArgs(args);
  std::string_view s = text;
  static constexpr char kHex[] = "0123456789ABCDEF";
  while (!s.empty()) {
    const promql::go::DecodedRune d = promql::go::DecodeRune(s);
    const char32_t r = d.rune;
    s.remove_prefix(d.width);
    if (r == '\\' || r == '\'' || r == '"') {
      out += '\\';
      out += static_cast<char>(r);
    } else if (r == '<' || r == '>' || r == '&' || r == '=' || r < ' ') {
      out += "\\u00";
      out += kHex[r >> 4];
      out += kHex[r & 15];
    } else if (r < 0x80 || promql::go::IsPrint(r)) {
      out += promql::go::EncodeRune(r);
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(r));
      out += buf;
    }
  }
  result = Value::String(out);
  return true;
}

}  // namespace

// url.QueryEscape, which urlquery and Prometheus's graphLink share.
std::string QueryEscape(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

namespace {

bool UrlQuery(const TemplateData&, std::vector<Value>& args, Value& result, std::string&) {
  result = Value::String(QueryEscape(EvalArgs(args)));
  return true;
}

}  // namespace

const std::vector<Func>& BuiltinFuncs() {
  using P = Param;
  static const std::vector<Func> kFuncs = {
      {"and", {P::kValue, P::kValue}, true, nullptr},
      {"or", {P::kValue, P::kValue}, true, nullptr},
      {"not", {P::kValue}, false, Not},
      {"len", {P::kValue}, false, Len},
      {"index", {P::kValue, P::kValue}, true, Index},
      {"print", {P::kAny}, true, Print},
      {"printf", {P::kString, P::kAny}, true, Printf},
      {"println", {P::kAny}, true, Println},
      {"html", {P::kAny}, true, Html},
      {"js", {P::kAny}, true, Js},
      {"urlquery", {P::kAny}, true, UrlQuery},
      {"eq", {P::kValue, P::kValue}, true, Eq},
      {"ne", {P::kValue, P::kValue}, false, Ne},
      {"lt", {P::kValue, P::kValue}, false, Compare<false, false>},
      {"le", {P::kValue, P::kValue}, false, Compare<false, true>},
      {"gt", {P::kValue, P::kValue}, false, Compare<true, true>},
      {"ge", {P::kValue, P::kValue}, false, Compare<true, false>},
  };
  return kFuncs;
}

bool IsTrue(const Value& v) {
  switch (v.kind) {
    case Kind::kInvalid:
    case Kind::kNil: return false;
    case Kind::kBool: return v.b;
    case Kind::kInt: return v.i != 0;
    case Kind::kFloat: return v.f != 0;
    case Kind::kString:
    case Kind::kHTML: return !v.s.empty();
    case Kind::kStringMap: return !v.string_map->empty();
    case Kind::kAnyMap: return !v.any_map->empty();
    case Kind::kQueryResult: return !v.query_result->empty();
    case Kind::kSample: return v.sample != nullptr;
    case Kind::kTime:
    case Kind::kRoot: return true;
  }
  return false;
}

}  // namespace monc::runtime::tmpl
