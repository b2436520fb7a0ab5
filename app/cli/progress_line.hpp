#pragma once

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>

namespace lrscope::cli {

// A single self-overwriting status line on a terminal, redrawn at most ten times a second.
// Thread-safe; does nothing when disabled.
class ProgressLine {
public:
    ProgressLine(std::ostream& stream, bool enabled) : stream_(stream), enabled_(enabled) {}
    ~ProgressLine() { clear(); }

    void update(const std::string& text);
    void clear();

private:
    std::ostream& stream_;
    bool enabled_;
    std::mutex mutex_;
    std::chrono::steady_clock::time_point last_{};
    size_t width_ = 0;
};

}  // namespace lrscope::cli
