// The engine's label hashes: the same xxhash64 values as Labels::Hash,
// HashFor and HashWithout (so results match Prometheus's, collisions
// included), computed over one reused buffer instead of a hashing state
// allocated per call, and able to leave __name__ out of a stored series'
// labels without copying them first.
//
//   HashLabels(store.SeriesLabels(ref), /*drop_name=*/true)
//       == LabelsBuilder(labels).Del("__name__").Build().Hash()
#ifndef MONC_RUNTIME_ENGINE_LABEL_HASH_H_
#define MONC_RUNTIME_ENGINE_LABEL_HASH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/model/labels.h"

namespace monc::runtime::internal {

// All labels, __name__ left out when `drop_name`.
uint64_t HashLabels(const Labels& labels, bool drop_name);
// Only the labels in `sorted_names` (Labels::HashFor), __name__ left out
// when `drop_name`.
uint64_t HashLabelsOn(const Labels& labels, const std::vector<std::string>& sorted_names,
                      bool drop_name);
// All labels but those in `sorted_names` and __name__ (Labels::HashWithout).
uint64_t HashLabelsIgnoring(const Labels& labels, const std::vector<std::string>& sorted_names);

// A copy of `labels`, without __name__ when `drop_name`: one allocation,
// where LabelsBuilder copies twice.
Labels CopyLabels(const Labels& labels, bool drop_name);

}  // namespace monc::runtime::internal

#endif  // MONC_RUNTIME_ENGINE_LABEL_HASH_H_
