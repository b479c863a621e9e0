// The function table agrees with functions.def at 2.42 (Prometheus's
// TestFunctionList), and the implementations give Prometheus 2.42's values
// on the cases its promql/testdata/*.test files pin (the expected values
// below come from there, or are derived from its arithmetic by hand).
#include "runtime/engine/functions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "compiler/promql/tables.h"
#include "runtime/engine/quantile.h"

namespace monc::runtime {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int64_t kMinute = 60'000;

// ---- The tables ----------------------------------------------------------

TEST(FunctionTableTest, EveryTwoFortyTwoFunctionIsImplemented) {
  for (const promql::FunctionInfo& f : promql::AllFunctions()) {
    const bool in_242 =
        f.since <= promql::kDefaultVersion && !(f.until && *f.until <= promql::kDefaultVersion);
    EXPECT_EQ(FindFunctionImpl(f.name) != nullptr, in_242) << f.name;
  }
}

TEST(FunctionTableTest, EveryImplementationIsATwoFortyTwoFunction) {
  std::set<std::string_view> seen;
  for (std::string_view name : ImplementedFunctions()) {
    EXPECT_NE(promql::FindFunction(name), nullptr) << name;
    EXPECT_NE(FindFunctionImpl(name), nullptr) << name;
    EXPECT_TRUE(seen.insert(name).second) << name << " twice";
  }
  EXPECT_EQ(seen.size(), 70u);
  EXPECT_EQ(FindFunctionImpl("double_exponential_smoothing"), nullptr);
}

// ---- Calling one function ------------------------------------------------

struct Result {
  Vector vector;
  std::string error;
};

// Calls `name` at `t` the way the engine does. A range argument covers
// [t - range_ms, t].
class Call {
 public:
  Call(std::string_view name, int64_t t = 0) : name_(name), t_(t) {}
  Call& Scalar(double v) {
    args_.push_back(runtime::Scalar{t_, v});
    return *this;
  }
  Call& Vec(Vector v) {
    args_.push_back(std::move(v));
    return *this;
  }
  Call& Str(std::string s) {
    args_.push_back(String{t_, std::move(s)});
    return *this;
  }
  Call& Range(int64_t range_ms, std::vector<Sample> samples) {
    args_.push_back(Matrix{{Labels(), std::move(samples)}});
    range_ms_ = range_ms;
    return *this;
  }
  Call& Arg(promql::ExprPtr e) {
    node_.args.push_back(std::move(e));
    return *this;
  }
  Result Run() const {
    FunctionImpl impl = FindFunctionImpl(name_);
    Result r;
    if (!impl) {
      r.error = "no implementation";
      return r;
    }
    FunctionCall call{node_, args_, t_, t_ - range_ms_, t_};
    r.vector = impl(call, r.error);
    return r;
  }
  // The value of the one output element (NaN-safe to compare with
  // EXPECT_DOUBLE_EQ only when not NaN).
  double Value() const {
    Result r = Run();
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.vector.size(), 1u) << name_;
    return r.vector.empty() ? -12345 : r.vector[0].v;
  }

 private:
  std::string name_;
  int64_t t_;
  int64_t range_ms_ = 0;
  promql::Call node_;
  std::vector<runtime::Value> args_;
};

// Samples every `step` ms from 0, one per value.
std::vector<Sample> Samples(int64_t step, std::vector<double> values, int64_t start = 0) {
  std::vector<Sample> out;
  for (double v : values) {
    out.push_back({start, v});
    start += step;
  }
  return out;
}

// `start + i*step` for i in 0..n: the test language's "start+stepxN".
std::vector<double> Ramp(double start, double step, int n) {
  std::vector<double> out;
  for (int i = 0; i <= n; ++i) out.push_back(start + step * i);
  return out;
}

Vector Elements(std::vector<std::pair<Labels, double>> items) {
  Vector out;
  for (auto& [labels, v] : items) out.push_back({std::move(labels), 0, v});
  return out;
}

