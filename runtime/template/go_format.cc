#include "runtime/template/go_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "compiler/promql/go_strconv.h"

namespace monc::runtime::tmpl {
namespace {

// The decimal digits of a float as strconv lays them out: `digits` without
// trailing zeros (empty for 0), the decimal point after `point` of them.
struct Decimal {
  bool negative = false;
  std::string digits;
  int point = 0;
};

// From C's %e, whose digits are exact and correctly rounded, as Go's.
Decimal FromScientific(const char* text) {
  Decimal d;
  if (*text == '-') d.negative = true, ++text;
  for (; *text != 'e'; ++text) {
    if (*text != '.') d.digits += *text;
  }
  d.point = std::atoi(text + 1) + 1;
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits.empty()) d.point = 0;
  return d;
}

Decimal Shortest(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf - 1, v, std::chars_format::scientific);
  *r.ptr = '\0';
  return FromScientific(buf);
}

Decimal Rounded(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*e", digits - 1, v);
  return FromScientific(buf);
}

// strconv's fmtE and fmtF over a Decimal.
std::string LayoutE(const Decimal& d, int precision) {
  std::string out = d.negative ? "-" : "";
  out += d.digits.empty() ? '0' : d.digits[0];
  if (precision > 0) {
    out += '.';
    for (int i = 1; i <= precision; ++i) {
      out += i < static_cast<int>(d.digits.size()) ? d.digits[i] : '0';
    }
  }
  const int exp = d.digits.empty() ? 0 : d.point - 1;
  char buf[16];
  std::snprintf(buf, sizeof buf, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
  return out + buf;
}

std::string LayoutF(const Decimal& d, int precision) {
  std::string out = d.negative ? "-" : "";
  const int nd = static_cast<int>(d.digits.size());
  if (d.point > 0) {
    for (int i = 0; i < d.point; ++i) out += i < nd ? d.digits[i] : '0';
  } else {
    out += '0';
  }
  if (precision > 0) {
    out += '.';
    for (int i = 1; i <= precision; ++i) {
      const int j = d.point + i - 1;
      out += j >= 0 && j < nd ? d.digits[j] : '0';
    }
  }
  return out;
}

std::string LayoutG(const Decimal& d, int precision, bool shortest) {
  const int nd = static_cast<int>(d.digits.size());
  int eprec = precision;
  if (eprec > nd && nd >= d.point) eprec = nd;
  if (shortest) eprec = 6;
  const int exp = d.point - 1;
  if (exp < -4 || exp >= eprec) return LayoutE(d, std::min(precision, nd) - 1);
  if (precision > d.point) precision = nd;
  return LayoutF(d, std::max(precision - d.point, 0));
}

// One parsed %verb: flags, width and precision.
struct Spec {
  bool minus = false, plus = false, sharp = false, space = false, zero = false;
  int width = -1;
  int precision = -1;
  char verb = 'v';
};

Spec WithVerb(Spec spec, char verb) {
  spec.verb = verb;
  return spec;
}

int RuneCount(std::string_view s) {
  int n = 0;
  for (; !s.empty(); ++n) s.remove_prefix(promql::go::DecodeRune(s).width);
  return n;
}

std::string Pad(std::string body, const Spec& spec) {
  const int fill = spec.width - RuneCount(body);
  if (fill <= 0) return body;
  if (spec.minus) return body + std::string(fill, ' ');
  return std::string(fill, spec.zero ? '0' : ' ') + body;
}

// Zero padding goes after the sign, as fmt does for numbers.
std::string PadNumber(std::string body, const Spec& spec) {
  const int fill = spec.width - static_cast<int>(body.size());
  if (!spec.zero || spec.minus || fill <= 0) return Pad(std::move(body), spec);
  const size_t sign = !body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ');
  if (body.find_first_of("IN") != std::string::npos) {  // Inf and NaN are never zero-padded
    Spec spaces = spec;
    spaces.zero = false;
    return Pad(std::move(body), spaces);
  }
  return body.substr(0, sign) + std::string(fill, '0') + body.substr(sign);
}

std::string SignFor(bool negative, const Spec& spec) {
  if (negative) return "-";
  if (spec.plus) return "+";
  return spec.space ? " " : "";
}

std::string FormatFloatVerb(double v, const Spec& spec) {
  char verb = spec.verb == 'v' ? 'g' : static_cast<char>(std::tolower(spec.verb));
  // %e and %f default to 6 digits; %g and %v to the shortest.
  const int precision = spec.precision < 0 && verb != 'g' ? 6 : spec.precision;
  std::string body = FormatFloat(v, verb, precision);
  if (spec.verb == 'E' || spec.verb == 'G') {
    for (char& c : body) c = c == 'e' ? 'E' : c;
  }
  if (std::isnan(v)) {
    body = spec.plus ? "+NaN" : spec.space ? " NaN" : "NaN";
  } else if (body[0] != '-' && body[0] != '+') {
    body = SignFor(false, spec) + body;
  } else if (body[0] == '+' && !spec.plus) {
    if (!std::isinf(v)) body = body.substr(1);
  }
  return PadNumber(std::move(body), spec);
}

std::string FormatIntVerb(int64_t v, const Spec& spec) {
  const bool negative = v < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  int base = 10;
  const char* digits = "0123456789abcdef";
  switch (spec.verb) {
    case 'x': base = 16; break;
    case 'X': base = 16, digits = "0123456789ABCDEF"; break;
    case 'o': base = 8; break;
    case 'b': base = 2; break;
  }
  std::string body;
  for (uint64_t m = magnitude; m > 0 || body.empty(); m /= base) body.insert(body.begin(), digits[m % base]);
  if (spec.precision >= 0) {
    if (spec.precision == 0 && magnitude == 0) body.clear();
    while (static_cast<int>(body.size()) < spec.precision) body.insert(body.begin(), '0');
  }
  if (spec.sharp && base == 16) body = (spec.verb == 'X' ? "0X" : "0x") + body;
  if (spec.sharp && base == 8 && body[0] != '0') body = "0" + body;
  return PadNumber(SignFor(negative, spec) + body, spec);
}

std::string Hex(std::string_view s, const Spec& spec) {
  const char* digits = spec.verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    if (spec.space && !out.empty()) out += ' ';
    out += digits[c >> 4], out += digits[c & 15];
  }
  return out;
}

