#include "core/base/number_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace lrscope::core {
namespace {

TEST(FormatNumber, ShortestRoundTripText) {
    EXPECT_EQ(formatNumber(0.1), "0.1");
    EXPECT_EQ(formatNumber(1.0), "1");
    EXPECT_EQ(formatNumber(-2.5), "-2.5");
    EXPECT_EQ(formatNumber(1e20), "1e+20");
    EXPECT_EQ(formatNumber(0.0), "0");
    EXPECT_EQ(formatNumber(1.0 / 3.0), "0.3333333333333333");
}

TEST(FormatNumber, NonFiniteValues) {
    EXPECT_EQ(formatNumber(std::numeric_limits<double>::quiet_NaN()), "nan");
    EXPECT_EQ(formatNumber(-std::numeric_limits<double>::quiet_NaN()), "nan");
    EXPECT_EQ(formatNumber(std::numeric_limits<double>::infinity()), "inf");
    EXPECT_EQ(formatNumber(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(FormatNumber, ReadsBackBitIdentical) {
    const std::vector<double> values = {0.1 + 0.2,
                                        1e-300,
                                        std::numeric_limits<double>::denorm_min(),
                                        std::numeric_limits<double>::max(),
                                        -123456.789e-7,
                                        std::nextafter(1.0, 2.0)};
    for (const double value : values) {
        const auto parsed = parseDouble(formatNumber(value));
        ASSERT_TRUE(parsed.has_value()) << formatNumber(value);
        EXPECT_EQ(*parsed, value) << formatNumber(value);
    }
}

TEST(FormatCompact, PicksTheShorterForm) {
    EXPECT_EQ(formatCompact(0.003), "3e-3");
    EXPECT_EQ(formatCompact(0.03), "0.03");
    EXPECT_EQ(formatCompact(0.1), "0.1");
    EXPECT_EQ(formatCompact(1.0), "1");
    EXPECT_EQ(formatCompact(1.5e-4), "1.5e-4");
    EXPECT_EQ(formatCompact(3e-2), "0.03");
    EXPECT_EQ(formatCompact(2.5), "2.5");
    EXPECT_EQ(formatCompact(1e-6), "1e-6");
    EXPECT_EQ(formatCompact(1e6), "1e6");
    EXPECT_EQ(formatCompact(0.0), "0");
    EXPECT_EQ(formatCompact(-0.001), "-1e-3");
}

TEST(FormatCompact, KeepsWholeNumbersUpTo9999Fixed) {
    EXPECT_EQ(formatCompact(10.0), "10");
    EXPECT_EQ(formatCompact(100.0), "100");
    EXPECT_EQ(formatCompact(1000.0), "1000");
    EXPECT_EQ(formatCompact(10000.0), "1e4");
}

TEST(FormatCompact, RoundsToTheRequestedDigits) {
    EXPECT_EQ(formatCompact(0.123456), "0.123");
    EXPECT_EQ(formatCompact(0.123456, 2), "0.12");
    EXPECT_EQ(formatCompact(1.23456e-5), "1.23e-5");
    EXPECT_EQ(formatCompact(0.0299999), "0.03");
    EXPECT_EQ(formatCompact(9.9999), "10");
    EXPECT_EQ(formatCompact(1234.5), "1230");
    EXPECT_EQ(formatCompact(3.14159, 1), "3");
}

TEST(FormatCompact, NonFiniteValues) {
    EXPECT_EQ(formatCompact(std::numeric_limits<double>::quiet_NaN()), "nan");
    EXPECT_EQ(formatCompact(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(ParseDouble, AcceptsWholeNumbers) {
    EXPECT_EQ(parseDouble("1.5"), 1.5);
    EXPECT_EQ(parseDouble("-2"), -2.0);
    EXPECT_EQ(parseDouble("+3e-2"), 3e-2);
    EXPECT_EQ(parseDouble(".5"), 0.5);
    EXPECT_EQ(parseDouble("1E3"), 1000.0);
}

TEST(ParseDouble, RejectsJunk) {
    EXPECT_FALSE(parseDouble(""));
    EXPECT_FALSE(parseDouble("+"));
    EXPECT_FALSE(parseDouble("abc"));
    EXPECT_FALSE(parseDouble("1.5x"));
    EXPECT_FALSE(parseDouble(" 1.5"));
    EXPECT_FALSE(parseDouble("1.5 "));
    EXPECT_FALSE(parseDouble("+-1"));
    EXPECT_FALSE(parseDouble("++1"));
    EXPECT_FALSE(parseDouble("1,5"));
    EXPECT_FALSE(parseDouble("0x10"));
}

TEST(ParseDouble, NonFiniteTextParses) {
    EXPECT_TRUE(std::isnan(*parseDouble("nan")));
    EXPECT_EQ(parseDouble("inf"), std::numeric_limits<double>::infinity());
    EXPECT_EQ(parseDouble("-inf"), -std::numeric_limits<double>::infinity());
    // Beyond the range of a double: overflow reads as infinity, underflow as (nearly) zero.
    EXPECT_EQ(parseDouble("1e999"), std::numeric_limits<double>::infinity());
    EXPECT_EQ(parseDouble("-1e999"), -std::numeric_limits<double>::infinity());
    EXPECT_EQ(parseDouble("1e-999"), 0.0);
}

TEST(ParseLong, AcceptsWholeIntegers) {
    EXPECT_EQ(parseLong("42"), 42L);
    EXPECT_EQ(parseLong("+7"), 7L);
    EXPECT_EQ(parseLong("-3"), -3L);
    EXPECT_EQ(parseLong("0"), 0L);
}

TEST(ParseLong, RejectsJunkAndOverflow) {
    EXPECT_FALSE(parseLong(""));
    EXPECT_FALSE(parseLong("1.5"));
    EXPECT_FALSE(parseLong("1e3"));
    EXPECT_FALSE(parseLong(" 1"));
    EXPECT_FALSE(parseLong("1 "));
    EXPECT_FALSE(parseLong("+-1"));
    EXPECT_FALSE(parseLong("99999999999999999999999"));
}

}  // namespace
}  // namespace lrscope::core
