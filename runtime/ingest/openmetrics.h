// Loads samples from an OpenMetrics text file into a series store, reading
// the file exactly as `promtool tsdb create-blocks-from openmetrics` does
// (Prometheus 2.42's textparse.OpenMetricsParser):
//
//   # HELP http_requests_total Requests served.
//   # TYPE http_requests_total counter
//   http_requests_total{service="api",code="200"} 1027 1700000000.5
//   http_requests_total{service="api",code="500"} NaN 1700000000
//   # EOF
//
// Timestamps are Unix seconds (a float, kept to the millisecond); every
// sample needs one. Metadata lines are checked but store nothing: a
// counter's _total and _created and a histogram's _bucket, _sum and _count
// are series of their own, as promtool writes them. NaN values become
// Prometheus's normal NaN (a file cannot write a staleness marker). `# EOF`
// must end the file. Samples are appended in file order, so each series'
// samples must come in time order: an older one is refused as out of order
// (promtool accepts disorder across its 2 h blocks; monc does not).
//
// With TextFormat::kPrometheus, the text exposition format is read instead
// (timestamps in integer milliseconds, no `# EOF`).
//
//   SeriesStore store;
//   LoadResult r = LoadOpenMetrics(file, store, {});
//   for (const LoadDiagnostic& d : r.diagnostics) std::cerr << d.ToString() << "\n";
#ifndef MONC_RUNTIME_INGEST_OPENMETRICS_H_
#define MONC_RUNTIME_INGEST_OPENMETRICS_H_

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/ingest/text_parser.h"
#include "runtime/storage/series_store.h"

namespace monc::runtime {

struct LoadOptions {
  TextFormat format = TextFormat::kOpenMetrics;
  // Stop at the first bad line (what was appended before it stays), or
  // report it, skip it and go on.
  bool stop_at_first_error = true;
  // Diagnostics kept in LoadResult beyond which only the counts grow.
  size_t max_diagnostics = 100;
  // Memory for the texts of series read before (series_cache.h), so that
  // a line repeating one is not parsed and interned again; 0 turns the
  // cache off. Results are the same either way.
  size_t series_cache_bytes = size_t{64} << 20;
};

// A problem with the input, at a 1-based line and byte column, in
// Prometheus's words ("expected label value, got \"INVALID\"").
struct LoadDiagnostic {
  size_t line = 0;
  size_t column = 0;
  std::string message;
  std::string ToString() const;  // "12:7: message"
};

struct LoadResult {
  size_t lines = 0;    // lines read
  size_t series = 0;   // distinct series given at least one sample
  size_t samples = 0;  // samples appended
  size_t rejected_syntax = 0;  // lines skipped: parse errors, no timestamp, bad label sets
  size_t rejected_out_of_order = 0;
  size_t rejected_duplicate = 0;
  size_t rejected_out_of_bounds = 0;
  size_t errors = 0;
  bool stopped = false;  // an error ended the load before the end of input
  std::vector<LoadDiagnostic> diagnostics;  // the first max_diagnostics errors

  bool ok() const { return errors == 0; }
};

LoadResult LoadOpenMetrics(std::istream& in, SeriesStore& store, const LoadOptions& options);
LoadResult LoadOpenMetrics(std::string_view text, SeriesStore& store, const LoadOptions& options);

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_INGEST_OPENMETRICS_H_
