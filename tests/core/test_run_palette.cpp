#include "core/base/run_palette.hpp"

#include <set>
#include <utility>

#include <gtest/gtest.h>

namespace lrscope::core {
namespace {

TEST(RunPalette, HexColoursInOrderAndRepeating) {
    EXPECT_EQ(runColourHex(0), "#0072b2");
    EXPECT_EQ(runColourHex(1), "#d55e00");
    EXPECT_EQ(runColourHex(6), "#000000");
    EXPECT_EQ(runColourHex(9), "#332288");
    EXPECT_EQ(runColourHex(10), runColourHex(0));
    EXPECT_EQ(runColourHex(-1), "#332288");
}

TEST(RunPalette, ColourAndStyleCycleTellTheFirstHundredRunsApart) {
    EXPECT_EQ(runStyleCycle(0), 0);
    EXPECT_EQ(runStyleCycle(9), 0);
    EXPECT_EQ(runStyleCycle(10), 1);
    EXPECT_EQ(runStyleCycle(25), 2);
    std::set<std::pair<std::uint32_t, int>> styles;
    for (int i = 0; i < 100; ++i) {
        EXPECT_TRUE(styles.emplace(runColourRgb(i), runStyleCycle(i)).second) << "run " << i;
    }
}

}  // namespace
}  // namespace lrscope::core
