#include "ui/views/boundary/boundary_view.hpp"

#include <algorithm>

#include <QHBoxLayout>
#include <QLabel>
#include <QMetaObject>
#include <QVBoxLayout>

#include "core/analysis/input_prediction.hpp"
#include "core/base/errors.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/views/boundary/boundary_data.hpp"
#include "ui/views/boundary/boundary_picture.hpp"
#include "ui/views/boundary/boundary_plot.hpp"
#include "ui/views/boundary/class_colours.hpp"
#include "ui/views/followed_run.hpp"
#include "ui/widgets/probability_bars.hpp"

namespace lrscope::ui {

namespace {

constexpr int kFinalWeights = -1;

}  // namespace

BoundaryView::BoundaryView(const ViewContext& context, QWidget* parent)
    : context_(context),
      page_(new QWidget(parent)),
      plot_(new BoundaryPlot(page_)),
      bars_(new ProbabilityBars(page_)),
      probeLabel_(new QLabel(page_)),
      worker_(std::make_unique<LatestWinsWorker>()) {
    page_->setObjectName(QStringLiteral("view.boundary"));
    auto* side = new QVBoxLayout;
    probeLabel_->setWordWrap(true);
    probeLabel_->setText(QObject::tr("Click the plane to see the class probabilities there."));
    side->addWidget(probeLabel_);
    side->addWidget(bars_);
    side->addStretch(1);
    auto* layout = new QHBoxLayout(page_);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(plot_, 1);
    layout->addLayout(side);
    bars_->setFixedWidth(210);
    probeLabel_->setFixedWidth(210);

    QObject::connect(plot_, &BoundaryPlot::planeClicked, page_,
                     [this](core::PlanePoint p) { probe(p); });
    QObject::connect(&context_.selection, &RunSelection::changed, page_, [this] { follow(); });
    QObject::connect(&context_.store, &RunStore::runAdded, page_, [this] { follow(); });
    QObject::connect(&context_.store, &RunStore::runRemoved, page_, [this] { follow(); });
    QObject::connect(&context_.store, &RunStore::cleared, page_, [this] { follow(); });
    QObject::connect(&context_.store, &RunStore::runChanged, page_,
                     [this](core::RunId id, unsigned what) {
                         if ((what & RunStore::State) == 0U) {
                             return;
                         }
                         if (id != shown_) {
                             follow();  // a newer run may have started
                             return;
                         }
                         const Run* run = context_.store.run(id);
                         if (run != nullptr && run->finalWeights && isFinished(run->state)) {
                             context_.controller.requestSnapshots(id, this, 0);
                             submit(*run->finalWeights, kFinalWeights);
                         }
                     });
    QObject::connect(&context_.controller, &TrainingController::snapshotArrived, page_,
                     [this](core::RunId id, const core::WeightSnapshot& snapshot) {
                         if (id == shown_) {
                             submit(snapshot.weights, snapshot.epoch);
                         }
                     });
    follow();
}

QString BoundaryView::key() const {
    return QStringLiteral("boundary");
}

QString BoundaryView::title() const {
    return QObject::tr("Decision boundary");
}

QWidget* BoundaryView::widget() {
    return page_;
}

QCustomPlot* BoundaryView::exportablePlot() const {
    return plot_;
}

void BoundaryView::follow() {
    const core::RunId id = followedRun(context_);
    if (id != shown_ || context_.store.run(id) == nullptr) {
        show(id);
    }
}

void BoundaryView::show(core::RunId id) {
    if (shown_ != 0 && context_.controller.contains(shown_)) {
        context_.controller.requestSnapshots(shown_, this, 0);
    }
    ++generation_;
    shown_ = id;
    weights_.reset();
    drawnEpoch_.reset();
    probePoint_.reset();
    bars_->setHint(QString());
    const Run* run = context_.store.run(id);
    if (run == nullptr) {
        shown_ = 0;
        data_.reset();
        bars_->setVisible(false);
        probeLabel_->setVisible(false);
        plot_->showMessage(
            QObject::tr("Train a run on a data set with 2 inputs (or sine) to see\n"
                        "what the network predicts over the plane."));
        return;
    }
    data_ = std::make_shared<const BoundaryData>(boundaryDataOf(run->config));
    plot_->setData(*data_, captionFor(0));
    const bool plane = data_->shape == BoundaryData::Shape::Plane;
    bars_->setVisible(plane);
    probeLabel_->setVisible(plane);
    probeLabel_->setText(QObject::tr("Click the plane to see the class probabilities there."));
    if (data_->shape == BoundaryData::Shape::Unsupported) {
        return;
    }
    if (run->finalWeights && isFinished(run->state)) {
        submit(*run->finalWeights, kFinalWeights);
    } else if (context_.controller.contains(id) && context_.controller.isActive(id)) {
        // Every epoch; the controller caps snapshots at 20 per second.
        context_.controller.requestSnapshots(id, this, 1);
        plot_->setPicture(BoundaryPicture{},
                          QObject::tr("%1 · waiting for its first weights").arg(run->name));
    } else {
        plot_->setPicture(BoundaryPicture{}, QObject::tr("%1 · no weights kept").arg(run->name));
    }
}

void BoundaryView::submit(const core::NetworkWeights& weights, int epoch) {
    if (!data_ || data_->shape == BoundaryData::Shape::Unsupported) {
        return;  // snapshots another view asked for: nothing to draw them on
    }
    const long generation = generation_;
    auto data = data_;
    QObject* receiver = page_;
    const QSize pixels = plot_->planePixels();
    worker_->submit([this, receiver, generation, epoch, data, weights, pixels] {
        auto picture = std::make_shared<const BoundaryPicture>(
            boundaryPicture(*data, weights, kBoundaryGridSide, pixels));
        QMetaObject::invokeMethod(
            receiver,
            [this, generation, epoch, picture, weights] {
                accept(generation, epoch, picture, weights);
            },
            Qt::QueuedConnection);
    });
}

void BoundaryView::accept(long generation, int epoch,
                          std::shared_ptr<const BoundaryPicture> picture,
                          core::NetworkWeights weights) {
    if (generation != generation_) {
        return;  // computed for a run no longer shown
    }
    // A final picture is never replaced by a snapshot computed before it.
    if (drawnEpoch_ == kFinalWeights && epoch != kFinalWeights) {
        return;
    }
    drawnEpoch_ = epoch;
    weights_ = std::move(weights);
    ++picturesShown_;
    plot_->setPicture(*picture, captionFor(epoch));
    if (probePoint_) {
        probe(*probePoint_);
    }
}

QString BoundaryView::captionFor(int epoch) const {
    const Run* run = context_.store.run(shown_);
    if (run == nullptr) {
        return {};
    }
    if (epoch == kFinalWeights) {
        return QObject::tr("%1 · final weights (epoch %2)").arg(run->name).arg(run->lastEpoch());
    }
    return QObject::tr("%1 · epoch %2").arg(run->name).arg(epoch);
}

void BoundaryView::probe(core::PlanePoint point) {
    probePoint_ = point;
    plot_->setProbe(point);
    if (!weights_ || !data_ || data_->shape != BoundaryData::Shape::Plane) {
        bars_->setHint(QObject::tr("No weights drawn yet."));
        return;
    }
    try {
        core::Vector input(2);
        input << point.x, point.y;
        const core::Predictions result =
            core::predictInput(*weights_, data_->activation, core::LossKind::CrossEntropy, input,
                               data_->featureMean, data_->featureScale);
        std::vector<double> values;
        std::vector<QColor> colours;
        for (Eigen::Index k = 0; k < result.probabilities.rows(); ++k) {
            values.push_back(data_->loss == core::LossKind::CrossEntropy
                                 ? result.probabilities(k, 0)
                                 : std::clamp(result.outputs(k, 0), 0.0, 1.0));
            colours.push_back(classColour(static_cast<int>(k)));
        }
        probeLabel_->setText(
            QObject::tr("At (%1, %2):").arg(compactNumber(point.x), compactNumber(point.y)));
        bars_->setProbabilities(data_->classNames, std::move(values), std::move(colours));
    } catch (const core::InputError& error) {
        bars_->setHint(QString::fromStdString(error.what()));
    }
}

}  // namespace lrscope::ui
