// libFuzzer target for Parse() and Print(): no input may crash the parser,
// and what parses must print to text that parses back and prints the same.
//
// Built outside Bazel with clang (Bazel's toolchain here is gcc), from the
// repository root once `bazel build //compiler/logql` has generated the
// parser (B is `bazel info bazel-bin`), with the clang-friendly ANTLR
// umbrella header of compiler/promql/parse_fuzzer.cc in /tmp/antlr4-clang:
//
//   clang++-14 -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined
//     -I. -I$B -I/tmp/antlr4-clang -isystem /usr/include/antlr4-runtime
//     compiler/logql/*.cc (all but *_test.cc)
//     compiler/promql/go_strconv.cc compiler/promql/lex_literals.cc
//     compiler/promql/printer.cc compiler/promql/regex.cc compiler/promql/tables.cc
//     compiler/promql/ast.cc $B/grammar/LogQLParser.cpp
//     $B/grammar/LogQLParserVisitor.cpp $B/grammar/LogQLParserBaseVisitor.cpp
//     -lantlr4-runtime -lre2 -o /tmp/logql_fuzzer
//   /tmp/logql_fuzzer -max_total_time=600 -max_len=4096 CORPUS_DIR
//
// (each command on one line; CORPUS_DIR can start with the inputs of
// tests/conformance/logql/parse_cases.jsonl, one file each).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "compiler/logql/logql.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  monc::logql::ParseResult first = monc::logql::Parse(text, monc::logql::EntryPoint::LogSelectorWithoutValidation);
  first = monc::logql::Parse(text);
  if (!first.expr) return 0;
  const std::string printed = monc::logql::Print(*first.expr);
  monc::logql::ParseResult second = monc::logql::Parse(printed);
  if (!second.expr || monc::logql::Print(*second.expr) != printed) std::abort();
  return 0;
}
