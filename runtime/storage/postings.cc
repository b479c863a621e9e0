#include "runtime/storage/postings.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace monc::runtime {
namespace {

using promql::MatchType;

bool IsRegexMeta(char c) { return c != '\0' && std::strchr("\\.+*?()|[]{}^$", c) != nullptr; }

// Past this many lists, a matcher's union is built once rather than probed
// per candidate.
constexpr size_t kMaxProbedLists = 8;

// Sorted union of sorted lists.
std::vector<SeriesRef> Merge(const std::vector<const std::vector<SeriesRef>*>& lists) {
  if (lists.empty()) return {};
  if (lists.size() == 1) return *lists[0];
  size_t total = 0;
  for (const auto* l : lists) total += l->size();
  std::vector<SeriesRef> out;
  out.reserve(total);
  for (const auto* l : lists) out.insert(out.end(), l->begin(), l->end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Keeps in `acc` the refs also in `other` (both sorted).
void IntersectInto(std::vector<SeriesRef>& acc, const std::vector<SeriesRef>& other) {
  auto out = acc.begin();
  auto it = other.begin();
  for (SeriesRef ref : acc) {
    it = std::lower_bound(it, other.end(), ref);
    if (it == other.end()) break;
    if (*it == ref) *out++ = ref;
  }
  acc.erase(out, acc.end());
}

// Removes from `acc` the refs in `other` (both sorted).
void SubtractInto(std::vector<SeriesRef>& acc, const std::vector<SeriesRef>& other) {
  auto out = acc.begin();
  auto it = other.begin();
  for (SeriesRef ref : acc) {
    it = std::lower_bound(it, other.end(), ref);
    if (it == other.end() || *it != ref) *out++ = ref;
  }
  acc.erase(out, acc.end());
}

// Keeps in `acc` the refs found in some list of `lists` (keep_found) or in
// none of them, probing each list instead of building their union: for a
// few lists (status=~"5..") and candidates already narrowed by the metric
// name, that is a few binary searches per candidate and no allocation.
void FilterByMembership(std::vector<SeriesRef>& acc,
                        const std::vector<const std::vector<SeriesRef>*>& lists,
                        bool keep_found) {
  std::vector<SeriesRef>::const_iterator cursors[kMaxProbedLists];
  for (size_t i = 0; i < lists.size(); ++i) cursors[i] = lists[i]->begin();
  auto out = acc.begin();
  for (SeriesRef ref : acc) {
    bool found = false;
    for (size_t i = 0; i < lists.size() && !found; ++i) {
      // acc ascends, so each list's cursor only moves forward.
      cursors[i] = std::lower_bound(cursors[i], lists[i]->end(), ref);
      found = cursors[i] != lists[i]->end() && *cursors[i] == ref;
    }
    if (found == keep_found) *out++ = ref;
  }
  acc.erase(out, acc.end());
}

}  // namespace

bool LiteralAlternatives(const std::string& regex, std::vector<std::string>* out) {
  out->assign(1, std::string());
  for (size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\') {
      if (i + 1 == regex.size() || !IsRegexMeta(regex[i + 1])) return false;
      out->back() += regex[++i];
    } else if (c == '|') {
      out->emplace_back();
    } else if (IsRegexMeta(c)) {
      return false;
    } else {
      out->back() += c;
    }
  }
  return true;
}

void Postings::Add(SeriesRef ref, const Labels& labels) {
  for (const Label& l : labels) index_[l.name][l.value].push_back(ref);
  all_.push_back(ref);
}

void Postings::Remove(const std::vector<bool>& dead) {
  auto is_dead = [&](SeriesRef ref) { return ref < dead.size() && dead[ref]; };
  auto sweep = [&](std::vector<SeriesRef>& refs) {
    refs.erase(std::remove_if(refs.begin(), refs.end(), is_dead), refs.end());
    refs.shrink_to_fit();
  };
  sweep(all_);
  for (auto name = index_.begin(); name != index_.end();) {
    for (auto value = name->second.begin(); value != name->second.end();) {
      sweep(value->second);
      value = value->second.empty() ? name->second.erase(value) : std::next(value);
    }
    name = name->second.empty() ? index_.erase(name) : std::next(name);
  }
}

size_t Postings::Lists(const Matcher& m, bool accept,
                       std::vector<const std::vector<SeriesRef>*>& lists) const {
  lists.clear();
  auto name = index_.find(m.name());
  if (name == index_.end()) return 0;
  const Values& values = name->second;
  size_t total = 0;
  auto add = [&](const std::vector<SeriesRef>& refs) {
    lists.push_back(&refs);
    total += refs.size();
  };
  // Equality, and regexes of literal alternatives, look their values up
  // instead of testing every value of the label.
  const bool equal = m.type() == MatchType::Equal || m.type() == MatchType::NotEqual;
  const bool positive = m.type() == MatchType::Equal || m.type() == MatchType::Regex;
  if (positive == accept && equal) {
    auto it = values.find(m.value());
    if (it != values.end()) add(it->second);
    return total;
  }
  std::vector<std::string> literals;
  if (positive == accept && LiteralAlternatives(m.value(), &literals)) {
    std::sort(literals.begin(), literals.end());
    literals.erase(std::unique(literals.begin(), literals.end()), literals.end());
    for (const std::string& v : literals) {
      auto it = values.find(v);
      if (it != values.end()) add(it->second);
    }
    return total;
  }
  for (const auto& [value, refs] : values) {
    if (m.Matches(value) == accept) add(refs);
  }
  return total;
}

std::vector<SeriesRef> Postings::Select(const std::vector<Matcher>& matchers) const {
  if (matchers.empty()) return {};
  // A term per matcher: the lists it accepts (intersected) or, when it
  // also selects series lacking its label, the lists it refuses
  // (subtracted). Lists are referenced, not copied.
  struct Term {
    std::vector<const std::vector<SeriesRef>*> lists;
    size_t total;
    bool subtract;
  };
  std::vector<Term> terms(matchers.size());
  for (size_t i = 0; i < matchers.size(); ++i) {
    Term& term = terms[i];
    term.subtract = matchers[i].MatchesEmpty();
    term.total = Lists(matchers[i], !term.subtract, term.lists);
    if (!term.subtract && term.total == 0) return {};
  }
  // Smallest first: the candidates only shrink, and the first term, often
  // the metric name's one list, is the only one copied.
  std::sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) {
    return a.subtract != b.subtract ? !a.subtract : a.total < b.total;
  });
  std::vector<SeriesRef> out = terms[0].subtract ? all_ : Merge(terms[0].lists);
  for (size_t i = terms[0].subtract ? 0 : 1; i < terms.size() && !out.empty(); ++i) {
    const Term& term = terms[i];
    if (term.lists.empty()) continue;  // refuses nothing (a subtraction)
    if (term.lists.size() <= kMaxProbedLists && out.size() * term.lists.size() <= 4 * term.total) {
      FilterByMembership(out, term.lists, !term.subtract);
    } else if (term.subtract) {
      SubtractInto(out, Merge(term.lists));
    } else {
      IntersectInto(out, Merge(term.lists));
    }
  }
  return out;
}

size_t Postings::bytes() const {
  // Per hash node: the key, the list header, two pointers and the bucket.
  constexpr size_t kNode = sizeof(std::string) + sizeof(std::vector<SeriesRef>) + 24;
  size_t total = all_.capacity() * sizeof(SeriesRef);
  for (const auto& [name, values] : index_) {
    total += kNode + name.capacity();
    for (const auto& [value, refs] : values) {
      total += kNode + refs.capacity() * sizeof(SeriesRef);
      if (value.capacity() > 15) total += value.capacity() + 1;
    }
  }
  return total;
}

}  // namespace monc::runtime
