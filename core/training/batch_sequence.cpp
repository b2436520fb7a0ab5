#include "core/training/batch_sequence.hpp"

#include <algorithm>
#include <numeric>

#include "core/training/run_config.hpp"

namespace lrscope::core {

namespace {

// A stream apart from the initial weights' (which use the seed itself).
constexpr std::uint64_t kShuffleStream = 0x9E3779B97F4A7C15ULL;

}  // namespace

BatchSequence::BatchSequence(const RunConfig& config, const Dataset& trainSet)
    : data_(trainSet),
      shuffle_(config.shuffle),
      sampleCount_(static_cast<std::size_t>(trainSet.sampleCount())),
      batchSize_(config.batchSize <= 0
                     ? sampleCount_
                     : std::min(sampleCount_, static_cast<std::size_t>(config.batchSize))),
      gathers_(config.shuffle || batchSize_ != sampleCount_),
      shuffleRng_(config.seed ^ kShuffleStream),
      order_(sampleCount_),
      next_(sampleCount_) {
    std::iota(order_.begin(), order_.end(), Eigen::Index{0});
}

void BatchSequence::beginEpoch() {
    if (shuffle_) {
        shuffleRng_.shuffle(order_);
    }
    next_ = 0;
}

BatchView BatchSequence::next() {
    const std::size_t begin = next_;
    const std::size_t end = std::min(sampleCount_, begin + batchSize_);
    next_ = end;
    const bool classify = data_.task == Task::Classify;
    BatchView view;
    view.lastOfEpoch = end == sampleCount_;
    if (!gathers_) {
        view.features = &data_.features;
        if (classify) {
            view.targets.labels = data_.labels.data();
        } else {
            view.targets.values = &data_.targets;
        }
        return view;
    }
    const auto count = static_cast<Eigen::Index>(end - begin);
    features_.resize(data_.features.rows(), count);
    if (classify) {
        labels_.resize(end - begin);
    } else {
        targets_.resize(data_.targets.rows(), count);
    }
    for (std::size_t i = begin; i < end; ++i) {
        const auto column = static_cast<Eigen::Index>(i - begin);
        const Eigen::Index sample = order_[i];
        features_.col(column) = data_.features.col(sample);
        if (classify) {
            labels_[i - begin] = data_.labels[static_cast<std::size_t>(sample)];
        } else {
            targets_.col(column) = data_.targets.col(sample);
        }
    }
    view.features = &features_;
    if (classify) {
        view.targets.labels = labels_.data();
    } else {
        view.targets.values = &targets_;
    }
    return view;
}

}  // namespace lrscope::core
