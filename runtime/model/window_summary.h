// What rate, increase, delta, resets, count_over_time, last_over_time and
// present_over_time need of a range window: its first and last samples, how
// many there are, and the values lost at counter resets. A store can build
// it from per-chunk facts without decoding every sample (a day-long window
// decodes at most its two edge chunks); built from the samples, it is
// what those functions compute from.
//
//   WindowSummary w;
//   for (const Sample& s : samples) w.Add(s);
#ifndef MONC_RUNTIME_MODEL_WINDOW_SUMMARY_H_
#define MONC_RUNTIME_MODEL_WINDOW_SUMMARY_H_

#include <cstdint>
#include <vector>

#include "runtime/model/value.h"

namespace monc::runtime {

struct WindowSummary {
  int64_t count = 0;  // samples in the window, staleness markers not counted
  Sample first;
  Sample last;
  // For every sample lower than the one before it (a counter reset), the
  // value before it, in time order: rate's correction adds them one by one,
  // so their order decides the last bit of the result.
  std::vector<double> resets;

  void Clear() {
    count = 0;
    resets.clear();
  }

  // Adds the next sample of the window; staleness markers are not samples.
  void Add(const Sample& s) {
    if (IsStaleNaN(s.v)) return;
    if (count == 0) {
      first = s;
    } else if (s.v < last.v) {
      resets.push_back(last.v);
    }
    last = s;
    ++count;
  }

  // Adds a run of `n` samples from `run_first` to `run_last` whose values
  // never drop and hold no staleness marker: only the step into the run
  // can be a reset.
  void AddRun(const Sample& run_first, const Sample& run_last, int64_t n) {
    if (count == 0) {
      first = run_first;
    } else if (run_first.v < last.v) {
      resets.push_back(last.v);
    }
    last = run_last;
    count += n;
  }
};

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_MODEL_WINDOW_SUMMARY_H_
