// Compressed sample chunks, as Prometheus's XOR chunks (Gorilla, VLDB 2015):
// timestamps as delta-of-delta in buckets of 1, 16, 20, 24 or 68 bits,
// values as the XOR with the previous value's bits (1 bit when unchanged).
// A regular 15 s series of counters costs 1 bit per timestamp and a few
// bits per value; staleness markers and every NaN keep their exact bits.
//
// Unlike Prometheus, a chunk keeps its first timestamp, its last timestamp
// and its sample count beside the bits (they double as the index for
// binary search), so the bits start with the first value.
//
//   Chunk c;
//   ChunkAppender app;
//   app.Append(c, 1000, 1.0);
//   app.Append(c, 16000, 2.0);
//   std::vector<Sample> out;
//   DecodeChunk(c, 0, 20000, out);   // {1000, 1}, {16000, 2}
#ifndef MONC_RUNTIME_STORAGE_CHUNK_H_
#define MONC_RUNTIME_STORAGE_CHUNK_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/model/value.h"

namespace monc::runtime {

// Prometheus cuts a head chunk at 120 samples: beyond that the bits per
// sample barely improve and a query decodes more than it needs.
inline constexpr int kSamplesPerChunk = 120;

class Chunk {
 public:
  Chunk() = default;
  ~Chunk();
  Chunk(Chunk&& other) noexcept;
  Chunk& operator=(Chunk&& other) noexcept;
  Chunk(const Chunk&) = delete;
  Chunk& operator=(const Chunk&) = delete;

  int64_t min_t() const { return min_t_; }
  int64_t max_t() const { return max_t_; }
  int count() const { return count_; }
  bool full() const { return count_ >= kSamplesPerChunk; }
  // Bytes of encoded samples (the allocation may be larger while the chunk
  // is still being appended to; see ChunkAppender::Seal).
  size_t size() const { return size_; }

  // Facts kept beside the bits so that a window covering the whole chunk
  // is summarized without decoding it (WindowSummary): the values at min_t
  // and max_t, how many samples are lower than the one before them, and
  // whether any is a staleness marker. Only for a chunk with samples.
  double first_v() const;
  double last_v() const;
  int resets() const { return resets_; }
  bool has_stale() const { return has_stale_; }

 private:
  friend class ChunkAppender;
  friend class ChunkIterator;
  // The decoder's state after every kCheckpointEvery samples, so that a
  // reader looking for a later time starts near it, not at the chunk's
  // start (ChunkIterator::SkipBefore): a 5m window decodes a few samples
  // before it, not up to a whole chunk. 28 bytes each, 0.7 per sample.
  struct Checkpoint {
    int64_t t = 0;
    uint64_t delta = 0;
    uint64_t value = 0;
  };
  struct CheckpointBits {
    uint16_t bit = 0;  // where the next sample starts
    uint8_t leading = 0;
    uint8_t trailing = 0;
  };
  static constexpr int kCheckpointEvery = 30;
  static constexpr int kCheckpoints = kSamplesPerChunk / kCheckpointEvery - 1;

  int64_t min_t_ = 0;
  int64_t max_t_ = 0;
  uint8_t* data_ = nullptr;  // malloc'ed: growing and sealing are realloc
  uint64_t last_bits_ = 0;
  // checkpoint_[i] once count_ > (i + 1) * kCheckpointEvery
  Checkpoint checkpoint_[kCheckpoints];
  CheckpointBits checkpoint_bits_[kCheckpoints];
  uint32_t size_ = 0;
  uint16_t count_ = 0;
  uint8_t resets_ = 0;  // at most kSamplesPerChunk - 1
  bool has_stale_ = false;
};

// The state of appending to one chunk: one per series, for its newest
// chunk, so sealed chunks carry none of it.
class ChunkAppender {
 public:
  // Appends a sample newer than c.max_t() to a chunk that is not full().
  void Append(Chunk& c, int64_t t, double v);
  // Releases the spare capacity of a chunk that will not grow again.
  void Seal(Chunk& c);
  size_t capacity() const { return capacity_; }

 private:
  void WriteBits(Chunk& c, uint64_t bits, int n);
  void WriteValue(Chunk& c, uint64_t bits);

  uint64_t delta_ = 0;  // of the last two timestamps, modulo 2^64
  uint64_t value_ = 0;  // bits of the last value
  uint32_t capacity_ = 0;
  uint8_t leading_ = 0;    // the XOR window of the last value written
  uint8_t trailing_ = 0;
  uint8_t free_bits_ = 0;  // unused low bits of the last byte
};

// Reads a chunk's samples in time order.
class ChunkIterator {
 public:
  explicit ChunkIterator(const Chunk& c);
  // Before the first Next(): skips the samples before the last checkpoint
  // older than `t` (all older than `t`), and returns how many it skipped
  // (t() and v() are then the last of them).
  int SkipBefore(int64_t t);
  // False once every sample was read.
  bool Next();
  int64_t t() const { return t_; }
  double v() const;

 private:
  // The bit reader keeps the stream's next bits at the top of one word,
  // refilled eight bytes at a time: a sample's fields are shifts of it.
  void Refill();
  // At least n (<= 56) bits in buf_; zeros past the stream's end.
  void Ensure(int n);
  // The next n (1..56) bits, after Ensure(n).
  uint64_t Take(int n);
  uint64_t ReadBits(int n);  // n in 1..64

  const Chunk* c_;
  const uint8_t* p_;
  const uint8_t* end_;
  uint64_t buf_ = 0;  // the next bits of the stream, from the top
  int valid_ = 0;     // how many of buf_'s bits are the stream's
  int remaining_;
  bool first_ = true;
  int64_t t_;
  uint64_t delta_ = 0;
  uint64_t value_ = 0;
  int leading_ = 0;
  int trailing_ = 0;
};

// Appends to `out` the samples of `c` with mint <= t <= maxt.
void DecodeChunk(const Chunk& c, int64_t mint, int64_t maxt, std::vector<Sample>& out);

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_STORAGE_CHUNK_H_
