#include "runtime/ingest/openmetrics.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>

#include "runtime/ingest/series_cache.h"

namespace monc::runtime {
namespace {

// Input is read in blocks: a file of any size loads in bounded memory.
constexpr size_t kBlockBytes = 1 << 20;

class Loader {
 public:
  Loader(SeriesStore& store, const LoadOptions& options)
      : store_(store),
        options_(options),
        parser_(options.format),
        cache_(options.series_cache_bytes) {}

  // Reads the entries of `window`, which starts where the last call's
  // consumed bytes ended; returns how many bytes it consumed. Less than the
  // window when an entry runs past its end and the input does not
  // (`final` false): call again with more.
  size_t Feed(std::string_view window, bool final);
  bool done() const { return done_; }
  LoadResult Finish() && { return std::move(result_); }

 private:
  void Consume(std::string_view bytes);
  void Report(std::string_view window, size_t offset, std::string message);
  // Appends the parsed sample, to the series `known` when the cache knew
  // its text; false (with a diagnostic, counted by reason) when refused.
  bool Store(std::string_view window, const std::optional<SeriesCache::Hit>& known);
  bool Append(std::string_view window, SeriesRef ref);
  bool NoTimestamp(std::string_view window, const Labels& series);

  SeriesStore& store_;
  const LoadOptions& options_;
  TextParser parser_;
  SeriesCache cache_;
  LoadResult result_;
  bool done_ = false;
  size_t line_ = 1;        // of the window's first byte
  size_t column_ = 1;      // of the window's first byte
  std::vector<bool> has_samples_;  // by ref: result_.series counts them
};

void Loader::Consume(std::string_view bytes) {
  // memchr, not std::count: this runs over every byte of the input.
  size_t newlines = 0;
  size_t last = 0;  // just past the last newline
  for (const void* p; last < bytes.size() &&
                      (p = std::memchr(bytes.data() + last, '\n', bytes.size() - last)) != nullptr;) {
    last = static_cast<size_t>(static_cast<const char*>(p) - bytes.data()) + 1;
    ++newlines;
  }
  result_.lines += newlines;
  line_ += newlines;
  column_ = newlines == 0 ? column_ + bytes.size() : bytes.size() - last + 1;
}

void Loader::Report(std::string_view window, size_t offset, std::string message) {
  ++result_.errors;
  if (result_.diagnostics.size() >= options_.max_diagnostics) return;
  const std::string_view before = window.substr(0, offset);
  const size_t newlines = static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
  const size_t column =
      newlines == 0 ? column_ + offset : offset - before.rfind('\n');
  result_.diagnostics.push_back({line_ + newlines, column, std::move(message)});
}

bool Loader::NoTimestamp(std::string_view window, const Labels& series) {
  ++result_.rejected_syntax;
  Report(window, 0, "expected timestamp for series " + series.ToString() + ", got none");
  return false;
}

bool Loader::Store(std::string_view window, const std::optional<SeriesCache::Hit>& known) {
  const TextSample& sample = parser_.sample();
  if (known) return Append(window, known->ref);
  std::vector<Label> labels = sample.labels;
  std::stable_sort(labels.begin(), labels.end(),
                   [](const Label& a, const Label& b) { return a.name < b.name; });
  // Prometheus's head drops empty values, then refuses repeated names.
  labels.erase(std::remove_if(labels.begin(), labels.end(),
                              [](const Label& l) { return l.value.empty(); }),
               labels.end());
  for (size_t i = 1; i < labels.size(); ++i) {
    if (labels[i].name == labels[i - 1].name) {
      ++result_.rejected_syntax;
      Report(window, 0,
             "add sample: label name \"" + labels[i].name + "\" is not unique: invalid sample");
      return false;
    }
  }
  const Labels set = Labels::FromUnsorted(std::move(labels));
  // Before the series is created: a line without a timestamp adds none.
  if (!sample.timestamp_ms) return NoTimestamp(window, set);
  const SeriesRef ref = store_.GetOrCreate(set);
  cache_.Add(window, parser_.series_length(), ref);
  return Append(window, ref);
}

bool Loader::Append(std::string_view window, SeriesRef ref) {
  const TextSample& sample = parser_.sample();
  if (!sample.timestamp_ms) return NoTimestamp(window, store_.SeriesLabels(ref));
  const AppendStatus status = store_.Append(ref, *sample.timestamp_ms, sample.value);
  switch (status) {
    case AppendStatus::Ok:
      ++result_.samples;
      if (ref >= has_samples_.size()) has_samples_.resize(ref + 1);
      if (!has_samples_[ref]) {
        has_samples_[ref] = true;
        ++result_.series;
      }
      return true;
    case AppendStatus::OutOfOrder: ++result_.rejected_out_of_order; break;
    case AppendStatus::Duplicate: ++result_.rejected_duplicate; break;
    case AppendStatus::OutOfBounds: ++result_.rejected_out_of_bounds; break;
  }
  Report(window, 0,
         "add sample: " + std::string(Describe(status)) + " for series " +
             store_.SeriesLabels(ref).ToString());
  return false;
}

size_t Loader::Feed(std::string_view window, bool final) {
  size_t used = 0;
  while (!done_) {
    const std::string_view rest = window.substr(used);
    const std::optional<SeriesCache::Hit> known = cache_.Find(rest, parser_);
    const TextParser::Entry entry = parser_.Next(rest, final, known ? known->length : 0);
    switch (entry) {
      case TextParser::Entry::kNeedMore: return used;
      case TextParser::Entry::kEnd:
        Consume(rest.substr(0, parser_.consumed()));
        if (!rest.empty() && rest.back() != '\n') ++result_.lines;
        done_ = true;
        return used + parser_.consumed();
      case TextParser::Entry::kSeries:
      case TextParser::Entry::kMetadata: {
        const bool stored = entry == TextParser::Entry::kMetadata || Store(rest, known);
        if (!stored && options_.stop_at_first_error) done_ = result_.stopped = true;
        Consume(rest.substr(0, parser_.consumed()));
        used += parser_.consumed();
        break;
      }
      case TextParser::Entry::kError: {
        // Skip to the end of the line the error is on.
        const size_t newline = rest.find('\n', parser_.error_offset());
        if (newline == std::string_view::npos && !final && !parser_.fatal()) return used;
        Report(rest, parser_.error_offset(), parser_.error());
        ++result_.rejected_syntax;
        if (parser_.fatal() || options_.stop_at_first_error) {
          done_ = result_.stopped = true;
          return used;
        }
        const size_t skip = newline == std::string_view::npos ? rest.size() : newline + 1;
        Consume(rest.substr(0, skip));
        if (newline == std::string_view::npos) ++result_.lines;
        used += skip;
        break;
      }
    }
  }
  return used;
}

}  // namespace

std::string LoadDiagnostic::ToString() const {
  return std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

LoadResult LoadOpenMetrics(std::string_view text, SeriesStore& store, const LoadOptions& options) {
  Loader loader(store, options);
  loader.Feed(text, /*final=*/true);
  return std::move(loader).Finish();
}

LoadResult LoadOpenMetrics(std::istream& in, SeriesStore& store, const LoadOptions& options) {
  Loader loader(store, options);
  // Bytes [start, end) are read and not consumed yet. The buffer only
  // grows (when an entry is longer than a block), so it is zeroed once.
  std::string buffer;
  size_t start = 0;
  size_t end = 0;
  bool eof = false;
  while (!loader.done()) {
    if (!eof) {
      std::copy(buffer.begin() + static_cast<ptrdiff_t>(start),
                buffer.begin() + static_cast<ptrdiff_t>(end), buffer.begin());
      end -= start;
      start = 0;
      if (buffer.size() < end + kBlockBytes) buffer.resize(end + kBlockBytes);
      in.read(buffer.data() + end, static_cast<std::streamsize>(kBlockBytes));
      end += static_cast<size_t>(in.gcount());
      eof = !in;
    }
    start += loader.Feed(std::string_view(buffer.data() + start, end - start), eof);
    if (eof) break;  // with the whole input seen, Feed reads to the end
  }
  return std::move(loader).Finish();
}

}  // namespace monc::runtime
