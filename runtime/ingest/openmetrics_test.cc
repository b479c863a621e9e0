#include "runtime/ingest/openmetrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "runtime/ingest/parse_float.h"
#include "runtime/ingest/series_cache.h"
#include "runtime/ingest/store_contents_for_test.h"

namespace monc::runtime {
namespace {

using promql::MatchType;
using namespace std::string_view_literals;

uint64_t Bits(double v) {
  uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

std::vector<Sample> SamplesOf(const SeriesStore& store, const Labels& labels) {
  std::vector<Matcher> matchers;
  std::string error;
  for (const Label& l : labels) {
    matchers.push_back(*Matcher::Make(MatchType::Equal, l.name, l.value, &error));
  }
  std::vector<Sample> out;
  for (SeriesRef ref : store.Select(matchers)) {
    if (store.SeriesLabels(ref) == labels) {
      store.Samples(ref, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(),
                    out);
    }
  }
  return out;
}

std::vector<std::string> Rendered(const LoadResult& r) {
  std::vector<std::string> out;
  for (const LoadDiagnostic& d : r.diagnostics) out.push_back(d.ToString());
  return out;
}

// Loads `text` with the series cache on (the default), off, and too small
// to hold more than a text or two: all three must load the same samples
// and report the same diagnostics at the same places.
LoadResult LoadAllWays(std::string_view text, LoadOptions options, SeriesStore& store) {
  const LoadResult r = LoadOpenMetrics(text, store, options);
  for (size_t cache_bytes : {size_t{0}, size_t{200}}) {
    options.series_cache_bytes = cache_bytes;
    SeriesStore other;
    const LoadResult o = LoadOpenMetrics(text, other, options);
    EXPECT_EQ(Rendered(o), Rendered(r)) << "cache bytes " << cache_bytes << ", input: " << text;
    EXPECT_EQ(std::make_tuple(o.lines, o.series, o.samples, o.rejected_syntax,
                              o.rejected_out_of_order, o.rejected_duplicate, o.errors, o.stopped),
              std::make_tuple(r.lines, r.series, r.samples, r.rejected_syntax,
                              r.rejected_out_of_order, r.rejected_duplicate, r.errors, r.stopped))
        << "cache bytes " << cache_bytes << ", input: " << text;
    EXPECT_EQ(ContentsOf(other), ContentsOf(store)) << "cache bytes " << cache_bytes;
  }
  return r;
}

std::vector<std::string> Errors(std::string_view text, TextFormat format = TextFormat::kOpenMetrics) {
  SeriesStore store;
  LoadOptions options;
  options.format = format;
  options.stop_at_first_error = false;
  return Rendered(LoadAllWays(text, options, store));
}

std::string FirstError(std::string_view text, TextFormat format = TextFormat::kOpenMetrics) {
  SeriesStore store;
  LoadOptions options;
  options.format = format;
  LoadResult r = LoadAllWays(text, options, store);
  Errors(text, format);  // and the same when going on after errors
  return r.diagnostics.empty() ? "" : r.diagnostics[0].ToString();
}

TEST(OpenMetrics, LoadsSamplesAsPromtool) {
  const std::string text(
      "# HELP http_requests_total Requests \\\"served\\\".\n"
      "# TYPE http_requests_total counter\n"
      "# UNIT http_request_duration_seconds seconds\n"
      "http_requests_total{service=\"api\",code=\"200\"} 1027 1700000000.5\n"
      "http_requests_total{service=\"api\",code=\"200\"} 1030 1700000015 # {trace_id=\"x\"} 1 1700000014\n"
      "http_requests_total_created{service=\"api\",code=\"200\"} 1600000000 1700000000\n"
      "esc{a=\"q\\\"b\\\\s\\nn\\tt\",empty=\"\"} -Inf 1.0001\n"
      "odd{v=\"\xe2\x82\xac \xf0\x9f\x98\x80 \x01 nul:\x00 end\"} +Inf 2\n"
      "big 1.7976931348623157e308 -3\n"
      "nan NaN 4\n"
      "neg -0 0.0005\n"
      "# EOF\n"sv);
  SeriesStore store;
  LoadResult r = LoadOpenMetrics(text, store, {});
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].ToString();
  EXPECT_EQ(r.samples, 8u);
  EXPECT_EQ(r.series, 7u);
  EXPECT_EQ(r.lines, 12u);
  EXPECT_FALSE(r.stopped);

  auto http = SamplesOf(store, Labels::FromMap({{"__name__", "http_requests_total"},
                                                {"service", "api"},
                                                {"code", "200"}}));
  ASSERT_EQ(http.size(), 2u);
  EXPECT_EQ(http[0].t, 1700000000500);
  EXPECT_EQ(http[0].v, 1027);
  EXPECT_EQ(http[1].t, 1700000015000);
  EXPECT_EQ(SamplesOf(store, Labels::FromMap({{"__name__", "http_requests_total_created"},
                                              {"service", "api"},
                                              {"code", "200"}}))
                .size(),
            1u);
  // Only \", \\ and \n are escapes; an empty value is no label.
  auto esc = SamplesOf(store, Labels::FromMap({{"__name__", "esc"}, {"a", "q\"b\\s\nn\\tt"}}));
  ASSERT_EQ(esc.size(), 1u);
  EXPECT_EQ(esc[0].t, 1000);  // int64(1.0001 * 1000)
  EXPECT_EQ(esc[0].v, -INFINITY);
  auto odd = SamplesOf(store, Labels::FromMap({{"__name__", "odd"},
                                               {"v", "\xe2\x82\xac \xf0\x9f\x98\x80 \x01 nul:\x00 end"sv}}));
  ASSERT_EQ(odd.size(), 1u);
  EXPECT_EQ(odd[0].v, INFINITY);
  auto big = SamplesOf(store, Labels::FromMap({{"__name__", "big"}}));
  ASSERT_EQ(big.size(), 1u);
  EXPECT_EQ(big[0].t, -3000);
  EXPECT_EQ(big[0].v, std::numeric_limits<double>::max());
  auto nan = SamplesOf(store, Labels::FromMap({{"__name__", "nan"}}));
  ASSERT_EQ(nan.size(), 1u);
  EXPECT_EQ(Bits(nan[0].v), 0x7ff8000000000001u);  // normal NaN, never a staleness marker
  auto neg = SamplesOf(store, Labels::FromMap({{"__name__", "neg"}}));
  ASSERT_EQ(neg.size(), 1u);
  EXPECT_EQ(neg[0].t, 0);
  EXPECT_TRUE(std::signbit(neg[0].v));
}

// Prometheus 2.42's openmetricsparse_test.go TestOpenMetricsParseErrors,
// with the place each error is reported at.
TEST(OpenMetrics, RefusesWhatPrometheusRefuses) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"", "1:1: data does not end with # EOF"},
      {"\n", "1:1: \"INVALID\" \"\\n\" is not a valid start token"},
      {"metric", "1:7: expected value after metric, got \"EOF\""},
      {"metric 1", "1:9: data does not end with # EOF"},
      {"metric 1 1\n", "2:1: data does not end with # EOF"},
      {"metric_total 1 # {aa=\"bb\"} 4", "1:29: data does not end with # EOF"},
      {"a\n#EOF\n", "1:2: expected value after metric, got \"INVALID\""},
      {"\n\n#EOF\n", "1:1: \"INVALID\" \"\\n\" is not a valid start token"},
      {" a 1\n#EOF\n", "1:1: \"INVALID\" \" \" is not a valid start token"},
      {"9\n#EOF\n", "1:1: \"INVALID\" \"9\" is not a valid start token"},
      {"# TYPE u untyped\n#EOF\n", "1:10: invalid metric type \"untyped\""},
      {"# TYPE c counter \n#EOF\n", "1:10: invalid metric type \"counter \""},
      {"#  TYPE c counter\n#EOF\n", "1:1: \"INVALID\" \" \" is not a valid start token"},
      {"# TYPE \n#EOF\n", "1:8: expected metric name after TYPE, got \"INVALID\""},
      {"# TYPE m\n#EOF\n", "1:9: expected text in TYPE"},
      {"# UNIT metric suffix\n#EOF\n", "1:15: unit not a suffix of metric \"metric\""},
      {"# UNIT metricsuffix suffix\n#EOF\n", "1:21: unit not a suffix of metric \"metricsuffix\""},
      {"# UNIT m suffix\n#EOF\n", "1:10: unit not a suffix of metric \"m\""},
      {"# HELP m\n#EOF\n", "1:9: expected text in HELP"},
      {"a\t1\n#EOF\n", "1:2: expected value after metric, got \"INVALID\""},
      {"a 1\t2\n#EOF\n", "1:3: strconv.ParseFloat: parsing \"1\\t2\": invalid syntax"},
      {"a 1 2 \n#EOF\n", "1:6: expected next entry after timestamp, got \"INVALID\""},
      {"a 1 2 #\n#EOF\n", "1:6: expected next entry after timestamp, got \"TIMESTAMP\""},
      {"a 1 1z\n#EOF\n", "1:5: strconv.ParseFloat: parsing \"1z\": invalid syntax"},
      {"# EOF\na 1", "2:1: unexpected data after # EOF"},
      {"# EOF\n\n", "2:1: unexpected data after # EOF"},
      {"# EOFa 1", "1:6: unexpected data after # EOF"},
      {"#\tTYPE c counter\n", "1:1: \"INVALID\" \"\\t\" is not a valid start token"},
      {"a 1 1 1\n# EOF\n", "1:6: expected next entry after timestamp, got \"TIMESTAMP\""},
      {"a{b='c'} 1\n# EOF\n", "1:5: expected label value, got \"INVALID\""},
      {"a{b=\"c\",} 1\n# EOF\n", "1:9: expected label name, got \"BCLOSE\""},
      {"a{,b=\"c\"} 1\n# EOF\n", "1:3: expected label name or left brace, got \"COMMA\""},
      {"a{b=\"c\"d=\"e\"} 1\n# EOF\n", "1:8: expected comma, got \"LNAME\""},
      {"a{b=\"c\",,d=\"e\"} 1\n# EOF\n", "1:9: expected label name, got \"COMMA\""},
      {"a{b=\n# EOF\n", "1:5: expected label value, got \"INVALID\""},
      {"a{\xff=\"foo\"} 1\n# EOF\n", "1:3: expected label name or left brace, got \"INVALID\""},
      {"a{b=\"\xff\"} 1\n# EOF\n", "1:5: invalid UTF-8 label value"},
      {"a{b=\"\xed\xa0\x80\"} 1\n# EOF\n", "1:5: invalid UTF-8 label value"},  // a surrogate
      {"a true\n", "1:3: strconv.ParseFloat: parsing \"true\": invalid syntax"},
      {"empty_label_name{=\"\"} 0\n# EOF\n",
       "1:18: expected label name or left brace, got \"EQUAL\""},
      {"foo 1_2\n\n# EOF\n", "1:5: unsupported character in float"},
      {"foo 0x1p-3\n\n# EOF\n", "1:5: unsupported character in float"},
      {"foo 0 1_2\n\n# EOF\n", "1:7: unsupported character in float"},
      {"foo 0x10 1\n# EOF\n", "1:5: strconv.ParseFloat: parsing \"0x10\": invalid syntax"},
      {"foo 1e400 1\n# EOF\n", "1:5: strconv.ParseFloat: parsing \"1e400\": value out of range"},
      {"custom_metric_total 1 # {aa=bb}\n# EOF\n", "1:29: expected label value, got \"INVALID\""},
      {"custom_metric_total 1 # {aa=\"bb\"}\n# EOF\n",
       "1:34: expected value after exemplar labels, got \"INVALID\""},
      {"custom_metric 1 # {aa=\"bb\"}", "1:16: metric name custom_metric does not support exemplars"},
      {"custom_metric_total 1 # {aa=\"bb\",,cc=\"dd\"} 1",
       "1:34: expected label name, got \"COMMA\""},
      {"custom_metric_total 1 # {aa=\"bb\"} 1_2", "1:35: unsupported character in float"},
      {"custom_metric_total 1 # {b=\"\x00ss\"} 1\n"sv, "1:28: expected label value, got \"INVALID\""},
      {"{b=\"c\",} 1", "1:1: \"INVALID\" \"{\" is not a valid start token"},
      {"a 1 NaN", "1:5: invalid timestamp"},
      {"a 1 -Inf", "1:5: invalid timestamp"},
      {"hhh_bucket{le=\"+Inf\"} 1 # {aa=\"bb\"} 4 Inf", "1:39: invalid exemplar timestamp"},
      {"a{b=\"\x00\"} 1 1\n# EOF"sv, ""},  // NUL bytes are fine inside values
      {"a{b=\x00\"ssss\"} 1\n# EOF\n"sv, "1:5: expected label value, got \"INVALID\""},
  };
  for (const auto& [input, want] : cases) {
    EXPECT_EQ(FirstError(input), want) << "input: " << input;
  }
}

