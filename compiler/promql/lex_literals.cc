#include "compiler/promql/lex_literals.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "compiler/promql/go_duration.h"
#include "compiler/promql/go_strconv.h"

namespace monc::promql {
namespace {

constexpr std::string_view kDecimalDigits = "0123456789";
constexpr std::string_view kHexDigits = "0123456789abcdefABCDEF";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlphaNumeric(char c) {
  return c == '_' || IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// lex.go's cursor over the input, with its accept/acceptRun vocabulary. The
// characters it accepts are all ASCII, so it can step in bytes.
class Cursor {
 public:
  explicit Cursor(std::string_view input) : input_(input) {}

  bool Accept(std::string_view valid) {
    if (pos_ < input_.size() && valid.find(input_[pos_]) != std::string_view::npos) {
      ++pos_;
      return true;
    }
    return false;
  }
  void AcceptRun(std::string_view valid) {
    while (Accept(valid)) {
    }
  }
  // Whether the next character continues a word (so a number may not end here).
  bool NextIsAlphaNumeric() const { return pos_ < input_.size() && IsAlphaNumeric(input_[pos_]); }
  // lex.go's next() at the end of a duration: the character is consumed.
  bool TakeIsAlphaNumeric() {
    if (pos_ >= input_.size()) return false;
    return IsAlphaNumeric(input_[pos_++]);
  }
  std::string_view Consumed() const { return input_.substr(0, pos_); }

  // scanNumber: digits (hex after 0x), a fraction, an exponent; true when no
  // letter or digit follows.
  bool ScanNumber() {
    std::string_view digits = kDecimalDigits;
    if (Accept("0") && Accept("xX")) digits = kHexDigits;
    AcceptRun(digits);
    if (Accept(".")) AcceptRun(digits);
    if (Accept("eE")) {
      Accept("+-");
      AcceptRun(kDecimalDigits);
    }
    return !NextIsAlphaNumeric();
  }

  // acceptRemainingDuration: units after the number; `y` only first.
  bool ScanDurationUnits() {
    if (!Accept("smhdwy")) return false;
    Accept("s");
    while (Accept(kDecimalDigits)) {
      AcceptRun(kDecimalDigits);
      if (!Accept("smhdw")) return false;
      Accept("s");
    }
    return !TakeIsAlphaNumeric();
  }

 private:
  std::string_view input_;
  size_t pos_ = 0;
};

std::string ParseFloatError(std::string_view text, std::string_view reason) {
  return "error parsing number: strconv.ParseFloat: parsing " + go::Quote(text) + ": " +
         std::string(reason);
}

// strconv.ParseInt(text, 0, 64) for the texts the lexer makes (no sign, no
// underscores): 0x hex, 0-led octal, decimal.
std::optional<int64_t> ParseGoInt(std::string_view text) {
  unsigned base = 10;
  if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  } else if (text.size() >= 2 && text[0] == '0') {
    base = 8;
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    unsigned digit = 0;
    if (IsDigit(c)) {
      digit = static_cast<unsigned>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<unsigned>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<unsigned>(c - 'A' + 10);
    } else {
      return std::nullopt;
    }
    if (digit >= base) return std::nullopt;
    if (value > (static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) - digit) / base) {
      return std::nullopt;
    }
    value = value * base + digit;
  }
  return static_cast<int64_t>(value);
}

int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return 16;
}

// lex.go's rune reader over a string token; kEnd past the input.
constexpr char32_t kEnd = 0xFFFFFFFF;
class RuneReader {
 public:
  explicit RuneReader(std::string_view input) : input_(input) {}
  char32_t Next(bool* invalid = nullptr) {
    const go::DecodedRune d = go::DecodeRune(input_.substr(pos_));
    if (d.width == 0) return kEnd;
    pos_ += d.width;
    // lex.go compares with utf8.RuneError, which a literal U+FFFD equals too.
    if (invalid) *invalid = d.rune == go::kRuneError;
    return d.rune;
  }
  size_t pos() const { return pos_; }

 private:
  std::string_view input_;
  size_t pos_ = 0;
};

