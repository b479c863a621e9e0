// The few pieces of Go's strconv, unicode/utf8 and fmt whose exact output
// PromQL inherits: Prometheus quotes strings and runes in its messages and in
// its canonical printed form the Go way, and reads UTF-8 the Go way (an
// invalid byte is one U+FFFD). Matching them keeps monc's messages and
// printed expressions byte for byte Prometheus's.
#ifndef MONC_COMPILER_PROMQL_GO_STRCONV_H_
#define MONC_COMPILER_PROMQL_GO_STRCONV_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace monc::promql::go {

inline constexpr char32_t kRuneError = 0xFFFD;

struct DecodedRune {
  char32_t rune = kRuneError;
  size_t width = 0;  // bytes read; 0 only at the end of the input
};

// utf8.DecodeRuneInString: an invalid or truncated sequence is U+FFFD, 1 byte.
DecodedRune DecodeRune(std::string_view s);

// The UTF-8 bytes of `r` (utf8.EncodeRune; invalid runes become U+FFFD).
std::string EncodeRune(char32_t r);

// unicode.IsPrint, approximated outside ASCII by the common non-printing
// ranges (controls, format characters, spaces other than ' ', private use,
// surrogates, noncharacters): Go reads Unicode tables monc does not carry.
bool IsPrint(char32_t r);

// strconv.Quote, as fmt's %q prints a string: "a\"b\n".
std::string Quote(std::string_view s);

// fmt's %q of a rune: 'a', '\n', '\'', and U+FFFD for anything not a rune.
std::string QuoteRune(char32_t r);

// fmt's %#U: U+0063 'c' (the quoted rune only when printable).
std::string UnicodeRune(char32_t r);

// strconv.FormatFloat(v, 'f', -1, 64): the shortest digits that read back as
// `v`, never an exponent; +Inf, -Inf, NaN.
std::string FormatFloat(double v);

// fmt's %.<precision>f: fixed digits; +Inf, -Inf, NaN.
std::string FormatFixed(double v, int precision);

// strconv.ParseFloat(s, 64): decimal or hex (p exponent required)
// literals, '_' between digits, "inf"/"infinity" (any case, signed) and
// "nan" (any case, unsigned); no spaces. Otherwise nullopt with `reason`
// Go's: "invalid syntax", or "value out of range" on overflow (underflow
// rounds, as in Go).
std::optional<double> ParseFloat(std::string_view s, std::string* reason);

}  // namespace monc::promql::go

#endif  // MONC_COMPILER_PROMQL_GO_STRCONV_H_
