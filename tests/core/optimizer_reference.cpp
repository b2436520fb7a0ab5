#include "tests/core/optimizer_reference.hpp"

#include <fstream>

#include <nlohmann/json.hpp>

namespace lrscope::core::optimizer_test {

const nlohmann::json& optimizerReference() {
    static const nlohmann::json data = [] {
        const std::string path =
            std::string(LRSCOPE_TEST_DATA_DIR) + "/reference/optimizer_reference.json";
        std::ifstream in(path);
        if (!in) {
            ADD_FAILURE() << "cannot open " << path;
            return nlohmann::json::object();
        }
        return nlohmann::json::parse(in);
    }();
    return data;
}

Vector toVector(const nlohmann::json& values) {
    Vector v(static_cast<Eigen::Index>(values.size()));
    for (Eigen::Index i = 0; i < v.size(); ++i) {
        v[i] = values.at(static_cast<std::size_t>(i)).get<double>();
    }
    return v;
}

OptimizerSettings settingsOf(const nlohmann::json& referenceCase) {
    OptimizerSettings s =
        defaultsFor(parseOptimizer(referenceCase.at("optimizer").get<std::string>()));
    for (const auto& [key, value] : referenceCase.at("settings").items()) {
        if (key == "lr") {
            s.lr = value.get<double>();
        } else if (key == "weight_decay") {
            s.weightDecay = value.get<double>();
        } else if (key == "momentum") {
            s.momentum = value.get<double>();
        } else if (key == "dampening") {
            s.dampening = value.get<double>();
        } else if (key == "rho") {
            s.rho = value.get<double>();
        } else if (key == "alpha") {
            s.alpha = value.get<double>();
        } else if (key == "beta1") {
            s.beta1 = value.get<double>();
        } else if (key == "beta2") {
            s.beta2 = value.get<double>();
        } else if (key == "eps") {
            s.eps = value.get<double>();
        } else if (key == "lr_decay") {
            s.lrDecay = value.get<double>();
        } else if (key == "initial_accumulator") {
            s.initialAccumulator = value.get<double>();
        } else if (key == "centered") {
            s.centered = value.get<bool>();
        } else if (key == "amsgrad") {
            s.amsgrad = value.get<bool>();
        } else {
            ADD_FAILURE() << "unknown setting '" << key << "' in reference case "
                          << referenceCase.at("name");
        }
    }
    return s;
}

int expectMatchesTorch(std::initializer_list<std::string_view> optimizers) {
    int checked = 0;
    for (const auto& referenceCase : optimizerReference().at("optimizer_cases")) {
        const auto optimizer = referenceCase.at("optimizer").get<std::string>();
        bool wanted = false;
        for (const auto name : optimizers) {
            wanted = wanted || name == optimizer;
        }
        if (!wanted) {
            continue;
        }
        const auto name = referenceCase.at("name").get<std::string>();
        SCOPED_TRACE("reference case " + name);
        const OptimizerSettings settings = settingsOf(referenceCase);
        EXPECT_NO_THROW(validate(settings));
        Vector params = toVector(referenceCase.at("params0"));
        const auto rule = makeUpdateRule(settings, params.size());
        const auto& grads = referenceCase.at("grads");
        const auto& lrs = referenceCase.at("lrs");
        const auto& expected = referenceCase.at("params");
        EXPECT_EQ(grads.size(), expected.size());
        for (std::size_t k = 0; k < grads.size() && k < expected.size(); ++k) {
            Vector grad = toVector(grads[k]);
            rule->step(params, grad, lrs.at(k).get<double>());
            const Vector want = toVector(expected[k]);
            if (params.size() != want.size()) {
                ADD_FAILURE() << "step " << k + 1 << ": reference has " << want.size()
                              << " parameters";
                break;
            }
            for (Eigen::Index i = 0; i < params.size(); ++i) {
                EXPECT_LE(std::abs(params[i] - want[i]), kReferenceTolerance * std::abs(want[i]))
                    << "step " << k + 1 << ", parameter " << i << ": lrscope " << params[i]
                    << ", torch " << want[i];
            }
        }
        ++checked;
    }
    return checked;
}

double distanceAfter(const OptimizerSettings& settings, int steps) {
    const Quadratic f;
    Vector x = Vector::Zero(3);
    const auto rule = makeUpdateRule(settings, x.size());
    for (int k = 0; k < steps; ++k) {
        Vector grad = f.gradient(x);
        rule->step(x, grad, settings.lr);
    }
    return (x - f.c).norm();
}

}  // namespace lrscope::core::optimizer_test
