// libFuzzer target for Parse() and Print(): no input may crash the parser,
// and what parses must print to text that parses back and prints the same.
//
// Built outside Bazel with clang (Bazel's toolchain here is gcc), from the
// repository root once `bazel build //compiler/promql:parser` has generated
// the parser (B is `bazel info bazel-bin`). Clang refuses one header of the
// 4.9 ANTLR runtime (misc/InterpreterDataReader.h, unused here), so the
// umbrella header is first copied without it:
//
//   mkdir -p /tmp/antlr4-clang && grep -v InterpreterDataReader
//     /usr/include/antlr4-runtime/antlr4-runtime.h > /tmp/antlr4-clang/antlr4-runtime.h
//   clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined
//     -I. -I$B -I/tmp/antlr4-clang -isystem /usr/include/antlr4-runtime
//     compiler/promql/parse_fuzzer.cc compiler/promql/build_tree.cc
//     compiler/promql/go_strconv.cc compiler/promql/lex_literals.cc
//     compiler/promql/parse.cc compiler/promql/printer.cc compiler/promql/regex.cc
//     compiler/promql/syntax_errors.cc compiler/promql/tables.cc
//     compiler/promql/token_source.cc $B/grammar/PromQLLexer.cpp
//     $B/grammar/PromQLParser.cpp $B/grammar/PromQLParserVisitor.cpp
//     $B/grammar/PromQLParserBaseVisitor.cpp -lantlr4-runtime -lre2 -o /tmp/parse_fuzzer
//   /tmp/parse_fuzzer -max_total_time=300 -max_len=4096 CORPUS_DIR
//
// (each command on one line; the system antlr4-runtime and re2 are not
// instrumented, so the sanitizers check monc's code and the generated parser).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "compiler/promql/ast.h"
#include "compiler/promql/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const monc::promql::ParseResult first = monc::promql::Parse(text);
  if (!first.errors.empty()) return 0;
  const std::string printed = monc::promql::Print(*first.expr);
  const monc::promql::ParseResult second = monc::promql::Parse(printed);
  if (!second.errors.empty() || monc::promql::Print(*second.expr) != printed) std::abort();
  return 0;
}