// %x of a float: C's %a with Go's two-digit exponent (0x1.cp+01).
std::string HexFloat(double v, const Spec& spec) {
  if (!std::isfinite(v)) return FormatFloat(v, 'g', -1);
  char buf[64];
  if (spec.precision >= 0) {
    std::snprintf(buf, sizeof buf, spec.verb == 'X' ? "%.*A" : "%.*a", spec.precision, v);
  } else {
    std::snprintf(buf, sizeof buf, spec.verb == 'X' ? "%A" : "%a", v);
  }
  std::string out = buf;
  const size_t p = out.find_first_of("pP");
  if (out.size() - p == 3) out.insert(p + 2, "0");
  return out;
}

std::string FormatValue(const Value& v, const Spec& spec, int depth);

std::string BadVerb(const Value& v, char verb) {
  if (v.kind == Kind::kInvalid || v.kind == Kind::kNil) return std::string("%!") + verb + "(<nil>)";
  return std::string("%!") + verb + "(" + GoTypeName(v.kind) + "=" + FormatValue(v, Spec{}, 0) + ")";
}

std::string JoinMap(const Spec& spec, int depth, const std::vector<std::pair<std::string, Value>>& entries) {
  std::string out = "map[";
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) out += ' ';
    out += FormatValue(Value::String(entries[i].first), spec, depth + 1) + ":" +
           FormatValue(entries[i].second, spec, depth + 1);
  }
  return out + "]";
}

