// logql/unknown-label: a label filter, an unwrap or a `by` grouping of a
// LogQL expression that names a label neither the streams nor a stage of
// the query can produce. Judged only where the query's stream selector
// picks out services that declare their log format (model::LogFormat: the
// streams' labels, and the fields `| json` or `| logfmt` extracts); a query
// over undeclared streams, or through a stage whose labels cannot be known
// (unpack, a parser over a format without declared fields), is not judged.
#ifndef MONC_COMPILER_ANALYSIS_LOGQL_LABELS_H_
#define MONC_COMPILER_ANALYSIS_LOGQL_LABELS_H_

#include <string_view>

#include "compiler/analysis/promql_checks.h"
#include "compiler/logql/ast.h"
#include "compiler/model/model.h"

namespace monc {

// `expr` parsed from `text` without errors; reports at offsets into `text`.
void CheckLogqlLabels(const logql::Expr& expr, std::string_view text, const model::System& system,
                      ExprReporter& reporter);

}  // namespace monc

#endif  // MONC_COMPILER_ANALYSIS_LOGQL_LABELS_H_
