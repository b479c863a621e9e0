#include "runtime/engine/label_hash.h"

#include <xxhash.h>

#include <algorithm>

namespace monc::runtime::internal {
namespace {

// Labels::Hash's bytes: name, 0xff, value, 0xff for each label hashed.
class Buffer {
 public:
  Buffer() : bytes_(Scratch()) { bytes_.clear(); }
  void Add(const Label& l) {
    bytes_.append(l.name);
    bytes_.push_back('\xff');
    bytes_.append(l.value);
    bytes_.push_back('\xff');
  }
  uint64_t Digest() const { return XXH64(bytes_.data(), bytes_.size(), 0); }

 private:
  // One per thread, kept between calls so that hashing allocates only
  // while the longest label set seen grows.
  static std::string& Scratch() {
    thread_local std::string buffer;
    return buffer;
  }
  std::string& bytes_;
};

}  // namespace

uint64_t HashLabels(const Labels& labels, bool drop_name) {
  Buffer b;
  for (const Label& l : labels) {
    if (!(drop_name && l.name == kMetricName)) b.Add(l);
  }
  return b.Digest();
}

uint64_t HashLabelsOn(const Labels& labels, const std::vector<std::string>& sorted_names,
                      bool drop_name) {
  Buffer b;
  auto name = sorted_names.begin();
  for (const Label& l : labels) {
    // Both are sorted: a merge, not a search per label.
    while (name != sorted_names.end() && *name < l.name) ++name;
    if (name == sorted_names.end()) break;
    if (*name == l.name && !(drop_name && l.name == kMetricName)) b.Add(l);
  }
  return b.Digest();
}

uint64_t HashLabelsIgnoring(const Labels& labels, const std::vector<std::string>& sorted_names) {
  Buffer b;
  auto name = sorted_names.begin();
  for (const Label& l : labels) {
    while (name != sorted_names.end() && *name < l.name) ++name;
    const bool ignored = name != sorted_names.end() && *name == l.name;
    if (!ignored && l.name != kMetricName) b.Add(l);
  }
  return b.Digest();
}

Labels CopyLabels(const Labels& labels, bool drop_name) {
  if (!drop_name || !labels.Has(kMetricName)) return labels;
  std::vector<Label> kept;
  kept.reserve(labels.size() - 1);
  for (const Label& l : labels) {
    if (l.name != kMetricName) kept.push_back(l);
  }
  return Labels::FromUnsorted(std::move(kept));
}

}  // namespace monc::runtime::internal
