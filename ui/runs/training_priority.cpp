#include "ui/runs/training_priority.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>

#ifdef __linux__
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace lrscope::ui {

namespace {

#ifdef __linux__
// sched_setattr(2)'s argument (glibc 2.36 has no wrapper): the first version of the layout.
struct SchedAttr {
    std::uint32_t size = sizeof(SchedAttr);
    std::uint32_t policy = SCHED_OTHER;
    std::uint64_t flags = 0;
    std::int32_t nice = 0;
    std::uint32_t priority = 0;
    std::uint64_t runtime = 0;  // for SCHED_OTHER, since Linux 6.12: the time slice
    std::uint64_t deadline = 0;
    std::uint64_t period = 0;
};
static_assert(sizeof(SchedAttr) == 48);
#endif

}  // namespace

void lowerThisThreadForTraining(int niceness) {
#ifdef __linux__
    // On Linux the nice value and the slice are per thread. The nice value only weighs how much
    // of a core each thread gets; the slice (kTrainingSliceNs) is what lets the window's threads
    // in at once. Painting the network view hands work to Qt's pool threads and back dozens of
    // times a frame, and with 32 training threads at nice 19 on default slices each hand-over
    // waited for the next tick (4-12 ms): the window stood still for up to 1.1 s. SCHED_IDLE
    // let them in too, but under load from other programs it leaves training next to nothing:
    // a run then took a minute to train its first epoch.
    errno = 0;
    int current = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
    if (errno != 0) {
        return;
    }
    if (current < niceness) {
        current = setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), niceness) == 0 ? niceness
                                                                                        : current;
    }
    SchedAttr attr;
    attr.nice = current;
    attr.runtime = kTrainingSliceNs;
    // Kernels before 6.12 ignore the slice; the nice value holds either way.
    syscall(SYS_sched_setattr, 0, &attr, 0U);
#endif
}

int trainingNiceness(unsigned threads) {
    // Each nice step weighs a thread 1.25 times less with Linux's scheduler.
    constexpr int kNiceness = 10;
    constexpr unsigned kThreads = 4;
    if (threads <= kThreads) {
        return kNiceness;
    }
    const double steps = std::log(static_cast<double>(threads) / kThreads) / std::log(1.25);
    return std::min(19, kNiceness + static_cast<int>(std::ceil(steps - 1e-9)));
}

}  // namespace lrscope::ui
