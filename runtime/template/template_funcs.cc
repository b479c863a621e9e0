// Prometheus's template functions (template/template.go, v2.42), as rows
// of the function table.
#include "runtime/template/template_funcs.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <re2/re2.h>

#include "compiler/promql/go_duration.h"
#include "compiler/promql/go_strconv.h"
#include "runtime/template/go_format.h"
#include "runtime/template/go_unicode.h"

namespace monc::runtime::tmpl {
namespace {

using P = Param;

// strconv.ParseFloat: Go's float syntax (decimal, "inf", "nan", hex
// only with a p exponent, underscores only after a base prefix) and its
// error texts.
bool ParseFloat(const std::string& s, double& out, std::string& error) {
  const std::string prefix = "strconv.ParseFloat: parsing " + promql::go::Quote(s) + ": ";
  std::string_view body = s;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) body.remove_prefix(1);
  const bool hex = body.size() > 1 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X');
  // An underscore must sit between two digits.
  std::string digits;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool between = i > 0 && i + 1 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i - 1])) &&
                         std::isxdigit(static_cast<unsigned char>(s[i + 1]));
    if (s[i] != '_' || !between) digits += s[i];
  }
  const std::string_view allowed = hex ? "0123456789abcdefABCDEFxXpP.+-" : "0123456789eE.+-";
  std::string lower;
  for (char c : body) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool special = lower == "inf" || lower == "infinity" || lower == "nan";
  const bool ok = special || (!digits.empty() && digits.find_first_not_of(allowed) == std::string::npos &&
                              (!hex || digits.find_first_of("pP") != std::string::npos));
  char* end = nullptr;
  out = ok ? std::strtod(digits.c_str(), &end) : 0;
  if (!ok || *end != '\0') return error = prefix + "invalid syntax", false;
  if (std::isinf(out) && !special) return error = prefix + "value out of range", false;
  return true;
}

// common's ConvertToFloat: the numbers and strings humanize accepts.
bool ToFloat(const Value& v, double& out, std::string& error) {
  switch (v.kind) {
    case Kind::kFloat: out = v.f; return true;
    case Kind::kInt: out = static_cast<double>(v.i); return true;
    case Kind::kString: return ParseFloat(v.s, out, error);
    case Kind::kInvalid:
    case Kind::kNil: return error = "can't convert <nil> to float", false;
    default: return error = std::string("can't convert ") + GoTypeName(v.kind) + " to float", false;
  }
}

std::string Sprintf4g(double v, std::string_view suffix = "") {
  return FormatFloat(v, 'g', 4) + std::string(suffix);
}

// The SI prefixes humanize scales by, up and down.
std::string ScaleDown(double v, double step, const std::vector<const char*>& prefixes) {
  const char* prefix = "";
  for (const char* p : prefixes) {
    if (std::fabs(v) < step) break;
    prefix = p;
    v /= step;
  }
  return Sprintf4g(v, prefix);
}

