// core::optimizerPath against torch.optim stepping a 2-element tensor on the same functions
// (tests/reference/make_landscape_reference.py writes landscape_reference.json).
#include "core/analysis/optimizer_path.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/base/errors.hpp"
#include "core/base/number_format.hpp"

namespace lrscope::core {
namespace {

const nlohmann::json& landscapeReference() {
    static const nlohmann::json data = [] {
        const std::string path =
            std::string(LRSCOPE_TEST_DATA_DIR) + "/reference/landscape_reference.json";
        std::ifstream in(path);
        if (!in) {
            ADD_FAILURE() << "cannot open " << path;
            return nlohmann::json::object({{"cases", nlohmann::json::array()}});
        }
        return nlohmann::json::parse(in);
    }();
    return data;
}

// A case's lrscope-cli flags (--lr, optimizer flags, --schedule, --warmup) as core settings.
struct CaseSettings {
    OptimizerSettings optimizer;
    LrSchedule schedule;
};

CaseSettings settingsOf(const nlohmann::json& referenceCase) {
    CaseSettings s;
    s.optimizer = defaultsFor(parseOptimizer(referenceCase.at("optimizer").get<std::string>()));
    const std::map<std::string, double OptimizerSettings::*> numbers = {
        {"--lr", &OptimizerSettings::lr},
        {"--momentum", &OptimizerSettings::momentum},
        {"--dampening", &OptimizerSettings::dampening},
        {"--weight-decay", &OptimizerSettings::weightDecay},
        {"--rho", &OptimizerSettings::rho},
        {"--alpha", &OptimizerSettings::alpha},
        {"--beta1", &OptimizerSettings::beta1},
        {"--beta2", &OptimizerSettings::beta2},
        {"--eps", &OptimizerSettings::eps},
        {"--lr-decay", &OptimizerSettings::lrDecay},
        {"--initial-accumulator", &OptimizerSettings::initialAccumulator}};
    const auto args = referenceCase.at("args").get<std::vector<std::string>>();
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag == "--centered") {
            s.optimizer.centered = true;
        } else if (flag == "--amsgrad") {
            s.optimizer.amsgrad = true;
        } else if (flag == "--schedule") {
            s.schedule = parseSchedule(args.at(++i));
        } else if (flag == "--warmup") {
            s.schedule.warmupEpochs = static_cast<int>(*parseLong(args.at(++i)));
        } else if (const auto it = numbers.find(flag); it != numbers.end()) {
            s.optimizer.*(it->second) = *parseDouble(args.at(++i));
        } else {
            ADD_FAILURE() << "unknown flag " << flag;
        }
    }
    validate(s.optimizer);
    return s;
}

constexpr double kTolerance = 1e-9;

void expectRelativelyClose(double expected, double actual, const std::string& what) {
    const double scale = std::max(std::abs(expected), 1e-300);
    EXPECT_LE(std::abs(expected - actual) / scale, kTolerance)
        << what << ": torch " << expected << ", lrscope " << actual;
}

// Near a minimum the value is a square of a cancelling sum (booth's x + 2y - 7), so last-bit
// differences of the point grow in it without bound relative to the value. It must agree as
// well as the point does: to 1e-9 relative plus what moving the point by 1e-9 of its size can
// change, |grad f| |p| 1e-9.
void expectValueClose(TestFunctionKind function, double expected, const PathPoint& actual,
                      const std::string& what) {
    const PlanePoint g = testFunctionGradient(function, {actual.x, actual.y});
    const double allowed =
        kTolerance * (std::abs(expected) + std::hypot(g.x, g.y) * std::hypot(actual.x, actual.y));
    EXPECT_LE(std::abs(expected - actual.value), allowed)
        << what << ": torch " << expected << ", lrscope " << actual.value;
}

