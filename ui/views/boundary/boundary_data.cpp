#include "ui/views/boundary/boundary_data.hpp"

#include <algorithm>
#include <limits>

#include <QObject>

#include "core/base/errors.hpp"
#include "core/data/data_spec.hpp"

namespace lrscope::ui {

namespace {

constexpr double kMargin = 0.10;  // of the data's extent, on each side

QString dataName(const core::DataSpec& spec) {
    return QString::fromStdString(spec.csvPath.empty() ? spec.dataset : spec.csvPath);
}

// Feature f of sample j in the data's units (undoing the run's standardisation).
double dataUnits(const core::DataSplit& split, const core::Dataset& part, int f, Eigen::Index j) {
    const double z = part.features(f, j);
    if (split.featureMean.size() == 0) {
        return z;
    }
    return z * split.featureScale(f) + split.featureMean(f);
}

std::vector<BoundaryPoint> pointsOf(const core::DataSplit& split, const core::Dataset& part,
                                    BoundaryData::Shape shape) {
    std::vector<BoundaryPoint> points;
    points.reserve(static_cast<size_t>(part.sampleCount()));
    for (Eigen::Index j = 0; j < part.sampleCount(); ++j) {
        BoundaryPoint p;
        p.x = dataUnits(split, part, 0, j);
        if (shape == BoundaryData::Shape::Plane) {
            p.y = dataUnits(split, part, 1, j);
            p.label = part.labels[static_cast<size_t>(j)];
        } else {
            p.y = part.targets(0, j);
        }
        points.push_back(p);
    }
    return points;
}

// [low, high] widened by the margin; a single value gets a unit-wide interval around it.
void widen(double& low, double& high) {
    const double extent = high - low;
    const double pad = extent > 0.0 ? extent * kMargin : 0.5;
    low -= pad;
    high += pad;
}

core::PlaneRange rangeOf(const std::vector<BoundaryPoint>& a, const std::vector<BoundaryPoint>& b) {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    core::PlaneRange r{kInf, -kInf, kInf, -kInf};
    for (const auto* points : {&a, &b}) {
        for (const BoundaryPoint& p : *points) {
            r.xMin = std::min(r.xMin, p.x);
            r.xMax = std::max(r.xMax, p.x);
            r.yMin = std::min(r.yMin, p.y);
            r.yMax = std::max(r.yMax, p.y);
        }
    }
    widen(r.xMin, r.xMax);
    widen(r.yMin, r.yMax);
    return r;
}

}  // namespace

double BoundaryData::toNetwork(int feature, double value) const {
    if (featureMean.size() == 0) {
        return value;
    }
    return (value - featureMean(feature)) / featureScale(feature);
}

core::PlaneRange BoundaryData::networkRange() const {
    if (shape == Shape::Curve) {
        return {toNetwork(0, range.xMin), toNetwork(0, range.xMax), range.yMin, range.yMax};
    }
    return {toNetwork(0, range.xMin), toNetwork(0, range.xMax), toNetwork(1, range.yMin),
            toNetwork(1, range.yMax)};
}

BoundaryData boundaryDataOf(const core::RunConfig& config) {
    BoundaryData data;
    data.activation = config.activation;
    data.loss = config.loss;
    core::DataSplit split;
    try {
        split = core::prepareData(config.data, config.seed);
    } catch (const core::InputError& error) {
        data.reason = QObject::tr("The run's data cannot be read: %1").arg(error.what());
        return data;
    }
    const core::Dataset& train = split.train;
    const int inputs = train.featureCount();
    const QString name = dataName(config.data);
    if (train.task == core::Task::Classify && inputs == 2) {
        data.shape = BoundaryData::Shape::Plane;
    } else if (train.task == core::Task::Regress && inputs == 1 && train.outputCount() == 1) {
        data.shape = BoundaryData::Shape::Curve;
    } else if (train.task == core::Task::Classify) {
        data.reason = QObject::tr(
                          "No boundary for %1: it has %2 inputs,\nand a decision "
                          "boundary is drawn over a plane of 2 inputs.")
                          .arg(name)
                          .arg(inputs);
        return data;
    } else {
        data.reason = QObject::tr(
                          "No curve for %1: it has %2 inputs and %3 targets,\nand a "
                          "fitted curve is drawn for 1 input and 1 target.")
                          .arg(name)
                          .arg(inputs)
                          .arg(train.outputCount());
        return data;
    }
    data.xName = QString::fromStdString(train.featureNames.at(0));
    data.yName = data.shape == BoundaryData::Shape::Plane
                     ? QString::fromStdString(train.featureNames.at(1))
                     : QString::fromStdString(train.targetName);
    if (data.yName.isEmpty()) {
        data.yName = QObject::tr("target");
    }
    for (const std::string& c : train.classNames) {
        data.classNames.push_back(QString::fromStdString(c));
    }
    data.featureMean = split.featureMean;
    data.featureScale = split.featureScale;
    data.train = pointsOf(split, split.train, data.shape);
    data.test = pointsOf(split, split.test, data.shape);
    data.range = rangeOf(data.train, data.test);
    return data;
}

}  // namespace lrscope::ui
