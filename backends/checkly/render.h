// Fills the Checkly templates (templates/checkly/) and spells values as
// TypeScript. In a template, {{x}} writes x as a TypeScript string literal
// (escaped as JSON.stringify would: a JSON string is a valid TS string), so
// a spec string can never end the literal it sits in; {{{x}}} writes x as
// is, for TypeScript code the backend built itself (numbers, constants).
//
//   Data data;
//   data.set("name", check.name);                  // {{name}} -> "API health"
//   data.set("max_ms", std::to_string(500));       // {{{max_ms}}} -> 500
//   std::string ts = Render("api-check.ts", data);
#ifndef MONC_BACKENDS_CHECKLY_RENDER_H_
#define MONC_BACKENDS_CHECKLY_RENDER_H_

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace monc::checkly {

using Data = kainjow::mustache::data;

// `s` as a TypeScript string literal: "a \"b\"\n".
std::string TsString(std::string_view s);

// A JSON scalar (string, number, boolean) as a TypeScript literal.
std::string TsLiteral(const nlohmann::json& value);

// `s` made safe inside a // comment: line breaks and other control
// characters become spaces.
std::string TsComment(std::string_view s);

// A list for `{{#list}}{{item}}{{^last}}, {{/last}}{{/list}}`: one object
// per string with the string under "item" and "last" set on the final one.
Data SeparatedList(const std::vector<std::string>& items);

// Renders templates/checkly/<name>.mustache. Partials ({{> alerting}}) are
// the templates of that name.
std::string Render(std::string_view name, Data data);

}  // namespace monc::checkly

#endif  // MONC_BACKENDS_CHECKLY_RENDER_H_
