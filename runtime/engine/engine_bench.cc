// Instant evaluation of web-service alert and SLO rules over a synthetic,
// deterministic store (one hour of 15 s scrapes), in ns per series the rule
// reads. Not run by tests:
//
//   bazel run -c opt //runtime/engine:engine_bench -- --benchmark_min_time=1
//
// Per service: 120 request counters {instance, method, path, status}, 360
// latency buckets {instance, method, path, le} and 3 `up` series, so 10k
// series are 21 services and 100k are 207.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "compiler/promql/promql.h"
#include "runtime/engine/engine.h"
#include "runtime/storage/series_store.h"

namespace monc::runtime {
namespace {

constexpr int64_t kStart = 1'700'000'000'000;
constexpr int64_t kStep = 15'000;
constexpr int kSamples = 240;
constexpr int64_t kEnd = kStart + (kSamples - 1) * kStep;

constexpr const char* kInstances[] = {"10.0.0.1:8080", "10.0.0.2:8080", "10.0.0.3:8080"};
constexpr const char* kMethods[] = {"GET", "POST"};
constexpr const char* kPaths[] = {"/api/v1/users", "/api/v1/orders", "/api/v1/payments",
                                  "/healthz", "/api/v1/search"};
constexpr const char* kStatuses[] = {"200", "404", "500", "503"};
constexpr const char* kBounds[] = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25",
                                   "0.5",   "1",    "2.5",   "5",    "10",  "+Inf"};
constexpr int kSeriesPerService = 3 * 2 * 5 * 4 + 3 * 2 * 5 * 12 + 3;

struct Workload {
  SeriesStore store;
  std::map<std::string, int> series_per_metric;
};

// A counter growing by a random number of requests per scrape; buckets
// share one stream of observations so that higher bounds count more.
void AppendCounters(SeriesStore& store, const std::vector<SeriesRef>& refs, std::mt19937_64& rng,
                    bool cumulative) {
  std::vector<double> value(refs.size(), 0);
  for (int s = 0; s < kSamples; ++s) {
    double running = 0;
    for (size_t i = 0; i < refs.size(); ++i) {
      const double inc = static_cast<double>(rng() % 20);
      running = cumulative ? running + inc : inc;
      value[i] += running;
      store.Append(refs[i], kStart + s * kStep, value[i]);
    }
  }
}

std::unique_ptr<Workload> Build(int series) {
  auto w = std::make_unique<Workload>();
  std::mt19937_64 rng(42);
  const int services = (series + kSeriesPerService - 1) / kSeriesPerService;
  for (int svc = 0; svc < services; ++svc) {
    const std::string service = "service-" + std::to_string(svc);
    for (const char* instance : kInstances) {
      std::vector<SeriesRef> requests;
      for (const char* method : kMethods) {
        for (const char* path : kPaths) {
          for (const char* status : kStatuses) {
            requests.push_back(w->store.GetOrCreate(Labels::FromMap(
                {{"__name__", "http_requests_total"}, {"service", service},
                 {"instance", instance}, {"method", method}, {"path", path},
                 {"status", status}})));
          }
          std::vector<SeriesRef> buckets;
          for (const char* le : kBounds) {
            buckets.push_back(w->store.GetOrCreate(Labels::FromMap(
                {{"__name__", "http_request_duration_seconds_bucket"}, {"service", service},
                 {"instance", instance}, {"method", method}, {"path", path}, {"le", le}})));
          }
          AppendCounters(w->store, buckets, rng, true);
          w->series_per_metric["http_request_duration_seconds_bucket"] += buckets.size();
        }
      }
      AppendCounters(w->store, requests, rng, false);
      w->series_per_metric["http_requests_total"] += requests.size();
      SeriesRef up = w->store.GetOrCreate(
          Labels::FromMap({{"__name__", "up"}, {"service", service}, {"instance", instance}}));
      for (int s = 0; s < kSamples; ++s) w->store.Append(up, kStart + s * kStep, svc % 7 ? 1 : 0);
      w->series_per_metric["up"] += 1;
    }
  }
  return w;
}

const Workload& WorkloadOf(int series) {
  static std::map<int, std::unique_ptr<Workload>> cache;
  auto& w = cache[series];
  if (!w) w = Build(series);
  return *w;
}

struct Rule {
  const char* name;
  const char* expr;
  std::vector<const char*> metrics;  // what it reads, for ns per series
};

const std::vector<Rule>& Rules() {
  static const std::vector<Rule> kRules = {
      {"rate", "rate(http_requests_total[5m])", {"http_requests_total"}},
      {"sum_rate", "sum by (service) (rate(http_requests_total[5m]))", {"http_requests_total"}},
      {"error_ratio",
       "sum by (service) (rate(http_requests_total{status=~\"5..\"}[5m]))"
       " / sum by (service) (rate(http_requests_total[5m])) > 0.01",
       {"http_requests_total", "http_requests_total"}},
      {"p99",
       "histogram_quantile(0.99, sum by (service, le) "
       "(rate(http_request_duration_seconds_bucket[5m])))",
       {"http_request_duration_seconds_bucket"}},
      {"increase_1h", "sum by (service, method) (increase(http_requests_total[1h]))",
       {"http_requests_total"}},
      {"up", "up == 0", {"up"}},
      {"per_path_ratio",
       "sum without (instance, status) (rate(http_requests_total{status=~\"5..\"}[5m]))"
       " / ignoring (status) sum without (instance, status) (rate(http_requests_total[5m]))",
       {"http_requests_total", "http_requests_total"}},
  };
  return kRules;
}

void BM_Rule(benchmark::State& state) {
  const Workload& w = WorkloadOf(static_cast<int>(state.range(1)));
  const Rule& rule = Rules()[state.range(0)];
  state.SetLabel(rule.name);
  promql::ParseResult parsed = promql::ParseExpr(rule.expr);
  if (!parsed.expr) {
    state.SkipWithError("parse error");
    return;
  }
  int series = 0;
  for (const char* m : rule.metrics) series += w.series_per_metric.at(m);
  Engine engine;
  // The store sorts its series by labels on the first read: not measured.
  engine.Instant(w.store, *parsed.expr, kEnd);
  for (auto _ : state) {
    QueryResult r = engine.Instant(w.store, *parsed.expr, kEnd);
    if (!r.ok()) {
      state.SkipWithError(r.error.c_str());
      return;
    }
    benchmark::DoNotOptimize(r);
  }
  // Inverted per-second rate of (series * 1e-9): nanoseconds per series.
  state.counters["ns/series"] = benchmark::Counter(
      static_cast<double>(series) * 1e-9,
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void RuleArgs(benchmark::internal::Benchmark* b) {
  for (int size : {10'000, 100'000}) {
    for (size_t i = 0; i < Rules().size(); ++i) b->Args({static_cast<int64_t>(i), size});
  }
}
BENCHMARK(BM_Rule)->Apply(RuleArgs)->Unit(benchmark::kMillisecond);

// The whole rule set once, per series in the store.
void BM_RuleSet(benchmark::State& state) {
  const Workload& w = WorkloadOf(static_cast<int>(state.range(0)));
  std::vector<promql::ParseResult> parsed;
  for (const Rule& rule : Rules()) parsed.push_back(promql::ParseExpr(rule.expr));
  Engine engine;
  engine.Instant(w.store, *parsed.front().expr, kEnd);  // as in BM_Rule
  for (auto _ : state) {
    for (const promql::ParseResult& p : parsed) {
      benchmark::DoNotOptimize(engine.Instant(w.store, *p.expr, kEnd));
    }
  }
  state.counters["ns/series"] = benchmark::Counter(
      static_cast<double>(w.store.Stats().series) * 1e-9,
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_RuleSet)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace monc::runtime

BENCHMARK_MAIN();