// lexEscape, after the backslash: the message of a bad escape, or empty.
std::string ScanEscape(RuneReader& reader, char32_t quote) {
  char32_t ch = reader.Next();
  int digits = 0;
  uint32_t base = 0, max = 0;
  switch (ch) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
      return "";
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
      digits = 3, base = 8, max = 255;
      break;
    case 'x':
      ch = reader.Next(), digits = 2, base = 16, max = 255;
      break;
    case 'u':
      ch = reader.Next(), digits = 4, base = 16, max = 0x10FFFF;
      break;
    case 'U':
      ch = reader.Next(), digits = 8, base = 16, max = 0x10FFFF;
      break;
    case kEnd:
      return "escape sequence not terminated";
    default:
      if (ch == quote) return "";
      return "unknown escape sequence " + go::UnicodeRune(ch);
  }
  uint32_t value = 0;
  for (;;) {
    const auto digit = static_cast<uint32_t>(DigitValue(ch == kEnd ? 0x7FFFFFFF : ch));
    if (digit >= base) {
      if (ch == kEnd) return "escape sequence not terminated";
      return "illegal character " + go::UnicodeRune(ch) + " in escape sequence";
    }
    value = value * base + digit;
    if (--digits == 0) break;
    ch = reader.Next();
  }
  if (value > max || (value >= 0xD800 && value < 0xE000)) {
    return "escape sequence is an invalid Unicode code point";
  }
  return "";
}

}  // namespace

std::optional<double> ParseNumber(std::string_view text, std::string* error) {
  if (auto n = ParseGoInt(text)) return static_cast<double>(*n);
  std::string reason;
  std::optional<double> value = go::ParseFloat(text, &reason);
  if (!value) *error = ParseFloatError(text, reason);
  return value;
}

std::optional<int64_t> ParseDuration(std::string_view text, std::string* error) {
  std::optional<int64_t> ms = go::ParseDuration(text, error);
  if (ms == 0) {
    *error = "duration must be greater than 0";
    return std::nullopt;
  }
  return ms;
}

QuotedScan ScanQuoted(std::string_view input) {
  RuneReader reader(input);
  const char32_t quote = reader.Next();
  for (;;) {
    bool invalid = false;
    const char32_t r = reader.Next(&invalid);
    if (r == kEnd && quote == '`') return {0, "unterminated raw string"};
    if (r == kEnd || (r == '\n' && quote != '`')) return {0, "unterminated quoted string"};
    if (invalid) return {0, "invalid UTF-8 rune"};
    if (r == quote) return {reader.pos(), ""};
    if (r == '\\' && quote != '`') {
      std::string error = ScanEscape(reader, quote);
      if (!error.empty()) return {0, error};
    }
  }
}

std::string Unquote(std::string_view quoted) {
  const char quote = quoted.front();
  std::string_view body = quoted.substr(1, quoted.size() - 2);
  if (quote == '`') return std::string(body);
  std::string out;
  for (size_t i = 0; i < body.size();) {
    if (body[i] != '\\') {
      out += body[i++];
      continue;
    }
    const char c = body[i + 1];
    i += 2;
    switch (c) {
      case 'a': out += '\a'; continue;
      case 'b': out += '\b'; continue;
      case 'f': out += '\f'; continue;
      case 'n': out += '\n'; continue;
      case 'r': out += '\r'; continue;
      case 't': out += '\t'; continue;
      case 'v': out += '\v'; continue;
      case 'x': case 'u': case 'U': {
        const size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        uint32_t value = 0;
        for (size_t k = 0; k < digits; ++k) value = value * 16 + static_cast<uint32_t>(DigitValue(body[i + k]));
        i += digits;
        if (c == 'x') {
          out += static_cast<char>(value);
        } else {
          out += go::EncodeRune(value);
        }
        continue;
      }
      default:
        if (c >= '0' && c <= '7') {
          const uint32_t value = static_cast<uint32_t>(c - '0') * 64 +
                                 static_cast<uint32_t>(body[i] - '0') * 8 +
                                 static_cast<uint32_t>(body[i + 1] - '0');
          i += 2;
          out += static_cast<char>(value);
        } else {
          out += c;  // \\ and the escaped quote
        }
    }
  }
  return out;
}

std::string NumberOrDurationError(std::string_view input) {
  Cursor cursor(input);
  if (!cursor.ScanNumber()) cursor.ScanDurationUnits();
  return "bad number or duration syntax: " + go::Quote(cursor.Consumed());
}

std::string RangeDurationError(std::string_view input) {
  Cursor cursor(input);
  if (cursor.ScanNumber()) return "missing unit character in duration";
  cursor.ScanDurationUnits();
  return "bad duration syntax: " + go::Quote(cursor.Consumed());
}

}  // namespace monc::promql
