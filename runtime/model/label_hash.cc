#include "runtime/model/label_hash.h"

#define XXH_STATIC_LINKING_ONLY  // XXH64_state_t's layout, for a state on the stack
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <string_view>

namespace monc::runtime {
namespace {

// Gathers the hashed bytes in a stack buffer and feeds xxhash a block at a
// time: one digest of the concatenation (the same value as hashing the
// bytes in one piece) with no heap state, and no call into xxhash per
// name and value, which for short labels costs more than the hashing.
class Hasher {
 public:
  Hasher() = default;
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  void Add(const Label& l) {
    Append(l.name);
    Append(kSeparator);
    Append(l.value);
    Append(kSeparator);
  }
  uint64_t Digest() {
    if (!streaming_) return XXH64(buffer_, used_, 0);
    Flush();
    return XXH64_digest(&state_);
  }

 private:
  // Prometheus separates names and values with 0xff, a byte no UTF-8 text
  // contains, so {a="bc"} and {ab="c"} hash apart.
  static constexpr std::string_view kSeparator = "\xff";

  void Append(std::string_view s) {
    while (!s.empty()) {
      if (used_ == sizeof buffer_) Flush();
      const size_t n = std::min(s.size(), sizeof buffer_ - used_);
      std::memcpy(buffer_ + used_, s.data(), n);
      used_ += n;
      s.remove_prefix(n);
    }
  }
  void Flush() {
    // Most label sets fit the buffer and never need the streaming state.
    if (!streaming_) XXH64_reset(&state_, 0);
    XXH64_update(&state_, buffer_, used_);
    used_ = 0;
    streaming_ = true;
  }

  XXH64_state_t state_;
  char buffer_[512];
  size_t used_ = 0;
  bool streaming_ = false;  // some bytes went to state_ already
};

}  // namespace

uint64_t Labels::Hash() const { return HashLabels(*this, false); }

uint64_t HashLabels(const Labels& labels, bool drop_name) {
  Hasher h;
  for (const Label& l : labels) {
    if (!(drop_name && l.name == kMetricName)) h.Add(l);
  }
  return h.Digest();
}

uint64_t HashLabelsOn(const Labels& labels, const std::vector<std::string>& sorted_names,
                      bool drop_name) {
  Hasher h;
  auto name = sorted_names.begin();
  for (const Label& l : labels) {
    // Both are sorted: a merge, not a search per label.
    while (name != sorted_names.end() && *name < l.name) ++name;
    if (name == sorted_names.end()) break;
    if (*name == l.name && !(drop_name && l.name == kMetricName)) h.Add(l);
  }
  return h.Digest();
}

uint64_t HashLabelsIgnoring(const Labels& labels, const std::vector<std::string>& sorted_names,
                            bool drop_name) {
  Hasher h;
  auto name = sorted_names.begin();
  for (const Label& l : labels) {
    while (name != sorted_names.end() && *name < l.name) ++name;
    const bool ignored = name != sorted_names.end() && *name == l.name;
    if (!ignored && !(drop_name && l.name == kMetricName)) h.Add(l);
  }
  return h.Digest();
}

}  // namespace monc::runtime
