#pragma once

#include <span>
#include <vector>

namespace lrscope::core {

// TensorBoard's scalar smoothing: a debiased exponential moving average with weight w in
// [0, 1). For each finite value y, last = last * w + (1 - w) * y (last starts at 0) and the
// shown value is last / (1 - w^n), n being the number of finite values so far; so the first
// finite value shows as itself and early values are not pulled towards 0. A NaN or Inf is
// passed through unchanged and not folded into the average (the plot leaves it undrawn).
// w = 0 shows every value exactly as given. (TensorBoard: classicSmoothing in
// tensorboard/webapp/widgets/line_chart_v2/data_transformer.ts.)
//
// As in TensorBoard, a constant series is shown exactly (its average would carry rounding
// noise, which a log axis magnifies). TensorBoard checks the whole series; here the check
// covers the values so far (every value equal to the first), so that smoothing point by
// point gives what smoothing the whole series gives. The two differ only on a constant
// prefix followed by other values, where TensorBoard shows the prefix with rounding noise.
//
// Incremental: the window appends values to a live curve and calls add() with the new ones
// only; the results are bit-identical to smoothSeries() over the whole series.
class SeriesSmoother {
public:
    // Throws InputError (setting key "smoothing") unless 0 <= weight < 1.
    explicit SeriesSmoother(double weight);

    // The shown value for the next point of the series.
    double add(double value);
    // The shown values for the next points, in order.
    std::vector<double> add(std::span<const double> values);

    double weight() const { return weight_; }

private:
    double weight_;
    double last_ = 0.0;     // the biased average of the finite values so far
    long finiteCount_ = 0;  // n in the debiasing
    bool started_ = false;  // a value has been seen
    double first_ = 0.0;    // the series' first value, for the constant check
    bool constant_ = true;  // every value so far equals first_
};

// The shown values of a whole series: SeriesSmoother(weight).add(values).
std::vector<double> smoothSeries(std::span<const double> values, double weight);

}  // namespace lrscope::core
