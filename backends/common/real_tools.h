// For the tests that judge generated files with the real consumers
// (promtool, amtool): write an OutputSet to disk and run a tool found on
// PATH. Test-only; a backend itself never touches the file system.
//
//   std::string dir = TestDir("rules");
//   WriteFiles(out, dir);
//   ToolRun run = RunShell("promtool check rules " + ShellQuote(dir + "/x.yml"));
//   EXPECT_EQ(run.exit_code, 0) << run.output;
#ifndef MONC_BACKENDS_COMMON_REAL_TOOLS_H_
#define MONC_BACKENDS_COMMON_REAL_TOOLS_H_

#include <string>

#include "backends/backend.h"

namespace monc::backends {

// A fresh, empty folder `name` under $TEST_TMPDIR.
std::string TestDir(const std::string& name);

// Writes every file of `files` under `dir`, creating folders as needed.
void WriteFiles(const OutputSet& files, const std::string& dir);
void WriteFile(const std::string& path, const std::string& contents);

struct ToolRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr, interleaved
};

// Runs `command` with /bin/sh, so tools are found on PATH.
ToolRun RunShell(const std::string& command);

// `s` as one single-quoted shell word.
std::string ShellQuote(const std::string& s);

}  // namespace monc::backends

#endif  // MONC_BACKENDS_COMMON_REAL_TOOLS_H_
