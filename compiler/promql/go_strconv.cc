#include "compiler/promql/go_strconv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

namespace monc::promql::go {
namespace {

constexpr char32_t kMaxRune = 0x10FFFF;

bool IsSurrogate(char32_t r) { return r >= 0xD800 && r <= 0xDFFF; }
bool IsValidRune(char32_t r) { return r <= kMaxRune && !IsSurrogate(r); }

// Non-printing code points outside ASCII and Latin-1's controls, as ranges:
// spaces (Zs), format characters (Cf), line and paragraph separators,
// private use, noncharacters.
constexpr std::array<std::pair<char32_t, char32_t>, 24> kNonPrinting = {{
    {0x00A0, 0x00A0}, {0x00AD, 0x00AD}, {0x0600, 0x0605}, {0x061C, 0x061C},
    {0x06DD, 0x06DD}, {0x070F, 0x070F}, {0x1680, 0x1680}, {0x180E, 0x180E},
    {0x2000, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x2064}, {0x2066, 0x206F},
    {0x3000, 0x3000}, {0xD800, 0xF8FF}, {0xFDD0, 0xFDEF}, {0xFEFF, 0xFEFF},
    {0xFFF9, 0xFFFB}, {0xFFFE, 0xFFFF}, {0x110BD, 0x110BD}, {0x1BCA0, 0x1BCA3},
    {0x1D173, 0x1D17A}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, {0xF0000, 0x10FFFF},
}};

void AppendHex(std::string& out, uint32_t value, int digits) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
}

// strconv's appendEscapedRune: the rune as written inside `quote`s.
void AppendEscapedRune(std::string& out, char32_t r, char quote) {
  if (r == static_cast<char32_t>(quote) || r == '\\') {
    out += '\\';
    out += static_cast<char>(r);
    return;
  }
  if (IsPrint(r)) {
    out += EncodeRune(r);
    return;
  }
  switch (r) {
    case '\a': out += "\\a"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\v': out += "\\v"; return;
  }
  if (r < ' ' || r == 0x7F) {
    out += "\\x";
    AppendHex(out, r, 2);
  } else if (!IsValidRune(r)) {
    out += "\\ufffd";
  } else if (r < 0x10000) {
    out += "\\u";
    AppendHex(out, r, 4);
  } else {
    out += "\\U";
    AppendHex(out, r, 8);
  }
}

std::string NonFinite(double v) {
  if (std::isnan(v)) return "NaN";
  return v > 0 ? "+Inf" : "-Inf";
}

}  // namespace

DecodedRune DecodeRune(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return {b0, 1};
  // The accepted second-byte range depends on the first byte (no overlong
  // forms, no surrogates, nothing past U+10FFFF).
  int size = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  char32_t r = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    size = 2, r = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    size = 3, r = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    size = 4, r = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return {kRuneError, 1};
  }
  if (s.size() < static_cast<size_t>(size)) return {kRuneError, 1};
  for (int i = 1; i < size; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) return {kRuneError, 1};
    r = (r << 6) | (b & 0x3F);
  }
  return {r, static_cast<size_t>(size)};
}

std::string EncodeRune(char32_t r) {
  if (!IsValidRune(r)) r = kRuneError;
  std::string out;
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xC0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xE0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  }
  return out;
}

bool IsPrint(char32_t r) {
  if (r < 0x80) return r >= 0x20 && r < 0x7F;
  if (r < 0xA0 || r > kMaxRune) return false;
  for (const auto& [lo, hi] : kNonPrinting) {
    if (r >= lo && r <= hi) return false;
  }
  return true;
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  while (!s.empty()) {
    const DecodedRune d = DecodeRune(s);
    if (d.rune == kRuneError && d.width == 1) {
      out += "\\x";
      AppendHex(out, static_cast<unsigned char>(s[0]), 2);
    } else {
      AppendEscapedRune(out, d.rune, '"');
    }
    s.remove_prefix(d.width);
  }
  return out + "\"";
}

