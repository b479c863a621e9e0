// The one hashing of label sets: xxhash64 over name, 0xff, value, 0xff for
// each label hashed, the bytes Prometheus's Labels.Hash, HashForLabels and
// HashWithoutLabels hash, so equal sets hash equal and collisions are
// Prometheus's own. The store interns series by it, the engine groups and
// matches by it. No call allocates.
//
//   HashLabels(l, /*drop_name=*/true) == HashLabels(CopyLabels(l, true), false)
#ifndef MONC_RUNTIME_MODEL_LABEL_HASH_H_
#define MONC_RUNTIME_MODEL_LABEL_HASH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/model/labels.h"

namespace monc::runtime {

// All labels, __name__ left out when `drop_name`. Labels::Hash() is
// HashLabels(l, false).
uint64_t HashLabels(const Labels& labels, bool drop_name);
// Only the labels in `sorted_names` (HashForLabels), __name__ left out
// when `drop_name`.
uint64_t HashLabelsOn(const Labels& labels, const std::vector<std::string>& sorted_names,
                      bool drop_name);
// All labels but those in `sorted_names` (HashWithoutLabels), __name__
// left out when `drop_name`.
uint64_t HashLabelsIgnoring(const Labels& labels, const std::vector<std::string>& sorted_names,
                            bool drop_name);

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_MODEL_LABEL_HASH_H_
