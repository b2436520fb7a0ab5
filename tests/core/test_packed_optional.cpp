#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>

#include "core/base/packed_optional.hpp"
#include "core/training/epoch_record.hpp"

namespace lrscope::core {
namespace {

TEST(PackedOptional, EmptyAndEveryDoubleIncludingNanStayApart) {
    const PackedOptional empty;
    EXPECT_FALSE(empty.has_value());
    EXPECT_TRUE(empty == std::nullopt);
    EXPECT_EQ(empty.value_or(2.5), 2.5);
    EXPECT_THROW((void)empty.value(), std::bad_optional_access);
    for (const double v : {0.0, -0.0, 1.5, -1e300, std::numeric_limits<double>::infinity(),
                           std::numeric_limits<double>::denorm_min()}) {
        const PackedOptional held = v;
        ASSERT_TRUE(held.has_value()) << v;
        EXPECT_EQ(std::signbit(*held), std::signbit(v));
        EXPECT_EQ(*held, v);
    }
    const PackedOptional nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_TRUE(nan.has_value());
    EXPECT_TRUE(std::isnan(*nan));
    EXPECT_TRUE(PackedOptional(0.0 * std::numeric_limits<double>::infinity()).has_value());
}

TEST(PackedOptional, ConvertsToAndFromStdOptional) {
    const std::optional<double> none = PackedOptional{};
    EXPECT_FALSE(none.has_value());
    const std::optional<double> some = PackedOptional{0.25};
    ASSERT_TRUE(some.has_value());
    EXPECT_EQ(*some, 0.25);
    PackedOptional back = std::optional<double>{};
    EXPECT_FALSE(back.has_value());
    back = std::optional<double>{3.0};
    EXPECT_TRUE(back == 3.0);
    back.reset();
    EXPECT_TRUE(back == PackedOptional{});
}

TEST(PackedOptional, KeepsAnEpochRecordAt88Bytes) {
    EXPECT_EQ(sizeof(PackedOptional), sizeof(double));
    EXPECT_EQ(sizeof(EpochRecord), 88U);
    const EpochRecord record;
    EXPECT_FALSE(record.testLoss.has_value());
    EXPECT_FALSE(record.lrChangedTo.has_value());
}

}  // namespace
}  // namespace lrscope::core