TEST(OpenMetrics, RefusesSamplesPromtoolRefuses) {
  EXPECT_EQ(FirstError("a 1\n# EOF\n"), "1:1: expected timestamp for series {__name__=\"a\"}, got none");
  EXPECT_EQ(FirstError("a{b=\"1\",b=\"2\"} 1 1\n# EOF\n"),
            "1:1: add sample: label name \"b\" is not unique: invalid sample");
  EXPECT_EQ(FirstError("a{__name__=\"b\"} 1 1\n# EOF\n"),
            "1:1: add sample: label name \"__name__\" is not unique: invalid sample");
  EXPECT_EQ(FirstError("a 1 2\na 1 1\n# EOF\n"),
            "2:1: add sample: out of order sample for series {__name__=\"a\"}");
  EXPECT_EQ(FirstError("a 1 2\na 2 2\n# EOF\n"),
            "2:1: add sample: duplicate sample for timestamp for series {__name__=\"a\"}");
  EXPECT_EQ(FirstError("a 1 2\na 1 2\n# EOF\n"), "");  // the same sample again is no error
}

TEST(OpenMetrics, StopsOrSkipsAsAsked) {
  const std::string text =
      "a 1 1\n"
      "a{ 2 2\n"
      "a 0 0.5\n"    // out of order
      "a 9 1\n"      // duplicate
      "b 3\n"        // no timestamp
      "b 3 3\n"
      "# EOF\n";
  {
    SeriesStore store;
    LoadResult r = LoadOpenMetrics(text, store, {});
    EXPECT_TRUE(r.stopped);
    EXPECT_EQ(r.samples, 1u);
    EXPECT_EQ(r.errors, 1u);
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].ToString(), "2:3: expected label name or left brace, got \"INVALID\"");
  }
  SeriesStore store;
  LoadOptions options;
  options.stop_at_first_error = false;
  LoadResult r = LoadOpenMetrics(text, store, options);
  EXPECT_FALSE(r.stopped);
  EXPECT_EQ(r.samples, 2u);
  EXPECT_EQ(r.series, 2u);
  EXPECT_EQ(r.lines, 7u);
  EXPECT_EQ(r.rejected_syntax, 2u);
  EXPECT_EQ(r.rejected_out_of_order, 1u);
  EXPECT_EQ(r.rejected_duplicate, 1u);
  ASSERT_EQ(r.diagnostics.size(), 4u);
  EXPECT_EQ(r.diagnostics[3].ToString(),
            "5:1: expected timestamp for series {__name__=\"b\"}, got none");
  options.max_diagnostics = 1;
  SeriesStore again;
  r = LoadOpenMetrics(text, again, options);
  EXPECT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.errors, 4u);
}

