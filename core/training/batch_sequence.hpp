#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/base/random.hpp"
#include "core/data/dataset.hpp"
#include "core/nn/loss.hpp"

namespace lrscope::core {

struct RunConfig;

// One mini-batch: the inputs (features x batch) and their targets. Valid until the next call
// to BatchSequence::next().
struct BatchView {
    const Matrix* features = nullptr;
    TargetsView targets;
    bool lastOfEpoch = false;  // the epoch's last batch (it may be partial)
};

// The mini-batches of a run, epoch after epoch: the training rows shuffled at the start of
// every epoch from the run's seed (or kept in file order), cut into batches of
// config.batchSize (0 = the whole split); an epoch's last batch may be partial. train() and
// the range test both read their batches from here, so both see the same batches in the
// same order.
class BatchSequence {
public:
    BatchSequence(const RunConfig& config, const Dataset& trainSet);

    // Starts the next epoch (reshuffling when the run shuffles).
    void beginEpoch();
    // True while the current epoch has batches left.
    bool hasNext() const { return next_ < sampleCount_; }
    BatchView next();

    std::size_t batchSize() const { return batchSize_; }
    std::size_t batchesPerEpoch() const { return (sampleCount_ + batchSize_ - 1) / batchSize_; }

private:
    const Dataset& data_;
    bool shuffle_;
    std::size_t sampleCount_;
    std::size_t batchSize_;
    // Without shuffling a whole-split batch is the split itself: nothing to gather.
    bool gathers_;
    Rng shuffleRng_;
    std::vector<Eigen::Index> order_;
    std::size_t next_;  // first row (in order_) of the next batch

    // The gathered batch, reused so that no batch allocates once the shapes are known.
    Matrix features_;
    std::vector<int> labels_;
    Matrix targets_;
};

}  // namespace lrscope::core
