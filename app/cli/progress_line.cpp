#include "app/cli/progress_line.hpp"

namespace lrscope::cli {

void ProgressLine::update(const std::string& text) {
    if (!enabled_) {
        return;
    }
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) {
        return;
    }
    last_ = now;
    std::string padded = text;
    if (padded.size() < width_) {
        padded.append(width_ - padded.size(), ' ');
    }
    width_ = text.size();
    stream_ << '\r' << padded << std::flush;
}

void ProgressLine::clear() {
    if (!enabled_) {
        return;
    }
    std::lock_guard lock(mutex_);
    if (width_ > 0) {
        stream_ << '\r' << std::string(width_, ' ') << '\r' << std::flush;
        width_ = 0;
    }
}

}  // namespace lrscope::cli
