// Whether an expression's result behaves as a counter (it only grows, and
// drops to zero on a restart) or as a gauge: the type of the metric a
// recording rule writes, and what rate() and comparisons may read.
//
//   counter  a counter series (x_total, x_bucket, x_sum, x_count), and what
//            keeps its values: parens, offset, sum/min/max/avg/topk/bottomk,
//            label_replace and the other pass-through functions, `+` of two
//            counters, `+ - * /` with a scalar, a comparison's filter,
//            and/unless
//   unknown  a series of unknown type or missing from the catalog, or built
//            only from those; numbers and strings
//   gauge    the rest: rate() and every other function, ratios, differences,
//            counts, `bool` comparisons
#ifndef MONC_COMPILER_ANALYSIS_SERIES_TYPE_H_
#define MONC_COMPILER_ANALYSIS_SERIES_TYPE_H_

#include "compiler/analysis/catalog.h"
#include "compiler/model/model.h"
#include "compiler/promql/ast.h"

namespace monc {

// Counter, Gauge or Unknown.
model::MetricType ResultTypeOf(const promql::Expr& expr, const Catalog& catalog);

}  // namespace monc

#endif  // MONC_COMPILER_ANALYSIS_SERIES_TYPE_H_
