#include "runtime/model/matcher.h"

#include <mutex>
#include <unordered_map>
#include <utility>

namespace monc::runtime {
namespace {

// Compiled regexes by pattern, shared process-wide. Rules re-evaluate the
// same few selectors at every evaluation, each as a fresh query: compiling
// them once per process, not once per query, takes RE2's parse and compile
// (a fifth of `monc test`) off the hot path without the engine having to
// keep plans between queries. A mutex suffices: a lookup is short next to
// the postings work that follows it, and RE2 objects are safe to share.
// Bounded so that ad-hoc queries cannot grow it without end; when full it
// starts over, which costs a recompile, never a wrong result.
class RegexCache {
 public:
  std::shared_ptr<const RE2> Get(const std::string& pattern) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = cache_.find(pattern);
    if (it != cache_.end()) return it->second;
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_shared<const RE2>("^(?:" + pattern + ")$", options);
    if (cache_.size() >= kMaxEntries) cache_.clear();
    cache_.emplace(pattern, re);
    return re;
  }

 private:
  static constexpr size_t kMaxEntries = 4096;
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const RE2>> cache_;
};

RegexCache& Regexes() {
  static RegexCache* cache = new RegexCache();  // never destroyed: used until exit
  return *cache;
}

}  // namespace

std::optional<Matcher> Matcher::Make(promql::MatchType type, std::string name, std::string value,
                                     std::string* error) {
  Matcher m;
  m.type_ = type;
  m.name_ = std::move(name);
  m.value_ = std::move(value);
  if (type == promql::MatchType::Regex || type == promql::MatchType::NotRegex) {
    m.re_ = Regexes().Get(m.value_);
    if (!m.re_->ok()) {
      if (error) *error = "error parsing regexp: " + m.re_->error();
      return std::nullopt;
    }
  }
  return m;
}

bool Matcher::Matches(std::string_view value) const {
  switch (type_) {
    case promql::MatchType::Equal: return value == value_;
    case promql::MatchType::NotEqual: return value != value_;
    case promql::MatchType::Regex: return RE2::FullMatch(value, *re_);
    case promql::MatchType::NotRegex: return !RE2::FullMatch(value, *re_);
  }
  return false;
}

}  // namespace monc::runtime
