#include "core/analysis/range_test.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"
#include "core/nn/loss.hpp"
#include "core/nn/network.hpp"
#include "core/optim/optimizer.hpp"
#include "core/training/batch_sequence.hpp"
#include "core/training/run_control.hpp"
#include "core/training/run_start.hpp"

namespace lrscope::core {

namespace {

[[noreturn]] void badSetting(const std::string& key, double value, const std::string& expected) {
    throw InputError::setting(key, formatNumber(value) + " is out of range; expected " + expected);
}

}  // namespace

void validate(const RangeTestSettings& settings) {
    if (!(std::isfinite(settings.startLr) && settings.startLr > 0.0)) {
        badSetting("start-lr", settings.startLr, "a finite number > 0");
    }
    if (!(std::isfinite(settings.endLr) && settings.endLr > settings.startLr)) {
        badSetting("end-lr", settings.endLr,
                   "a finite number > the start rate " + formatNumber(settings.startLr));
    }
    if (settings.iterations < 1 || settings.iterations > kMaxRangeTestIterations) {
        throw InputError::setting("iterations", std::to_string(settings.iterations) +
                                                    " is out of range; expected 1 to " +
                                                    std::to_string(kMaxRangeTestIterations));
    }
    if (!(settings.smoothing >= 0.0 && settings.smoothing < 1.0)) {
        badSetting("smoothing", settings.smoothing, "0 <= smoothing < 1");
    }
    if (!(std::isfinite(settings.stopFactor) && settings.stopFactor >= 0.0)) {
        badSetting("stop-factor", settings.stopFactor, "a finite number >= 0 (0 = never stop)");
    }
}

double rangeTestRate(const RangeTestSettings& settings, int iteration) {
    return settings.startLr *
           std::pow(settings.endLr / settings.startLr,
                    static_cast<double>(iteration) / static_cast<double>(settings.iterations));
}

std::string_view stopName(RangeTestStop stop) {
    switch (stop) {
        case RangeTestStop::Completed:
            return "completed";
        case RangeTestStop::Diverged:
            return "diverged";
        case RangeTestStop::NonFinite:
            return "non-finite";
        case RangeTestStop::Stopped:
            return "stopped";
    }
    return "completed";
}

RangeTestResult rangeTest(const RunConfig& config, const DataSplit& data,
                          const RangeTestSettings& settings, RunControl& control,
                          const RangeTestObserver& observer) {
    validate(config);
    validate(settings);
    checkDataFitsConfig(config, data);

    Network network = initialNetwork(config, data.train);
    BatchSequence batches(config, data.train);
    auto rule = makeUpdateRule(config.optimizer, network.parameterCount());
    ForwardCache cache;
    Matrix outputGradient;
    Vector gradient;

    RangeTestResult result;
    result.points.reserve(static_cast<std::size_t>(settings.iterations));
    const double beta = settings.smoothing;
    double average = 0.0;
    double lowest = 0.0;
    for (int i = 0; i < settings.iterations; ++i) {
        if (!control.waitUntilRunnable()) {
            result.stop = RangeTestStop::Stopped;
            return result;
        }
        if (!batches.hasNext()) {
            batches.beginEpoch();
        }
        const BatchView batch = batches.next();
        const Matrix& outputs = network.forward(*batch.features, cache);
        const double loss = lossAndGradient(config.loss, outputs, batch.targets, outputGradient);
        if (!std::isfinite(loss)) {
            result.stop = RangeTestStop::NonFinite;
            return result;
        }
        average = beta * average + (1.0 - beta) * loss;
        const RangeTestPoint point{i, rangeTestRate(settings, i), loss,
                                   average / (1.0 - std::pow(beta, i + 1))};
        result.points.push_back(point);
        if (observer) {
            observer(point);
        }
        lowest = i == 0 ? point.smoothedLoss : std::min(lowest, point.smoothedLoss);
        if (settings.stopFactor > 0.0 && point.smoothedLoss > settings.stopFactor * lowest) {
            result.stop = RangeTestStop::Diverged;
            return result;
        }
        network.backward(*batch.features, cache, outputGradient, gradient);
        rule->step(network.parameters(), gradient, point.lr);
    }
    result.stop = RangeTestStop::Completed;
    return result;
}

}  // namespace lrscope::core
