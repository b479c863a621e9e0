#include "compiler/promql/regex.h"

#include <re2/re2.h>

#include "compiler/promql/go_strconv.h"

namespace monc::promql {
namespace {

std::string Anchored(std::string_view regex) { return "^(?:" + std::string(regex) + ")$"; }

RE2::Options GoOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

// Go's regexp/syntax wording for RE2's error codes.
std::string_view GoWording(RE2::ErrorCode code) {
  switch (code) {
    case RE2::NoError:
      return "";
    case RE2::ErrorInternal:
      return "regexp/syntax: internal error";
    case RE2::ErrorBadEscape:
      return "invalid escape sequence";
    case RE2::ErrorBadCharClass:
      return "invalid character class";
    case RE2::ErrorBadCharRange:
      return "invalid character class range";
    case RE2::ErrorMissingBracket:
      return "missing closing ]";
    case RE2::ErrorMissingParen:
      return "missing closing )";
    case RE2::ErrorUnexpectedParen:
      return "unexpected )";
    case RE2::ErrorTrailingBackslash:
      return "trailing backslash at end of expression";
    case RE2::ErrorRepeatArgument:
      return "missing argument to repetition operator";
    case RE2::ErrorRepeatSize:
      return "invalid repeat count";
    case RE2::ErrorRepeatOp:
      return "invalid nested repetition operator";
    case RE2::ErrorBadPerlOp:
      return "invalid or unsupported Perl syntax";
    case RE2::ErrorBadUTF8:
      return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture:
      return "invalid named capture";
    case RE2::ErrorPatternTooLarge:
      return "expression too large";
  }
  return "regexp/syntax: internal error";
}

std::string GoError(std::string_view wording, std::string_view argument) {
  return "error parsing regexp: " + std::string(wording) + ": `" + std::string(argument) + "`";
}

// RE2 reads \C as "any byte"; Go has no such escape.
bool HasAnyByteEscape(std::string_view regex) {
  for (size_t i = 0; i + 1 < regex.size(); ++i) {
    if (regex[i] != '\\') continue;
    if (regex[i + 1] == 'Q') return false;  // the rest may be quoted text
    if (regex[i + 1] == 'C') return true;
    ++i;
  }
  return false;
}

// Go shows invalid UTF-8 as the pattern from the first bad byte on.
std::string FromInvalidUtf8(std::string_view pattern) {
  for (size_t pos = 0; pos < pattern.size();) {
    const go::DecodedRune d = go::DecodeRune(pattern.substr(pos));
    if (d.rune == go::kRuneError && d.width == 1) return std::string(pattern.substr(pos));
    pos += d.width;
  }
  return "";
}

}  // namespace

std::string RegexError(std::string_view regex) {
  const std::string anchored = Anchored(regex);
  const RE2 re(anchored, GoOptions());
  if (re.error_code() == RE2::ErrorBadUTF8) {
    return GoError(GoWording(re.error_code()), FromInvalidUtf8(anchored));
  }
  if (!re.ok()) return GoError(GoWording(re.error_code()), re.error_arg());
  if (HasAnyByteEscape(regex)) return GoError("invalid escape sequence", "\\C");
  return "";
}

}  // namespace monc::promql
