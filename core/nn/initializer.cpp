#include "core/nn/initializer.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "core/base/errors.hpp"
#include "core/base/message_text.hpp"
#include "core/base/number_format.hpp"
#include "core/base/random.hpp"
#include "core/nn/network.hpp"

namespace lrscope::core {

namespace {

constexpr const char* kExpected = "expected default, xavier, he or uniform:A:B";

std::vector<std::string_view> splitColons(std::string_view text) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (true) {
        const size_t colon = text.find(':', start);
        parts.push_back(text.substr(start, colon - start));
        if (colon == std::string_view::npos) {
            return parts;
        }
        start = colon + 1;
    }
}

}  // namespace

void initializeNetwork(Network& network, const InitSettings& settings, Rng& rng) {
    for (int l = 0; l < network.layerCount(); ++l) {
        auto weight = network.weight(l);
        auto bias = network.bias(l);
        const double in = static_cast<double>(weight.cols());
        const double out = static_cast<double>(weight.rows());
        double weightLow = settings.low;
        double weightHigh = settings.high;
        double biasLow = settings.low;
        double biasHigh = settings.high;
        switch (settings.scheme) {
            case InitScheme::Default:
                weightHigh = biasHigh = 1.0 / std::sqrt(in);
                weightLow = biasLow = -weightHigh;
                break;
            case InitScheme::Xavier:
                weightHigh = std::sqrt(6.0 / (in + out));
                weightLow = -weightHigh;
                biasLow = biasHigh = 0.0;
                break;
            case InitScheme::He:
                weightHigh = std::sqrt(6.0 / in);
                weightLow = -weightHigh;
                biasLow = biasHigh = 0.0;
                break;
            case InitScheme::Uniform:
                break;
        }
        for (Eigen::Index r = 0; r < weight.rows(); ++r) {
            for (Eigen::Index c = 0; c < weight.cols(); ++c) {
                weight(r, c) = rng.uniform(weightLow, weightHigh);
            }
        }
        for (Eigen::Index r = 0; r < bias.size(); ++r) {
            bias(r) = biasLow == biasHigh ? biasLow : rng.uniform(biasLow, biasHigh);
        }
        if (settings.fixedBias) {
            bias.setConstant(settings.biasValue);
        }
    }
}

InitSettings parseInitScheme(std::string_view text) {
    InitSettings settings;
    const auto parts = splitColons(text);
    if (parts.size() == 1 && parts[0] == "default") {
        settings.scheme = InitScheme::Default;
    } else if (parts.size() == 1 && parts[0] == "xavier") {
        settings.scheme = InitScheme::Xavier;
    } else if (parts.size() == 1 && parts[0] == "he") {
        settings.scheme = InitScheme::He;
    } else if (parts.size() == 3 && parts[0] == "uniform") {
        const auto low = parseDouble(parts[1]);
        const auto high = parseDouble(parts[2]);
        if (!low || !high || !std::isfinite(*low) || !std::isfinite(*high) || *low > *high) {
            throw InputError::setting("init", quotedForMessage(text, 60) +
                                                  " needs two finite numbers A <= B; " + kExpected);
        }
        settings.scheme = InitScheme::Uniform;
        settings.low = *low;
        settings.high = *high;
    } else {
        throw InputError::setting(
            "init", "unknown scheme " + quotedForMessage(text, 60) + "; " + kExpected);
    }
    return settings;
}

std::string formatInitScheme(const InitSettings& settings) {
    switch (settings.scheme) {
        case InitScheme::Default:
            return "default";
        case InitScheme::Xavier:
            return "xavier";
        case InitScheme::He:
            return "he";
        case InitScheme::Uniform:
            return "uniform:" + formatNumber(settings.low) + ":" + formatNumber(settings.high);
    }
    return "default";
}

}  // namespace lrscope::core