std::string QuoteRune(char32_t r) {
  std::string out = "'";
  AppendEscapedRune(out, IsValidRune(r) ? r : kRuneError, '\'');
  return out + "'";
}

std::string UnicodeRune(char32_t r) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(r));
  std::string out = hex;
  if (IsPrint(r)) out += " '" + EncodeRune(r) + "'";
  return out;
}

std::string FormatFloat(double v) {
  if (!std::isfinite(v)) return NonFinite(v);
  // The longest shortest-form fixed output is about 330 characters (1e308).
  char buf[400];
  auto result = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, result.ptr);
}

std::string FormatFixed(double v, int precision) {
  if (!std::isfinite(v)) return NonFinite(v);
  const int size = std::snprintf(nullptr, 0, "%.*f", precision, v);
  std::string out(static_cast<size_t>(size) + 1, '\0');
  std::snprintf(out.data(), out.size(), "%.*f", precision, v);
  out.resize(static_cast<size_t>(size));
  return out;
}

namespace {

bool EqualFold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if ((a[i] | 0x20) != b[i]) return false;
  }
  return true;
}

bool IsFloatDigit(char c, bool hex) {
  return (c >= '0' && c <= '9') || (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

bool IsHexPrefix(std::string_view s) {
  return s.size() >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x';
}

// Go's underscoreOK: '_' only between digits, or between the base prefix
// and a digit.
bool UnderscoresOk(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  const bool hex = IsHexPrefix(s);
  char saw = hex ? '0' : '^';  // '0' digit, '_' underscore, '!' other
  for (size_t i = hex ? 2 : 0; i < s.size(); ++i) {
    if (IsFloatDigit(s[i], hex)) {
      saw = '0';
    } else if (s[i] == '_') {
      if (saw != '0') return false;
      saw = '_';
    } else {
      if (saw == '_') return false;
      saw = '!';
    }
  }
  return saw != '_';
}

}  // namespace

std::optional<double> ParseFloat(std::string_view s, std::string* reason) {
  *reason = "invalid syntax";
  const size_t sign = !s.empty() && (s[0] == '+' || s[0] == '-');
  const std::string_view body = s.substr(sign);
  if (EqualFold(body, "inf") || EqualFold(body, "infinity")) {
    return s[0] == '-' ? -HUGE_VAL : HUGE_VAL;
  }
  if (!sign && EqualFold(body, "nan")) return std::nan("");
  std::string clean(s);
  if (clean.find('_') != std::string::npos) {
    if (!UnderscoresOk(s)) return std::nullopt;
    clean.erase(std::remove(clean.begin(), clean.end(), '_'), clean.end());
  }
  const bool hex = IsHexPrefix(std::string_view(clean).substr(sign));
  size_t i = sign + (hex ? 2 : 0);
  bool digits = false, dot = false;
  for (; i < clean.size(); ++i) {
    if (clean[i] == '.' && !dot) {
      dot = true;
    } else if (IsFloatDigit(clean[i], hex)) {
      digits = true;
    } else {
      break;
    }
  }
  if (!digits) return std::nullopt;
  if (i < clean.size() && (clean[i] | 0x20) == (hex ? 'p' : 'e')) {
    ++i;
    if (i < clean.size() && (clean[i] == '+' || clean[i] == '-')) ++i;
    const size_t exponent = i;
    while (i < clean.size() && IsFloatDigit(clean[i], false)) ++i;
    if (i == exponent) return std::nullopt;
  } else if (hex) {
    return std::nullopt;
  }
  if (i != clean.size()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(clean.c_str(), &end);
  if (end != clean.c_str() + clean.size()) return std::nullopt;
  if (std::isinf(v)) {
    *reason = "value out of range";
    return std::nullopt;
  }
  reason->clear();
  return v;
}

}  // namespace monc::promql::go
