// What a series store holds, as a value two loads can be compared by: each
// series by its labels' text, with its samples' times and value bits (so
// that NaNs and -0 compare exactly). For the tests and the fuzzer.
#ifndef MONC_RUNTIME_INGEST_STORE_CONTENTS_FOR_TEST_H_
#define MONC_RUNTIME_INGEST_STORE_CONTENTS_FOR_TEST_H_

#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "runtime/storage/series_store.h"

namespace monc::runtime {

using StoreContents = std::map<std::string, std::vector<std::pair<int64_t, uint64_t>>>;

inline StoreContents ContentsOf(const SeriesStore& store) {
  std::string error;
  const std::vector<Matcher> all = {
      *Matcher::Make(promql::MatchType::Regex, std::string(kMetricName), ".*", &error)};
  StoreContents out;
  for (SeriesRef ref : store.Select(all)) {
    std::vector<Sample> samples;
    store.Samples(ref, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(),
                  samples);
    auto& series = out[store.SeriesLabels(ref).ToString()];
    for (const Sample& sample : samples) {
      uint64_t bits;
      std::memcpy(&bits, &sample.v, sizeof bits);
      series.emplace_back(sample.t, bits);
    }
  }
  return out;
}

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_INGEST_STORE_CONTENTS_FOR_TEST_H_
