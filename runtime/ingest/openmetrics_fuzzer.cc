// libFuzzer target for the OpenMetrics and Prometheus text loaders: no input
// may crash them, whether it stops at the first error or skips bad lines,
// what they load must be what the store then holds, and the series cache
// (on, off, or too small to hold much) must change nothing.
//
// Built outside Bazel with clang (Bazel's toolchain here is gcc), from the
// repository root:
//
//   clang++-14 -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -I.
//     runtime/ingest/openmetrics_fuzzer.cc runtime/ingest/openmetrics.cc
//     runtime/ingest/text_parser.cc runtime/ingest/parse_float.cc
//     runtime/ingest/series_cache.cc
//     runtime/storage/series_store.cc runtime/storage/postings.cc
//     runtime/storage/chunk.cc runtime/model/labels.cc runtime/model/label_hash.cc
//     runtime/model/matcher.cc
//     compiler/promql/go_strconv.cc -lre2 -lxxhash -o /tmp/openmetrics_fuzzer
//   /tmp/openmetrics_fuzzer -max_total_time=300 -max_len=4096 CORPUS_DIR
//
// (each command on one line). The first input byte picks the format and
// the error mode.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <tuple>

#include "runtime/ingest/openmetrics.h"
#include "runtime/ingest/store_contents_for_test.h"
#include "runtime/storage/series_store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  monc::runtime::LoadOptions options;
  options.format = (data[0] & 1) ? monc::runtime::TextFormat::kPrometheus
                                 : monc::runtime::TextFormat::kOpenMetrics;
  options.stop_at_first_error = (data[0] & 2) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  monc::runtime::SeriesStore store;
  const monc::runtime::LoadResult r = monc::runtime::LoadOpenMetrics(text, store, options);
  const monc::runtime::StoreStats stats = store.Stats();
  if (stats.series != r.series || stats.samples > r.samples) std::abort();
  for (size_t cache_bytes : {size_t{0}, size_t{160}}) {
    options.series_cache_bytes = cache_bytes;
    monc::runtime::SeriesStore other;
    const monc::runtime::LoadResult o = monc::runtime::LoadOpenMetrics(text, other, options);
    const auto counts = [](const monc::runtime::LoadResult& x) {
      return std::make_tuple(x.lines, x.series, x.samples, x.rejected_syntax,
                             x.rejected_out_of_order, x.rejected_duplicate, x.errors, x.stopped,
                             x.diagnostics.size());
    };
    if (counts(o) != counts(r)) std::abort();
    for (size_t i = 0; i < r.diagnostics.size(); ++i) {
      if (o.diagnostics[i].ToString() != r.diagnostics[i].ToString()) std::abort();
    }
    if (monc::runtime::ContentsOf(other) != monc::runtime::ContentsOf(store)) std::abort();
  }
  return 0;
}
