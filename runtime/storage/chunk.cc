#include "runtime/storage/chunk.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <cstring>
#include <new>
#include <utility>

namespace monc::runtime {
namespace {

// Delta-of-delta buckets: a prefix of `ones` 1 bits (then a 0 unless it is
// the last bucket) followed by `bits` bits of the two's complement value.
struct Bucket {
  int ones;
  int bits;
};
constexpr Bucket kBuckets[] = {{1, 14}, {2, 17}, {3, 20}, {4, 64}};

bool FitsSigned(uint64_t x, int bits) {
  if (bits == 64) return true;
  const int64_t v = static_cast<int64_t>(x);
  const int64_t limit = int64_t{1} << (bits - 1);
  return v >= -limit && v < limit;
}

uint64_t SignExtend(uint64_t x, int bits) {
  if (bits == 64) return x;
  const uint64_t sign = uint64_t{1} << (bits - 1);
  return (x ^ sign) - sign;
}

uint64_t Bits(double v) {
  uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

}  // namespace

Chunk::~Chunk() { std::free(data_); }

Chunk::Chunk(Chunk&& other) noexcept
    : min_t_(other.min_t_),
      max_t_(other.max_t_),
      data_(std::exchange(other.data_, nullptr)),
      last_bits_(other.last_bits_),
      size_(std::exchange(other.size_, 0)),
      count_(std::exchange(other.count_, 0)),
      resets_(std::exchange(other.resets_, 0)),
      has_stale_(std::exchange(other.has_stale_, false)) {
  std::copy(std::begin(other.checkpoint_), std::end(other.checkpoint_), checkpoint_);
  std::copy(std::begin(other.checkpoint_bits_), std::end(other.checkpoint_bits_),
            checkpoint_bits_);
}

Chunk& Chunk::operator=(Chunk&& other) noexcept {
  if (this != &other) {
    std::free(data_);
    min_t_ = other.min_t_;
    max_t_ = other.max_t_;
    data_ = std::exchange(other.data_, nullptr);
    last_bits_ = other.last_bits_;
    std::copy(std::begin(other.checkpoint_), std::end(other.checkpoint_), checkpoint_);
    std::copy(std::begin(other.checkpoint_bits_), std::end(other.checkpoint_bits_),
              checkpoint_bits_);
    size_ = std::exchange(other.size_, 0);
    count_ = std::exchange(other.count_, 0);
    resets_ = std::exchange(other.resets_, 0);
    has_stale_ = std::exchange(other.has_stale_, false);
  }
  return *this;
}

double Chunk::first_v() const {
  // The stream starts with the first value's 64 bits, most significant
  // byte first.
  uint64_t bits;
  std::memcpy(&bits, data_, sizeof bits);
  bits = __builtin_bswap64(bits);
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

double Chunk::last_v() const {
  double v;
  std::memcpy(&v, &last_bits_, sizeof v);
  return v;
}

void ChunkAppender::WriteBits(Chunk& c, uint64_t bits, int n) {
  while (n > 0) {
    if (free_bits_ == 0) {
      if (c.size_ == capacity_) {
        // Grow by half: a sealed chunk gives the spare back, and the one
        // chunk still growing per series wastes at most a third.
        capacity_ = capacity_ < 16 ? 16 : capacity_ + capacity_ / 2;
        void* grown = std::realloc(c.data_, capacity_);
        if (grown == nullptr) throw std::bad_alloc();
        c.data_ = static_cast<uint8_t*>(grown);
      }
      c.data_[c.size_++] = 0;
      free_bits_ = 8;
    }
    const int take = n < free_bits_ ? n : free_bits_;
    const uint64_t part = (bits >> (n - take)) & ((1u << take) - 1);
    c.data_[c.size_ - 1] |= static_cast<uint8_t>(part << (free_bits_ - take));
    free_bits_ -= take;
    n -= take;
  }
}

void ChunkAppender::WriteValue(Chunk& c, uint64_t bits) {
  const uint64_t x = bits ^ value_;
  value_ = bits;
  if (x == 0) {
    WriteBits(c, 0, 1);
    return;
  }
  int leading = __builtin_clzll(x);
  const int trailing = __builtin_ctzll(x);
  if (leading > 31) leading = 31;  // 5 bits hold it
  if (leading_ != 0xff && leading >= leading_ && trailing >= trailing_) {
    WriteBits(c, 0b10, 2);
    WriteBits(c, x >> trailing_, 64 - leading_ - trailing_);
    return;
  }
  const int significant = 64 - leading - trailing;
  leading_ = static_cast<uint8_t>(leading);
  trailing_ = static_cast<uint8_t>(trailing);
  WriteBits(c, 0b11, 2);
  WriteBits(c, leading, 5);
  WriteBits(c, significant & 63, 6);  // 64 is written as 0
  WriteBits(c, x >> trailing, significant);
}

void ChunkAppender::Append(Chunk& c, int64_t t, double v) {
  const uint64_t bits = Bits(v);
  if (bits == kStaleNaNBits) c.has_stale_ = true;
  if (c.count_ > 0 && v < c.last_v()) ++c.resets_;
  c.last_bits_ = bits;
  if (c.count_ % Chunk::kCheckpointEvery == 0 && c.count_ > 0 &&
      c.count_ / Chunk::kCheckpointEvery <= Chunk::kCheckpoints) {
    const int i = c.count_ / Chunk::kCheckpointEvery - 1;
    c.checkpoint_[i] = {c.max_t_, delta_, value_};
    c.checkpoint_bits_[i] = {static_cast<uint16_t>(c.size_ * 8 - free_bits_), leading_, trailing_};
  }
  if (c.count_ == 0) {
    // The first timestamp is the chunk's min_t: only the value is written.
    c.min_t_ = c.max_t_ = t;
    delta_ = 0;
    value_ = 0;
    leading_ = 0xff;
    free_bits_ = 0;
    capacity_ = 0;
    WriteBits(c, bits >> 32, 32);
    WriteBits(c, bits & 0xffffffffu, 32);
    value_ = bits;
    c.count_ = 1;
    return;
  }
  // Unsigned arithmetic: any two int64 timestamps round-trip, however far
  // apart, without signed overflow.
  const uint64_t delta = static_cast<uint64_t>(t) - static_cast<uint64_t>(c.max_t_);
  const uint64_t dod = delta - delta_;
  delta_ = delta;
  if (dod == 0) {
    WriteBits(c, 0, 1);
  } else {
    for (const Bucket& b : kBuckets) {
      if (!FitsSigned(dod, b.bits)) continue;
      // `ones` 1 bits, then a 0 terminator unless this is the widest bucket.
      const int prefix_bits = b.bits == 64 ? b.ones : b.ones + 1;
      WriteBits(c, b.bits == 64 ? 0b1111 : ((1u << b.ones) - 1) << 1, prefix_bits);
      if (b.bits == 64) {
        WriteBits(c, dod >> 32, 32);
        WriteBits(c, dod & 0xffffffffu, 32);
      } else {
        WriteBits(c, dod & ((uint64_t{1} << b.bits) - 1), b.bits);
      }
      break;
    }
  }
  WriteValue(c, bits);
  c.max_t_ = t;
  ++c.count_;
}

void ChunkAppender::Seal(Chunk& c) {
  if (c.size_ == capacity_ || c.data_ == nullptr) return;
  void* shrunk = std::realloc(c.data_, c.size_);
  if (shrunk != nullptr) c.data_ = static_cast<uint8_t*>(shrunk);
  capacity_ = c.size_;
}

ChunkIterator::ChunkIterator(const Chunk& c)
    : c_(&c), p_(c.data_), end_(c.data_ + c.size_), remaining_(c.count_), t_(c.min_t_) {}

int ChunkIterator::SkipBefore(int64_t t) {
  if (!first_) return 0;
  int i = std::min((c_->count_ - 1) / Chunk::kCheckpointEvery, Chunk::kCheckpoints) - 1;
  while (i >= 0 && c_->checkpoint_[i].t >= t) --i;
  if (i < 0) return 0;
  const Chunk::Checkpoint& cp = c_->checkpoint_[i];
  const Chunk::CheckpointBits& bits = c_->checkpoint_bits_[i];
  const int skipped = (i + 1) * Chunk::kCheckpointEvery;
  first_ = false;
  remaining_ = c_->count_ - skipped;
  t_ = cp.t;
  delta_ = cp.delta;
  value_ = cp.value;
  leading_ = bits.leading;
  trailing_ = bits.trailing;
  p_ = c_->data_ + bits.bit / 8;
  buf_ = 0;
  valid_ = 0;
  if (bits.bit % 8 != 0) {
    Ensure(8);
    Take(bits.bit % 8);
  }
  return skipped;
}

void ChunkIterator::Refill() {
  if (end_ - p_ >= 8) {
    // Eight bytes at once; the bits of a byte that does not fit whole are
    // the stream's own and are ORed in again, unchanged, next time.
    uint64_t word;
    std::memcpy(&word, p_, sizeof word);
    buf_ |= __builtin_bswap64(word) >> valid_;
    const int bytes = (64 - valid_) >> 3;
    p_ += bytes;
    valid_ += bytes * 8;
    return;
  }
  while (valid_ <= 56 && p_ < end_) {
    buf_ |= static_cast<uint64_t>(*p_++) << (56 - valid_);
    valid_ += 8;
  }
}

// Inline and branch-light: decoding is most of what a rule evaluation
// does, and a sample's fields are read with one Ensure each, not a call
// per bit.
inline void ChunkIterator::Ensure(int n) {
  if (valid_ >= n) return;
  Refill();
  // Only a corrupt chunk runs dry; it reads as zeros rather than past the
  // end.
  if (valid_ < n) valid_ = n;
}

inline uint64_t ChunkIterator::Take(int n) {
  const uint64_t out = buf_ >> (64 - n);
  buf_ <<= n;
  valid_ -= n;
  return out;
}

inline uint64_t ChunkIterator::ReadBits(int n) {
  if (n <= 56) {
    Ensure(n);
    return Take(n);
  }
  Ensure(32);
  const uint64_t high = Take(32);
  Ensure(n - 32);
  return (high << (n - 32)) | Take(n - 32);
}

bool ChunkIterator::Next() {
  if (remaining_ == 0) return false;
  --remaining_;
  if (first_) {
    first_ = false;
    value_ = ReadBits(64);
    return true;
  }
  // The timestamp's bucket is its count of leading 1 bits, at most 4 (the
  // guard bit stops the count there), each but the widest ended by a 0.
  Ensure(4);
  if (buf_ >> 63 == 0) {
    Take(1);
  } else {
    const int ones = __builtin_clzll(~buf_ | (uint64_t{1} << 59));
    Take(ones == 4 ? 4 : ones + 1);
    const int bits = kBuckets[ones - 1].bits;
    delta_ += SignExtend(ReadBits(bits), bits);
  }
  t_ = static_cast<int64_t>(static_cast<uint64_t>(t_) + delta_);
  // The value: 0 (unchanged), 10 (the previous XOR window) or 11 with a
  // new window in the next 11 bits.
  Ensure(13);
  if (buf_ >> 63 == 0) {
    Take(1);
    return true;
  }
  if ((buf_ >> 62 & 1) == 0) {
    Take(2);
  } else {
    const uint64_t header = Take(13);
    leading_ = static_cast<int>(header >> 6 & 31);
    int significant = static_cast<int>(header & 63);
    if (significant == 0) significant = 64;
    trailing_ = 64 - leading_ - significant;
  }
  value_ ^= ReadBits(64 - leading_ - trailing_) << trailing_;
  return true;
}

double ChunkIterator::v() const {
  double v;
  std::memcpy(&v, &value_, sizeof v);
  return v;
}

void DecodeChunk(const Chunk& c, int64_t mint, int64_t maxt, std::vector<Sample>& out) {
  ChunkIterator it(c);
  it.SkipBefore(mint);
  while (it.Next()) {
    if (it.t() < mint) continue;
    if (it.t() > maxt) break;
    out.push_back({it.t(), it.v()});
  }
}

}  // namespace monc::runtime
