// Weight snapshots for views: period, latest wins, rate limit, and a reader on another thread.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "core/training/run_control.hpp"
#include "core/training/trainer.hpp"
#include "core/training/weight_snapshots.hpp"

namespace lrscope::core {
namespace {

RunConfig smallRun(int epochs) {
    RunConfig config;
    config.data.dataset = "xor";
    config.data.samples = 40;
    config.hiddenLayers = {4};
    config.epochs = epochs;
    config.batchSize = 8;
    config.optimizer.lr = 0.1;
    return config;
}

// Takes every snapshot the moment it is offered, so the test sees each one.
class TakingObserver : public TrainingObserver {
public:
    explicit TakingObserver(SnapshotMailbox& mailbox) : mailbox_(mailbox) {}
    void onEpoch(const EpochRecord& record) override {
        // The trainer offers after the record: what is here now was offered last epoch.
        if (auto snapshot = mailbox_.take()) {
            epochs.push_back(snapshot->epoch);
            EXPECT_LT(snapshot->epoch, record.epoch);
        }
    }
    std::vector<int> epochs;

private:
    SnapshotMailbox& mailbox_;
};

TEST(WeightSnapshots, RequestedEveryKEpochsTheOffersAreTheMultiplesOfK) {
    RunControl control;
    control.snapshots().request(3, 0.0);
    TakingObserver observer(control.snapshots());
    const RunResult result = train(1, smallRun(14), control, observer);
    if (auto last = control.snapshots().take()) {
        observer.epochs.push_back(last->epoch);
    }
    EXPECT_EQ(observer.epochs, (std::vector<int>{3, 6, 9, 12}));
    EXPECT_EQ(result.status, RunStatus::Completed);
}

TEST(WeightSnapshots, WithoutARequestNothingIsOffered) {
    RunControl control;
    TakingObserver observer(control.snapshots());
    train(1, smallRun(10), control, observer);
    EXPECT_TRUE(observer.epochs.empty());
    EXPECT_FALSE(control.snapshots().take().has_value());
    EXPECT_FALSE(control.snapshots().wanted(0)) << "epoch 0 is a multiple of everything";
}

TEST(WeightSnapshots, AReaderThatNeverTakesHoldsOnlyTheLatest) {
    RunControl control;
    control.snapshots().request(1, 0.0);
    TrainingObserver silent;
    const RunResult result = train(1, smallRun(25), control, silent);
    const auto snapshot = control.snapshots().take();
    ASSERT_TRUE(snapshot.has_value());
    EXPECT_EQ(snapshot->epoch, 25);
    ASSERT_EQ(snapshot->weights.layers.size(), result.finalWeights.layers.size());
    for (size_t l = 0; l < snapshot->weights.layers.size(); ++l) {
        EXPECT_EQ(snapshot->weights.layers[l].weight, result.finalWeights.layers[l].weight);
    }
    EXPECT_FALSE(control.snapshots().take().has_value()) << "one slot: the older ones are gone";
}

TEST(WeightSnapshots, TryTakeTakesWhatTakeWouldWhenNobodyHoldsTheMailbox) {
    SnapshotMailbox mailbox([] { return 0.0; });
    mailbox.request(1, 0.0);
    EXPECT_FALSE(mailbox.tryTake().has_value()) << "nothing offered yet";
    ASSERT_TRUE(mailbox.wanted(3));
    WeightSnapshot offered;
    offered.epoch = 3;
    mailbox.offer(offered);
    const auto taken = mailbox.tryTake();
    ASSERT_TRUE(taken.has_value());
    EXPECT_EQ(taken->epoch, 3);
    EXPECT_FALSE(mailbox.take().has_value()) << "taken once";
}

TEST(WeightSnapshots, RequestingZeroStopsTheOffers) {
    SnapshotMailbox mailbox([] { return 0.0; });
    mailbox.request(2, 0.0);
    EXPECT_FALSE(mailbox.wanted(1));
    EXPECT_TRUE(mailbox.wanted(2));
    mailbox.request(0);
    EXPECT_FALSE(mailbox.wanted(4));
    mailbox.request(-3);
    EXPECT_FALSE(mailbox.wanted(6)) << "a negative period asks for nothing";
}

TEST(WeightSnapshots, TheRateLimitHoldsOnAnInjectedClock) {
    double now = 100.0;
    SnapshotMailbox mailbox([&now] { return now; });
    mailbox.request(1, 4.0);  // at most one offer per 0.25 s
    EXPECT_TRUE(mailbox.wanted(1));
    EXPECT_FALSE(mailbox.wanted(2)) << "same instant";
    now = 100.2;
    EXPECT_FALSE(mailbox.wanted(3));
    now = 100.25;
    EXPECT_TRUE(mailbox.wanted(4));
    now = 100.3;
    EXPECT_FALSE(mailbox.wanted(5)) << "the period counts from the last offer";
    now = 101.0;
    EXPECT_TRUE(mailbox.wanted(6));
    mailbox.request(1, 4.0);
    EXPECT_TRUE(mailbox.wanted(7)) << "a new request starts a new period";
}

TEST(WeightSnapshots, EveryKEpochsAndTheRateLimitTogether) {
    double now = 0.0;
    SnapshotMailbox mailbox([&now] { return now; });
    mailbox.request(5, 1.0);
    std::vector<int> offered;
    for (int epoch = 1; epoch <= 40; ++epoch) {
        now += 0.3;  // an epoch takes 0.3 s on this clock
        if (mailbox.wanted(epoch)) {
            offered.push_back(epoch);
        }
    }
    // Due at 5 (1.5 s), 10 (3.0 s), 15 (4.5 s), ...: 1.5 s apart, so the limit never bites.
    EXPECT_EQ(offered, (std::vector<int>{5, 10, 15, 20, 25, 30, 35, 40}));
    now = 0.0;
    mailbox.request(1, 1.0);
    offered.clear();
    for (int epoch = 1; epoch <= 10; ++epoch) {
        now += 0.3;
        if (mailbox.wanted(epoch)) {
            offered.push_back(epoch);
        }
    }
    // At most one per second: 0.3 s, then the first epoch at least 1 s later, and so on.
    EXPECT_EQ(offered, (std::vector<int>{1, 5, 9}));
}

// Under TSan this is the test that matters: request and take race with the trainer's
// wanted and offer.
TEST(WeightSnapshots, AReaderOnAnotherThreadTakesWhileTheRunTrains) {
    RunControl control;
    SnapshotMailbox& mailbox = control.snapshots();
    std::atomic<bool> done{false};
    RunResult result;
    mailbox.request(1, 0.0);
    std::thread trainer([&] {
        TrainingObserver silent;
        result = train(1, smallRun(400), control, silent);
        done.store(true);
    });
    std::vector<WeightSnapshot> taken;
    // Periods 1 and 2 in turn: whichever is in force, every even epoch is offered.
    int period = 1;
    while (!done.load()) {
        mailbox.request(period, 0.0);
        period = 3 - period;
        if (auto snapshot = mailbox.take()) {
            taken.push_back(std::move(*snapshot));
        }
        std::this_thread::yield();
    }
    trainer.join();
    if (auto snapshot = mailbox.take()) {
        taken.push_back(std::move(*snapshot));
    }
    ASSERT_EQ(result.status, RunStatus::Completed);
    ASSERT_FALSE(taken.empty());
    EXPECT_EQ(taken.back().epoch, 400) << "the last offer is the final epoch's";
    int previous = 0;
    for (const WeightSnapshot& snapshot : taken) {
        EXPECT_GT(snapshot.epoch, previous) << "newer each time";
        EXPECT_LE(snapshot.epoch, 400);
        previous = snapshot.epoch;
        ASSERT_EQ(snapshot.weights.layers.size(), result.finalWeights.layers.size());
        EXPECT_EQ(snapshot.weights.layers[0].weight.rows(), 4);
    }
}

}  // namespace
}  // namespace lrscope::core
