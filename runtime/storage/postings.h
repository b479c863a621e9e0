// The inverted index of the series store (Prometheus's MemPostings): for
// each label name and value, the refs of the series carrying it, ascending.
// Select answers a conjunction of matchers the way Prometheus's
// PostingsForMatchers does: matchers that cannot match a missing label
// intersect their postings; a matcher that matches "" also selects the
// series lacking its label, so it subtracts the series whose value it
// refuses instead.
#ifndef MONC_RUNTIME_STORAGE_POSTINGS_H_
#define MONC_RUNTIME_STORAGE_POSTINGS_H_

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/model/labels.h"
#include "runtime/model/matcher.h"
#include "runtime/storage/queryable.h"

namespace monc::runtime {

class Postings {
 public:
  // `ref` must be larger than every ref added before: lists stay sorted by
  // appending.
  void Add(SeriesRef ref, const Labels& labels);
  // Removes every ref for which dead[ref] is true, in one sweep.
  void Remove(const std::vector<bool>& dead);

  // Refs of the series satisfying every matcher, ascending. No matchers:
  // none.
  std::vector<SeriesRef> Select(const std::vector<Matcher>& matchers) const;

  // Approximate heap bytes held, for StoreStats.
  size_t bytes() const;

 private:
  using Values = std::unordered_map<std::string, std::vector<SeriesRef>>;

  // Sets `lists` to the lists of the values of m.name() that `m` accepts
  // (accept == true) or refuses (accept == false); returns their total
  // length.
  size_t Lists(const Matcher& m, bool accept,
               std::vector<const std::vector<SeriesRef>*>& lists) const;

  std::unordered_map<std::string, Values> index_;
  std::vector<SeriesRef> all_;
};

// The values a regex matcher accepts when it is a plain alternation of
// literals ("a|b|c", metacharacters escaped), as Prometheus's
// findSetMatches: such matchers look values up instead of scanning them.
// False when the regex is anything else.
bool LiteralAlternatives(const std::string& regex, std::vector<std::string>* out);

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_STORAGE_POSTINGS_H_
