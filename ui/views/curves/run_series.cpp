#include "ui/views/curves/run_series.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/runs/run_store.hpp"

namespace lrscope::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

enum class PointKind { None, Gap, Drawn };

// What a value is on the plot: a log axis cannot show values <= 0 (a gap in the line), and NaN
// or Inf is no point at all.
PointKind kindOf(double value, bool logY) {
    if (!std::isfinite(value)) {
        return PointKind::None;
    }
    return logY && value <= 0.0 ? PointKind::Gap : PointKind::Drawn;
}

// One slot of CurvePoints::read: kindOf() without branches, since a replot reads every record
// of every run.
void put(double key, double value, bool logY, double* keys, double* values) {
    *keys = std::isfinite(value) ? key : kNaN;
    *values = logY && value <= 0.0 ? kNaN : value;
}

bool inStepOrder(const std::vector<std::array<double, 2>>& points) {
    return std::is_sorted(points.begin(), points.end(),
                          [](const auto& a, const auto& b) { return a[0] < b[0]; });
}

}  // namespace

void SeriesExtent::include(double key, double value, double cap) {
    if (count == 0) {
        first = value;
        low = value;
        high = value;
    }
    if (count == 0 || value > peak) {
        peak = value;
        peakKey = key;
    }
    ++count;
    lastKey = key;
    const double limit = first > 0.0 ? first * cap : std::numeric_limits<double>::infinity();
    low = std::min(low, value);
    high = std::max(high, std::min(value, limit));
}

RunSeries::RunSeries(const RunStore& store, core::RunId id, const Options& options)
    : store_(store), id_(id), options_(options) {
    if (options_.smoothing > 0.0) {
        smoother_.emplace(options_.smoothing);
    }
    const Run* run = this->run();
    if (run != nullptr && !run->importedPoints.empty()) {
        fromImported_ = true;
        if (!inStepOrder(run->importedPoints)) {
            sortedImported_ = run->importedPoints;
            std::stable_sort(sortedImported_.begin(), sortedImported_.end(),
                             [](const auto& a, const auto& b) { return a[0] < b[0]; });
        }
    }
    update();
}

const Run* RunSeries::run() const {
    const std::vector<Run>& runs = store_.runs();
    if (index_ < runs.size() && runs[index_].id == id_) {
        return &runs[index_];
    }
    const int index = store_.indexOf(id_);
    if (index < 0) {
        return nullptr;
    }
    index_ = static_cast<std::size_t>(index);
    return &runs[index_];
}

const std::vector<std::array<double, 2>>* RunSeries::imported(const Run& run) const {
    // An imported curve has no metric of its own: it is drawn as a training loss, since a loss
    // is what is laid beside lrscope's runs.
    static const std::vector<std::array<double, 2>> none;
    if (!fromImported_) {
        return nullptr;
    }
    if (options_.metric != PlotMetric::Loss || options_.split != Split::Train) {
        return &none;
    }
    return sortedImported_.empty() ? &run.importedPoints : &sortedImported_;
}

std::size_t RunSeries::available(const Run& run) const {
    const auto* points = imported(run);
    return points != nullptr ? points->size() : run.history.size();
}

void RunSeries::update() {
    const Run* run = this->run();
    if (run == nullptr) {
        return;
    }
    const std::size_t end = available(*run);
    if (end <= taken_) {
        return;
    }
    if (smoother_) {
        smoothed_.reserve(end);
    }
    if (const auto* points = imported(*run)) {
        for (std::size_t i = taken_; i < end; ++i) {
            take((*points)[i][0], (*points)[i][1]);
        }
    } else {
        withMetricAccessor(options_.metric, options_.split, [&](auto value) {
            for (std::size_t i = taken_; i < end; ++i) {
                const core::EpochRecord& record = run->history[i];
                take(record.epoch, value(record));
            }
        });
    }
    taken_ = end;
}

void RunSeries::take(double key, std::optional<double> value) {
    if (!value) {
        if (smoother_) {
            smoothed_.push_back(kNaN);
        }
        return;
    }
    // The extent follows the raw values, so the faint curve stays in view.
    switch (kindOf(*value, options_.logY)) {
        case PointKind::None:
            break;
        case PointKind::Gap:
            ++rawPoints_;
            ++hidden_;
            break;
        case PointKind::Drawn:
            ++rawPoints_;
            extent_.include(key, *value, options_.followCap);
            break;
    }
    if (smoother_) {
        const double shown = smoother_->add(*value);
        smoothed_.push_back(shown);
        if (kindOf(shown, options_.logY) != PointKind::None) {
            ++shownPoints_;
        }
    }
}

double RunSeries::Points::keyOf(std::size_t entry) const {
    const Run* run = series_.run();
    if (run == nullptr) {
        return 0.0;
    }
    if (const auto* points = series_.imported(*run)) {
        return (*points)[entry][0];
    }
    return run->history[entry].epoch;
}

void RunSeries::Points::read(std::size_t first, std::size_t count, double* keys,
                             double* values) const {
    const Run* run = series_.run();
    if (run == nullptr || first + count > series_.taken_) {
        std::fill(keys, keys + count, kNaN);
        return;
    }
    const bool logY = series_.options_.logY;
    const bool smoothed = readsSmoothed();
    if (const auto* points = series_.imported(*run)) {
        for (std::size_t i = 0; i < count; ++i) {
            const auto& point = (*points)[first + i];
            put(point[0], smoothed ? series_.smoothed_[first + i] : point[1], logY, keys + i,
                values + i);
        }
        return;
    }
    const core::EpochRecord* records = run->history.data() + first;
    if (smoothed) {
        for (std::size_t i = 0; i < count; ++i) {
            put(records[i].epoch, series_.smoothed_[first + i], logY, keys + i, values + i);
        }
        return;
    }
    withMetricAccessor(series_.options_.metric, series_.options_.split, [&](auto value) {
        for (std::size_t i = 0; i < count; ++i) {
            const std::optional<double> v = value(records[i]);
            put(records[i].epoch, v ? *v : kNaN, logY, keys + i, values + i);
        }
    });
}

}  // namespace lrscope::ui
