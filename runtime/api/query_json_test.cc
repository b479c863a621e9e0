#include "runtime/api/query_json.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace monc::runtime {
namespace {

TEST(QueryJsonTest, TimesAreSecondsWithAtMostThreeDecimals) {
  EXPECT_EQ(TimeJson(1700000000000).dump(), "1700000000");
  EXPECT_EQ(TimeJson(1700000000123).dump(), "1700000000.123");
  EXPECT_EQ(TimeJson(1500).dump(), "1.5");
  EXPECT_EQ(TimeJson(1).dump(), "0.001");
  EXPECT_EQ(TimeJson(-1500).dump(), "-1.5");
}

TEST(QueryJsonTest, ValuesAsGoFormatsThem) {
  EXPECT_EQ(ValueText(1), "1");
  EXPECT_EQ(ValueText(0.1), "0.1");
  EXPECT_EQ(ValueText(1e21), "1000000000000000000000");
  EXPECT_EQ(ValueText(std::nan("")), "NaN");
  EXPECT_EQ(ValueText(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(ValueText(-std::numeric_limits<double>::infinity()), "-Inf");
}

TEST(QueryJsonTest, Vector) {
  Value v = Vector{{Labels::FromMap({{"job", "api"}, {"__name__", "up"}}), 1500, 2}};
  EXPECT_EQ(DataJson(v).dump(),
            R"({"resultType":"vector","result":[{"metric":{"__name__":"up","job":"api"},)"
            R"("value":[1.5,"2"]}]})");
  EXPECT_EQ(ResultJson(Vector{}).dump(), "[]");
}

TEST(QueryJsonTest, ScalarAndString) {
  EXPECT_EQ(DataJson(Scalar{2000, 0.5}).dump(), R"({"resultType":"scalar","result":[2,"0.5"]})");
  EXPECT_EQ(DataJson(String{2000, "a\"b"}).dump(),
            R"({"resultType":"string","result":[2,"a\"b"]})");
}

TEST(QueryJsonTest, Matrix) {
  Value m = Matrix{{Labels::FromMap({{"a", "b"}}), {{1000, 1}, {2000, 2}}}};
  EXPECT_EQ(ResultJson(m).dump(), R"([{"metric":{"a":"b"},"values":[[1,"1"],[2,"2"]]}])");
}

TEST(QueryJsonTest, Error) {
  EXPECT_EQ(ErrorJson("boom").dump(), R"({"error":"boom","errorType":"execution"})");
}

}  // namespace
}  // namespace monc::runtime