TEST(OpenMetrics, StreamsLargeInputAcrossBlocks) {
  std::string text;
  for (int i = 0; i < 40000; ++i) {
    text += "metric_with_a_long_name{instance=\"host-" + std::to_string(i % 100) +
            "\",path=\"/a/b/c\"} " + std::to_string(i) + " " + std::to_string(i) + ".25\n";
  }
  text += "# EOF\n";
  ASSERT_GT(text.size(), 2u << 20);  // three blocks
  std::istringstream in(text);
  SeriesStore store;
  LoadResult r = LoadOpenMetrics(in, store, {});
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].ToString();
  EXPECT_EQ(r.samples, 40000u);
  EXPECT_EQ(r.series, 100u);
  EXPECT_EQ(r.lines, 40001u);
  std::istringstream truncated(text.substr(0, text.size() - 6));
  SeriesStore store2;
  r = LoadOpenMetrics(truncated, store2, {});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].ToString(), "40001:1: data does not end with # EOF");
  EXPECT_EQ(r.samples, 40000u);
}

// A line repeating an earlier line's series text byte for byte reuses its
// series (the series cache) and is still checked and reported in full.
TEST(OpenMetrics, RepeatedSeriesTextsAreCheckedAsAnyLine) {
  EXPECT_EQ(Errors("a{b=\"c\"} 1 2\n"
                   "a{b=\"c\"} 1 1\n"      // out of order
                   "a{b=\"c\"} 2 2\n"      // duplicate
                   "a{b=\"c\"} 3\n"        // no timestamp
                   "a{b=\"c\"} x 3\n"      // bad value
                   "a{b=\"c\"} 1 3 4\n"    // bad entry after the timestamp
                   "a{b=\"c\"} 1 5 # {t=\"1\"} 1\n"  // not a counter: no exemplars
                   "a{b=\"c\"}\t1 6\n"     // a tab is no separator
                   "a{b=\"c\"} 1 7\n"
                   "# EOF\n"),
            (std::vector<std::string>{
                "2:1: add sample: out of order sample for series {__name__=\"a\", b=\"c\"}",
                "3:1: add sample: duplicate sample for timestamp for series {__name__=\"a\", b=\"c\"}",
                "4:1: expected timestamp for series {__name__=\"a\", b=\"c\"}, got none",
                "5:10: strconv.ParseFloat: parsing \"x\": invalid syntax",
                "6:13: expected next entry after timestamp, got \"TIMESTAMP\"",
                "7:13: metric name a does not support exemplars",
                "8:9: expected value after metric, got \"INVALID\"",
            }));
  // Texts that start alike but are other series, or none.
  EXPECT_EQ(Errors("a 1 1\n"
                   "ab 1 1\n"
                   "a{b=\"c\"} 1 1\n"
                   "a{b=\"c\"}{ 1 2\n"
                   "a{b=\"c\",d=\"e\"} 1 1\n"
                   "a{b=\"c\"}} 1 3\n"
                   "a: 1 1\n"
                   "a{ 1 4\n"
                   "a{b=\"c\"} 2 5\n"
                   "# EOF\n"),
            (std::vector<std::string>{
                "4:9: expected value after metric, got \"BOPEN\"",
                "6:9: expected value after metric, got \"INVALID\"",
                "8:3: expected label name or left brace, got \"INVALID\"",
            }));
  // A series whose labels are refused stays refused when repeated.
  EXPECT_EQ(Errors("a{b=\"1\",b=\"2\"} 1 1\na{b=\"1\",b=\"2\"} 1 2\n# EOF\n"),
            (std::vector<std::string>{
                "1:1: add sample: label name \"b\" is not unique: invalid sample",
                "2:1: add sample: label name \"b\" is not unique: invalid sample",
            }));
  EXPECT_EQ(Errors("m_total{a=\"b\"} 1 1 # {t=\"1\"} 1\nm_total{a=\"b\"} 2 2 # {t=\"1\"} x\n# EOF\n"),
            (std::vector<std::string>{"2:30: strconv.ParseFloat: parsing \"x\": invalid syntax"}));
}