TEST(OptimizerPath, EveryOptimizerFollowsTorchOptimWithin1e9Relative) {
    const auto& cases = landscapeReference().at("cases");
    ASSERT_GE(cases.size(), 8u);
    std::map<std::string, int> optimizersSeen;
    for (const auto& referenceCase : cases) {
        const std::string name = referenceCase.at("name").get<std::string>();
        const CaseSettings settings = settingsOf(referenceCase);
        const auto start = referenceCase.at("start");
        const TestFunctionKind function =
            parseTestFunction(referenceCase.at("function").get<std::string>());
        const OptimizerPath path =
            optimizerPath(function, settings.optimizer, settings.schedule,
                          {start.at(0).get<double>(), start.at(1).get<double>()},
                          referenceCase.at("steps").get<int>());
        const auto& expected = referenceCase.at("path");
        ASSERT_EQ(path.points.size(), expected.size()) << name;
        for (size_t k = 0; k < expected.size(); ++k) {
            const std::string what = name + " step " + std::to_string(k);
            expectRelativelyClose(expected[k][0].get<double>(), path.points[k].x, what + " x");
            expectRelativelyClose(expected[k][1].get<double>(), path.points[k].y, what + " y");
            expectValueClose(function, expected[k][2].get<double>(), path.points[k],
                             what + " value");
        }
        if (referenceCase.at("diverged_at").is_null()) {
            EXPECT_FALSE(path.divergedAt.has_value()) << name;
        } else {
            EXPECT_EQ(path.divergedAt, referenceCase.at("diverged_at").get<int>()) << name;
        }
        ++optimizersSeen[referenceCase.at("optimizer").get<std::string>()];
    }
    EXPECT_EQ(optimizersSeen.size(), std::size(kAllOptimizers)) << "every optimizer has a case";
}

TEST(OptimizerPath, StepZeroIsTheStartAndEachStepIsOneUpdate) {
    // SGD on booth from (0, 0): gradient (2a + 4b, 4a + 2b) with a = -7, b = -5 is (-34, -38).
    const OptimizerPath path =
        optimizerPath(TestFunctionKind::Booth, defaultsFor(OptimizerKind::Sgd), {}, {0.0, 0.0}, 1);
    ASSERT_EQ(path.points.size(), 2u);
    EXPECT_EQ(path.points[0].x, 0.0);
    EXPECT_EQ(path.points[0].value, 74.0);
    EXPECT_DOUBLE_EQ(path.points[1].x, 0.34);
    EXPECT_DOUBLE_EQ(path.points[1].y, 0.38);
}

TEST(OptimizerPath, AScheduleChangesTheRatePerStep) {
    // Saddle's x gradient is 2x, so SGD multiplies x by (1 - 2 lr_k) at step k.
    OptimizerSettings sgd = defaultsFor(OptimizerKind::Sgd);
    sgd.lr = 0.1;
    const LrSchedule halving = parseSchedule("step:1:0.5");
    const OptimizerPath path = optimizerPath(TestFunctionKind::Saddle, sgd, halving, {1.0, 0.0}, 3);
    ASSERT_EQ(path.points.size(), 4u);
    EXPECT_DOUBLE_EQ(path.points[1].x, 1.0 - 0.2);
    EXPECT_DOUBLE_EQ(path.points[2].x, (1.0 - 0.2) * (1.0 - 0.1));
    EXPECT_DOUBLE_EQ(path.points[3].x, (1.0 - 0.2) * (1.0 - 0.1) * (1.0 - 0.05));
}

TEST(OptimizerPath, ANonFiniteValueEndsThePathAndKeepsTheFinitePart) {
    OptimizerSettings sgd = defaultsFor(OptimizerKind::Sgd);
    sgd.lr = 2.0;  // on saddle's y: y *= 1 + 2 lr = 5 per step, until y^2 overflows
    const OptimizerPath path = optimizerPath(TestFunctionKind::Saddle, sgd, {}, {0.0, 1.0}, 1000);
    ASSERT_TRUE(path.divergedAt.has_value());
    EXPECT_EQ(path.points.size(), static_cast<size_t>(*path.divergedAt));
    for (const auto& p : path.points) {
        EXPECT_TRUE(std::isfinite(p.y) && std::isfinite(p.value));
    }
    // 5^k overflows y^2 (1.8e308) once 2k log10(5) > 308.25, at k = 221.
    EXPECT_EQ(*path.divergedAt, 221);
}

TEST(OptimizerPath, AStartWithoutAFiniteValueIsBadInput) {
    try {
        optimizerPath(TestFunctionKind::Rosenbrock, defaultsFor(OptimizerKind::Adam), {},
                      {1e100, 0.0}, 10);
        ADD_FAILURE() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.key(), "start");
        EXPECT_STREQ(e.what(),
                     "--start: 1e+100,0 gives rosenbrock = inf; expected a point where it is "
                     "finite");
    }
}

}  // namespace
}  // namespace lrscope::core
