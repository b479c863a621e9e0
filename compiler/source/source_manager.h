// SourceManager owns the text of every file a run reads and turns byte
// offsets into 1-based line:column only when a diagnostic is printed, as
// clang's SourceManager does. Everything else in monc stores a Span.
//
//   SourceManager sm;
//   FileId f = sm.Add("alerts.yaml", text);
//   Span s{f, 120, 138};
//   LineCol lc = sm.Locate(f, s.begin);   // {14, 16}
#ifndef MONC_COMPILER_SOURCE_SOURCE_MANAGER_H_
#define MONC_COMPILER_SOURCE_SOURCE_MANAGER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace monc {

using FileId = uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

// A half-open byte range [begin, end) in one file.
struct Span {
  FileId file = kNoFile;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool valid() const { return file != kNoFile; }
  friend bool operator==(const Span& a, const Span& b) {
    return a.file == b.file && a.begin == b.begin && a.end == b.end;
  }
};

struct LineCol {
  uint32_t line = 0;    // 1-based
  uint32_t column = 0;  // 1-based, in bytes
};

class SourceManager {
 public:
  FileId Add(std::string path, std::string text);

  const std::string& Path(FileId file) const { return files_[file].path; }
  std::string_view Text(FileId file) const { return files_[file].text; }
  size_t FileCount() const { return files_.size(); }

  LineCol Locate(FileId file, uint32_t offset) const;
  // The text of a 1-based line, without its line break.
  std::string_view Line(FileId file, uint32_t line) const;

 private:
  struct File {
    std::string path;
    std::string text;
    std::vector<uint32_t> line_starts;  // offset of each line's first byte
  };
  std::vector<File> files_;
};

}  // namespace monc

#endif  // MONC_COMPILER_SOURCE_SOURCE_MANAGER_H_
