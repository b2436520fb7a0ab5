#include "core/base/run_palette.hpp"

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

}  // namespace
}  // namespace lrscope::core
