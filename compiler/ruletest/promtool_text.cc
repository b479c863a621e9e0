#include "compiler/ruletest/promtool_text.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "compiler/promql/ast.h"
#include "compiler/promql/go_strconv.h"

namespace monc::ruletest {
namespace {

// labels.Labels.String: {a="b", c="d"}.
std::string LabelsString(const std::vector<runtime::Label>& labels) {
  std::string out = "{";
  for (const runtime::Label& l : labels) {
    if (out.size() > 1) out += ", ";
    out += l.name + "=" + promql::go::Quote(l.value);
  }
  return out + "}";
}

// unittest.go's indentLines: `indent` before every line but the first.
std::string IndentLines(std::string_view lines, std::string_view indent) {
  std::string out;
  for (char c : lines) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

// labelsAndAnnotations.String.
std::string AlertsString(const std::vector<AlertText>& alerts) {
  if (alerts.empty()) return "[]";
  std::string out = "[";
  for (size_t i = 0; i < alerts.size(); ++i) {
    out += (i == 0 ? "\n" : ",\n") + std::to_string(i) + ":";
    out += IndentLines("\nLabels:" + LabelsString(alerts[i].labels) +
                           "\nAnnotations:" + LabelsString(alerts[i].annotations),
                       "  ");
  }
  return out + "\n]";
}

// strconv.FormatFloat(v, 'E', -1, 64): the shortest digits that read back.
std::string FormatE(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string out(buf, end);
  for (char& c : out) {
    if (c == 'e') c = 'E';
  }
  return out;
}

// parsedSamplesString.
std::string SamplesString(const std::vector<SampleText>& samples) {
  if (samples.empty()) return "nil";
  std::string out;
  for (const SampleText& s : samples) {
    if (!out.empty()) out += ", ";
    out += s.labels.ToString() + " " + FormatE(s.value);
  }
  return out;
}

}  // namespace

std::string GoDuration(int64_t ms) {
  if (ms == 0) return "0s";
  std::string sign = ms < 0 ? "-" : "";
  uint64_t u = ms < 0 ? -static_cast<uint64_t>(ms) : static_cast<uint64_t>(ms);
  if (u < 1000) return sign + std::to_string(u) + "ms";
  std::string seconds = std::to_string(u / 1000 % 60);
  if (uint64_t frac = u % 1000) {
    std::string digits = std::to_string(1000 + frac).substr(1);
    digits.erase(digits.find_last_not_of('0') + 1);
    seconds += "." + digits;
  }
  seconds += "s";
  uint64_t minutes = u / 60000;
  if (minutes == 0) return sign + seconds;
  std::string out = std::to_string(minutes % 60) + "m" + seconds;
  if (uint64_t hours = minutes / 60) out = std::to_string(hours) + "h" + out;
  return sign + out;
}

std::string AlertMismatch(std::string_view group_name, std::string_view alertname,
                          int64_t eval_time_ms, const std::vector<AlertText>& exp,
                          const std::vector<AlertText>& got) {
  std::string out;
  if (!group_name.empty()) out = "    name: " + std::string(group_name) + ",\n";
  const std::string indent = "            ";
  return out + "    alertname: " + std::string(alertname) +
         ", time: " + promql::FormatDuration(eval_time_ms) + ", \n        exp:" +
         IndentLines(AlertsString(exp), indent) + ", \n        got:" +
         IndentLines(AlertsString(got), indent);
}

std::string SamplesMismatch(std::string_view expr, int64_t eval_time_ms,
                            const std::vector<SampleText>& exp,
                            const std::vector<SampleText>& got) {
  return "    expr: " + promql::go::Quote(expr) + ", time: " +
         promql::FormatDuration(eval_time_ms) + ",\n        exp: " + SamplesString(exp) +
         "\n        got: " + SamplesString(got);
}

std::string ExprError(std::string_view expr, int64_t eval_time_ms, std::string_view error) {
  return "    expr: " + promql::go::Quote(expr) + ", time: " +
         promql::FormatDuration(eval_time_ms) + ", err: " + std::string(error);
}

std::string RuleError(std::string_view rule, int64_t t_ms, std::string_view error) {
  return "    rule: " + std::string(rule) + ", time: " + GoDuration(t_ms) +
         ", err: " + std::string(error);
}

}  // namespace monc::ruletest
