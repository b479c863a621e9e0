// Runs a parsed template over a value, as Go's text/template executes it
// with missingkey=zero: a missing label prints "", a missing key of args'
// map prints "<no value>". Errors carry Go's text with the failing node's
// place: template: NAME:LINE:COL: executing "NAME" at <NODE>: MESSAGE.
#ifndef MONC_RUNTIME_TEMPLATE_TEMPLATE_EXEC_H_
#define MONC_RUNTIME_TEMPLATE_TEMPLATE_EXEC_H_

#include <string>
#include <string_view>

#include "runtime/template/template.h"
#include "runtime/template/template_parse.h"
#include "runtime/template/template_value.h"

namespace monc::runtime::tmpl {

struct ExecResult {
  std::string output;
  std::string error;  // empty on success
};

// `text` is what `root` was parsed from (for line and column of errors).
ExecResult Execute(std::string_view name, std::string_view text, const Node& root, const Value& dot,
                   const TemplateData& data);

}  // namespace monc::runtime::tmpl

#endif  // MONC_RUNTIME_TEMPLATE_TEMPLATE_EXEC_H_
