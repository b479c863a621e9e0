// libFuzzer target for ParseTestFile(): no input may crash the parser of
// the test language (series notation, durations, label sets).
//
// Built outside Bazel with clang (Bazel's toolchain here is gcc), from the
// repository root once `bazel build //compiler/promql:parser` has generated
// the PromQL parser the label sets go through (B is `bazel info bazel-bin`;
// /tmp/antlr4-clang as in compiler/promql/parse_fuzzer.cc):
//
//   clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined
//     -I. -I$B -I/tmp/antlr4-clang -isystem /usr/include/antlr4-runtime
//     runtime/testlang/parse_fuzzer.cc runtime/testlang/parse.cc
//     runtime/model/labels.cc compiler/promql/build_tree.cc
//     compiler/promql/go_strconv.cc compiler/promql/lex_literals.cc
//     compiler/promql/parse.cc compiler/promql/printer.cc compiler/promql/ast.cc
//     compiler/promql/regex.cc compiler/promql/syntax_errors.cc
//     compiler/promql/tables.cc compiler/promql/token_source.cc
//     $B/grammar/PromQLLexer.cpp $B/grammar/PromQLParser.cpp
//     $B/grammar/PromQLParserVisitor.cpp $B/grammar/PromQLParserBaseVisitor.cpp
//     -lantlr4-runtime -lre2 -lxxhash -o /tmp/testlang_fuzzer
//   /tmp/testlang_fuzzer -max_total_time=300 -max_len=4096 tests/conformance/promql
//
// (each command on one line).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "runtime/testlang/testlang.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  monc::runtime::testlang::ParseTestFile(
      std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
