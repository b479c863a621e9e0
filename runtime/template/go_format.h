// Go's fmt as templates print values: an action's result is printed with
// fmt.Fprint, and print, println and printf are fmt's Sprint, Sprintln and
// Sprintf. Floats follow strconv ('g' shortest for %v: 0.0512, 1e+06,
// 1.234567e+06, +Inf, NaN); maps print sorted (map[a:b c:d]); a verb that
// does not fit its operand prints Go's %!d(string=x) forms.
#ifndef MONC_RUNTIME_TEMPLATE_GO_FORMAT_H_
#define MONC_RUNTIME_TEMPLATE_GO_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "runtime/template/template_value.h"

namespace monc::runtime::tmpl {

// strconv.FormatFloat(v, verb, precision, 64) for verb 'e', 'f' or 'g';
// precision -1 is the shortest that reads back as `v`.
std::string FormatFloat(double v, char verb, int precision);

// fmt.Sprint of one value (%v).
std::string Sprint(const Value& v);
// fmt.Sprint and fmt.Sprintln of several: Sprint puts a space between two
// operands only when neither is a string; Sprintln always, and ends in "\n".
std::string Sprint(const std::vector<Value>& args);
std::string Sprintln(const std::vector<Value>& args);
std::string Sprintf(std::string_view format, const std::vector<Value>& args);

// time.Time's String in UTC: 2020-09-13 12:26:40.5 +0000 UTC.
std::string FormatTime(const TimeValue& t);

}  // namespace monc::runtime::tmpl

#endif  // MONC_RUNTIME_TEMPLATE_GO_FORMAT_H_