// ---- Range functions -----------------------------------------------------

TEST(RateTest, PerSecondOverTheWholeWindow) {
  // functions.test: rate(calculate_rate_window[50m]) at 50m over 0+80x10.
  EXPECT_EQ(
      Call("rate", 50 * kMinute).Range(50 * kMinute, Samples(5 * kMinute, Ramp(0, 80, 10))).Value(),
      0.26666666666666666);
}

TEST(RateTest, CounterResetsAddThePreviousValue) {
  // increase(http_requests[30m]) at 30m over 0 1 2 3 2 3 4: 7.
  EXPECT_EQ(Call("increase", 30 * kMinute)
                .Range(30 * kMinute, Samples(5 * kMinute, {0, 1, 2, 3, 2, 3, 4}))
                .Value(),
            7);
}

TEST(RateTest, ExtrapolationStopsAtTheCounterZeroPoint) {
  // Samples 1m apart from 2m to 4m in a 5m window ending at 5m, values
  // 10 11 12: the start is 2m away (>= 1.1 intervals), so only half an
  // interval is added; the zero point (10m back) does not limit it. The end
  // is 1m away (< 1.1 intervals): extrapolated fully. 2 * 3.5m / 2m = 3.5.
  EXPECT_DOUBLE_EQ(Call("increase", 5 * kMinute)
                       .Range(5 * kMinute, Samples(kMinute, {10, 11, 12}, 2 * kMinute))
                       .Value(),
                   3.5);
  // Value 0.2 at the first sample: the zero point is 0.2 * 120s / 2 = 12s
  // before it, closer than the window start (60s): the increase covers
  // 120 + 12 + 60 seconds.
  EXPECT_DOUBLE_EQ(Call("increase", 5 * kMinute)
                       .Range(4 * kMinute, Samples(kMinute, {0.2, 1.2, 2.2}, 2 * kMinute))
                       .Value(),
                   2.0 * (120 + 12 + 60) / 120);
}

TEST(RateTest, DeltaExtrapolatesBothWays) {
  // delta keeps negative slopes and has no zero point.
  EXPECT_DOUBLE_EQ(Call("delta", 20 * kMinute)
                       .Range(20 * kMinute, Samples(5 * kMinute, {200, 150, 100, 50, 0}))
                       .Value(),
                   -200);
}

TEST(RateTest, FewerThanTwoSamplesGiveNothing) {
  EXPECT_TRUE(Call("rate", kMinute).Range(kMinute, {{0, 1}}).Run().vector.empty());
  EXPECT_TRUE(Call("irate", kMinute).Range(kMinute, {{0, 1}}).Run().vector.empty());
  EXPECT_TRUE(Call("deriv", kMinute).Range(kMinute, {{0, 1}}).Run().vector.empty());
}

TEST(IrateTest, LastTwoSamples) {
  // irate(http_requests[50m]) at 30m: /foo 0+10x10 and /bar restarting.
  EXPECT_EQ(
      Call("irate", 30 * kMinute).Range(50 * kMinute, Samples(5 * kMinute, Ramp(0, 10, 6))).Value(),
      .03333333333333333333);
  EXPECT_EQ(Call("irate", 30 * kMinute)
                .Range(50 * kMinute, Samples(5 * kMinute, {0, 10, 20, 30, 40, 0, 0}))
                .Value(),
            0);
  EXPECT_EQ(Call("idelta", 20 * kMinute)
                .Range(20 * kMinute, Samples(5 * kMinute, {0, 50, 100, 50}))
                .Value(),
            -50);
}