std::string FormatSample(const QuerySample& s, const Spec& spec, int depth) {
  std::vector<std::pair<std::string, Value>> labels;
  for (const auto& [k, v] : s.labels) labels.emplace_back(k, Value::String(v));
  return "{" + JoinMap(spec, depth + 1, labels) + " " + FormatValue(Value::Float(s.value), spec, depth + 1) + "}";
}

// fmt's printValue: `depth` > 0 inside a container, where pointers print
// as addresses (Go's are not reproducible; a fixed one stands in).
std::string FormatValue(const Value& v, const Spec& spec, int depth) {
  const char verb = spec.verb;
  if (verb == 'T') return Pad(v.kind == Kind::kInvalid || v.kind == Kind::kNil ? "<nil>" : GoTypeName(v.kind), spec);
  switch (v.kind) {
    case Kind::kInvalid:
    case Kind::kNil:
      return verb == 'v' ? Pad("<nil>", spec) : BadVerb(v, verb);
    case Kind::kBool:
      return verb == 'v' || verb == 't' ? Pad(v.b ? "true" : "false", spec) : BadVerb(v, verb);
    case Kind::kInt:
      switch (verb) {
        case 'v': case 'd': case 'x': case 'X': case 'o': case 'b':
          return FormatIntVerb(v.i, WithVerb(spec, verb == 'v' ? 'd' : verb));
        case 'c': return Pad(promql::go::EncodeRune(static_cast<char32_t>(v.i)), spec);
        case 'q': return Pad(promql::go::QuoteRune(static_cast<char32_t>(v.i)), spec);
        case 'U': {
          char buf[24];
          std::snprintf(buf, sizeof buf, "U+%04llX", static_cast<unsigned long long>(v.i));
          return Pad(buf, spec);
        }
      }
      return BadVerb(v, verb);
    case Kind::kFloat:
      switch (verb) {
        case 'v': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
          return FormatFloatVerb(v.f, WithVerb(spec, verb == 'F' ? 'f' : verb));
        case 'x': case 'X':
          return PadNumber(SignFor(false, spec) + HexFloat(v.f, spec), spec);
      }
      return BadVerb(v, verb);
    case Kind::kString:
    case Kind::kHTML:
    case Kind::kTime: {
      const std::string s = v.kind == Kind::kTime ? FormatTime(v.time) : v.s;
      switch (verb) {
        case 'v': case 's':
          return Pad(spec.precision >= 0 ? s.substr(0, spec.precision) : s, spec);
        case 'q': return Pad(promql::go::Quote(s), spec);
        case 'x': case 'X': return Pad(Hex(s, spec), spec);
      }
      return BadVerb(v, verb);
    }
    case Kind::kStringMap: {
      std::vector<std::pair<std::string, Value>> entries;
      for (const auto& [k, s] : *v.string_map) entries.emplace_back(k, Value::String(s));
      return JoinMap(spec, depth, entries);
    }
    case Kind::kAnyMap:
      return JoinMap(spec, depth, {v.any_map->begin(), v.any_map->end()});
    case Kind::kSample:
      if (!v.sample) return depth == 0 ? "<nil>" : "0x0";
      return depth == 0 ? "&" + FormatSample(*v.sample, spec, depth) : "0xc000000000";
    case Kind::kQueryResult: {
      std::string out = "[";
      for (size_t i = 0; i < v.query_result->size(); ++i) out += i > 0 ? " 0xc000000000" : "0xc000000000";
      return out + "]";
    }
    case Kind::kRoot:
      return "{" + FormatValue(v.root->labels, spec, depth + 1) + " " + FormatValue(v.root->external_labels, spec, depth + 1) +
             " " + FormatValue(v.root->external_url, spec, depth + 1) + " " + FormatValue(v.root->value, spec, depth + 1) + "}";
  }
  return "";
}

bool IsStringKind(const Value& v) { return v.kind == Kind::kString || v.kind == Kind::kHTML; }

}  // namespace