TEST(OpenMetrics, RepeatedSeriesTextsLoadTheirSeries) {
  const std::string text =
      "a{x=\"1\",y=\"2\"} 1 1\n"
      "b{q=\"}\\\" {\"} 1 1\n"      // a value holding a brace, a quote and a space
      "a{x=\"1\",y=\"2\"} 2 2\n"     // interleaved, as scrapes write them
      "b{q=\"}\\\" {\"} 2 2\n"
      "a{y=\"2\",x=\"1\"} 3 3\n"     // the same series in another label order
      "a{x=\"1\",y=\"2\",z=\"\"} 4 4\n"  // an empty value is no label
      "a{x=\"1\",y=\"2\"} 5 5\n"
      "b{q=\"}\\\" {\"} 3 3\n"
      "# EOF\n";
  SeriesStore store;
  LoadOptions options;
  const LoadResult r = LoadAllWays(text, options, store);
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].ToString();
  EXPECT_EQ(r.series, 2u);
  EXPECT_EQ(r.samples, 8u);
  const auto a = SamplesOf(store, Labels::FromMap({{"__name__", "a"}, {"x", "1"}, {"y", "2"}}));
  ASSERT_EQ(a.size(), 5u);
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].v, static_cast<double>(i + 1));
  EXPECT_EQ(SamplesOf(store, Labels::FromMap({{"__name__", "b"}, {"q", "}\" {"}})).size(), 3u);
}