TEST(DerivTest, LinearRegression) {
  const auto samples = Samples(5 * kMinute, {0, 10, 20, 30, 40, 0, 10, 20, 30, 40, 50});
  // functions.test: predict_linear(testcounter_reset_middle[100m], 3600) at 50m.
  EXPECT_EQ(Call("predict_linear", 50 * kMinute).Range(100 * kMinute, samples).Scalar(3600).Value(),
            76.81818181818181);
  // ... and with the intercept taken at 10m (the @ 3000 case at 10m).
  EXPECT_EQ(Call("predict_linear", 10 * kMinute).Range(100 * kMinute, samples).Scalar(3600).Value(),
            51.36363636363637);
  EXPECT_EQ(Call("deriv", 50 * kMinute)
                .Range(50 * kMinute, Samples(5 * kMinute, Ramp(0, 80, 10)))
                .Value(),
            0.26666666666666666);
  // A constant series has slope 0; an infinite one NaN.
  EXPECT_EQ(Call("deriv", kMinute).Range(kMinute, {{0, 3}, {kMinute, 3}}).Value(), 0);
  EXPECT_TRUE(
      std::isnan(Call("deriv", kMinute).Range(kMinute, {{0, kInf}, {kMinute, kInf}}).Value()));
}

TEST(HoltWintersTest, FactorsAreChecked) {
  Result r = Call("holt_winters").Range(kMinute, {{0, 1}, {1, 2}}).Scalar(0).Scalar(0.5).Run();
  EXPECT_EQ(r.error, "invalid smoothing factor. Expected: 0 < sf < 1, got: 0.000000");
  r = Call("holt_winters").Range(kMinute, {{0, 1}, {1, 2}}).Scalar(0.5).Scalar(1).Run();
  EXPECT_EQ(r.error, "invalid trend factor. Expected: 0 < tf < 1, got: 1.000000");
  r = Call("holt_winters").Range(kMinute, {{0, 1}, {1, 2}}).Scalar(-kInf).Scalar(0.5).Run();
  EXPECT_EQ(r.error, "invalid smoothing factor. Expected: 0 < sf < 1, got: -Inf");
}

