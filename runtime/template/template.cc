#include "runtime/template/template.h"

#include "runtime/template/template_exec.h"
#include "runtime/template/template_funcs.h"
#include "runtime/template/template_parse.h"
#include "runtime/template/template_value.h"

namespace monc::runtime {
namespace {

// What rules/alerting.go puts before every label and annotation template.
// It has no newline, so a template's line numbers stay its own; columns on
// its first line count these bytes too, as in Prometheus.
constexpr std::string_view kDefinitions =
    "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}"
    "{{$externalURL := .ExternalURL}}{{$value := .Value}}";

std::shared_ptr<const tmpl::StringMap> ToMap(const Labels* labels) {
  auto map = std::make_shared<tmpl::StringMap>();
  if (labels) {
    for (const Label& l : *labels) (*map)[l.name] = l.value;
  }
  return map;
}

}  // namespace

std::string ExpandAlertTemplate(std::string_view name, std::string_view text, const TemplateData& data) {
  const std::string tmpl_name = "__alert_" + std::string(name);
  const std::string full = std::string(kDefinitions) + std::string(text);
  const tmpl::ParseResult parsed =
      tmpl::Parse(tmpl_name, full, [](std::string_view f) { return tmpl::FindFunc(f) != nullptr; });
  if (!parsed.root) {
    return "<error expanding template: error parsing template " + tmpl_name + ": " + parsed.error + ">";
  }
  tmpl::RootData root{tmpl::Value::Map(ToMap(data.labels)),
                      tmpl::Value::Map(std::make_shared<tmpl::StringMap>(data.external_labels.begin(),
                                                                         data.external_labels.end())),
                      tmpl::Value::String(data.external_url), tmpl::Value::Float(data.value)};
  tmpl::Value dot;
  dot.kind = tmpl::Kind::kRoot;
  dot.root = &root;
  tmpl::ExecResult result = tmpl::Execute(tmpl_name, full, *parsed.root, dot, data);
  if (!result.error.empty()) {
    return "<error expanding template: error executing template " + tmpl_name + ": " + result.error + ">";
  }
  return std::move(result.output);
}

}  // namespace monc::runtime