TEST(PrometheusText, RepeatedSeriesTextsAreCheckedAsAnyLine) {
  const std::string text =
      "up 1 1\n"
      "up {a=\"b\"} 2 1\n"   // a blank before the labels: another series
      "up\t3 2\n"
      "up{a=\"b\"}4 2\n"      // no blank after the labels
      "up{a=\"b\"} 5 3\n"
      "up{a=\"b\"} 6 1\n"     // out of order
      "up{a=\"b\"} x 4\n"
      "up{a=\"multi\nline\"} 1 1\n"
      "up{a=\"multi\nline\"} 2 2\n"
      "up 7\n";
  EXPECT_EQ(Errors(text, TextFormat::kPrometheus),
            (std::vector<std::string>{
                "6:1: add sample: out of order sample for series {__name__=\"up\", a=\"b\"}",
                "7:11: strconv.ParseFloat: parsing \"x\": invalid syntax while parsing: "
                "\"up{a=\\\"b\\\"} x\"",
                "12:1: expected timestamp for series {__name__=\"up\"}, got none",
            }));
  SeriesStore store;
  LoadOptions options;
  options.format = TextFormat::kPrometheus;
  options.stop_at_first_error = false;
  const LoadResult r = LoadAllWays(text, options, store);
  EXPECT_EQ(r.series, 3u);
  EXPECT_EQ(r.samples, 7u);
  EXPECT_EQ(SamplesOf(store, Labels::FromMap({{"__name__", "up"}, {"a", "b"}})).size(), 3u);
}

