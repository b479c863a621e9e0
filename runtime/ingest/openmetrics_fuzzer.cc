// libFuzzer target for the OpenMetrics and Prometheus text loaders: no input
// may crash them, whether it stops at the first error or skips bad lines,
// and what they load must be what the store then holds.
//
// Built outside Bazel with clang (Bazel's toolchain here is gcc), from the
// repository root:
//
//   clang++-14 -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -I.
//     runtime/ingest/openmetrics_fuzzer.cc runtime/ingest/openmetrics.cc
//     runtime/ingest/text_parser.cc runtime/ingest/parse_float.cc
//     runtime/storage/series_store.cc runtime/storage/postings.cc
//     runtime/storage/chunk.cc runtime/model/labels.cc runtime/model/matcher.cc
//     compiler/promql/go_strconv.cc -lre2 -lxxhash -o /tmp/openmetrics_fuzzer
//   /tmp/openmetrics_fuzzer -max_total_time=300 -max_len=4096 CORPUS_DIR
//
// (each command on one line). The first input byte picks the format and
// the error mode.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "runtime/ingest/openmetrics.h"
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
  return 0;
}
