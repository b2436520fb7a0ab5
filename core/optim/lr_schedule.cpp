#include "core/optim/lr_schedule.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <system_error>
#include <vector>

#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"
#include "core/base/number_format.hpp"
#include "core/base/text.hpp"

namespace lrscope::core {

namespace {

constexpr std::string_view kExpectedForms =
    "expected constant, step:K:GAMMA, exp:GAMMA or cosine:TMAX[:ETA_MIN]";

[[noreturn]] void badSchedule(std::string_view text, std::string_view problem) {
    throw InputError::setting("schedule", quotedForMessage(text, 60) + " \u2014 " +
                                              std::string(problem) + "; " +
                                              std::string(kExpectedForms));
}

// A whole-field int (a leading '+' allowed); nullopt on junk or beyond int's range.
std::optional<int> parseInt(std::string_view text) {
    const auto value = parseLong(text);
    if (!value || *value < std::numeric_limits<int>::min() ||
        *value > std::numeric_limits<int>::max()) {
        return std::nullopt;
    }
    return static_cast<int>(*value);
}

std::vector<std::string_view> splitFields(std::string_view text) {
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t colon = text.find(':', start);
        fields.push_back(
            text.substr(start, colon == std::string_view::npos ? colon : colon - start));
        if (colon == std::string_view::npos) {
            return fields;
        }
        start = colon + 1;
    }
}

// The first problem with the values the schedule's kind uses, or nullopt. Shared by
// parseSchedule and validate so that both say the same thing. Fields the kind does not use
// are not part of its text form (formatSchedule) and are not checked.
std::optional<std::string> scheduleProblem(const LrSchedule& s) {
    const bool usesGamma = s.kind == ScheduleKind::Step || s.kind == ScheduleKind::Exponential;
    if (s.kind == ScheduleKind::Step && s.stepSize < 1) {
        return "step size must be a positive integer";
    }
    if (usesGamma && !(std::isfinite(s.gamma) && s.gamma > 0.0)) {
        return "GAMMA must be a finite number > 0";
    }
    if (s.kind == ScheduleKind::Cosine && s.tMax < 1) {
        return "TMAX must be a positive integer";
    }
    if (s.kind == ScheduleKind::Cosine && !(std::isfinite(s.etaMin) && s.etaMin >= 0.0)) {
        return "ETA_MIN must be a finite number >= 0";
    }
    return std::nullopt;
}

}  // namespace

double learningRateAt(const LrSchedule& schedule, double baseLr, int epoch) {
    // Epochs are 1-based; anything before the first epoch is the first epoch.
    const int e = std::max(epoch, 1);
    const double elapsed = static_cast<double>(e - 1);
    double lr = baseLr;
    switch (schedule.kind) {
        case ScheduleKind::Constant:
            break;
        case ScheduleKind::Step:
            lr = baseLr * std::pow(schedule.gamma,
                                   static_cast<double>((e - 1) / std::max(schedule.stepSize, 1)));
            break;
        case ScheduleKind::Exponential:
            lr = baseLr * std::pow(schedule.gamma, elapsed);
            break;
        case ScheduleKind::Cosine: {
            const double tMax = static_cast<double>(std::max(schedule.tMax, 1));
            lr = schedule.etaMin + (baseLr - schedule.etaMin) *
                                       (1.0 + std::cos(std::numbers::pi * elapsed / tMax)) / 2.0;
            break;
        }
    }
    if (schedule.warmupEpochs > 0 && e < schedule.warmupEpochs) {
        lr *= static_cast<double>(e) / static_cast<double>(schedule.warmupEpochs);
    }
    return lr;
}

double batchWarmupFactor(const LrSchedule& schedule, int epoch, long batch, long batchesPerEpoch) {
    if (schedule.warmupBatches <= 0) {
        return 1.0;
    }
    const long k = static_cast<long>(std::max(epoch, 1) - 1) * std::max(batchesPerEpoch, 1L) +
                   std::max(batch, 0L) + 1;
    if (k >= schedule.warmupBatches) {
        return 1.0;
    }
    return static_cast<double>(k) / static_cast<double>(schedule.warmupBatches);
}