// The cache stays within its memory and keeps finding what it holds.
TEST(SeriesCache, IsBounded) {
  const TextParser parser(TextFormat::kOpenMetrics);
  SeriesCache cache(4096);
  for (SeriesRef ref = 0; ref < 1000; ++ref) {
    const std::string line = "metric{instance=\"host-" + std::to_string(ref) + "\"} 1 1\n";
    ASSERT_FALSE(cache.Find(line, parser));
    cache.Add(line, line.find(' '), ref);
    const std::optional<SeriesCache::Hit> hit = cache.Find(line, parser);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->ref, ref);
    EXPECT_EQ(hit->length, line.find(' '));
    EXPECT_LE(cache.size(), 4096u / 100);
  }
  // Texts the quick scan would not find are not kept.
  cache.Add("metric{a=\"b\"} 1 1\n", 6, 7);
  EXPECT_FALSE(cache.Find("metric 1 1\n", parser));
}

// Scrape by scrape, each series is found where it was found before.
TEST(SeriesCache, FindsSeriesInScrapeOrder) {
  const TextParser parser(TextFormat::kOpenMetrics);
  SeriesCache cache(1 << 20);
  const std::string lines[] = {"a{x=\"1\"} 1 1\n", "a{x=\"2\"} 1 1\n", "b 1 1\n", "a 1 1\n"};
  for (int scrape = 0; scrape < 3; ++scrape) {
    for (SeriesRef ref = 0; ref < std::size(lines); ++ref) {
      const std::string& line = lines[ref];
      const std::optional<SeriesCache::Hit> hit = cache.Find(line, parser);
      if (scrape == 0) {
        ASSERT_FALSE(hit) << line;
        cache.Add(line, line.find(' '), ref);
        continue;
      }
      ASSERT_TRUE(hit) << line;
      EXPECT_EQ(hit->ref, ref);
      EXPECT_EQ(hit->length, line.find(' '));
    }
  }
  // A text is found only where the parser would end it: `a` is not the
  // series text of `a{x="3"}` nor of `ab`.
  EXPECT_FALSE(cache.Find("a{x=\"3\"} 1 1\n", parser));
  EXPECT_FALSE(cache.Find("ab 1 1\n", parser));
  EXPECT_TRUE(cache.Find("a 2 2\n", parser));
}

