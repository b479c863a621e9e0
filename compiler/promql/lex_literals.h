// Prometheus 2.42's readings of number, duration and string tokens: the
// values (parse.go's number(), model.ParseDuration, strutil.Unquote) and the
// messages its lexer (lex.go) gives when it refuses one. The ANTLR lexer
// finds where a token ends; these functions say what it means.
#ifndef MONC_COMPILER_PROMQL_LEX_LITERALS_H_
#define MONC_COMPILER_PROMQL_LEX_LITERALS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace monc::promql {

// A number token's value: strconv.ParseInt with Go's base prefixes (0x, and a
// leading 0 for octal), else strconv.ParseFloat. On failure `error` gets
// Prometheus's message ("error parsing number: strconv.ParseFloat: ...").
std::optional<double> ParseNumber(std::string_view text, std::string* error);

// A duration token in milliseconds (model.ParseDuration: units y w d h m s ms,
// in that order, each once), which must be positive.
std::optional<int64_t> ParseDuration(std::string_view text, std::string* error);

// Scans the quoted string at the start of `input` as lex.go does: the first
// problem (a bad escape, a newline or the end of input before the closing
// quote, invalid UTF-8) ends the scan with its message.
struct QuotedScan {
  size_t length = 0;  // of the whole string, quotes included, when sound
  std::string error;  // empty when sound
};
QuotedScan ScanQuoted(std::string_view input);

// The value of a sound quoted string (strutil.Unquote): \x and octal escapes
// are single bytes, \u and \U are UTF-8.
std::string Unquote(std::string_view quoted);

// lex.go's message for the number or duration it refuses at the start of
// `input`: "bad number or duration syntax: \"1e5\"".
std::string NumberOrDurationError(std::string_view input);

// lex.go's message when what follows `[` (from `input` on) is no duration:
// "missing unit character in duration" or "bad duration syntax: \"5m1\"".
std::string RangeDurationError(std::string_view input);

}  // namespace monc::promql

#endif  // MONC_COMPILER_PROMQL_LEX_LITERALS_H_
