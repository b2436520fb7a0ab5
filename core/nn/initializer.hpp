#pragma once

#include <string>
#include <string_view>

namespace lrscope::core {

class Network;
class Rng;

// How initial weights are drawn (biases included unless stated):
//  Default  PyTorch nn.Linear: weight and bias U(-1/sqrt(in), 1/sqrt(in)).
//  Xavier   Glorot uniform: weight U(-a, a), a = sqrt(6 / (in + out)); bias 0.
//  He       Kaiming uniform for ReLU: weight U(-a, a), a = sqrt(6 / in); bias 0.
//  Uniform  weight and bias U(low, high).
// bias_value, when set, overrides every bias afterwards.
enum class InitScheme { Default, Xavier, He, Uniform };

struct InitSettings {
    InitScheme scheme = InitScheme::Default;
    double low = -0.5;  // Uniform only
    double high = 0.5;  // Uniform only
    bool fixedBias = false;
    double biasValue = 0.0;
};

// Draws layer by layer in order: weight row-major ([out][in]), then bias.
void initializeNetwork(Network& network, const InitSettings& settings, Rng& rng);

// "default", "xavier", "he", "uniform:A:B". Throws InputError.
InitSettings parseInitScheme(std::string_view text);
std::string formatInitScheme(const InitSettings& settings);

}  // namespace lrscope::core
