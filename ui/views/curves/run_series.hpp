#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "core/analysis/smoothing.hpp"
#include "core/training/epoch_record.hpp"
#include "ui/views/curves/curve_points.hpp"
#include "ui/views/curves/plot_metric.hpp"

namespace lrscope::ui {

class RunStore;
struct Run;

// Running extent of a series' drawable values, kept while they come in so that following the
// data costs O(runs).
struct SeriesExtent {
    double first = 0.0;  // the first value (valid when count > 0)
    double low = 0.0;
    double high = 0.0;  // at most the cap times the first value, see RunSeries::Options
    double peak = 0.0;  // the largest value, uncapped
    double peakKey = 0.0;
    double lastKey = 0.0;
    long count = 0;
    void include(double key, double value, double cap);
};

// One series of a run as a RunPlot draws it: the train or test values of one metric over the
// run's history, read from the RunStore that holds the run. The series keeps no copy of them,
// only their extent and counts, and gives them to CurveGraphs as CurvePoints. An imported curve
// (Run::importedPoints, which a run has instead of a history) is drawn as the training loss.
//
// A log axis cannot show values <= 0: they are gaps in the line, counted in hidden(). A NaN or
// Inf value and a record without the metric are no point at all.
//
// With smoothing, shown() gives the smoothed values and raw() the values behind them. The
// smoothed values are held here, one double per record: each depends on every value before it
// (core::SeriesSmoother, one pow() per value), too slow to compute again at every replot.
class RunSeries {
public:
    struct Options {
        PlotMetric metric = PlotMetric::Loss;
        Split split = Split::Train;
        bool logY = false;
        double smoothing = 0.0;  // 0: none
        // The extent counts values up to this multiple of the first one (infinity: all), so
        // that a diverging run does not flatten every other curve while the plot follows.
        double followCap = 0.0;
    };

    // A series of run `id` of `store` (which must outlive it), with the records the run has now.
    RunSeries(const RunStore& store, core::RunId id, const Options& options);
    RunSeries(const RunSeries&) = delete;
    RunSeries& operator=(const RunSeries&) = delete;

    // Takes in the records the run got since the last call. Until then the series draws the
    // records it had: what the plot has counted and fitted.
    void update();

    const CurvePoints& shown() const { return shown_; }
    // nullptr without smoothing.
    const CurvePoints* raw() const { return smoother_ ? &raw_ : nullptr; }
    // Of the raw values, so the faint curve behind a smoothed one stays in view.
    const SeriesExtent& extent() const { return extent_; }
    // Raw values a log axis cannot show.
    long hidden() const { return hidden_; }

private:
    class Points : public CurvePoints {
    public:
        Points(const RunSeries& series, bool smoothed) : series_(series), smoothed_(smoothed) {}
        std::size_t entryCount() const override { return series_.taken_; }
        double keyOf(std::size_t entry) const override;
        void read(std::size_t first, std::size_t count, double* keys,
                  double* values) const override;
        std::size_t pointCount() const override {
            return readsSmoothed() ? series_.shownPoints_ : series_.rawPoints_;
        }

    private:
        bool readsSmoothed() const { return smoothed_ && series_.smoother_.has_value(); }
        const RunSeries& series_;
        bool smoothed_;
    };

    const Run* run() const;
    // The imported points of the run (sorted by step), or nullptr when it has a history.
    const std::vector<std::array<double, 2>>* imported(const Run& run) const;
    std::size_t available(const Run& run) const;
    void take(double key, std::optional<double> value);

    const RunStore& store_;
    core::RunId id_;
    // Where the run was in the store last time: checked by its id, looked up again when runs
    // were added or removed. A replot reads every series many times.
    mutable std::size_t index_ = 0;
    Options options_;
    bool fromImported_ = false;
    // A copy of imported points only when they were not in step order (a hand-made session).
    std::vector<std::array<double, 2>> sortedImported_;
    std::size_t taken_ = 0;  // records (or imported points) taken in
    std::size_t rawPoints_ = 0;
    std::size_t shownPoints_ = 0;
    SeriesExtent extent_;
    long hidden_ = 0;
    std::optional<core::SeriesSmoother> smoother_;
    std::vector<double> smoothed_;  // per record taken in; NaN for no value
    Points shown_{*this, true};     // the smoothed values with smoothing, else the raw ones
    Points raw_{*this, false};
};

}  // namespace lrscope::ui
