// Prometheus's alert templates: Go's text/template language with the
// functions Prometheus adds (humanize, humanizeDuration, humanizePercentage,
// query, first, label, value, reReplaceAll, title, ...), as alerting rules'
// labels and annotations use them. Written for the runtime (no Go): the
// subset of text/template that templates in rule files use, parsed once and
// executed per alert.
//
//   TemplateData data{&alert_labels, 0.0512};
//   std::string s = ExpandAlertTemplate("summary", "{{ $value | humanizePercentage }}", data);
//   // "5.12%"
//
// A rule evaluator expands the same texts at every evaluation: it keeps an
// AlertTemplate per label and annotation, parsed once.
#ifndef MONC_RUNTIME_TEMPLATE_TEMPLATE_H_
#define MONC_RUNTIME_TEMPLATE_TEMPLATE_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/model/labels.h"
#include "runtime/model/value.h"

namespace monc::runtime {
namespace tmpl {
struct Node;
}  // namespace tmpl

// What the template's query function calls: evaluates `expr` at the alert's
// evaluation time. False with `error` set on failure.
using TemplateQuery = std::function<bool(std::string_view expr, Vector& out, std::string& error)>;

struct TemplateData {
  const Labels* labels = nullptr;  // $labels (.Labels)
  double value = 0;                // $value (.Value)
  std::map<std::string, std::string> external_labels;  // $externalLabels
  std::string external_url;                            // $externalURL
  int64_t time_ms = 0;   // the evaluation time (for query)
  TemplateQuery query;   // unset: the query function fails
};

// Expands `text` as Prometheus's rules do for a label or annotation of the
// alerting rule `name` (Prometheus names the template "__alert_" + the
// alert's name, and errors quote that): with $labels, $value,
// $externalLabels and $externalURL defined. A template that fails to parse or execute expands, as in
// Prometheus, to "<error expanding template: ...>" with Go's message.
std::string ExpandAlertTemplate(std::string_view name, std::string_view text,
                                const TemplateData& data);

// One label or annotation template of the alerting rule `name`, parsed
// once. Expand(data) == ExpandAlertTemplate(name, text, data).
class AlertTemplate {
 public:
  AlertTemplate(std::string_view name, std::string_view text);
  std::string Expand(const TemplateData& data) const;
  // Go's parse error ("template: __alert_X:1: function \"foo\" not
  // defined"), or "" when the text parsed.
  const std::string& parse_error() const { return parse_error_; }

 private:
  std::string name_;  // "__alert_" + the alert's name
  std::string text_;  // with Prometheus's variable definitions in front
  std::shared_ptr<const tmpl::Node> root_;  // null when it failed to parse
  std::string parse_error_;
};

// What `promtool check rules` reports for a template of the alerting rule
// `name` that does not parse (Go's text, as AlertTemplate::parse_error);
// nullopt when it parses.
std::optional<std::string> TemplateParseError(std::string_view name, std::string_view text);

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_TEMPLATE_TEMPLATE_H_
