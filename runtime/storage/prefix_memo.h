// What every window ending at a time `maxt` needs of the chunk that `maxt`
// cuts: how many of its samples are at or before `maxt`, and the newest of
// them. The rules evaluated at one time read a series through many windows
// (an SLO's 5m, 30m, 1h and 6h burn rates, the same counter in several
// alerts); with this memo, one series keeps the answer for the last
// (chunk, maxt) asked, so that chunk's prefix is decoded once, not once per
// window.
//
// The facts are about samples older than the chunk's newest, which no
// append can change: an entry is valid for as long as a chunk starts at
// `chunk_min_t` (rebuilding a chunk moves its start).
//
// Readers of the store may run concurrently, so the entry is a seqlock: a
// reader never sees a torn entry, and a writer that finds another one
// writing simply skips.
#ifndef MONC_RUNTIME_STORAGE_PREFIX_MEMO_H_
#define MONC_RUNTIME_STORAGE_PREFIX_MEMO_H_

#include <atomic>
#include <cstdint>
#include <cstring>

#include "runtime/model/value.h"

namespace monc::runtime {

class PrefixMemo {
 public:
  struct Entry {
    int64_t chunk_min_t = 0;
    int64_t maxt = 0;
    int64_t count = 0;  // samples of the chunk at or before maxt
    Sample last;        // the newest of them
  };

  PrefixMemo() = default;
  // A copy starts empty: the memo is a cache, not part of the value.
  PrefixMemo(const PrefixMemo&) {}
  PrefixMemo& operator=(const PrefixMemo&) {
    seq_.store(0, std::memory_order_relaxed);
    return *this;
  }

  // The entry for (chunk_min_t, maxt), if that is the one held; `out` is
  // left alone otherwise.
  bool Get(int64_t chunk_min_t, int64_t maxt, Entry* out) const {
    const uint32_t before = seq_.load(std::memory_order_acquire);
    if (before == 0 || (before & 1) != 0) return false;
    Entry e;
    e.chunk_min_t = chunk_min_t_.load(std::memory_order_relaxed);
    e.maxt = maxt_.load(std::memory_order_relaxed);
    e.count = count_.load(std::memory_order_relaxed);
    e.last.t = last_t_.load(std::memory_order_relaxed);
    const uint64_t bits = last_v_bits_.load(std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_acquire);
    if (seq_.load(std::memory_order_relaxed) != before) return false;
    if (e.chunk_min_t != chunk_min_t || e.maxt != maxt) return false;
    std::memcpy(&e.last.v, &bits, sizeof bits);
    *out = e;
    return true;
  }

  void Put(const Entry& e) const {
    uint32_t seq = seq_.load(std::memory_order_relaxed);
    if ((seq & 1) != 0 ||
        !seq_.compare_exchange_strong(seq, seq + 1, std::memory_order_acquire)) {
      return;
    }
    std::atomic_thread_fence(std::memory_order_release);
    uint64_t bits;
    std::memcpy(&bits, &e.last.v, sizeof bits);
    chunk_min_t_.store(e.chunk_min_t, std::memory_order_relaxed);
    maxt_.store(e.maxt, std::memory_order_relaxed);
    count_.store(e.count, std::memory_order_relaxed);
    last_t_.store(e.last.t, std::memory_order_relaxed);
    last_v_bits_.store(bits, std::memory_order_relaxed);
    seq_.store(seq + 2, std::memory_order_release);
  }

 private:
  mutable std::atomic<uint32_t> seq_{0};  // 0: empty; odd: being written
  mutable std::atomic<int64_t> chunk_min_t_{0};
  mutable std::atomic<int64_t> maxt_{0};
  mutable std::atomic<int64_t> count_{0};
  mutable std::atomic<int64_t> last_t_{0};
  mutable std::atomic<uint64_t> last_v_bits_{0};
};

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_STORAGE_PREFIX_MEMO_H_
