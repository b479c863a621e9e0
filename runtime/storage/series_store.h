// The in-memory series store (Prometheus's head block): label sets interned
// once per series, a postings index from label name/value to series for the
// matchers, samples per series in time order in compressed chunks, retention
// by time. Appends are validated as Prometheus's TSDB validates them and
// rejected samples are counted by reason.
//
// Thread-safety: one writer at a time (GetOrCreate, Append, Truncate,
// ApplyRetention), never concurrent with readers; the const methods may run
// concurrently with each other. A ref stays valid until Truncate drops its
// series.
//
//   SeriesStore store;
//   SeriesRef ref = store.GetOrCreate(Labels::FromMap({{"__name__", "up"}}));
//   store.Append(ref, 1000, 1);              // AppendStatus::Ok
//   store.Append(ref, 500, 1);               // AppendStatus::OutOfOrder
//   Engine().Instant(store, *expr, 1000);
#ifndef MONC_RUNTIME_STORAGE_SERIES_STORE_H_
#define MONC_RUNTIME_STORAGE_SERIES_STORE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "runtime/storage/queryable.h"

namespace monc::runtime {

// Why Append refused a sample (Prometheus's storage.Err* for each).
enum class AppendStatus {
  Ok,
  OutOfOrder,     // older than the series' newest sample
  Duplicate,      // same timestamp as the newest sample, different value
  OutOfBounds,    // older than the retention horizon
};
std::string_view Describe(AppendStatus status);  // "out of order sample", ...

struct StoreStats {
  size_t series = 0;
  size_t samples = 0;
  size_t rejected_out_of_order = 0;
  size_t rejected_duplicate = 0;
  size_t rejected_out_of_bounds = 0;
  size_t bytes = 0;  // memory held by labels, postings and chunks
  size_t chunk_bytes = 0;  // of which encoded samples
};

class SeriesStore final : public Queryable {
 public:
  struct Options {
    // Samples older than (newest timestamp appended - retention) are
    // dropped by Truncate and refused by Append; 0 keeps everything.
    int64_t retention_ms = 0;
  };
  SeriesStore();
  explicit SeriesStore(Options options);
  ~SeriesStore() override;
  SeriesStore(const SeriesStore&) = delete;
  SeriesStore& operator=(const SeriesStore&) = delete;

  // The series with exactly these labels, created when new.
  SeriesRef GetOrCreate(const Labels& labels);
  // A sample equal to the newest one (same t, same value bits) is accepted
  // and ignored, as in Prometheus.
  AppendStatus Append(SeriesRef ref, int64_t t, double v);
  AppendStatus Append(const Labels& labels, int64_t t, double v) {
    return Append(GetOrCreate(labels), t, v);
  }

  // Drops samples older than `mint`, and series left without samples.
  void Truncate(int64_t mint);
  // Applies Options::retention_ms against the newest sample seen.
  void ApplyRetention();

  StoreStats Stats() const;

  // Puts the series created since the last query in the label order
  // Select returns them in. Select does it when needed; a loader calls it
  // once done so that the first query does not pay for it.
  void SortSeries() const;

  std::vector<SeriesRef> Select(const std::vector<Matcher>& matchers) const override;
  const Labels& SeriesLabels(SeriesRef ref) const override;
  void Samples(SeriesRef ref, int64_t mint, int64_t maxt,
               std::vector<Sample>& out) const override;
  bool LastSample(SeriesRef ref, int64_t mint, int64_t maxt, Sample* out) const override;
  // Decodes only the chunks the window cuts, or that hold a counter reset
  // or a staleness marker: a chunk inside the window is summarized from
  // the facts it keeps.
  void Summarize(SeriesRef ref, int64_t mint, int64_t maxt, WindowSummary* out) const override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_STORAGE_SERIES_STORE_H_
