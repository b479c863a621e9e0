// The functions a template can call, as one table each: Go's builtins
// (and, or, not, len, index, print, printf, println, html, js, urlquery,
// eq, ne, lt, le, gt, ge) and Prometheus's (humanize, query, label, ...).
// A row declares the Go parameter types, so the executor converts and
// checks arguments with Go's errors before the function runs.
#ifndef MONC_RUNTIME_TEMPLATE_TEMPLATE_FUNCS_H_
#define MONC_RUNTIME_TEMPLATE_TEMPLATE_FUNCS_H_

#include <string>
#include <string_view>
#include <vector>

#include "runtime/template/template.h"
#include "runtime/template/template_value.h"

namespace monc::runtime::tmpl {

// A parameter's Go type.
enum class Param {
  kAny,          // interface {}
  kValue,        // reflect.Value (Go's builtins): nil is not allowed
  kString,       // string
  kSample,       // *template.sample
  kQueryResult,  // template.queryResult
};
const char* ParamTypeName(Param p);

// Returns false with `error` set: the template fails with
// "error calling NAME: ERROR".
using FuncImpl = bool (*)(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error);

struct Func {
  std::string_view name;
  std::vector<Param> params;
  bool variadic = false;  // the last parameter repeats
  // Null for and/or, which the executor evaluates lazily, as Go does.
  FuncImpl impl = nullptr;
};

const std::vector<Func>& BuiltinFuncs();
const std::vector<Func>& PrometheusFuncs();
// Prometheus's functions, then Go's builtins; null if neither has it.
const Func* FindFunc(std::string_view name);

// url.QueryEscape: urlquery's and graphLink's encoding.
std::string QueryEscape(std::string_view s);

// Go's truth of a value (if, with, and, or, not): false for zero numbers,
// empty strings, maps and slices, nil pointers and no value.
bool IsTrue(const Value& v);

}  // namespace monc::runtime::tmpl

#endif  // MONC_RUNTIME_TEMPLATE_TEMPLATE_FUNCS_H_