TEST(HoltWintersTest, FollowsATrend) {
  // functions.test: holt_winters(http_requests[1m], 0.01, 0.1) at 8000s
  // over 0+10x1000 at 10s: 8000.
  std::vector<Sample> s = Samples(10'000, Ramp(7940, 10, 6), 7'940'000);
  EXPECT_NEAR(Call("holt_winters", 8'000'000).Range(kMinute, s).Scalar(0.01).Scalar(0.1).Value(),
              8000, 1e-6);
}

TEST(ChangesTest, NaNToNaNIsNoChange) {
  EXPECT_EQ(Call("changes").Range(kMinute, Samples(1, {kNaN, kNaN, kNaN})).Value(), 0);
  EXPECT_EQ(Call("changes").Range(kMinute, Samples(1, {0, kNaN, 0})).Value(), 2);
  EXPECT_EQ(Call("resets").Range(kMinute, Samples(1, {1, 2, 3, 0, 1, 0, 0, 1, 2, 0})).Value(), 3);
}

// ---- *_over_time ---------------------------------------------------------

TEST(OverTimeTest, AvgOverTimeSurvivesOverflowAndInfinities) {
  auto avg = [](std::vector<double> v) {
    return Call("avg_over_time").Range(kMinute, Samples(10'000, std::move(v))).Value();
  };
  // functions.test's avg_over_time cases.
  EXPECT_EQ(avg({9.988465674311579e+307, 9.988465674311579e+307}), 9.988465674311579e+307);
  EXPECT_EQ(avg({-9.988465674311579e+307, 9.988465674311579e+307}), 0);
  EXPECT_EQ(avg({1, 2, 3, 4, kInf}), kInf);
  EXPECT_TRUE(std::isnan(avg({1, 2, 3, kInf, -kInf})));
  EXPECT_EQ(avg({kInf, 0, kInf}), kInf);
  EXPECT_EQ(avg({1, 2, 3, -kInf, -kInf}), -kInf);
  EXPECT_TRUE(std::isnan(avg({-kInf, -kInf, -kInf, kInf})));
}

TEST(OverTimeTest, KahanSums) {
  // Plain summation loses the 1: (1e100 + 1) - 1e100 = 0.
  EXPECT_EQ(Call("sum_over_time").Range(kMinute, Samples(1, {1e100, 1.0, -1e100})).Value(), 1);
  EXPECT_EQ(Call("sum_over_time").Range(kMinute, Samples(1, {1, kInf})).Value(), kInf);
  EXPECT_EQ(Call("count_over_time").Range(kMinute, Samples(1, {1, kNaN, 3})).Value(), 3);
}

TEST(OverTimeTest, StddevAndStdvar) {
  EXPECT_NEAR(Call("stddev_over_time").Range(kMinute, Samples(10'000, {0, 8, 8, 2, 3})).Value(),
              3.249615, 1e-6);
  // Prometheus issue 4927: equal values have no variance, exactly.
  const double v = 1.5990505637277868;
  EXPECT_EQ(Call("stdvar_over_time").Range(kMinute, Samples(10'000, {v, v, v})).Value(), 0);
}

TEST(OverTimeTest, MinMaxSkipNaN) {
  EXPECT_EQ(Call("max_over_time").Range(kMinute, Samples(1, {kNaN, 1, kNaN, 3, 2})).Value(), 3);
  EXPECT_EQ(Call("min_over_time").Range(kMinute, Samples(1, {kNaN, 1, kNaN, 3, 2})).Value(), 1);
  EXPECT_TRUE(std::isnan(Call("max_over_time").Range(kMinute, Samples(1, {kNaN, kNaN})).Value()));
  EXPECT_EQ(Call("last_over_time").Range(kMinute, Samples(1, {1, 2, kNaN, 4})).Value(), 4);
  EXPECT_EQ(Call("present_over_time").Range(kMinute, Samples(1, {kNaN})).Value(), 1);
  EXPECT_EQ(Call("absent_over_time").Range(kMinute, Samples(1, {kNaN})).Value(), 1);
}

TEST(OverTimeTest, QuantileOverTime) {
  // functions.test: quantile_over_time over 0 1 4 ("uneven samples").
  auto q = [](double q) {
    return Call("quantile_over_time").Scalar(q).Range(kMinute, Samples(1, {0, 1, 4})).Value();
  };
  EXPECT_EQ(q(0), 0);
  EXPECT_EQ(q(0.5), 1);
  EXPECT_EQ(q(0.75), 2.5);
  EXPECT_EQ(q(1), 4);
  EXPECT_EQ(q(-1), -kInf);
  EXPECT_EQ(q(2), kInf);
  EXPECT_TRUE(std::isnan(q(kNaN)));
}

// ---- Quantiles -----------------------------------------------------------

TEST(QuantileTest, NaNsSortFirst) {
  std::vector<double> v = {3, kNaN, 1, 2};
  EXPECT_TRUE(std::isnan(Quantile(0, v)));
  v = {3, kNaN, 1, 2};
  EXPECT_EQ(Quantile(1, v), 3);
  // An infinite neighbour with weight 0 still poisons the result: Inf * 0.
  v = {1, kInf};
  EXPECT_TRUE(std::isnan(Quantile(0, v)));
}

TEST(BucketQuantileTest, PrometheusFixUps) {
  std::vector<Bucket> b = {{kInf, 10}, {0.5, 5}, {1, 10}};
  EXPECT_EQ(BucketQuantile(0.5, b), 0.5);
  // The rank in the +Inf bucket: the second highest bound.
  b = {{1, 5}, {kInf, 10}};
  EXPECT_EQ(BucketQuantile(0.9, b), 1);
  // No +Inf bucket, no observations, NaN q.
  b = {{1, 5}, {2, 10}};
  EXPECT_TRUE(std::isnan(BucketQuantile(0.5, b)));
  b = {{1, 0}, {kInf, 0}};
  EXPECT_TRUE(std::isnan(BucketQuantile(0.5, b)));
  b = {{1, 5}, {kInf, 10}};
  EXPECT_TRUE(std::isnan(BucketQuantile(kNaN, b)));
  // A lowest bound <= 0 is returned as is.
  b = {{-0.2, 1}, {0.1, 2}, {kInf, 3}};
  EXPECT_EQ(BucketQuantile(0, b), -0.2);
  // Duplicated bounds are summed, non-monotonic counts lifted: 1 -> {2, 3,
  // 3, 4}; rank 2 lands in the first bucket.
  b = {{1, 1}, {1, 1}, {2, 3}, {3, 1}, {kInf, 4}};
  EXPECT_EQ(BucketQuantile(0.5, b), 1);
  b = {{1, 2}, {2, 3}, {3, 1}, {kInf, 4}};
  EXPECT_DOUBLE_EQ(BucketQuantile(0.875, b), 3);
}

Labels BucketLabels(std::string le, std::string name = "h_bucket") {
  return LabelsBuilder(Labels::FromMap({{"__name__", name}, {"job", "a"}})).Set("le", le).Build();
}

TEST(HistogramQuantileTest, GroupsByLabelsAndParsesLeAsGo) {
  const Vector in = Elements({{BucketLabels("0.1"), 1},
                              {BucketLabels("1e0"), 3},
                              {BucketLabels("+Inf"), 4},
                              {BucketLabels("2 "), 100},  // Go's ParseFloat refuses: skipped
                              {BucketLabels("1", "other_bucket"), 2},
                              {BucketLabels("+inf", "other_bucket"), 2}});
  Result r = Call("histogram_quantile").Scalar(0.5).Vec(in).Run();
  ASSERT_EQ(r.vector.size(), 2u);
  // __name__ and le go; the two histograms stay apart (and collide later).
  EXPECT_EQ(r.vector[0].labels, Labels::FromMap({{"job", "a"}}));
  EXPECT_DOUBLE_EQ(r.vector[0].v, 0.1 + 0.9 * (1.0 / 2));
  EXPECT_EQ(r.vector[1].labels, Labels::FromMap({{"job", "a"}}));
  EXPECT_DOUBLE_EQ(r.vector[1].v, 0.5);
}

TEST(HistogramQuantileTest, GoFloatSyntax) {
  // A negative lowest bound is returned as is for q = 0; a skipped bucket
  // leaves +Inf alone, which gives NaN.
  auto bound = [](std::string le) {
    return Call("histogram_quantile")
        .Scalar(0)
        .Vec(Elements({{BucketLabels(le), 1}, {BucketLabels("Inf"), 1}}))
        .Value();
  };
  EXPECT_EQ(bound("-0x1p-1"), -0.5);
  EXPECT_EQ(bound("-1_0"), -10);
  EXPECT_EQ(bound("-.5e1"), -5);
  EXPECT_EQ(bound("-Infinity"), -kInf);
  EXPECT_TRUE(std::isnan(bound("-1e400")));  // overflow is an error in Go
  EXPECT_TRUE(std::isnan(bound("-0x1")));    // hex needs a p exponent
  EXPECT_TRUE(std::isnan(bound("-1__0")));
  EXPECT_TRUE(std::isnan(bound(" -1")));
  EXPECT_TRUE(std::isnan(bound("-nan")));
}

TEST(HistogramQuantileTest, NativeHistogramFunctionsIgnoreFloats) {
  EXPECT_TRUE(Call("histogram_count").Vec(Elements({{BucketLabels("1"), 1}})).Run().vector.empty());
  EXPECT_TRUE(Call("histogram_sum").Vec(Elements({{BucketLabels("1"), 1}})).Run().vector.empty());
  EXPECT_TRUE(Call("histogram_fraction")
                  .Scalar(0)
                  .Scalar(1)
                  .Vec(Elements({{BucketLabels("1"), 1}}))
                  .Run()
                  .vector.empty());
}

// ---- Element-wise ----------------------------------------------------------

double Apply(std::string_view name, double v) {
  return Call(name).Vec(Elements({{Labels::FromMap({{"__name__", "m"}}), v}})).Value();
}

TEST(MathTest, RoundTiesTowardPlusInfinity) {
  EXPECT_EQ(Apply("round", 2.5), 3);
  EXPECT_EQ(Apply("round", -2.5), -2);
  EXPECT_EQ(Call("round").Vec(Elements({{Labels(), 0.25}})).Scalar(0.1).Value(), 0.3);
}

TEST(MathTest, DropsTheMetricName) {
  Result r =
      Call("abs").Vec(Elements({{Labels::FromMap({{"__name__", "m"}, {"a", "b"}}), -1}})).Run();
  ASSERT_EQ(r.vector.size(), 1u);
  EXPECT_EQ(r.vector[0].labels, Labels::FromMap({{"a", "b"}}));
  EXPECT_EQ(r.vector[0].v, 1);
}

TEST(MathTest, Clamp) {
  auto clamp = [](double v, double min, double max) {
    return Call("clamp").Vec(Elements({{Labels(), v}})).Scalar(min).Scalar(max).Run().vector;
  };
  EXPECT_EQ(clamp(5, 0, 1)[0].v, 1);
  EXPECT_EQ(clamp(-5, 0, 1)[0].v, 0);
  EXPECT_TRUE(clamp(5, 2, 1).empty());
  EXPECT_TRUE(std::isnan(clamp(kNaN, 0, 1)[0].v));
  EXPECT_TRUE(std::isnan(clamp(5, kNaN, 1)[0].v));
  EXPECT_EQ(Call("clamp_min").Vec(Elements({{Labels(), -1}})).Scalar(0).Value(), 0);
  EXPECT_EQ(Call("clamp_max").Vec(Elements({{Labels(), 2}})).Scalar(1).Value(), 1);
}

TEST(MathTest, SignsAndLogs) {
  EXPECT_EQ(Apply("sgn", -3), -1);
  EXPECT_TRUE(std::signbit(Apply("sgn", -0.0)));
  EXPECT_TRUE(std::isnan(Apply("sgn", kNaN)));
  EXPECT_EQ(Apply("log2", 1024), 10);
  // promtool 2.42's values where glibc's log, log2 and log10 differ from
  // Go's in the last bit.
  EXPECT_EQ(Apply("ln", 0.6754021403079287), -3.924470020870253E-01);
  EXPECT_EQ(Apply("log2", 5.740293271206575), 2.5211244459788515);
  EXPECT_EQ(Apply("log10", 7.432430148471102), 8.711308363060227E-01);
  EXPECT_DOUBLE_EQ(Apply("deg", M_PI), 180);
  EXPECT_DOUBLE_EQ(Apply("rad", 180), M_PI);
  EXPECT_EQ(Call("pi").Value(), M_PI);
}

// ---- Time ------------------------------------------------------------------

TEST(TimeTest, CalendarFunctionsOfTheEpoch) {
  // 1970-01-01 was a Thursday.
  EXPECT_EQ(Call("day_of_week").Value(), 4);
  EXPECT_EQ(Call("year").Value(), 1970);
  EXPECT_EQ(Call("month").Value(), 1);
  EXPECT_EQ(Call("day_of_month").Value(), 1);
  EXPECT_EQ(Call("days_in_month").Value(), 31);
  EXPECT_EQ(Call("time", 1500).Value(), 1.5);
}

TEST(TimeTest, CalendarFunctionsOfAVector) {
  // 2020-02-29T13:45:00Z = 1582983900; functions.test-style checks.
  auto at = [](std::string_view name, double v) { return Apply(name, v); };
  EXPECT_EQ(at("year", 1582983900), 2020);
  EXPECT_EQ(at("month", 1582983900), 2);
  EXPECT_EQ(at("day_of_month", 1582983900), 29);
  EXPECT_EQ(at("day_of_year", 1582983900), 60);
  EXPECT_EQ(at("days_in_month", 1582983900), 29);
  EXPECT_EQ(at("day_of_week", 1582983900), 6);
  EXPECT_EQ(at("hour", 1582983900), 13);
  EXPECT_EQ(at("minute", 1582983900), 45);
  EXPECT_EQ(at("day_of_year", 1609459199), 366);  // 2020-12-31T23:59:59Z
  // Before 1970, and a fraction truncated toward zero: 1969-12-31T23:59:59.
  EXPECT_EQ(at("year", -1.5), 1969);
  EXPECT_EQ(at("hour", -1.5), 23);
  EXPECT_EQ(at("minute", -0.5), 0);
  // Without an argument, from the evaluation time (ms truncated to s).
  EXPECT_EQ(Call("hour", 3'600'999).Value(), 1);
}

TEST(TimeTest, TimestampIsTheSamplesTime) {
  Vector in = {{Labels::FromMap({{"__name__", "m"}, {"a", "b"}}), 12'345, 7}};
  Result r = Call("timestamp", 99'000).Vec(in).Run();
  ASSERT_EQ(r.vector.size(), 1u);
  EXPECT_EQ(r.vector[0].labels, Labels::FromMap({{"a", "b"}}));
  EXPECT_EQ(r.vector[0].v, 12.345);
}

// ---- Labels ----------------------------------------------------------------

Result Replace(Labels l, std::string dst, std::string repl, std::string src, std::string re) {
  return Call("label_replace")
      .Vec(Elements({{std::move(l), 1}}))
      .Str(dst)
      .Str(repl)
      .Str(src)
      .Str(re)
      .Run();
}

TEST(LabelReplaceTest, ExpandsAsGo) {
  const Labels l = Labels::FromMap({{"__name__", "m"}, {"src", "source-value-10"}});
  auto dst = [&](std::string repl, std::string re = "(.*)-value-(?P<num>.*)") {
    Result r = Replace(l, "dst", repl, "src", re);
    EXPECT_EQ(r.error, "");
    return std::string(r.vector.at(0).labels.Get("dst"));
  };
  EXPECT_EQ(dst("$1"), "source");
  EXPECT_EQ(dst("${1}x"), "sourcex");
  EXPECT_EQ(dst("$1x"), "");  // the group named "1x"
  EXPECT_EQ(dst("$num-$2"), "10-10");
  EXPECT_EQ(dst("$$1"), "$1");
  EXPECT_EQ(dst("a$"), "a$");
  EXPECT_EQ(dst("${1"), "${1");
  EXPECT_EQ(dst("$3"), "");
  // The regex is anchored: a partial match changes nothing.
  EXPECT_EQ(dst("x", "value"), "");
  // An empty result deletes the label; __name__ stays.
  Result r =
      Replace(Labels::FromMap({{"__name__", "m"}, {"dst", "old"}}), "dst", "$1", "src", "(.*)");
  EXPECT_EQ(r.vector.at(0).labels, Labels::FromMap({{"__name__", "m"}}));
}

TEST(LabelReplaceTest, Errors) {
  EXPECT_EQ(Replace(Labels(), "dst", "", "src", "(.*").error,
            "invalid regular expression in label_replace(): (.*");
  EXPECT_EQ(Replace(Labels(), "1dst", "", "src", ".*").error,
            "invalid destination label name in label_replace(): 1dst");
  // Checked even when the vector is empty.
  EXPECT_EQ(Call("label_replace").Vec({}).Str("-").Str("").Str("s").Str(".*").Run().error,
            "invalid destination label name in label_replace(): -");
}

TEST(LabelJoinTest, JoinsAndChecksNames) {
  const Labels l = Labels::FromMap({{"__name__", "m"}, {"a", "x"}, {"b", "y"}});
  Result r = Call("label_join")
                 .Vec(Elements({{l, 1}}))
                 .Str("d")
                 .Str("-")
                 .Str("a")
                 .Str("missing")
                 .Str("b")
                 .Run();
  EXPECT_EQ(r.vector.at(0).labels.Get("d"), "x--y");
  EXPECT_EQ(r.vector.at(0).labels.Get("__name__"), "m");
  r = Call("label_join").Vec(Elements({{l, 1}})).Str("a").Str("-").Run();
  EXPECT_FALSE(r.vector.at(0).labels.Has("a"));
  EXPECT_EQ(Call("label_join").Vec({}).Str("d").Str("-").Str("a-b").Run().error,
            "invalid source label name in label_join(): a-b");
  EXPECT_EQ(Call("label_join").Vec({}).Str("").Str("-").Str("a").Run().error,
            "invalid destination label name in label_join(): ");
}

// ---- Misc ------------------------------------------------------------------

TEST(SortTest, NaNsLastInReverseOrder) {
  auto l = [](std::string v) { return Labels::FromMap({{"i", v}}); };
  const Vector in =
      Elements({{l("nan1"), kNaN}, {l("a"), 2}, {l("b"), 1}, {l("nan2"), kNaN}, {l("c"), 2}});
  auto order = [](const Vector& v) {
    std::string out;
    for (const auto& el : v) out += std::string(el.labels.Get("i")) + " ";
    return out;
  };
  EXPECT_EQ(order(Call("sort").Vec(in).Run().vector), "b a c nan2 nan1 ");
  EXPECT_EQ(order(Call("sort_desc").Vec(in).Run().vector), "a c b nan2 nan1 ");
}

TEST(MiscTest, ScalarAndVector) {
  EXPECT_EQ(Call("scalar").Vec(Elements({{Labels(), 3}})).Value(), 3);
  EXPECT_TRUE(std::isnan(Call("scalar").Vec({}).Value()));
  EXPECT_TRUE(std::isnan(Call("scalar").Vec(Elements({{Labels(), 1}, {Labels(), 2}})).Value()));
  Result r = Call("vector").Scalar(4).Run();
  ASSERT_EQ(r.vector.size(), 1u);
  EXPECT_TRUE(r.vector[0].labels.empty());
  EXPECT_EQ(r.vector[0].v, 4);
}

promql::ExprPtr Selector(
    std::vector<std::pair<promql::MatchType, std::pair<std::string, std::string>>> ms) {
  auto vs = std::make_unique<promql::VectorSelector>();
  for (auto& [type, nv] : ms) vs->matchers.push_back({type, nv.first, nv.second, {}});
  return vs;
}

TEST(MiscTest, AbsentLabelsFromEqualityMatchers) {
  using promql::MatchType;
  // absent(nonexistent{job="testjob", instance="testinstance", method=~".x"}).
  Result r = Call("absent")
                 .Vec({})
                 .Arg(Selector({{MatchType::Equal, {"__name__", "nonexistent"}},
                                {MatchType::Equal, {"job", "testjob"}},
                                {MatchType::Equal, {"instance", "testinstance"}},
                                {MatchType::Regex, {"method", ".x"}}}))
                 .Run();
  ASSERT_EQ(r.vector.size(), 1u);
  EXPECT_EQ(r.vector[0].labels,
            Labels::FromMap({{"instance", "testinstance"}, {"job", "testjob"}}));
  EXPECT_EQ(r.vector[0].v, 1);
  // absent(nonexistent{job="testjob", job="testjob2", foo="bar"}): {foo="bar"}.
  r = Call("absent")
          .Vec({})
          .Arg(Selector({{MatchType::Equal, {"job", "testjob"}},
                         {MatchType::Equal, {"job", "testjob2"}},
                         {MatchType::Equal, {"foo", "bar"}}}))
          .Run();
  EXPECT_EQ(r.vector.at(0).labels, Labels::FromMap({{"foo", "bar"}}));
  // Present: nothing.
  EXPECT_TRUE(Call("absent").Vec(Elements({{Labels(), 1}})).Arg(Selector({})).Run().vector.empty());
}

}  // namespace
}  // namespace monc::runtime
