// Label-matcher regexes as Prometheus 2.42 compiles them: Go's regexp
// syntax, fully anchored ("^(?:" + re + ")$"). RE2 reads the same syntax (Go's
// regexp was modelled on it); where they differ (RE2's \C), Go's verdict is
// kept. Errors carry Go's wording.
#ifndef MONC_COMPILER_PROMQL_REGEX_H_
#define MONC_COMPILER_PROMQL_REGEX_H_

#include <string>
#include <string_view>

namespace monc::promql {

// Prometheus's message when `regex` does not compile, e.g.
// "error parsing regexp: missing closing ): `^(?:(a)$`"; empty when it does.
std::string RegexError(std::string_view regex);

}  // namespace monc::promql

#endif  // MONC_COMPILER_PROMQL_REGEX_H_
