#include "runtime/ingest/series_cache.h"

namespace monc::runtime {
namespace {

// What an entry costs beside its text: the deque's entry and the map's
// node and bucket, about.
constexpr size_t kEntryOverhead = 112;

}  // namespace

std::optional<SeriesCache::Hit> SeriesCache::Found(Entry* entry) {
  if (last_ != nullptr && last_ != entry) last_->next = entry;
  last_ = entry;
  return Hit{entry->text.size(), entry->ref};
}

std::optional<SeriesCache::Hit> SeriesCache::Find(std::string_view window,
                                                  const TextParser& parser) {
  // Whether the window starts with the entry's text, ended there.
  const auto starts = [&](const Entry* e) {
    return e != nullptr && window.substr(0, e->text.size()) == e->text &&
           parser.EndsSeriesText(window, e->text.size());
  };
  if (starts(last_)) return Hit{last_->text.size(), last_->ref};
  if (last_ != nullptr && starts(last_->next)) return Found(last_->next);
  const size_t length = TextParser::ScanSeriesText(window);
  if (length == 0) return std::nullopt;
  const auto it = by_text_.find(window.substr(0, length));
  if (it == by_text_.end() || !parser.EndsSeriesText(window, length)) return std::nullopt;
  return Found(it->second);
}

void SeriesCache::Add(std::string_view window, size_t length, SeriesRef ref) {
  if (length == 0 || TextParser::ScanSeriesText(window) != length) return;
  const size_t cost = length + kEntryOverhead;
  if (cost > max_bytes_) return;
  if (bytes_ + cost > max_bytes_) {
    last_ = nullptr;
    by_text_.clear();
    entries_.clear();
    bytes_ = 0;
  }
  Entry& entry = entries_.emplace_back(Entry{std::string(window.substr(0, length)), ref});
  const auto [it, added] = by_text_.emplace(entry.text, &entry);
  if (added) {
    bytes_ += cost;
  } else {
    entries_.pop_back();
  }
  Found(it->second);
}

}  // namespace monc::runtime