TEST(PrometheusText, LoadsMillisecondTimestamps) {
  const std::string text =
      "# HELP up Whether the target is up.\n"
      "# TYPE up gauge\n"
      "# any comment\n"
      "\n"
      "up{job=\"api\",} 1 1700000000123\n"
      "up{job=\"db\"}\t0\t1700000000123\n"
      "up{job=\"multi\nline\"} NaN 5\n";
  SeriesStore store;
  LoadOptions options;
  options.format = TextFormat::kPrometheus;
  LoadResult r = LoadOpenMetrics(text, store, options);
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].ToString();
  EXPECT_EQ(r.samples, 3u);
  auto api = SamplesOf(store, Labels::FromMap({{"__name__", "up"}, {"job", "api"}}));
  ASSERT_EQ(api.size(), 1u);
  EXPECT_EQ(api[0].t, 1700000000123);
  EXPECT_EQ(FirstError("up 1 1.5\n", TextFormat::kPrometheus),
            "1:7: expected next entry after timestamp, got \"INVALID\"");
  EXPECT_EQ(FirstError("up x\n", TextFormat::kPrometheus),
            "1:4: strconv.ParseFloat: parsing \"x\": invalid syntax while parsing: \"up x\"");
  EXPECT_EQ(FirstError("up 1 99999999999999999999\n", TextFormat::kPrometheus),
            "1:6: strconv.ParseInt: parsing \"99999999999999999999\": value out of range while "
            "parsing: \"up 1 99999999999999999999\"");
}

TEST(ParseGoFloat, FollowsGo) {
  std::string error;
  EXPECT_EQ(*ParseGoFloat("1e-400", &error), 0);  // underflow is no error
  EXPECT_EQ(*ParseGoFloat("-infinity", &error), -INFINITY);
  EXPECT_TRUE(std::isnan(*ParseGoFloat("nAn", &error)));
  EXPECT_FALSE(ParseGoFloat("+nan", &error));
  EXPECT_FALSE(ParseGoFloat("infin", &error));
  EXPECT_FALSE(ParseGoFloat(".", &error));
  EXPECT_EQ(*ParseGoFloat(".5", &error), 0.5);
  EXPECT_EQ(*ParseGoFloat("5.", &error), 5);
  EXPECT_EQ(*ParseGoFloat("+.5", &error), 0.5);
  EXPECT_FALSE(ParseGoFloat("-", &error));
  EXPECT_FALSE(ParseGoFloat("1..2", &error));
  EXPECT_FALSE(ParseGoFloat("1.2.", &error));
  // Plain decimals, by the fast path and past it, round as strtod does.
  for (const char* s : {"1700000000.123", "0.1", "-0.3", "9007199254740993", "9007199254740992.5",
                        "123456789012345678901234", "0.0000000000000000000000001",
                        "1.00000000000000000000001", "4503599627370497.5", "-0", "000012.500"}) {
    const std::optional<double> v = ParseGoFloat(s, &error);
    ASSERT_TRUE(v) << s;
    EXPECT_EQ(Bits(*v), Bits(std::strtod(s, nullptr))) << s;
  }
  EXPECT_EQ(GoFloatToInt64(1e300), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(GoFloatToInt64(-1.9), -1);
}

}  // namespace
}  // namespace monc::runtime
