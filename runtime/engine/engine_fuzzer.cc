// libFuzzer target for the engine: the input is a PromQL expression
// (ParseExpr), evaluated instantly and as a short range query over a fixed
// store of hostile series (NaN, +-Inf, huge and resetting counters,
// staleness markers, bucket bounds Go cannot parse, invalid UTF-8 in label
// values, label sets that collide once __name__ is dropped). The engine may
// fail the query but must not crash, hang or trip a sanitizer.
//
// Built outside Bazel with clang (Bazel's toolchain here is gcc), from the
// repository root, with the generated parser and the umbrella-header copy
// that compiler/promql/parse_fuzzer.cc describes (B is `bazel info
// bazel-bin`):
//
//   clang++-14 -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined
//     -I. -I$B -I/tmp/antlr4-clang -isystem /usr/include/antlr4-runtime
//     runtime/engine/engine_fuzzer.cc runtime/engine/[a-eq]*.cc
//     runtime/engine/functions*.cc (without *_test.cc, *_bench.cc)
//     runtime/model/{label_hash,labels,matcher}.cc
//     runtime/storage/{chunk,postings,series_store}.cc
//     compiler/promql/{ast,build_tree,check,go_strconv,lex_literals,parse,
//     printer,regex,syntax_errors,tables,token_source}.cc
//     $B/grammar/PromQL{Lexer,Parser,ParserVisitor,ParserBaseVisitor}.cpp
//     -lantlr4-runtime -lre2 -lxxhash -o /tmp/engine_fuzzer
//   /tmp/engine_fuzzer -max_total_time=600 -max_len=512 -timeout=10 CORPUS_DIR
//
// (each command on one line).
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include "compiler/promql/promql.h"
#include "runtime/engine/engine.h"
#include "runtime/storage/series_store.h"

namespace monc::runtime {
namespace {

constexpr int64_t kMinute = 60'000;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Ten minutes of 15 s samples per series, values cycling through `values`.
void Load(SeriesStore& store, Labels labels, std::initializer_list<double> values) {
  const SeriesRef ref = store.GetOrCreate(labels);
  int i = 0;
  for (int64_t t = 0; t <= 10 * kMinute; t += 15'000, ++i) {
    store.Append(ref, t, values.begin()[i % values.size()]);
  }
}

const SeriesStore& Store() {
  static const SeriesStore* store = [] {
    auto* s = new SeriesStore();
    const double huge = std::numeric_limits<double>::max();
    Load(*s, Labels::FromMap({{"__name__", "m"}, {"a", "1"}}), {0, 1, 2, 3, 40, -5});
    Load(*s, Labels::FromMap({{"__name__", "m"}, {"a", "2"}, {"b", "\xff\xfe"}}),
         {kNaN, kInf, -kInf, 0, -0.0});
    Load(*s, Labels::FromMap({{"__name__", "m"}, {"a", "\xc3("}, {"c", "\xe2\x82"}}),
         {1, StaleNaN(), 2, StaleNaN(), StaleNaN()});
    Load(*s, Labels::FromMap({{"__name__", "other"}, {"a", "1"}}), {5e-324, -1e300});
    Load(*s, Labels::FromMap({{"__name__", "c_total"}, {"job", "x"}}), {huge, 1e308, 0, huge});
    Load(*s, Labels::FromMap({{"__name__", "c_total"}, {"job", "y"}}), {1e18, 2e18, 1, 9e18});
    for (const char* le : {"0.1", "1", "1.0", "+Inf", "NaN", "-Inf", "junk", "1e400", "0x1p-2"}) {
      Load(*s, Labels::FromMap({{"__name__", "h_bucket"}, {"le", le}, {"job", "x"}}),
           {0, 3, 1, kNaN, 7, kInf});
    }
    Load(*s, Labels::FromMap({{"a", "no name"}, {"le", "5"}}), {1, 2});
    return s;
  }();
  return *store;
}

}  // namespace
}  // namespace monc::runtime

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace monc::runtime;  // NOLINT: the fuzzer's whole scope
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const monc::promql::ParseResult parsed = monc::promql::ParseExpr(text);
  // The engine evaluates checked trees only, as Prometheus's does.
  if (!parsed.expr || !parsed.errors.empty()) return 0;
  EngineOptions options;
  // Small budgets so that a slow input fails the query instead of hanging.
  options.max_samples = 100'000;
  options.max_steps = 200'000;
  const Engine engine(options);
  engine.Instant(Store(), *parsed.expr, 5 * kMinute);
  engine.Range(Store(), *parsed.expr, 0, 10 * kMinute, kMinute);
  return 0;
}
