#include "core/data/data_generators.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <numbers>
#include <string>
#include <vector>

#include "core/base/errors.hpp"
#include "core/base/random.hpp"

namespace lrscope::core {
namespace {

using Generator = std::function<Dataset(long, double, Rng&)>;
using Names = std::vector<std::string>;

struct GeneratorCase {
    std::string name;
    Generator generate;
    int classes;  // 0 = regression
};

std::vector<GeneratorCase> allGenerators() {
    return {{"xor", generateXor, 2},       {"circles", generateCircles, 2},
            {"spiral", generateSpiral, 2}, {"blobs", generateBlobs, 3},
            {"moons", generateMoons, 2},   {"sine", generateSine, 0}};
}

Dataset make(const GeneratorCase& g, long samples, double noise, std::uint64_t seed) {
    Rng rng(seed);
    return g.generate(samples, noise, rng);
}

TEST(DataGenerators, ShapesAndNames) {
    for (const auto& g : allGenerators()) {
        SCOPED_TRACE(g.name);
        const Dataset data = make(g, 90, 0.1, 1);
        EXPECT_EQ(data.sampleCount(), 90);
        EXPECT_TRUE(data.features.allFinite());
        if (g.classes == 0) {
            EXPECT_EQ(data.task, Task::Regress);
            EXPECT_EQ(data.featureCount(), 1);
            EXPECT_EQ(data.featureNames, (Names{"x"}));
            EXPECT_EQ(data.targetName, "y");
            EXPECT_EQ(data.targets.rows(), 1);
            EXPECT_EQ(data.targets.cols(), 90);
            EXPECT_TRUE(data.labels.empty());
            EXPECT_EQ(data.outputCount(), 1);
        } else {
            EXPECT_EQ(data.task, Task::Classify);
            EXPECT_EQ(data.featureCount(), 2);
            EXPECT_EQ(data.featureNames, (Names{"x1", "x2"}));
            EXPECT_EQ(data.targetName, "class");
            EXPECT_EQ(data.outputCount(), g.classes);
            const Names expected = g.classes == 2 ? Names{"0", "1"} : Names{"0", "1", "2"};
            EXPECT_EQ(data.classNames, expected);
            EXPECT_EQ(data.labels.size(), 90u);
        }
    }
}

TEST(DataGenerators, ClassesAreBalanced) {
    for (const auto& g : allGenerators()) {
        if (g.classes == 0) {
            continue;
        }
        SCOPED_TRACE(g.name);
        for (const long samples : {1L, 7L, 300L}) {
            const Dataset data = make(g, samples, 0.2, 3);
            std::vector<long> counts(static_cast<size_t>(g.classes), 0);
            for (const int label : data.labels) {
                ASSERT_GE(label, 0);
                ASSERT_LT(label, g.classes);
                ++counts[static_cast<size_t>(label)];
            }
            for (const long count : counts) {
                EXPECT_LE(std::abs(count - samples / g.classes), 1) << samples;
            }
        }
    }
}

TEST(DataGenerators, SameSeedSameDataOtherSeedOtherData) {
    for (const auto& g : allGenerators()) {
        SCOPED_TRACE(g.name);
        for (const double noise : {0.0, 0.3}) {
            const Dataset a = make(g, 50, noise, 42);
            const Dataset b = make(g, 50, noise, 42);
            const Dataset c = make(g, 50, noise, 43);
            EXPECT_EQ(a.features, b.features);
            EXPECT_EQ(a.labels, b.labels);
            EXPECT_EQ(a.targets, b.targets);
            EXPECT_NE(a.features, c.features);
        }
    }
}

TEST(DataGenerators, XorQuadrantsWithoutNoise) {
    const Dataset data = make(allGenerators()[0], 400, 0.0, 5);
    for (Eigen::Index i = 0; i < data.sampleCount(); ++i) {
        const double x = data.features(0, i);
        const double y = data.features(1, i);
        EXPECT_LE(std::abs(x), 1.0);
        EXPECT_LE(std::abs(y), 1.0);
        EXPECT_EQ(data.labels[static_cast<size_t>(i)], x * y > 0 ? 1 : 0) << x << " " << y;
    }
}

TEST(DataGenerators, NoiseMovesPointsAcrossTheXorBoundary) {
    const Dataset data = make(allGenerators()[0], 400, 0.5, 5);
    int wrongSide = 0;
    for (Eigen::Index i = 0; i < data.sampleCount(); ++i) {
        const bool positive = data.features(0, i) * data.features(1, i) > 0;
        wrongSide += (positive ? 1 : 0) != data.labels[static_cast<size_t>(i)] ? 1 : 0;
    }
    EXPECT_GT(wrongSide, 10);
}

TEST(DataGenerators, CircleRadii) {
    const Dataset data = make(allGenerators()[1], 200, 0.0, 7);
    for (Eigen::Index i = 0; i < data.sampleCount(); ++i) {
        const double radius = data.features.col(i).norm();
        const double expected = data.labels[static_cast<size_t>(i)] == 1 ? 0.5 : 1.0;
        EXPECT_NEAR(radius, expected, 1e-12);
    }
}

TEST(DataGenerators, SpiralArmsAreHalfATurnApart) {
    const Dataset data = make(allGenerators()[2], 400, 0.0, 11);
    double maxRadius = 0.0;
    for (Eigen::Index i = 0; i < data.sampleCount(); ++i) {
        const double x = data.features(0, i);
        const double y = data.features(1, i);
        const double radius = std::hypot(x, y);
        maxRadius = std::max(maxRadius, radius);
        ASSERT_GE(radius, 0.05 - 1e-12);
        ASSERT_LE(radius, 1.0 + 1e-12);
        // Radius r fixes the position along the arm, t = (r - 0.05) / 0.95, and with it the
        // angle 3*pi*t (+ pi on the second arm).
        const double t = (radius - 0.05) / 0.95;
        const double arm = data.labels[static_cast<size_t>(i)] * std::numbers::pi;
        const double angle = 3.0 * std::numbers::pi * t + arm;
        EXPECT_NEAR(x, radius * std::cos(angle), 1e-9);
        EXPECT_NEAR(y, radius * std::sin(angle), 1e-9);
    }
    EXPECT_GT(maxRadius, 0.95);
}

TEST(DataGenerators, BlobMeansSitOnTheirCentres) {
    const Dataset data = make(allGenerators()[3], 3000, 0.0, 13);
    for (int k = 0; k < 3; ++k) {
        Eigen::Vector2d sum = Eigen::Vector2d::Zero();
        int count = 0;
        for (Eigen::Index i = 0; i < data.sampleCount(); ++i) {
            if (data.labels[static_cast<size_t>(i)] == k) {
                sum += data.features.col(i);
                ++count;
            }
        }
        const Eigen::Vector2d mean = sum / count;
        const double angle = std::numbers::pi / 2.0 + 2.0 * std::numbers::pi * k / 3.0;
        EXPECT_NEAR(mean.x(), 0.6 * std::cos(angle), 0.03) << k;
        EXPECT_NEAR(mean.y(), 0.6 * std::sin(angle), 0.03) << k;
    }
}

TEST(DataGenerators, MoonsFitTheUnitBoxWithoutNoise) {
    const Dataset data = make(allGenerators()[4], 300, 0.0, 17);
    for (Eigen::Index i = 0; i < data.sampleCount(); ++i) {
        const double x = data.features(0, i);
        const double y = data.features(1, i);
        EXPECT_LE(std::abs(x), 1.0 + 1e-12);
        EXPECT_LE(std::abs(y), 0.5 + 1e-12);
        // Undo the scaling: the upper moon is the unit half circle, the lower one the same
        // circle shifted to (1, 0.5).
        const double ux = 1.5 * x + 0.5;
        const double uy = 1.5 * y + 0.25;
        const bool upper = data.labels[static_cast<size_t>(i)] == 0;
        const double radius = upper ? std::hypot(ux, uy) : std::hypot(ux - 1.0, uy - 0.5);
        EXPECT_NEAR(radius, 1.0, 1e-12);
    }
}

TEST(DataGenerators, SineTargetsWithAndWithoutNoise) {
    const Dataset clean = make(allGenerators()[5], 200, 0.0, 19);
    for (Eigen::Index i = 0; i < clean.sampleCount(); ++i) {
        const double x = clean.features(0, i);
        EXPECT_LE(std::abs(x), std::numbers::pi);
        EXPECT_EQ(clean.targets(0, i), std::sin(x));
    }
    // Noise goes into the target only, with roughly the requested standard deviation.
    const Dataset noisy = make(allGenerators()[5], 4000, 0.2, 19);
    double sumSq = 0.0;
    for (Eigen::Index i = 0; i < noisy.sampleCount(); ++i) {
        const double residual = noisy.targets(0, i) - std::sin(noisy.features(0, i));
        sumSq += residual * residual;
    }
    EXPECT_NEAR(std::sqrt(sumSq / 4000.0), 0.2, 0.01);
}

TEST(DataGenerators, RejectBadArguments) {
    Rng rng(1);
    EXPECT_THROW(generateSpiral(0, 0.1, rng), InputError);
    EXPECT_THROW(generateXor(10, -0.1, rng), InputError);
    EXPECT_THROW(generateSine(10, std::nan(""), rng), InputError);
}

}  // namespace
}  // namespace lrscope::core
