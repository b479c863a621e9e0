// Suggestions for misspelled names: the closest candidate by edit distance,
// if it is close enough to be what the user meant.
#ifndef MONC_COMPILER_DIAG_DID_YOU_MEAN_H_
#define MONC_COMPILER_DIAG_DID_YOU_MEAN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace monc {

// Levenshtein distance, counting a swap of two neighbours as one edit.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate `name` abbreviates, or else the nearest one when at most a
// third of its length differs.
std::optional<std::string> DidYouMean(std::string_view name,
                                      const std::vector<std::string>& candidates);

}  // namespace monc

#endif  // MONC_COMPILER_DIAG_DID_YOU_MEAN_H_
