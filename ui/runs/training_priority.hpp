#pragma once

// How training threads are scheduled beside the window's own threads.
namespace lrscope::ui {

// The nice value of training threads when `threads` of them share the machine. They run below
// the GUI thread so a window with more runs than cores still answers at once (idle cores are
// used in full either way): nice 10 for up to four threads, and nicer the more there are, so
// that together they never weigh more than four at nice 10 (Linux's scheduler weighs each nice
// step 1.25 times less). 32 threads on 2 cores at nice 10 left the GUI thread a third of a core.
int trainingNiceness(unsigned threads);

// The time slice training threads ask for. Longer than the default of any thread of the window
// (0.7 ms times 1 + log2 of the cores up to 8, so under 3 ms; 1.4 ms on 2 cores), because Linux's
// EEVDF scheduler lets a woken thread take the core at once only from a thread with a longer slice.
// Short, because a woken thread that has run ahead of its share still waits for the running one's
// slice to end: with 100 ms the window stalled for 100 ms now and then.
inline constexpr unsigned long long kTrainingSliceNs = 5'000'000;

// Called on a training thread: at least `niceness`, and kTrainingSliceNs where the kernel takes
// a slice (Linux 6.12 on). A thread can lower its own priority but never raise it again.
void lowerThisThreadForTraining(int niceness);

}  // namespace lrscope::ui
