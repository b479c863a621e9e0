#include "runtime/storage/series_store.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "runtime/storage/chunk.h"
#include "runtime/storage/postings.h"

namespace monc::runtime {
namespace {

using promql::MatchType;

uint64_t Bits(double v) {
  uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

double FromBits(uint64_t b) {
  double v;
  std::memcpy(&v, &b, sizeof v);
  return v;
}

void ExpectSameSamples(const std::vector<Sample>& want, const std::vector<Sample>& got) {
  ASSERT_EQ(want.size(), got.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(want[i].t, got[i].t) << "sample " << i;
    EXPECT_EQ(Bits(want[i].v), Bits(got[i].v)) << "sample " << i;
  }
}

// Samples of every shape the encoding has a case for: regular and jittered
// intervals, each delta-of-delta bucket, repeated and random values, NaNs
// of several bit patterns, infinities and extreme timestamps.
std::vector<Sample> AwkwardSamples(size_t n, uint32_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Sample> out;
  int64_t t = std::numeric_limits<int64_t>::min() + 5;
  const int64_t steps[] = {1, 15000, 15001, 14999, 1 << 13, 1 << 16, 1 << 19, int64_t{1} << 40};
  const double values[] = {0,         -0.0,        1,          StaleNaN(), std::nan(""),
                           INFINITY,  -INFINITY,   1e308,      5e-324,     FromBits(0x7ff8000000000001)};
  for (size_t i = 0; i < n; ++i) {
    out.push_back({t, i % 7 == 3 ? values[rng() % std::size(values)] : FromBits(rng() >> (rng() % 64))});
    if (i % 50 == 10) out.back().v = out[i - 1].v;
    const int64_t step = steps[rng() % std::size(steps)];
    if (t > std::numeric_limits<int64_t>::max() - step) break;
    t += step;
  }
  out.push_back({std::numeric_limits<int64_t>::max(), StaleNaN()});
  return out;
}

TEST(Chunk, RoundTripsEveryBitPattern) {
  for (uint32_t seed = 0; seed < 20; ++seed) {
    const std::vector<Sample> want = AwkwardSamples(kSamplesPerChunk - 1, seed);
    Chunk c;
    ChunkAppender app;
    for (const Sample& s : want) app.Append(c, s.t, s.v);
    std::vector<Sample> got;
    DecodeChunk(c, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(), got);
    ExpectSameSamples(want, got);
    app.Seal(c);
    got.clear();
    DecodeChunk(c, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(), got);
    ExpectSameSamples(want, got);
  }
}

// SkipBefore starts halfway only when the whole first half is older than
// the time asked for, and then reads on exactly as from the start.
TEST(Chunk, SkipBeforeResumesAtTheCheckpoint) {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    const std::vector<Sample> want = AwkwardSamples(kSamplesPerChunk - 1, seed);
    Chunk c;
    ChunkAppender app;
    for (const Sample& s : want) app.Append(c, s.t, s.v);
    for (size_t k = 0; k < want.size(); k += 7) {
      ChunkIterator it(c);
      const int skipped = it.SkipBefore(want[k].t);
      ASSERT_LE(static_cast<size_t>(skipped), k);
      if (skipped > 0) {
        EXPECT_EQ(it.t(), want[skipped - 1].t);
        EXPECT_EQ(Bits(it.v()), Bits(want[skipped - 1].v));
      }
      std::vector<Sample> rest;
      while (it.Next()) rest.push_back({it.t(), it.v()});
      ExpectSameSamples(std::vector<Sample>(want.begin() + skipped, want.end()), rest);
    }
  }
}

TEST(Chunk, RegularCounterIsSmall) {
  Chunk c;
  ChunkAppender app;
  for (int i = 0; i < kSamplesPerChunk; ++i) app.Append(c, 1'700'000'000'000 + i * 15000, i * 3.0);
  app.Seal(c);
  // 1 bit per timestamp, a few bits per value: well under 2 bytes a sample.
  EXPECT_LT(c.size(), 2u * kSamplesPerChunk);
  EXPECT_TRUE(c.full());
}

class StoreTest : public ::testing::Test {
 protected:
  SeriesRef Add(std::initializer_list<std::pair<std::string_view, std::string_view>> l) {
    return store_.GetOrCreate(Labels::FromMap(l));
  }
  std::vector<std::string> Select(
      std::initializer_list<std::tuple<MatchType, std::string, std::string>> ms) {
    std::vector<Matcher> matchers;
    for (const auto& [type, name, value] : ms) {
      std::string error;
      matchers.push_back(*Matcher::Make(type, name, value, &error));
    }
    std::vector<std::string> out;
    for (SeriesRef ref : store_.Select(matchers)) out.push_back(store_.SeriesLabels(ref).ToString());
    return out;
  }
  std::vector<Sample> All(SeriesRef ref) {
    std::vector<Sample> out;
    store_.Samples(ref, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(),
                   out);
    return out;
  }
  SeriesStore store_;
};

TEST_F(StoreTest, SamplesRoundTripAcrossChunks) {
  SeriesRef ref = Add({{"__name__", "x"}});
  const std::vector<Sample> want = AwkwardSamples(1000, 7);
  for (const Sample& s : want) ASSERT_EQ(store_.Append(ref, s.t, s.v), AppendStatus::Ok);
  ExpectSameSamples(want, All(ref));
  EXPECT_EQ(store_.Stats().samples, want.size());
}

TEST_F(StoreTest, SamplesReadOnlyTheRange) {
  SeriesRef ref = Add({{"__name__", "x"}});
  for (int i = 0; i < 1000; ++i) store_.Append(ref, i * 10, i);
  for (auto [mint, maxt] : {std::pair{-5, 3}, {0, 0}, {1195, 1205}, {1199, 1200}, {5, 9},
                            {9990, 20000}, {10000, 20000}, {-100, -1}, {2000, 1000}}) {
    std::vector<Sample> got{{-1, -1}};  // appended to, never cleared
    store_.Samples(ref, mint, maxt, got);
    std::vector<Sample> want{{-1, -1}};
    for (int i = 0; i < 1000; ++i) {
      if (i * 10 >= mint && i * 10 <= maxt) want.push_back({i * 10, double(i)});
    }
    ExpectSameSamples(want, got);
  }
}

// LastSample answers from the appender for the head chunk and decodes
// sealed ones: both must agree with the newest sample Samples returns,
// bit for bit (stale markers and NaNs included).
TEST_F(StoreTest, LastSampleIsTheNewestInTheRange) {
  SeriesRef ref = Add({{"__name__", "x"}});
  const std::vector<Sample> want = AwkwardSamples(400, 3);
  for (const Sample& s : want) ASSERT_EQ(store_.Append(ref, s.t, s.v), AppendStatus::Ok);
  std::mt19937_64 rng(5);
  std::vector<std::pair<int64_t, int64_t>> ranges = {
      {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()},
      {want.back().t, want.back().t},
      {want[200].t, want[200].t},
      {want[119].t, want[121].t},
      {want[119].t + 1, want[120].t - 1}};
  for (int i = 0; i < 200; ++i) {
    const Sample& a = want[rng() % want.size()];
    const Sample& b = want[rng() % want.size()];
    ranges.push_back({std::min(a.t, b.t), std::max(a.t, b.t) - static_cast<int64_t>(rng() % 2)});
  }
  for (auto [mint, maxt] : ranges) {
    std::vector<Sample> all;
    store_.Samples(ref, mint, maxt, all);
    Sample got{-1, -1};
    ASSERT_EQ(store_.LastSample(ref, mint, maxt, &got), !all.empty()) << mint << " " << maxt;
    if (!all.empty()) ExpectSameSamples({all.back()}, {got});
  }
}

// Summarize skips decoding the chunks a window covers whole: its summary
// must be, bit for bit, the one built from the window's samples, for
// counters with resets, awkward values and staleness markers, windows
// cutting chunks anywhere.
TEST_F(StoreTest, SummarizeAgreesWithTheSamples) {
  std::mt19937_64 rng(11);
  std::vector<std::pair<SeriesRef, std::vector<Sample>>> series;
  series.push_back({Add({{"__name__", "awkward"}}), AwkwardSamples(700, 9)});
  for (int shape = 0; shape < 4; ++shape) {
    // A counter at 15 s with a reset every ~`every` samples (never for
    // shape 0), NaNs for shape 2, a staleness marker now and then for 3.
    const int every = shape == 0 ? 0 : 97 + 40 * shape;
    std::vector<Sample> samples;
    double v = 0;
    for (int i = 0; i < 900; ++i) {
      v = every > 0 && i % every == every - 1 ? static_cast<double>(rng() % 5) : v + rng() % 100;
      double value = v;
      if (shape == 2 && i % 71 == 5) value = std::nan("");
      if (shape == 3 && i % 211 == 100) value = StaleNaN();
      samples.push_back({1700000000000 + i * 15000 + static_cast<int64_t>(rng() % 7), value});
    }
    series.push_back({Add({{"__name__", "counter"}, {"shape", std::to_string(shape)}}), samples});
  }
  auto expect_same_summary = [&](SeriesRef ref, int64_t mint, int64_t maxt) {
    WindowSummary want, got;
    store_.Queryable::Summarize(ref, mint, maxt, &want);
    store_.Summarize(ref, mint, maxt, &got);
    ASSERT_EQ(want.count, got.count) << mint << " " << maxt;
    if (want.count == 0) return;
    ExpectSameSamples({want.first, want.last}, {got.first, got.last});
    ASSERT_EQ(want.resets.size(), got.resets.size()) << mint << " " << maxt;
    for (size_t r = 0; r < want.resets.size(); ++r) {
      EXPECT_EQ(Bits(want.resets[r]), Bits(got.resets[r])) << "reset " << r;
    }
  };
  for (const auto& [ref, samples] : series) {
    for (const Sample& s : samples) ASSERT_EQ(store_.Append(ref, s.t, s.v), AppendStatus::Ok);
    for (int i = 0; i < 300; ++i) {
      const Sample& a = samples[rng() % samples.size()];
      const Sample& b = samples[rng() % samples.size()];
      const int64_t mint = std::min(a.t, b.t) - static_cast<int64_t>(rng() % 2);
      const int64_t maxt = std::max(a.t, b.t) + static_cast<int64_t>(rng() % 2);
      expect_same_summary(ref, mint, maxt);
      // Windows of other lengths ending there: the memoized prefix.
      for (int64_t range : {int64_t{0}, int64_t{300'000}, maxt - mint + 1}) {
        expect_same_summary(ref, maxt - range, maxt);
      }
    }
  }
  // Windows ending at fixed times and at the newest sample while the series
  // grows: a memoized prefix stays right after appends.
  const SeriesRef growing = Add({{"__name__", "growing"}});
  const std::vector<Sample>& samples = series[2].second;
  const int64_t fixed = samples[150].t + 3;
  for (size_t i = 0; i < samples.size(); ++i) {
    ASSERT_EQ(store_.Append(growing, samples[i].t, samples[i].v), AppendStatus::Ok);
    for (int64_t maxt : {fixed, samples[i].t, samples[i].t - 1}) {
      expect_same_summary(growing, maxt - 300'000, maxt);
      expect_same_summary(growing, maxt - 7'200'000, maxt);
    }
  }
}

TEST_F(StoreTest, AppendValidatesAsPrometheusHead) {
  SeriesRef ref = Add({{"__name__", "x"}});
  EXPECT_EQ(store_.Append(ref, 1000, 1), AppendStatus::Ok);
  EXPECT_EQ(store_.Append(ref, 999, 1), AppendStatus::OutOfOrder);
  EXPECT_EQ(store_.Append(ref, 1000, 2), AppendStatus::Duplicate);
  EXPECT_EQ(store_.Append(ref, 1000, 1), AppendStatus::Ok);  // exact repeat: ignored
  EXPECT_EQ(store_.Append(ref, 2000, StaleNaN()), AppendStatus::Ok);
  // A NaN with other bits is another value, not a repeat of the marker.
  EXPECT_EQ(store_.Append(ref, 2000, std::nan("")), AppendStatus::Duplicate);
  EXPECT_EQ(store_.Append(ref, 2000, StaleNaN()), AppendStatus::Ok);
  const StoreStats stats = store_.Stats();
  EXPECT_EQ(stats.samples, 2u);
  EXPECT_EQ(stats.rejected_out_of_order, 1u);
  EXPECT_EQ(stats.rejected_duplicate, 2u);
  EXPECT_EQ(Describe(AppendStatus::OutOfOrder), "out of order sample");
  std::vector<Sample> got = All(ref);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(IsStaleNaN(got[1].v));
}

TEST_F(StoreTest, GetOrCreateInternsLabelSets) {
  SeriesRef a = Add({{"__name__", "x"}, {"job", "a"}});
  EXPECT_EQ(a, Add({{"job", "a"}, {"__name__", "x"}}));
  EXPECT_NE(a, Add({{"__name__", "x"}, {"job", "b"}}));
  EXPECT_EQ(store_.Stats().series, 2u);
}

TEST_F(StoreTest, SelectMatchesAsPrometheus) {
  Add({{"__name__", "up"}, {"job", "api"}, {"env", "prod"}});
  Add({{"__name__", "up"}, {"job", "db"}});
  Add({{"__name__", "up"}, {"job", "web"}, {"env", "dev"}});
  Add({{"__name__", "down"}, {"job", "api"}});
  const std::string api = R"({__name__="up", env="prod", job="api"})";
  const std::string db = R"({__name__="up", job="db"})";
  const std::string web = R"({__name__="up", env="dev", job="web"})";
  using V = std::vector<std::string>;
  EXPECT_EQ(Select({{MatchType::Equal, "__name__", "up"}}), (V{web, api, db}));
  EXPECT_EQ(Select({{MatchType::Equal, "__name__", "up"}, {MatchType::Equal, "job", "db"}}), V{db});
  // A matcher that matches "" selects series without the label.
  EXPECT_EQ(Select({{MatchType::Equal, "__name__", "up"}, {MatchType::Equal, "env", ""}}), V{db});
  EXPECT_EQ(Select({{MatchType::Equal, "__name__", "up"}, {MatchType::NotEqual, "env", "prod"}}),
            (V{web, db}));
  EXPECT_EQ(Select({{MatchType::Equal, "__name__", "up"}, {MatchType::NotEqual, "env", ""}}),
            (V{web, api}));
  EXPECT_EQ(Select({{MatchType::Regex, "job", "api|web"}, {MatchType::Equal, "__name__", "up"}}),
            (V{web, api}));
  EXPECT_EQ(Select({{MatchType::Regex, "job", "a.*"}}),
            (V{R"({__name__="down", job="api"})", api}));
  EXPECT_EQ(Select({{MatchType::Equal, "__name__", "up"}, {MatchType::Regex, "env", "prod|"}}),
            (V{api, db}));
  EXPECT_EQ(Select({{MatchType::Equal, "__name__", "up"}, {MatchType::NotRegex, "env", "p.*"}}),
            (V{web, db}));
  EXPECT_EQ(Select({{MatchType::Equal, "__name__", "up"}, {MatchType::NotRegex, "job", "api|db"}}),
            V{web});
  // Only empty-matching matchers: everything but what they refuse.
  EXPECT_EQ(Select({{MatchType::NotEqual, "job", "api"}}), (V{web, db}));
  EXPECT_EQ(Select({{MatchType::Equal, "__name__", "nope"}}), V{});
  EXPECT_EQ(Select({{MatchType::Equal, "nolabel", "x"}}), V{});
  EXPECT_EQ(Select({}), V{});
}

TEST(LiteralAlternatives, ServesOnlyPlainAlternations) {
  std::vector<std::string> out;
  EXPECT_TRUE(LiteralAlternatives("a|b\\.c|", &out));
  EXPECT_EQ(out, (std::vector<std::string>{"a", "b.c", ""}));
  EXPECT_FALSE(LiteralAlternatives("a.", &out));
  EXPECT_FALSE(LiteralAlternatives("\\d", &out));
  EXPECT_FALSE(LiteralAlternatives("(?i)a", &out));
  EXPECT_FALSE(LiteralAlternatives("a\\", &out));
}

TEST_F(StoreTest, SelectOrderFollowsLabelsNotCreation) {
  std::vector<std::string> want;
  for (int i = 99; i >= 0; --i) Add({{"__name__", "m"}, {"i", std::to_string(i)}});
  for (int i = 0; i < 100; ++i) want.push_back(R"({__name__="m", i=")" + std::to_string(i) + "\"}");
  std::sort(want.begin(), want.end());
  EXPECT_EQ(Select({{MatchType::Equal, "__name__", "m"}}), want);
  Add({{"__name__", "m"}, {"i", "050x"}});  // created after the first Select
  want.insert(std::upper_bound(want.begin(), want.end(), R"({__name__="m", i="050x"})"),
              R"({__name__="m", i="050x"})");
  EXPECT_EQ(Select({{MatchType::Equal, "__name__", "m"}}), want);
}

TEST_F(StoreTest, TruncateDropsOldSamplesAndEmptySeries) {
  SeriesRef old = Add({{"__name__", "old"}});
  SeriesRef live = Add({{"__name__", "live"}});
  store_.Append(old, 100, 1);
  for (int i = 0; i < 500; ++i) store_.Append(live, i * 10, i);
  store_.Truncate(1234);
  EXPECT_EQ(Select({{MatchType::Equal, "__name__", "old"}}), std::vector<std::string>{});
  std::vector<Sample> got = All(live);
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got.front().t, 1240);
  EXPECT_EQ(got.size(), 500u - 124);
  EXPECT_EQ(store_.Stats().series, 1u);
  EXPECT_EQ(store_.Stats().samples, got.size());
  // The series goes on from where it was, and a dropped one comes back new.
  EXPECT_EQ(store_.Append(live, 4980, 0), AppendStatus::OutOfOrder);
  EXPECT_EQ(store_.Append(live, 5000, 500), AppendStatus::Ok);
  SeriesRef again = Add({{"__name__", "old"}});
  EXPECT_NE(again, old);
  EXPECT_EQ(store_.Append(again, 50, 1), AppendStatus::Ok);
}

TEST(SeriesStore, RetentionRefusesAndDropsOldSamples) {
  SeriesStore store(SeriesStore::Options{1000});
  SeriesRef a = store.GetOrCreate(Labels::FromMap({{"__name__", "a"}}));
  SeriesRef b = store.GetOrCreate(Labels::FromMap({{"__name__", "b"}}));
  EXPECT_EQ(store.Append(a, 0, 1), AppendStatus::Ok);
  EXPECT_EQ(store.Append(a, 5000, 1), AppendStatus::Ok);
  EXPECT_EQ(store.Append(b, 3999, 1), AppendStatus::OutOfBounds);
  EXPECT_EQ(store.Append(b, 4000, 1), AppendStatus::Ok);
  store.ApplyRetention();
  std::vector<Sample> got;
  store.Samples(a, 0, 10000, got);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].t, 5000);
  EXPECT_EQ(store.Stats().rejected_out_of_bounds, 1u);
  EXPECT_EQ(store.Stats().samples, 2u);
  EXPECT_GT(store.Stats().bytes, 0u);
}

}  // namespace
}  // namespace monc::runtime
