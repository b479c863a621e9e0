// The loader's scrape cache, the idea of Prometheus's scrape loop: series
// texts read before (the bytes of a sample line before its value,
// `a{b="c"}` of `a{b="c"} 1 2`) with the series each became, so that a line
// repeating one byte for byte skips reading, sorting and interning its
// labels again. Files repeat series on consecutive lines (series by series)
// or in the same order every scrape, so the text found last is tried
// first, then the one that followed it last time, then a map of all.
//
// Memory is bounded: the map holds at most max_bytes of texts (and their
// entries) and starts over when full, so a file of more series than fit
// loads as it would without the cache, only slower than with a bigger one.
//
//   SeriesCache cache(64 << 20);
//   std::optional<SeriesCache::Hit> hit = cache.Find(line, parser);
//   parser.Next(line, final, hit ? hit->length : 0);  // then, on a miss:
//   cache.Add(line, parser.series_length(), store.GetOrCreate(labels));
#ifndef MONC_RUNTIME_INGEST_SERIES_CACHE_H_
#define MONC_RUNTIME_INGEST_SERIES_CACHE_H_

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "runtime/ingest/text_parser.h"
#include "runtime/storage/queryable.h"

namespace monc::runtime {

class SeriesCache {
 public:
  explicit SeriesCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  struct Hit {
    size_t length;  // of the series text the window starts with
    SeriesRef ref;
  };
  // The series whose text `window` starts with, when `parser` would end
  // the series text there too (TextParser::EndsSeriesText).
  std::optional<Hit> Find(std::string_view window, const TextParser& parser);

  // Remembers that the series text of the entry `window` starts with,
  // its first `length` bytes, is the series `ref`. Texts the quick scan
  // (TextParser::ScanSeriesText) would not find are not kept.
  void Add(std::string_view window, size_t length, SeriesRef ref);

  size_t size() const { return by_text_.size(); }

 private:
  struct Entry {
    std::string text;
    SeriesRef ref;
    Entry* next = nullptr;  // found after this one, last time
  };
  // The entry found (or added) for the window; the one after `last_` next
  // time.
  std::optional<Hit> Found(Entry* entry);

  size_t max_bytes_;
  size_t bytes_ = 0;
  std::deque<Entry> entries_;  // a deque never moves them
  std::unordered_map<std::string_view, Entry*> by_text_;
  Entry* last_ = nullptr;
};

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_INGEST_SERIES_CACHE_H_
