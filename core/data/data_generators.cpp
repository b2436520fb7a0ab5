#include "core/data/data_generators.hpp"

#include <cmath>
#include <numbers>
#include <string>

#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"
#include "core/base/number_format.hpp"
#include "core/base/random.hpp"

namespace lrscope::core {

namespace {

constexpr double kPi = std::numbers::pi;

void checkArguments(long samples, double noise) {
    if (samples < 1) {
        throw InputError("samples must be at least 1, got " + std::to_string(samples));
    }
    if (!std::isfinite(noise) || noise < 0.0) {
        throw InputError("noise must be a finite number >= 0, got " + formatNumber(noise));
    }
}

// An empty 2-D classification set with `classes` classes named "0", "1", ...
Dataset classification(long samples, int classes) {
    Dataset data;
    data.task = Task::Classify;
    data.features.resize(2, samples);
    data.labels.resize(static_cast<size_t>(samples));
    data.featureNames = {"x1", "x2"};
    for (int k = 0; k < classes; ++k) {
        data.classNames.push_back(std::to_string(k));
    }
    data.targetName = "class";
    return data;
}

// Classes alternate 0, 1, (2,) 0, ... so every class gets its share of the samples.
int classOf(long sample, int classes) {
    return static_cast<int>(sample % classes);
}

void setPoint(Dataset& data, long sample, int label, double x, double y, double noise, Rng& rng) {
    data.features(0, sample) = x + noise * rng.normal();
    data.features(1, sample) = y + noise * rng.normal();
    data.labels[static_cast<size_t>(sample)] = label;
}

}  // namespace

DataShape generatedShape(std::string_view name, long samples) {
    if (name == "sine") {
        return DataShape{1, 1, samples, Task::Regress};
    }
    if (name == "blobs") {
        return DataShape{2, 3, samples, Task::Classify};
    }
    if (name == "xor" || name == "circles" || name == "spiral" || name == "moons") {
        return DataShape{2, 2, samples, Task::Classify};
    }
    throw InputError::setting("dataset",
                              quotedForMessage(name, 60) + " is not a generated data set");
}

Dataset generateXor(long samples, double noise, Rng& rng) {
    checkArguments(samples, noise);
    Dataset data = classification(samples, 2);
    for (long i = 0; i < samples; ++i) {
        const int label = classOf(i, 2);
        // A uniform point in a random quadrant of the class: (+,+)/(-,-) for 1, else 0.
        const double a = rng.uniform();
        const double b = rng.uniform();
        const double sign = rng.uniform() < 0.5 ? -1.0 : 1.0;
        setPoint(data, i, label, sign * a, (label == 1 ? sign : -sign) * b, noise, rng);
    }
    return data;
}

Dataset generateCircles(long samples, double noise, Rng& rng) {
    checkArguments(samples, noise);
    Dataset data = classification(samples, 2);
    for (long i = 0; i < samples; ++i) {
        const int label = classOf(i, 2);
        const double radius = label == 1 ? 0.5 : 1.0;
        const double angle = rng.uniform(0.0, 2.0 * kPi);
        setPoint(data, i, label, radius * std::cos(angle), radius * std::sin(angle), noise, rng);
    }
    return data;
}

Dataset generateSpiral(long samples, double noise, Rng& rng) {
    checkArguments(samples, noise);
    Dataset data = classification(samples, 2);
    constexpr double kTurns = 1.5;
    for (long i = 0; i < samples; ++i) {
        const int label = classOf(i, 2);
        // Position along the arm: radius grows from 0.05 to 1 over 1.5 turns; the second
        // arm is the first turned by half a circle.
        const double t = rng.uniform();
        const double radius = 0.05 + 0.95 * t;
        const double angle = 2.0 * kPi * kTurns * t + kPi * label;
        setPoint(data, i, label, radius * std::cos(angle), radius * std::sin(angle), noise, rng);
    }
    return data;
}

Dataset generateBlobs(long samples, double noise, Rng& rng) {
    checkArguments(samples, noise);
    Dataset data = classification(samples, 3);
    // Centres on a circle of radius 0.6, 120 degrees apart; each blob has its own spread of
    // 0.2 on top of the noise (the two Gaussians add up to one of std hypot(0.2, noise)).
    constexpr double kCentreRadius = 0.6;
    constexpr double kSpread = 0.2;
    const double spread = std::hypot(kSpread, noise);
    for (long i = 0; i < samples; ++i) {
        const int label = classOf(i, 3);
        const double angle = kPi / 2.0 + 2.0 * kPi * label / 3.0;
        setPoint(data, i, label, kCentreRadius * std::cos(angle), kCentreRadius * std::sin(angle),
                 spread, rng);
    }
    return data;
}

Dataset generateMoons(long samples, double noise, Rng& rng) {
    checkArguments(samples, noise);
    Dataset data = classification(samples, 2);
    for (long i = 0; i < samples; ++i) {
        const int label = classOf(i, 2);
        // scikit-learn's make_moons shapes: upper arc (cos t, sin t), lower arc
        // (1 - cos t, 0.5 - sin t), then scaled into [-1, 1] x [-0.5, 0.5].
        const double t = rng.uniform(0.0, kPi);
        const double x = label == 0 ? std::cos(t) : 1.0 - std::cos(t);
        const double y = label == 0 ? std::sin(t) : 0.5 - std::sin(t);
        setPoint(data, i, label, (x - 0.5) / 1.5, (y - 0.25) / 1.5, noise, rng);
    }
    return data;
}

Dataset generateSine(long samples, double noise, Rng& rng) {
    checkArguments(samples, noise);
    Dataset data;
    data.task = Task::Regress;
    data.features.resize(1, samples);
    data.targets.resize(1, samples);
    data.featureNames = {"x"};
    data.targetName = "y";
    for (long i = 0; i < samples; ++i) {
        const double x = rng.uniform(-kPi, kPi);
        data.features(0, i) = x;
        data.targets(0, i) = std::sin(x) + noise * rng.normal();
    }
    return data;
}

}  // namespace lrscope::core
