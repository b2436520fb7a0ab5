#include "ui/widgets/round_log_ticks.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "ui/runs/run_labels.hpp"

namespace lrscope::ui {

QSharedPointer<QCPAxisTickerText> roundLogTicks(const QCPRange& range) {
    const double lower = range.lower;
    const double upper = range.upper;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    if (lower > 0.0 && upper > lower) {
        const int first = static_cast<int>(std::floor(std::log10(lower)));
        const int last = static_cast<int>(std::ceil(std::log10(upper)));
        const auto ticksWith = [&](std::initializer_list<int> mantissas) {
            std::vector<std::pair<double, bool>> ticks;  // value, a power of ten
            for (int exponent = first; exponent <= last; ++exponent) {
                for (const int mantissa : mantissas) {
                    const double tick =
                        std::stod(std::to_string(mantissa) + "e" + std::to_string(exponent));
                    if (tick >= lower && tick <= upper) {
                        ticks.emplace_back(tick, mantissa == 1);
                    }
                }
            }
            return ticks;
        };
        std::vector<std::pair<double, bool>> ticks = ticksWith({1, 2, 5});
        if (ticks.size() < 2) {
            ticks = ticksWith({1, 2, 3, 4, 5, 6, 7, 8, 9});
        }
        if (ticks.size() < 2) {
            ticks.clear();
            const double rough = (upper - lower) / 4.0;
            const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
            double step = 10.0 * magnitude;
            for (const double factor : {1.0, 2.0, 5.0}) {
                if (factor * magnitude >= rough) {
                    step = factor * magnitude;
                    break;
                }
            }
            for (double k = std::ceil(lower / step); k * step <= upper; k += 1.0) {
                ticks.emplace_back(k * step, false);
            }
        }
        // More than six ticks crowd a short plot: then only the powers of ten.
        const auto powers =
            std::count_if(ticks.begin(), ticks.end(), [](const auto& tick) { return tick.second; });
        const bool decadesOnly = ticks.size() > 6 && powers >= 2;
        for (const auto& [tick, power] : ticks) {
            if (power || !decadesOnly) {
                ticker->addTick(tick, compactNumber(tick));
            }
        }
    }
    return ticker;
}

}  // namespace lrscope::ui
