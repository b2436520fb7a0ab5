#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace lrscope::core {

// Colours for runs, in the order new runs take them, as 0xRRGGBB: Okabe & Ito's
// colour-blind-safe set (without its yellow, which is unreadable on white), then three of
// Paul Tol's "muted" colours. The window and the CLI's session files share this table; the
// sequence repeats after kRunColours.size() runs.
inline constexpr std::array<std::uint32_t, 10> kRunColours = {
    0x0072B2,  // blue
    0xD55E00,  // vermillion
    0x009E73,  // bluish green
    0xCC79A7,  // reddish purple
    0xE69F00,  // orange
    0x56B4E9,  // sky blue
    0x000000,  // black
    0x882255,  // wine
    0x999933,  // olive
    0x332288,  // indigo
};

// How often the palette has repeated by the run at `index` (0 for the first
// kRunColours.size() runs, 1 for the next ones, ...). Runs of the same colour tell themselves
// apart by this cycle: the window draws cycle 0 as plain lines and gives every later cycle a
// marker shape of its own.
int runStyleCycle(int index);

// The colour of the run at `index` (0-based, any integer; the table repeats) as 0xRRGGBB,
// and as "#rrggbb".
std::uint32_t runColourRgb(int index);
std::string runColourHex(int index);

}  // namespace lrscope::core
