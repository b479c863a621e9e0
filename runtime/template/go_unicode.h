// The few of Go's unicode package functions templates rely on: identifier
// letters, and the case mappings of toUpper, toLower and title. Read from
// the C library's UTF-8 tables (Go carries its own; they agree on the
// letters and cases templates meet).
#ifndef MONC_RUNTIME_TEMPLATE_GO_UNICODE_H_
#define MONC_RUNTIME_TEMPLATE_GO_UNICODE_H_

#include <string>
#include <string_view>

namespace monc::runtime::tmpl {

bool IsLetter(char32_t r);
bool IsLetterOrDigit(char32_t r);
bool IsUnicodeSpace(char32_t r);

enum class Case { kUpper, kLower, kTitle };
char32_t ToCase(Case c, char32_t r);

// strings.ToUpper / strings.ToLower: rune by rune; an invalid byte becomes
// U+FFFD, as strings.Map writes it.
std::string MapCase(Case c, std::string_view s);

}  // namespace monc::runtime::tmpl

#endif  // MONC_RUNTIME_TEMPLATE_GO_UNICODE_H_
