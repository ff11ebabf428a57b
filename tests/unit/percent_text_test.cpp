// The rule for writing a rate (src/percent_text.hpp), shared by the report and
// the command: one decimal, half up, and 100% or 0% only when exact.
#include "percent_text.hpp"

#include <gtest/gtest.h>

#include <limits>

using fazhi::text::ratio_percent;
using fazhi::text::value_percent;

namespace {

TEST(PercentText, UsualRatesHaveOneDecimalRoundedHalfUpWithoutATrailingZero) {
  EXPECT_EQ(ratio_percent(132, 134), "98.5%");
  EXPECT_EQ(ratio_percent(1, 3), "33.3%");
  EXPECT_EQ(ratio_percent(2, 3), "66.7%");
  EXPECT_EQ(ratio_percent(1, 2), "50%");
  EXPECT_EQ(ratio_percent(9901, 10000), "99%");  // 99.01 at one decimal
  // Half up at the first decimal: 6.25 -> 6.3, 18.75 -> 18.8, 0.05 -> 0.1.
  EXPECT_EQ(ratio_percent(1, 8), "12.5%");
  EXPECT_EQ(ratio_percent(1, 16), "6.3%");
  EXPECT_EQ(ratio_percent(3, 16), "18.8%");
  EXPECT_EQ(ratio_percent(1, 2000), "0.1%");
  EXPECT_EQ(ratio_percent(1997, 2000), "99.9%");  // 99.85
}

TEST(PercentText, ExactlyFullAndEmptyRatesAreHundredAndZero) {
  EXPECT_EQ(ratio_percent(1, 1), "100%");
  EXPECT_EQ(ratio_percent(250134, 250134), "100%");
  EXPECT_EQ(ratio_percent(0, 5), "0%");
  EXPECT_EQ(ratio_percent(0, 250134), "0%");
}

TEST(PercentText, ANearlyFullRateIsNeverHundred) {
  EXPECT_EQ(ratio_percent(250132, 250134), "99.9992%");  // 0.0008 short of 100
  EXPECT_EQ(ratio_percent(250133, 250134), "99.9996%");
  EXPECT_EQ(ratio_percent(1999, 2000), "99.95%");        // would round half up to 100.0
  EXPECT_EQ(ratio_percent(2499, 2500), "99.96%");
  EXPECT_EQ(ratio_percent(19999, 20000), "99.995%");
  EXPECT_EQ(ratio_percent(99999, 100000), "99.999%");    // 0.001 short, held as 0.000999...
  EXPECT_EQ(ratio_percent(9999901, 10000000), "99.999%");  // 99.99901: 99.9990 without its zero
  // Above 100% (more attended than expected) is not 100% either.
  EXPECT_EQ(ratio_percent(250136, 250134), "100.0008%");
}

TEST(PercentText, ANearlyEmptyRateIsNeverZero) {
  EXPECT_EQ(ratio_percent(1, 250134), "0.0004%");
  EXPECT_EQ(ratio_percent(1, 2500), "0.04%");
  EXPECT_EQ(ratio_percent(1, 1000000), "0.0001%");
  EXPECT_EQ(ratio_percent(3, 10000000), "0.00003%");
}

TEST(PercentText, BeyondSixDecimalsTheRateIsABoundThatHolds) {
  EXPECT_EQ(ratio_percent(999999999, 1000000000), ">99.999999%");
  EXPECT_EQ(ratio_percent(1000000001, 1000000000), "<100.000001%");
  EXPECT_EQ(ratio_percent(1, 1000000000), "<0.000001%");
  EXPECT_EQ(ratio_percent(1, 100000000), "0.000001%");  // exactly at the sixth decimal
}

TEST(PercentText, TheCommandsTableKeepsItsDecimal) {
  EXPECT_EQ(ratio_percent(1, 1, 1, true), "100.0%");
  EXPECT_EQ(ratio_percent(0, 5, 1, true), "0.0%");
  EXPECT_EQ(ratio_percent(132, 134, 1, true), "98.5%");
  EXPECT_EQ(ratio_percent(9901, 10000, 1, true), "99.0%");
  EXPECT_EQ(ratio_percent(250132, 250134, 1, true), "99.9992%");
  EXPECT_EQ(ratio_percent(1, 250134, 1, true), "0.0004%");
}

TEST(PercentText, NoDenominatorIsNoData) {
  EXPECT_EQ(ratio_percent(0, 0), "无数据");
  EXPECT_EQ(value_percent(std::numeric_limits<double>::quiet_NaN()), "无数据");
}

TEST(PercentText, AValueWithoutCountsIsHundredOrZeroOnlyWhenExact) {
  EXPECT_EQ(value_percent(100), "100%");
  EXPECT_EQ(value_percent(0), "0%");
  EXPECT_EQ(value_percent(98.45), "98.5%");
  EXPECT_EQ(value_percent(99.9992), "99.9992%");
  EXPECT_EQ(value_percent(0.0004), "0.0004%");
  EXPECT_EQ(value_percent(100 - 1e-8), ">99.999999%");
  EXPECT_EQ(value_percent(100, 1, true), "100.0%");
}

}  // namespace
