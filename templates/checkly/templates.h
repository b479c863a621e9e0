// The Mustache templates of the Checkly backend's TypeScript files
// (templates/checkly/*.ts.mustache), compiled in. The backend fills them
// with kainjow::mustache (backends/checkly/render.h), where {{x}} writes x
// as a TypeScript string literal and {{{x}}} writes TypeScript code the
// backend built (numbers, constants). So every spec string that reaches a
// file goes through {{x}} and is escaped.
#ifndef MONC_TEMPLATES_CHECKLY_TEMPLATES_H_
#define MONC_TEMPLATES_CHECKLY_TEMPLATES_H_

#include <cstddef>
#include <string_view>

namespace monc::checkly {

struct Template {
  std::string_view name;  // the file name without .mustache: "api-check.ts"
  std::string_view text;
};

// The template `name`; throws std::out_of_range for a name that has no file
// (a bug in the backend, not in a spec).
std::string_view ChecklyTemplate(std::string_view name);

}  // namespace monc::checkly

#endif  // MONC_TEMPLATES_CHECKLY_TEMPLATES_H_
