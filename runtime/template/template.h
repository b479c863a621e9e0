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
#ifndef MONC_RUNTIME_TEMPLATE_TEMPLATE_H_
#define MONC_RUNTIME_TEMPLATE_TEMPLATE_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "runtime/model/labels.h"
#include "runtime/model/value.h"

namespace monc::runtime {

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

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_TEMPLATE_TEMPLATE_H_