double learningRateAt(const LrSchedule& schedule, double baseLr, int epoch, long batch,
                      long batchesPerEpoch) {
    return learningRateAt(schedule, baseLr, epoch) *
           batchWarmupFactor(schedule, epoch, batch, batchesPerEpoch);
}

LrSchedule parseSchedule(std::string_view text) {
    const std::vector<std::string_view> fields = splitFields(text);
    const std::string_view kind = fields.front();
    LrSchedule s;
    const auto requireFields = [&](std::size_t least, std::size_t most, std::string_view form) {
        if (fields.size() < least || fields.size() > most) {
            badSchedule(text,
                        "the " + std::string(kind) + " schedule is written " + std::string(form));
        }
    };
    const auto gammaField = [&](std::string_view field) {
        const auto gamma = parseDouble(field);
        if (!gamma) {
            badSchedule(text, "GAMMA " + quotedForMessage(field, 60) + " is not a number");
        }
        return *gamma;
    };
    if (equalsIgnoringCase(kind, "constant")) {
        requireFields(1, 1, "constant");
        s.kind = ScheduleKind::Constant;
    } else if (equalsIgnoringCase(kind, "step")) {
        requireFields(3, 3, "step:K:GAMMA");
        s.kind = ScheduleKind::Step;
        const auto stepSize = parseInt(fields[1]);
        if (!stepSize || *stepSize < 1) {
            badSchedule(text, "step size must be a positive integer");
        }
        s.stepSize = *stepSize;
        s.gamma = gammaField(fields[2]);
    } else if (equalsIgnoringCase(kind, "exp") || equalsIgnoringCase(kind, "exponential")) {
        requireFields(2, 2, "exp:GAMMA");
        s.kind = ScheduleKind::Exponential;
        s.gamma = gammaField(fields[1]);
    } else if (equalsIgnoringCase(kind, "cosine")) {
        requireFields(2, 3, "cosine:TMAX[:ETA_MIN]");
        s.kind = ScheduleKind::Cosine;
        const auto tMax = parseInt(fields[1]);
        if (!tMax || *tMax < 1) {
            badSchedule(text, "TMAX must be a positive integer");
        }
        s.tMax = *tMax;
        if (fields.size() == 3) {
            const auto etaMin = parseDouble(fields[2]);
            if (!etaMin) {
                badSchedule(text,
                            "ETA_MIN " + quotedForMessage(fields[2], 60) + " is not a number");
            }
            s.etaMin = *etaMin;
        }
    } else {
        badSchedule(text, "unknown schedule " + quotedForMessage(kind, 60));
    }
    if (const auto problem = scheduleProblem(s)) {
        badSchedule(text, *problem);
    }
    return s;
}

std::string formatSchedule(const LrSchedule& schedule) {
    switch (schedule.kind) {
        case ScheduleKind::Constant:
            return "constant";
        case ScheduleKind::Step:
            return "step:" + std::to_string(schedule.stepSize) + ":" + formatNumber(schedule.gamma);
        case ScheduleKind::Exponential:
            return "exp:" + formatNumber(schedule.gamma);
        case ScheduleKind::Cosine:
            if (schedule.etaMin == 0.0) {
                return "cosine:" + std::to_string(schedule.tMax);
            }
            return "cosine:" + std::to_string(schedule.tMax) + ":" + formatNumber(schedule.etaMin);
    }
    return "constant";  // unreachable for a valid enumerator
}

void validate(const LrSchedule& schedule) {
    if (const auto problem = scheduleProblem(schedule)) {
        badSchedule(formatSchedule(schedule), *problem);
    }
    if (schedule.warmupEpochs < 0) {
        throw InputError::setting("warmup", std::to_string(schedule.warmupEpochs) +
                                                " is out of range; expected warmup >= 0");
    }
    if (schedule.warmupBatches < 0) {
        throw InputError::setting("warmup-batches",
                                  std::to_string(schedule.warmupBatches) +
                                      " is out of range; expected warmup-batches >= 0");
    }
}

}  // namespace lrscope::core