std::string FormatFloat(double v, char verb, int precision) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  const bool shortest = precision < 0;
  switch (verb) {
    case 'e': {
      const Decimal d = shortest ? Shortest(v) : Rounded(v, precision + 1);
      return LayoutE(d, shortest ? std::max<int>(d.digits.size(), 1) - 1 : precision);
    }
    case 'f':
      return shortest ? promql::go::FormatFloat(v) : promql::go::FormatFixed(v, precision);
    default: {
      if (shortest) {
        const Decimal d = Shortest(v);
        return LayoutG(d, static_cast<int>(d.digits.size()), true);
      }
      if (precision == 0) precision = 1;
      return LayoutG(Rounded(v, precision), precision, false);
    }
  }
}

std::string Sprint(const Value& v) { return FormatValue(v, Spec{}, 0); }

std::string Sprint(const std::vector<Value>& args) {
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i > 0 && !IsStringKind(args[i]) && !IsStringKind(args[i - 1])) out += ' ';
    out += Sprint(args[i]);
  }
  return out;
}

std::string Sprintln(const std::vector<Value>& args) {
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) out += (i > 0 ? " " : "") + Sprint(args[i]);
  return out + "\n";
}

std::string Sprintf(std::string_view format, const std::vector<Value>& args) {
  std::string out;
  size_t next_arg = 0;
  for (size_t i = 0; i < format.size();) {
    if (format[i] != '%') {
      out += format[i++];
      continue;
    }
    ++i;
    Spec spec;
    for (; i < format.size(); ++i) {
      const char c = format[i];
      if (c == '-') spec.minus = true, spec.zero = false;
      else if (c == '+') spec.plus = true;
      else if (c == '#') spec.sharp = true;
      else if (c == ' ') spec.space = true;
      else if (c == '0') spec.zero = !spec.minus;
      else break;
    }
    auto read_number = [&](int& into) {
      if (i >= format.size() || !std::isdigit(static_cast<unsigned char>(format[i]))) return;
      into = 0;
      while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) into = into * 10 + (format[i++] - '0');
    };
    read_number(spec.width);
    if (i < format.size() && format[i] == '.') {
      ++i;
      spec.precision = 0;
      read_number(spec.precision);
    }
    if (i >= format.size()) {
      out += "%!(NOVERB)";
      break;
    }
    const promql::go::DecodedRune verb = promql::go::DecodeRune(format.substr(i));
    i += verb.width;
    if (verb.rune == '%') {
      out += '%';
      continue;
    }
    const std::string verb_text = promql::go::EncodeRune(verb.rune);
    if (next_arg >= args.size()) {
      out += "%!" + verb_text + "(MISSING)";
      continue;
    }
    const Value& arg = args[next_arg++];
    if (verb.rune > 0x7F) {
      out += "%!" + verb_text + "(" + GoTypeName(arg.kind) + "=" + Sprint(arg) + ")";
      continue;
    }
    spec.verb = static_cast<char>(verb.rune);
    if (spec.verb == 'v' && spec.plus) spec.plus = false;  // %+v is plusV, no sign
    out += FormatValue(arg, spec, 0);
  }
  if (next_arg < args.size()) {
    out += "%!(EXTRA ";
    for (size_t i = next_arg; i < args.size(); ++i) {
      if (i > next_arg) out += ", ";
      out += std::string(GoTypeName(args[i].kind)) + "=" + Sprint(args[i]);
    }
    out += ")";
  }
  return out;
}

std::string FormatTime(const TimeValue& t) {
  // Civil date from days since the epoch (Howard Hinnant's algorithm).
  int64_t days = t.seconds / 86400, secs = t.seconds % 86400;
  if (secs < 0) secs += 86400, --days;
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld", static_cast<long long>(year),
                static_cast<long long>(month), static_cast<long long>(day), static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  std::string out = buf;
  if (t.nanoseconds != 0) {
    std::snprintf(buf, sizeof buf, ".%09d", t.nanoseconds);
    std::string frac = buf;
    while (frac.back() == '0') frac.pop_back();
    out += frac;
  }
  return out + " +0000 UTC";
}

}  // namespace monc::runtime::tmpl
