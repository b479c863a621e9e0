// What the engine reads: series found by label matchers, and their samples
// in a time range. The engine does not care where samples came from (a
// file, remote-write, a scrape, a rule's own output): the series store
// implements this, and so can anything else.
#ifndef MONC_RUNTIME_STORAGE_QUERYABLE_H_
#define MONC_RUNTIME_STORAGE_QUERYABLE_H_

#include <cstdint>
#include <vector>

#include "runtime/model/labels.h"
#include "runtime/model/matcher.h"
#include "runtime/model/value.h"
#include "runtime/model/window_summary.h"

namespace monc::runtime {

using SeriesRef = uint32_t;

class Queryable {
 public:
  virtual ~Queryable() = default;

  // The series whose labels satisfy every matcher, ordered by their labels
  // (Compare). No matchers: no series.
  virtual std::vector<SeriesRef> Select(const std::vector<Matcher>& matchers) const = 0;

  virtual const Labels& SeriesLabels(SeriesRef ref) const = 0;

  // Appends to `out` the samples of `ref` with mint <= t <= maxt, in time
  // order, staleness markers included (the engine interprets them).
  virtual void Samples(SeriesRef ref, int64_t mint, int64_t maxt,
                       std::vector<Sample>& out) const = 0;

  // The newest sample of `ref` with mint <= t <= maxt, staleness markers
  // included: all an instant selector reads. False when there is none. A
  // store can answer it without decoding (the newest sample is what it
  // appended last); this default reads the range.
  virtual bool LastSample(SeriesRef ref, int64_t mint, int64_t maxt, Sample* out) const {
    std::vector<Sample> samples;
    Samples(ref, mint, maxt, samples);
    if (samples.empty()) return false;
    *out = samples.back();
    return true;
  }

  // Sets `out` to the summary of the samples of `ref` with mint <= t <=
  // maxt (staleness markers not counted). A store can answer it from
  // per-chunk facts; this default reads the range.
  virtual void Summarize(SeriesRef ref, int64_t mint, int64_t maxt, WindowSummary* out) const {
    std::vector<Sample> samples;
    Samples(ref, mint, maxt, samples);
    out->Clear();
    for (const Sample& s : samples) out->Add(s);
  }
};

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_STORAGE_QUERYABLE_H_
