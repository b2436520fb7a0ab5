#pragma once

// Points on their way into a RunPlot's graphs, with smoothing: what run_plot.cpp and
// run_plot_smoothing.cpp share.

#include <cmath>
#include <limits>
#include <optional>

#include <QColor>
#include <QVector>

#include "core/analysis/smoothing.hpp"
#include "ui/views/curves/dense_graph.hpp"

namespace lrscope::ui {

// How far a smoothed curve's raw values fade towards white behind it.
constexpr double kRawFade = 0.7;

// Points on their way into one series: the values shown (smoothed when smoothing is on) and,
// with smoothing, the raw values for the faint curve behind.
struct PendingSeries {
    QVector<double> keys;
    QVector<double> values;
    QVector<double> rawKeys;
    QVector<double> rawValues;

    // Adds one value. The extent follows the raw values, so the faint curve stays in view. A
    // log axis cannot show values <= 0: they become gaps, counted in `hidden`.
    template <typename Extent>
    void put(double key, const std::optional<double>& value, bool logY,
             std::optional<core::SeriesSmoother>& smoother, Extent& extent, double cap,
             long& hidden) {
        if (!value) {
            return;
        }
        const double gap = std::numeric_limits<double>::quiet_NaN();
        const auto drawable = [logY](double v) { return std::isfinite(v) && (!logY || v > 0.0); };
        const auto belowLog = [logY](double v) { return logY && std::isfinite(v) && v <= 0.0; };
        const double raw = *value;
        auto& ownKeys = smoother ? rawKeys : keys;
        auto& ownValues = smoother ? rawValues : values;
        if (drawable(raw)) {
            ownKeys.push_back(key);
            ownValues.push_back(raw);
            extent.include(key, raw, cap);
        } else if (belowLog(raw)) {
            ownKeys.push_back(key);
            ownValues.push_back(gap);
            ++hidden;
        }
        if (smoother) {
            const double shown = smoother->add(raw);
            if (drawable(shown) || belowLog(shown)) {
                keys.push_back(key);
                values.push_back(drawable(shown) ? shown : gap);
            }
        }
    }

    long size() const { return keys.size() + rawKeys.size(); }
    void appendTo(DenseGraph* shown, DenseGraph* raw) const {
        shown->appendSorted(keys, values);
        if (raw != nullptr) {
            raw->appendSorted(rawKeys, rawValues);
        }
    }
};

inline QColor faded(const QColor& colour) {
    const auto fade = [](int channel) {
        return static_cast<int>(std::lround(channel + (255 - channel) * kRawFade));
    };
    return QColor(fade(colour.red()), fade(colour.green()), fade(colour.blue()));
}

}  // namespace lrscope::ui