std::string ScaleUp(double v, std::string_view unit) {
  const char* prefix = "";
  for (const char* p : {"m", "u", "n", "p", "f", "a", "z", "y"}) {
    if (std::fabs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return Sprintf4g(v, std::string(prefix) + std::string(unit));
}

bool Humanize(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  double v;
  if (!ToFloat(args[0], v, error)) return false;
  if (v == 0 || !std::isfinite(v)) {
    result = Value::String(Sprintf4g(v));
  } else if (std::fabs(v) >= 1) {
    result = Value::String(ScaleDown(v, 1000, {"k", "M", "G", "T", "P", "E", "Z", "Y"}));
  } else {
    result = Value::String(ScaleUp(v, ""));
  }
  return true;
}

bool Humanize1024(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  double v;
  if (!ToFloat(args[0], v, error)) return false;
  if (std::fabs(v) <= 1 || !std::isfinite(v)) {
    result = Value::String(Sprintf4g(v));
  } else {
    result = Value::String(ScaleDown(v, 1024, {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"}));
  }
  return true;
}

// Go's int64(v) on amd64: out of range is the minimum int64.
int64_t GoInt64(double v) {
  if (!(v > -9223372036854775808.0 && v < 9223372036854775808.0)) return INT64_MIN;
  return static_cast<int64_t>(v);
}

bool HumanizeDuration(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  double v;
  if (!ToFloat(args[0], v, error)) return false;
  if (!std::isfinite(v)) {
    result = Value::String(Sprintf4g(v));
  } else if (v == 0) {
    result = Value::String(Sprintf4g(v, "s"));
  } else if (std::fabs(v) >= 1) {
    const std::string sign = v < 0 ? "-" : "";
    v = std::fabs(v);
    const int64_t d = GoInt64(v);
    const int64_t seconds = d % 60, minutes = d / 60 % 60, hours = d / 3600 % 24, days = d / 86400;
    std::string s;
    if (days != 0) s = std::to_string(days) + "d " + std::to_string(hours) + "h " + std::to_string(minutes) + "m ";
    else if (hours != 0) s = std::to_string(hours) + "h " + std::to_string(minutes) + "m ";
    else if (minutes != 0) s = std::to_string(minutes) + "m ";
    result = Value::String(sign + (s.empty() ? Sprintf4g(v, "s") : s + std::to_string(seconds) + "s"));
  } else {
    result = Value::String(ScaleUp(v, "s"));
  }
  return true;
}

bool HumanizePercentage(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  double v;
  if (!ToFloat(args[0], v, error)) return false;
  result = Value::String(Sprintf4g(v * 100, "%"));
  return true;
}

// floatToTime: model.TimeFromUnixNano truncates to milliseconds.
bool FloatToTime(double v, TimeValue& t, std::string& error) {
  if (!std::isfinite(v)) return error = "value is NaN or Inf", false;
  const double ns = v * 1e9;
  if (ns > 9223372036854775807.0 || ns < -9223372036854775808.0) {
    return error = Sprint(Value::Float(v)) + " cannot be represented as a nanoseconds timestamp since it overflows int64",
           false;
  }
  const int64_t ms = GoInt64(ns) / 1000000;
  t.seconds = ms / 1000;
  int64_t rest = ms % 1000;
  if (rest < 0) rest += 1000, --t.seconds;
  t.nanoseconds = static_cast<int32_t>(rest * 1000000);
  return true;
}

bool HumanizeTimestamp(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  double v;
  if (!ToFloat(args[0], v, error)) return false;
  if (!std::isfinite(v)) {
    result = Value::String(Sprintf4g(v));
    return true;
  }
  TimeValue t;
  if (!FloatToTime(v, t, error)) return false;
  result = Value::String(FormatTime(t));
  return true;
}

bool ToTime(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  double v;
  if (!ToFloat(args[0], v, error)) return false;
  result.kind = Kind::kTime;
  return FloatToTime(v, result.time, error);
}

bool Query(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  if (!data.query) return error = "no query engine", false;
  Vector vector;
  if (!data.query(args[0].s, vector, error)) return false;
  result.kind = Kind::kQueryResult;
  result.query_result = std::make_shared<QueryResult::element_type>();
  for (const VectorElement& e : vector) {
    auto sample = std::make_shared<QuerySample>();
    for (const Label& l : e.labels) sample->labels[l.name] = l.value;
    sample->value = e.v;
    result.query_result->push_back(std::move(sample));
  }
  return true;
}

bool First(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  if (args[0].query_result->empty()) return error = "first() called on vector with no elements", false;
  result.kind = Kind::kSample;
  result.sample = args[0].query_result->front();
  return true;
}

constexpr const char* kNilDereference = "runtime error: invalid memory address or nil pointer dereference";

std::string LabelOf(const QuerySample& s, const std::string& name) {
  auto it = s.labels.find(name);
  return it == s.labels.end() ? "" : it->second;
}

bool LabelFunc(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  if (!args[1].sample) return error = kNilDereference, false;
  result = Value::String(LabelOf(*args[1].sample, args[0].s));
  return true;
}

bool ValueFunc(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  if (!args[0].sample) return error = kNilDereference, false;
  result = Value::Float(args[0].sample->value);
  return true;
}

bool StrValue(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  if (!args[0].sample) return error = kNilDereference, false;
  result = Value::String(LabelOf(*args[0].sample, "__value__"));
  return true;
}

bool SortByLabel(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  auto& samples = *args[1].query_result;
  const std::string& label = args[0].s;
  std::stable_sort(samples.begin(), samples.end(),
                   [&](const auto& a, const auto& b) { return LabelOf(*a, label) < LabelOf(*b, label); });
  result = args[1];
  return true;
}

bool Args(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  auto map = std::make_shared<AnyMap>();
  for (size_t i = 0; i < args.size(); ++i) (*map)["arg" + std::to_string(i)] = args[i];
  result.kind = Kind::kAnyMap;
  result.any_map = std::move(map);
  return true;
}

// Go's regexp/syntax error texts for RE2's codes.
std::string RegexpError(const RE2& re) {
  const char* what = "invalid or unsupported Perl syntax";
  switch (re.error_code()) {
    case RE2::ErrorBadEscape: what = "invalid escape sequence"; break;
    case RE2::ErrorBadCharClass: what = "invalid character class"; break;
    case RE2::ErrorBadCharRange: what = "invalid character class range"; break;
    case RE2::ErrorMissingBracket: what = "missing closing ]"; break;
    case RE2::ErrorMissingParen: what = "missing closing )"; break;
    case RE2::ErrorUnexpectedParen: what = "unexpected )"; break;
    case RE2::ErrorTrailingBackslash: what = "trailing backslash at end of expression"; break;
    case RE2::ErrorRepeatArgument: what = "missing argument to repetition operator"; break;
    case RE2::ErrorRepeatSize: what = "invalid repeat count"; break;
    case RE2::ErrorRepeatOp: what = "invalid nested repetition operator"; break;
    case RE2::ErrorBadNamedCapture: what = "invalid named capture"; break;
    case RE2::ErrorBadUTF8: what = "invalid UTF-8"; break;
    default: break;
  }
  return std::string("error parsing regexp: ") + what + ": `" + re.error_arg() + "`";
}

std::unique_ptr<RE2> Compile(const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  return std::make_unique<RE2>(pattern, options);
}

bool Match(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  auto re = Compile(args[0].s);
  if (!re->ok()) return error = RegexpError(*re), false;
  result = Value::Bool(RE2::PartialMatch(args[1].s, *re));
  return true;
}

// regexp's Expand: $1, ${1}, $name, ${name}, $$; a $ that starts no name
// stays as it is; an unknown name is empty.
void ExpandReplacement(const RE2& re, std::string_view repl, const std::vector<re2::StringPiece>& groups,
                       std::string& out) {
  const auto& names = re.NamedCapturingGroups();
  for (size_t i = 0; i < repl.size(); ++i) {
    if (repl[i] != '$' || i + 1 >= repl.size()) {
      out += repl[i];
      continue;
    }
    if (repl[i + 1] == '$') {
      out += '$';
      ++i;
      continue;
    }
    std::string_view name;
    size_t next = i + 1;
    const bool brace = repl[next] == '{';
    if (brace) ++next;
    size_t end = next;
    while (end < repl.size() && (std::isalnum(static_cast<unsigned char>(repl[end])) || repl[end] == '_')) ++end;
    name = repl.substr(next, end - next);
    if (name.empty() || (brace && (end >= repl.size() || repl[end] != '}'))) {
      out += '$';
      continue;
    }
    i = brace ? end : end - 1;
    int group = -1;
    if (std::all_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      group = name.size() < 9 ? std::atoi(std::string(name).c_str()) : -1;
    } else if (auto it = names.find(std::string(name)); it != names.end()) {
      group = it->second;
    }
    if (group >= 0 && group < static_cast<int>(groups.size()) && groups[group].data()) {
      out.append(groups[group].data(), groups[group].size());
    }
  }
}

bool ReReplaceAll(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  auto re = Compile(args[0].s);
  if (!re->ok()) return error = "regexp: Compile(`" + args[0].s + "`): " + RegexpError(*re), false;
  const std::string_view src = args[2].s;
  std::vector<re2::StringPiece> groups(re->NumberOfCapturingGroups() + 1);
  std::string out;
  size_t last_end = 0, search = 0;
  while (search <= src.size() &&
         re->Match(src, search, src.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()))) {
    const size_t begin = groups[0].data() - src.data(), end = begin + groups[0].size();
    out.append(src.substr(last_end, begin - last_end));
    // No replacement for an empty match right after a match, as Go.
    if (end > last_end || begin == 0) ExpandReplacement(*re, args[1].s, groups, out);
    last_end = end;
    const size_t width = std::max<size_t>(promql::go::DecodeRune(src.substr(search)).width, 1);
    search = search + width > end ? search + width : end;
  }
  if (last_end < src.size()) out.append(src.substr(last_end));
  result = Value::String(out);
  return true;
}

bool SafeHtml(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  result = Value::String(args[0].s, Kind::kHTML);
  return true;
}

// strings.Title: a letter after a separator (space, ASCII punctuation)
// becomes title case; the rest stays.
bool Title(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  std::string out;
  std::string_view s = args[0].s;
  char32_t prev = ' ';
  while (!s.empty()) {
    const promql::go::DecodedRune d = promql::go::DecodeRune(s);
    bool separator;
    if (prev < 0x80) {
      separator = !(std::isalnum(static_cast<int>(prev)) || prev == '_');
    } else {
      separator = !IsLetterOrDigit(prev) && IsUnicodeSpace(prev);
    }
    out += separator ? promql::go::EncodeRune(ToCase(Case::kTitle, d.rune)) : std::string(s.substr(0, d.width));
    prev = d.rune;
    s.remove_prefix(d.width);
  }
  result = Value::String(out);
  return true;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool ToUpper(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  std::string s = args[0].s;
  if (IsAscii(s)) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  } else {
    s = MapCase(Case::kUpper, s);
  }
  result = Value::String(s);
  return true;
}

bool ToLower(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  std::string s = args[0].s;
  if (IsAscii(s)) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  } else {
    s = MapCase(Case::kLower, s);
  }
  result = Value::String(s);
  return true;
}

// strutil.GraphLinkForExpression and TableLinkForExpression.
bool GraphLink(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  result = Value::String("/graph?g0.expr=" + QueryEscape(args[0].s) + "&g0.tab=0");
  return true;
}

bool TableLink(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  result = Value::String("/graph?g0.expr=" + QueryEscape(args[0].s) + "&g0.tab=1");
  return true;
}

// net.SplitHostPort: false where Go returns an error.
bool SplitHostPort(std::string_view hostport, std::string& host, std::string& port) {
  const size_t colon = hostport.rfind(':');
  if (colon == std::string_view::npos) return false;
  size_t j = 0, k = 0;
  if (hostport[0] == '[') {
    const size_t end = hostport.find(']');
    if (end == std::string_view::npos || end + 1 != colon) return false;
    host = std::string(hostport.substr(1, end - 1));
    j = 1, k = end + 1;
  } else {
    host = std::string(hostport.substr(0, colon));
    if (host.find(':') != std::string::npos) return false;
  }
  if (hostport.substr(j).find('[') != std::string_view::npos) return false;
  if (hostport.substr(k).find(']') != std::string_view::npos) return false;
  port = std::string(hostport.substr(colon + 1));
  return true;
}

bool IsIP(const std::string& host) {
  unsigned char buf[16];
  return inet_pton(AF_INET, host.c_str(), buf) == 1 || inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

bool StripPort(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  std::string host, port;
  result = Value::String(SplitHostPort(args[0].s, host, port) ? host : args[0].s);
  return true;
}

bool StripDomain(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  std::string host, port;
  if (!SplitHostPort(args[0].s, host, port)) host = args[0].s, port.clear();
  if (IsIP(host)) {
    result = Value::String(args[0].s);
    return true;
  }
  host = host.substr(0, host.find('.'));
  if (port.empty()) {
    result = Value::String(host);
  } else {
    result = Value::String(host.find(':') != std::string::npos ? "[" + host + "]:" + port : host + ":" + port);
  }
  return true;
}

bool ParseDuration(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  std::optional<int64_t> ms = promql::go::ParseDuration(args[0].s, &error);
  if (!ms) return false;
  result = Value::Float(static_cast<double>(*ms) / 1000);
  return true;
}

bool ExternalURL(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  result = Value::String(data.external_url);
  return true;
}

// The external URL's path (url.URL.Path).
bool PathPrefix(const TemplateData& data, std::vector<Value>& args, Value& result, std::string& error) {
  std::string_view url = data.external_url;
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const size_t slash = url.find('/');
  url = slash == std::string_view::npos ? "" : url.substr(slash);
  url = url.substr(0, url.find_first_of("?#"));
  result = Value::String(std::string(url));
  return true;
}

}  // namespace

const char* ParamTypeName(Param p) {
  switch (p) {
    case Param::kAny: return "interface {}";
    case Param::kValue: return "reflect.Value";
    case Param::kString: return "string";
    case Param::kSample: return "*template.sample";
    case Param::kQueryResult: return "template.queryResult";
  }
  return "";
}

const std::vector<Func>& PrometheusFuncs() {
  static const std::vector<Func> kFuncs = {
      {"query", {P::kString}, false, Query},
      {"first", {P::kQueryResult}, false, First},
      {"label", {P::kString, P::kSample}, false, LabelFunc},
      {"value", {P::kSample}, false, ValueFunc},
      {"strvalue", {P::kSample}, false, StrValue},
      {"args", {P::kAny}, true, Args},
      {"reReplaceAll", {P::kString, P::kString, P::kString}, false, ReReplaceAll},
      {"safeHtml", {P::kString}, false, SafeHtml},
      {"match", {P::kString, P::kString}, false, Match},
      {"title", {P::kString}, false, Title},
      {"toUpper", {P::kString}, false, ToUpper},
      {"toLower", {P::kString}, false, ToLower},
      {"graphLink", {P::kString}, false, GraphLink},
      {"tableLink", {P::kString}, false, TableLink},
      {"sortByLabel", {P::kString, P::kQueryResult}, false, SortByLabel},
      {"stripPort", {P::kString}, false, StripPort},
      {"stripDomain", {P::kString}, false, StripDomain},
      {"humanize", {P::kAny}, false, Humanize},
      {"humanize1024", {P::kAny}, false, Humanize1024},
      {"humanizeDuration", {P::kAny}, false, HumanizeDuration},
      {"humanizePercentage", {P::kAny}, false, HumanizePercentage},
      {"humanizeTimestamp", {P::kAny}, false, HumanizeTimestamp},
      {"toTime", {P::kAny}, false, ToTime},
      {"pathPrefix", {}, false, PathPrefix},
      {"externalURL", {}, false, ExternalURL},
      {"parseDuration", {P::kString}, false, ParseDuration},
  };
  return kFuncs;
}

const Func* FindFunc(std::string_view name) {
  for (const auto* table : {&PrometheusFuncs(), &BuiltinFuncs()}) {
    for (const Func& f : *table) {
      if (f.name == name) return &f;
    }
  }
  return nullptr;
}

}  // namespace monc::runtime::tmpl
