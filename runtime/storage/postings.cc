#include "runtime/storage/postings.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace monc::runtime {
namespace {

using promql::MatchType;

bool IsRegexMeta(char c) { return c != '\0' && std::strchr("\\.+*?()|[]{}^$", c) != nullptr; }

// Sorted union of sorted lists.
std::vector<SeriesRef> Merge(std::vector<const std::vector<SeriesRef>*> lists) {
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
  std::vector<SeriesRef> out;
  out.reserve(acc.size());
  std::set_difference(acc.begin(), acc.end(), other.begin(), other.end(), std::back_inserter(out));
  acc.swap(out);
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

std::vector<SeriesRef> Postings::Union(const Matcher& m, bool accept) const {
  auto name = index_.find(m.name());
  if (name == index_.end()) return {};
  const Values& values = name->second;
  std::vector<const std::vector<SeriesRef>*> lists;
  // Equality, and regexes of literal alternatives, look their values up
  // instead of testing every value of the label.
  std::vector<std::string> literals;
  const bool equal = m.type() == MatchType::Equal || m.type() == MatchType::NotEqual;
  const bool positive = m.type() == MatchType::Equal || m.type() == MatchType::Regex;
  if (positive == accept) {
    if (equal) {
      literals.push_back(m.value());
    } else if (!LiteralAlternatives(m.value(), &literals)) {
      literals.clear();
    }
  }
  if (!literals.empty()) {
    std::sort(literals.begin(), literals.end());
    literals.erase(std::unique(literals.begin(), literals.end()), literals.end());
    for (const std::string& v : literals) {
      auto it = values.find(v);
      if (it != values.end()) lists.push_back(&it->second);
    }
    return Merge(std::move(lists));
  }
  for (const auto& [value, refs] : values) {
    if (m.Matches(value) == accept) lists.push_back(&refs);
  }
  return Merge(std::move(lists));
}

std::vector<SeriesRef> Postings::Select(const std::vector<Matcher>& matchers) const {
  if (matchers.empty()) return {};
  std::vector<std::vector<SeriesRef>> intersect;
  std::vector<std::vector<SeriesRef>> subtract;
  for (const Matcher& m : matchers) {
    if (m.MatchesEmpty()) {
      // Selects series without the label too: drop those whose value the
      // matcher refuses.
      subtract.push_back(Union(m, false));
    } else {
      intersect.push_back(Union(m, true));
      if (intersect.back().empty()) return {};
    }
  }
  std::vector<SeriesRef> out;
  if (intersect.empty()) {
    out = all_;
  } else {
    std::sort(intersect.begin(), intersect.end(),
              [](const auto& a, const auto& b) { return a.size() < b.size(); });
    out = std::move(intersect[0]);
    for (size_t i = 1; i < intersect.size() && !out.empty(); ++i) IntersectInto(out, intersect[i]);
  }
  for (const auto& s : subtract) {
    if (out.empty()) break;
    SubtractInto(out, s);
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
