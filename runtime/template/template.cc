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

AlertTemplate::AlertTemplate(std::string_view name, std::string_view text)
    : name_("__alert_" + std::string(name)), text_(std::string(kDefinitions) + std::string(text)) {
  tmpl::ParseResult parsed =
      tmpl::Parse(name_, text_, [](std::string_view f) { return tmpl::FindFunc(f) != nullptr; });
  root_ = std::move(parsed.root);
  parse_error_ = std::move(parsed.error);
}

std::string AlertTemplate::Expand(const TemplateData& data) const {
  if (!root_) {
    return "<error expanding template: error parsing template " + name_ + ": " + parse_error_ + ">";
  }
  tmpl::RootData root{tmpl::Value::Map(ToMap(data.labels)),
                      tmpl::Value::Map(std::make_shared<tmpl::StringMap>(data.external_labels.begin(),
                                                                         data.external_labels.end())),
                      tmpl::Value::String(data.external_url), tmpl::Value::Float(data.value)};
  tmpl::Value dot;
  dot.kind = tmpl::Kind::kRoot;
  dot.root = &root;
  tmpl::ExecResult result = tmpl::Execute(name_, text_, *root_, dot, data);
  if (!result.error.empty()) {
    return "<error expanding template: error executing template " + name_ + ": " + result.error +
           ">";
  }
  return std::move(result.output);
}

std::string ExpandAlertTemplate(std::string_view name, std::string_view text,
                                const TemplateData& data) {
  return AlertTemplate(name, text).Expand(data);
}

std::optional<std::string> TemplateParseError(std::string_view name, std::string_view text) {
  AlertTemplate parsed(name, text);
  if (parsed.parse_error().empty()) return std::nullopt;
  return parsed.parse_error();
}

}  // namespace monc::runtime
