// Learning-rate schedules (core/lr_schedule.hpp), against torch.optim.lr_scheduler.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include <nlohmann/json.hpp>
#include "core/base/errors.hpp"
#include "core/optim/lr_schedule.hpp"

#include "tests/core/optimizer_reference.hpp"

namespace lrscope::core {
namespace {

std::string parseMessage(const std::string& text) {
    try {
        parseSchedule(text);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

std::string validationMessage(const LrSchedule& s) {
    try {
        validate(s);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

const std::string kForms = "; expected constant, step:K:GAMMA, exp:GAMMA or cosine:TMAX[:ETA_MIN]";

TEST(LrSchedule, MatchesTorchSchedulers) {
    const auto& cases = optimizer_test::optimizerReference().at("schedule_cases");
    ASSERT_GE(cases.size(), 9U);
    for (const auto& c : cases) {
        SCOPED_TRACE(c.at("name").get<std::string>());
        const LrSchedule schedule = parseSchedule(c.at("schedule").get<std::string>());
        const double base = c.at("base_lr").get<double>();
        const auto& lrs = c.at("lrs");
        ASSERT_GE(lrs.size(), 30U);
        for (std::size_t k = 0; k < lrs.size(); ++k) {
            const int epoch = static_cast<int>(k) + 1;
            // torch steps its schedulers by repeated multiplication (and cosine by a
            // recurrence), lrscope uses the closed form: they agree to rounding, measured
            // against the base rate since the rate itself may pass through 0.
            EXPECT_NEAR(learningRateAt(schedule, base, epoch), lrs[k].get<double>(), 1e-12 * base)
                << "epoch " << epoch;
        }
    }
}

TEST(LrSchedule, ConstantIsTheBaseRate) {
    const LrSchedule s;
    for (const int epoch : {1, 2, 10, 1000}) {
        EXPECT_EQ(learningRateAt(s, 0.03, epoch), 0.03);
    }
}

TEST(LrSchedule, StepAndExponentialByHand) {
    const LrSchedule step = parseSchedule("step:2:0.5");
    // Epochs 1-2 at lr, 3-4 at lr/2, 5-6 at lr/4.
    EXPECT_EQ(learningRateAt(step, 0.8, 1), 0.8);
    EXPECT_EQ(learningRateAt(step, 0.8, 2), 0.8);
    EXPECT_EQ(learningRateAt(step, 0.8, 3), 0.4);
    EXPECT_EQ(learningRateAt(step, 0.8, 4), 0.4);
    EXPECT_EQ(learningRateAt(step, 0.8, 5), 0.2);
    const LrSchedule exp = parseSchedule("exp:0.5");
    EXPECT_EQ(learningRateAt(exp, 0.8, 1), 0.8);
    EXPECT_EQ(learningRateAt(exp, 0.8, 2), 0.4);
    EXPECT_EQ(learningRateAt(exp, 0.8, 4), 0.1);
}

TEST(LrSchedule, CosineReachesEtaMinAtTmaxAndComesBack) {
    const LrSchedule s = parseSchedule("cosine:4:0.1");
    EXPECT_EQ(learningRateAt(s, 1.0, 1), 1.0);
    // Epoch 3 is half way: eta_min + (lr - eta_min) / 2 = 0.55
    EXPECT_NEAR(learningRateAt(s, 1.0, 3), 0.55, 1e-15);
    EXPECT_EQ(learningRateAt(s, 1.0, 5), 0.1);  // (epoch - 1) = T_max: cos(pi) = -1
    EXPECT_NEAR(learningRateAt(s, 1.0, 7), 0.55, 1e-15);
    EXPECT_NEAR(learningRateAt(s, 1.0, 9), 1.0, 1e-15);  // a full period later, as torch
}

TEST(LrSchedule, WarmupRampsLinearlyThenHandsOver) {
    LrSchedule s = parseSchedule("exp:0.5");
    s.warmupEpochs = 4;
    // min(1, epoch / 4) times the schedule: 0.25 * 1, 0.5 * 0.5, 0.75 * 0.25, 1 * 0.125
    EXPECT_EQ(learningRateAt(s, 1.0, 1), 0.25);
    EXPECT_EQ(learningRateAt(s, 1.0, 2), 0.25);
    EXPECT_EQ(learningRateAt(s, 1.0, 3), 0.1875);
    EXPECT_EQ(learningRateAt(s, 1.0, 4), 0.125);
    EXPECT_EQ(learningRateAt(s, 1.0, 5), 0.0625);
    s = LrSchedule{};
    s.warmupEpochs = 1;  // a one-epoch warm-up changes nothing
    EXPECT_EQ(learningRateAt(s, 0.3, 1), 0.3);
}

// Per batch: every batch of an epoch trains at the epoch's rate.
TEST(LrSchedule, PerBatchFormGivesEveryBatchItsEpochsRate) {
    for (const char* text : {"constant", "step:2:0.5", "exp:0.9", "cosine:5:0.01"}) {
        LrSchedule s = parseSchedule(text);
        s.warmupEpochs = 3;
        for (int epoch = 1; epoch <= 8; ++epoch) {
            for (long batch = 0; batch < 4; ++batch) {
                EXPECT_EQ(learningRateAt(s, 0.2, epoch, batch, 4), learningRateAt(s, 0.2, epoch))
                    << text << " epoch " << epoch << " batch " << batch;
            }
        }
    }
}

TEST(LrSchedule, PerBatchWarmupRampsOverTheRunsFirstBatches) {
    LrSchedule s;
    s.warmupBatches = 6;
    // 4 batches per epoch: the run's k-th batch is (epoch - 1) * 4 + batch + 1.
    struct Row {
        int epoch;
        long batch;
        double lr;  // 0.6 * min(1, k / 6)
    };
    const Row rows[] = {{1, 0, 0.1}, {1, 1, 0.2}, {1, 3, 0.4}, {2, 0, 0.5},
                        {2, 1, 0.6}, {2, 3, 0.6}, {5, 2, 0.6}};
    for (const Row& row : rows) {
        EXPECT_DOUBLE_EQ(learningRateAt(s, 0.6, row.epoch, row.batch, 4), row.lr)
            << "epoch " << row.epoch << " batch " << row.batch;
    }
    // With the epoch schedule: exp:0.5 halves per epoch, the warm-up multiplies on top.
    s = parseSchedule("exp:0.5");
    s.warmupBatches = 8;
    EXPECT_DOUBLE_EQ(learningRateAt(s, 1.0, 1, 1, 4), 1.0 * 2.0 / 8.0);
    EXPECT_DOUBLE_EQ(learningRateAt(s, 1.0, 2, 1, 4), 0.5 * 6.0 / 8.0);
    EXPECT_DOUBLE_EQ(learningRateAt(s, 1.0, 3, 0, 4), 0.25);
    // Without a per-batch warm-up the factor is exactly 1.
    EXPECT_EQ(batchWarmupFactor(LrSchedule{}, 1, 0, 4), 1.0);
}

TEST(LrSchedule, NegativeBatchWarmupIsRejectedByName) {
    LrSchedule s;
    s.warmupBatches = -1;
    try {
        validate(s);
        FAIL() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_EQ(e.key(), "warmup-batches");
        EXPECT_NE(std::string(e.what()).find("-1"), std::string::npos) << e.what();
    }
}

TEST(LrSchedule, EpochsBeforeTheFirstCountAsTheFirst) {
    LrSchedule s = parseSchedule("exp:0.5");
    s.warmupEpochs = 2;
    EXPECT_EQ(learningRateAt(s, 1.0, 0), learningRateAt(s, 1.0, 1));
    EXPECT_EQ(learningRateAt(s, 1.0, -5), learningRateAt(s, 1.0, 1));
}

TEST(LrSchedule, ParsesEveryForm) {
    EXPECT_EQ(parseSchedule("constant").kind, ScheduleKind::Constant);
    const LrSchedule step = parseSchedule("step:30:0.1");
    EXPECT_EQ(step.kind, ScheduleKind::Step);
    EXPECT_EQ(step.stepSize, 30);
    EXPECT_EQ(step.gamma, 0.1);
    const LrSchedule exp = parseSchedule("exp:0.95");
    EXPECT_EQ(exp.kind, ScheduleKind::Exponential);
    EXPECT_EQ(exp.gamma, 0.95);
    const LrSchedule cosine = parseSchedule("cosine:50");
    EXPECT_EQ(cosine.kind, ScheduleKind::Cosine);
    EXPECT_EQ(cosine.tMax, 50);
    EXPECT_EQ(cosine.etaMin, 0.0);
    const LrSchedule withMin = parseSchedule("cosine:50:1e-4");
    EXPECT_EQ(withMin.tMax, 50);
    EXPECT_EQ(withMin.etaMin, 1e-4);
    EXPECT_EQ(parseSchedule("STEP:+3:2.5e-1").gamma, 0.25);
    EXPECT_EQ(parseSchedule("exponential:0.5").kind, ScheduleKind::Exponential);
    EXPECT_EQ(parseSchedule("step:3:0.5").warmupEpochs, 0);
}

TEST(LrSchedule, FormatRoundTrips) {
    for (const char* text : {"constant", "step:3:0.5", "step:1:0.1", "exp:0.95", "exp:1.1",
                             "cosine:10", "cosine:7:0.001", "cosine:25:1e-05"}) {
        EXPECT_EQ(formatSchedule(parseSchedule(text)), text);
    }
    LrSchedule s;
    s.kind = ScheduleKind::Exponential;
    s.gamma = 0.1 + 0.2;  // 0.30000000000000004 must survive the trip
    const LrSchedule back = parseSchedule(formatSchedule(s));
    EXPECT_EQ(back.kind, s.kind);
    EXPECT_EQ(back.gamma, s.gamma);
}

TEST(LrSchedule, ParseErrorsSayWhatIsWrongAndWhatIsExpected) {
    EXPECT_EQ(parseMessage("step:0:0.5"),
              "--schedule: 'step:0:0.5' \u2014 step size must be a positive integer" + kForms);
    EXPECT_EQ(parseMessage("step:2.5:0.5"),
              "--schedule: 'step:2.5:0.5' \u2014 step size must be a positive integer" + kForms);
    EXPECT_EQ(parseMessage("linear"),
              "--schedule: 'linear' \u2014 unknown schedule 'linear'" + kForms);
    EXPECT_EQ(parseMessage("step:3"),
              "--schedule: 'step:3' \u2014 the step schedule is written step:K:GAMMA" + kForms);
    EXPECT_EQ(parseMessage("exp:abc"),
              "--schedule: 'exp:abc' \u2014 GAMMA 'abc' is not a number" + kForms);
    EXPECT_EQ(parseMessage("exp:0"),
              "--schedule: 'exp:0' \u2014 GAMMA must be a finite number > 0" + kForms);
    EXPECT_EQ(parseMessage("exp:nan"),
              "--schedule: 'exp:nan' \u2014 GAMMA must be a finite number > 0" + kForms);
    EXPECT_EQ(parseMessage("cosine:0"),
              "--schedule: 'cosine:0' \u2014 TMAX must be a positive integer" + kForms);
    EXPECT_EQ(parseMessage("cosine:10:-1"),
              "--schedule: 'cosine:10:-1' \u2014 ETA_MIN must be a finite number >= 0" + kForms);
    for (const char* bad :
         {"", "constant:1", "step:3:0.5:1", "cosine", "cosine:1:2:3", "exp:", "step::0.5",
          "step:99999999999:0.5", "cosine:x", "exp:0.5 ", " exp:0.5", "exp:inf", "step:-1:0.5"}) {
        EXPECT_THROW(parseSchedule(bad), InputError) << "'" << bad << "'";
    }
}

TEST(LrSchedule, ValidateChecksTheFieldsTheKindUses) {
    LrSchedule s;
    EXPECT_EQ(validationMessage(s), "");
    s.gamma = -1.0;  // unused by a constant schedule
    EXPECT_EQ(validationMessage(s), "");
    s.kind = ScheduleKind::Exponential;
    EXPECT_EQ(validationMessage(s),
              "--schedule: 'exp:-1' \u2014 GAMMA must be a finite number > 0" + kForms);
    s.gamma = std::numeric_limits<double>::infinity();
    EXPECT_NE(validationMessage(s), "");
    s = LrSchedule{};
    s.kind = ScheduleKind::Step;
    s.stepSize = 0;
    EXPECT_EQ(validationMessage(s),
              "--schedule: 'step:0:0.1' \u2014 step size must be a positive integer" + kForms);
    s = LrSchedule{};
    s.kind = ScheduleKind::Cosine;
    s.tMax = 0;
    EXPECT_NE(validationMessage(s), "");
    s.tMax = 10;
    s.etaMin = std::numeric_limits<double>::quiet_NaN();
    EXPECT_NE(validationMessage(s), "");
    s = LrSchedule{};
    s.warmupEpochs = -1;
    EXPECT_EQ(validationMessage(s), "--warmup: -1 is out of range; expected warmup >= 0");
}

}  // namespace
}  // namespace lrscope::core
