// The entry-by-entry reader of the OpenMetrics text format as Prometheus
// 2.42's textparse.OpenMetricsParser reads it (the parser `promtool tsdb
// create-blocks-from openmetrics` uses), token for token and with its
// messages, and of the Prometheus text format (textparse.PromParser).
// Entries are read from a window of the input so that a loader can stream
// a file of any size; the loader (openmetrics.h) is the public face.
#ifndef MONC_RUNTIME_INGEST_TEXT_PARSER_H_
#define MONC_RUNTIME_INGEST_TEXT_PARSER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/model/labels.h"

namespace monc::runtime {

enum class TextFormat {
  kOpenMetrics,  // timestamps in seconds, `# EOF` required at the end
  kPrometheus,   // the text exposition format: timestamps in milliseconds
};

// One sample line, as textparse's Series and Metric give it.
struct TextSample {
  std::vector<Label> labels;  // __name__ first, then as written, unescaped
  double value = 0;           // a NaN is always Prometheus's normal NaN
  std::optional<int64_t> timestamp_ms;
};

class TextParser {
 public:
  enum class Entry {
    kSeries,    // sample() holds it
    kMetadata,  // HELP, TYPE, UNIT or a comment: checked, nothing to store
    kEnd,       // `# EOF` (OpenMetrics) or the end of input (Prometheus)
    kNeedMore,  // the window ends inside the entry: widen it and call again
    kError,     // error() at error_offset(); the entry is to be skipped
  };

  explicit TextParser(TextFormat format) : format_(format) {}

  // Reads the entry that starts `window`; `final` when the input ends
  // where the window does.
  //
  // `known_series` lets a loader skip labels it has read before, as
  // Prometheus's scrape cache does: when it is not 0, the window starts
  // with that many bytes that an earlier kSeries entry of this parser
  // started with, its whole series text (series_length() then), and
  // EndsSeriesText(window, known_series) holds. Those bytes parsed without
  // error then and would parse the same now (an entry's parse depends on
  // its bytes alone), so they are not read again: sample().labels is left
  // empty, and everything after them is read, checked and reported as
  // always.
  Entry Next(std::string_view window, bool final, size_t known_series = 0);

  // Bytes of the window the entry took (after kSeries or kMetadata).
  size_t consumed() const { return consumed_; }
  // After kSeries: bytes of the window the series text took, its metric
  // name and labels (`a{b="c"}` of `a{b="c"} 1 2`), without the blanks
  // after it.
  size_t series_length() const { return series_length_; }
  const TextSample& sample() const { return sample_; }
  size_t error_offset() const { return error_offset_; }
  const std::string& error() const { return error_; }
  // After this error nothing more can be read: `# EOF` is missing, or
  // something follows it.
  bool fatal() const { return fatal_; }

  // Whether an entry whose first `length` bytes are a series text ends its
  // series text there, as it did where those bytes were read before:
  // always after the labels' closing brace; after a bare metric name only
  // when no brace follows. False when the window ends too soon to tell.
  bool EndsSeriesText(std::string_view window, size_t length) const;

  // The length of the series text a sample line starting `window` has, by
  // a quick scan that checks nothing inside the braces; 0 when the window
  // does not start with a metric name, or a label value runs past a line
  // or the window. A key to look up series texts read before: only what
  // equals one of those is trusted.
  static size_t ScanSeriesText(std::string_view window);

 private:
  class Run;
  TextFormat format_;
  size_t consumed_ = 0;
  size_t series_length_ = 0;
  TextSample sample_;
  size_t error_offset_ = 0;
  std::string error_;
  bool fatal_ = false;
};

}  // namespace monc::runtime

#endif  // MONC_RUNTIME_INGEST_TEXT_PARSER_H_
