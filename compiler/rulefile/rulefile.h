// Reads Prometheus rule files (the `groups:` YAML that `promtool check rules`
// checks and Prometheus's rule manager loads) into the runtime's rule groups.
// Every problem promtool 2.42 refuses is reported with its exact place:
// unknown fields, a group without a name or repeated in the file, a rule
// with neither or both of 'record' and 'alert', alert-only fields on a
// recording rule, bad durations, label and annotation names, and every
// expression parsed and type-checked as Prometheus does, with the error at
// its column inside the YAML scalar.
//
//   SourceManager sources;
//   DiagnosticSink sink;
//   FileId f = sources.Add("rules.yml", text);
//   std::vector<runtime::RuleGroup> groups = LoadRuleFile(f, sources, sink);
//   if (sink.HasErrors()) ...
#ifndef MONC_COMPILER_RULEFILE_RULEFILE_H_
#define MONC_COMPILER_RULEFILE_RULEFILE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/sink.h"
#include "compiler/source/source_manager.h"
#include "runtime/rules/rules.h"

namespace monc {

// The groups of `file` in file order. A group or rule with a problem is left
// out after its diagnostics are reported; callers stop when the sink has
// errors, as promtool does.
std::vector<runtime::RuleGroup> LoadRuleFile(FileId file, const SourceManager& sources,
                                             DiagnosticSink& sink);

// Prometheus's parser.ParseExpr as the rule evaluator's parse hook
// (RuleOptions::parse_expr) and for promtool's expression tests: null on
// failure, with `error` as ParseErrors.Error() prints the first error
// ("1:5: parse error: unclosed left parenthesis").
std::shared_ptr<const promql::Expr> ParsePromql(std::string_view text, std::string& error);

}  // namespace monc

#endif  // MONC_COMPILER_RULEFILE_RULEFILE_H_
