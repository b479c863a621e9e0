// Append and Samples() throughput of the series store over web-service-like
// series (15 s scrapes, 240 samples a series), with the memory it takes per
// sample (encoded samples alone, and everything) and per series.
//
//   bazel run -c opt //runtime/storage:series_store_bench -- --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "runtime/storage/series_store.h"

namespace monc::runtime {
namespace {

constexpr int64_t kStart = 1'700'000'000'000;
constexpr int64_t kStep = 15'000;
constexpr int kSamplesPerSeries = 240;

// The mix of the seeds' series: request counters growing by whole requests,
// histogram buckets that often stand still, `up` (constant) and gauges
// wandering with two decimals (the worst case for XOR values).
double NextValue(int series, double last, std::mt19937_64& rng) {
  switch (series % 5) {
    case 0:
    case 1: return last + static_cast<double>(rng() % 50);
    case 2: return last + static_cast<double>(rng() % 4 == 0 ? rng() % 3 : 0);
    case 3: return 1;
    default:
      return static_cast<double>(static_cast<int64_t>(last * 100 + rng() % 2001) - 1000) / 100;
  }
}

Labels SeriesLabels(int i) {
  static constexpr const char* kNames[] = {"http_requests_total", "http_requests_total",
                                           "http_request_duration_seconds_bucket", "up",
                                           "container_memory_working_set_gb"};
  return Labels::FromMap({{"__name__", kNames[i % 5]},
                          {"service", "svc-" + std::to_string(i % 50)},
                          {"instance", "10.0." + std::to_string(i / 250) + "." +
                                           std::to_string(i % 250) + ":9100"},
                          {"job", "api"}});
}

void Fill(SeriesStore& store, int series) {
  std::mt19937_64 rng(42);
  std::vector<SeriesRef> refs;
  std::vector<double> last(series, 0);
  for (int i = 0; i < series; ++i) refs.push_back(store.GetOrCreate(SeriesLabels(i)));
  for (int s = 0; s < kSamplesPerSeries; ++s) {
    for (int i = 0; i < series; ++i) {
      last[i] = NextValue(i, last[i], rng);
      store.Append(refs[i], kStart + s * kStep, last[i]);
    }
  }
}

void BM_Append(benchmark::State& state) {
  const int series = static_cast<int>(state.range(0));
  StoreStats stats;
  for (auto _ : state) {
    SeriesStore store;
    Fill(store, series);
    stats = store.Stats();
  }
  const double samples = static_cast<double>(series) * kSamplesPerSeries;
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * samples));
  state.counters["chunk_bytes/sample"] = static_cast<double>(stats.chunk_bytes) / samples;
  state.counters["bytes/sample"] = static_cast<double>(stats.bytes) / samples;
  state.counters["bytes/series"] = static_cast<double>(stats.bytes) / series;
}
BENCHMARK(BM_Append)->Arg(10'000)->Unit(benchmark::kMillisecond);

// What a rule over a 5m range (or the whole hour) reads: every series, the
// caller's buffer reused.
void BM_Samples(benchmark::State& state) {
  constexpr int kSeries = 10'000;
  SeriesStore store;
  Fill(store, kSeries);
  const int64_t maxt = kStart + (kSamplesPerSeries - 1) * kStep;
  const int64_t mint = maxt - state.range(0) * 1000 + 1;
  std::vector<Sample> out;
  size_t read = 0;
  for (auto _ : state) {
    for (SeriesRef ref = 0; ref < kSeries; ++ref) {
      out.clear();
      store.Samples(ref, mint, maxt, out);
      read += out.size();
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(read));
  state.counters["series/s"] = benchmark::Counter(static_cast<double>(state.iterations()) * kSeries,
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Samples)->Arg(300)->Arg(3600)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace monc::runtime

BENCHMARK_MAIN();
