#include "ui/views/network/network_view.hpp"

#include <QLabel>
#include <QVBoxLayout>

#include "core/base/errors.hpp"
#include "core/data/data_spec.hpp"
#include "ui/runs/run_selection.hpp"
#include "ui/runs/run_store.hpp"
#include "ui/runs/training_controller.hpp"
#include "ui/views/followed_run.hpp"
#include "ui/widgets/network_diagram.hpp"

namespace lrscope::ui {

namespace {

constexpr int kFinalWeights = -1;

}  // namespace

NetworkView::NetworkView(const ViewContext& context, QWidget* parent)
    : context_(context),
      page_(new QWidget(parent)),
      caption_(new QLabel(page_)),
      diagram_(new NetworkDiagram(page_)) {
    page_->setObjectName(QStringLiteral("view.network"));
    diagram_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    diagram_->setToolTip(QString());
    diagram_->setEmptyText(QObject::tr("Train a run to see its network and weights here."));
    auto* key = new QLabel(
        QObject::tr("<span style='color:#0072B2'>■</span> positive "
                    "<span style='color:#D55E00'>■</span> negative · line width: |weight| "
                    "within its layer · node shade: bias · hover for values"),
        page_);
    key->setWordWrap(true);
    QFont small = key->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    key->setFont(small);
    auto* layout = new QVBoxLayout(page_);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(caption_);
    layout->addWidget(diagram_, 1);
    layout->addWidget(key);

    QObject::connect(&context_.selection, &RunSelection::changed, page_, [this] { follow(); });
    QObject::connect(&context_.store, &RunStore::runAdded, page_, [this] { follow(); });
    QObject::connect(&context_.store, &RunStore::runRemoved, page_, [this] { follow(); });
    QObject::connect(&context_.store, &RunStore::cleared, page_, [this] { follow(); });
    QObject::connect(
        &context_.store, &RunStore::runChanged, page_, [this](core::RunId id, unsigned what) {
            const Run* run = context_.store.run(id);
            if (id != shown_ && (what & RunStore::State) != 0U) {
                follow();  // a newer run may have started
                return;
            }
            if (id != shown_ || run == nullptr) {
                return;
            }
            if ((what & RunStore::State) != 0U && run->finalWeights && isFinished(run->state)) {
                draw(*run->finalWeights, kFinalWeights);
            } else if ((what & RunStore::Name) != 0U && drawnEpoch_) {
                draw(*diagram_->weights(), *drawnEpoch_);
            }
        });
    QObject::connect(&context_.controller, &TrainingController::snapshotArrived, page_,
                     [this](core::RunId id, const core::WeightSnapshot& snapshot) {
                         if (id == shown_ && drawnEpoch_ != kFinalWeights) {
                             draw(snapshot.weights, snapshot.epoch);
                         }
                     });
    follow();
}

QString NetworkView::key() const {
    return QStringLiteral("network");
}

QString NetworkView::title() const {
    return QObject::tr("Network weights");
}

QWidget* NetworkView::widget() {
    return page_;
}

QString NetworkView::caption() const {
    return caption_->text();
}

void NetworkView::follow() {
    const core::RunId id = followedRun(context_);
    if (id != shown_ || context_.store.run(id) == nullptr) {
        show(id);
    }
}

void NetworkView::show(core::RunId id) {
    context_.controller.requestSnapshots(shown_, this, 0);
    shown_ = id;
    drawnEpoch_.reset();
    diagram_->setWeights(std::nullopt);
    const Run* run = context_.store.run(id);
    if (run == nullptr) {
        shown_ = 0;
        diagram_->setLayerSizes({});
        caption_->clear();
        return;
    }
    try {
        const core::DataShape shape = core::dataShape(run->config.data);
        diagram_->setLayerSizes(core::layerSizes(run->config, shape.inputs, shape.outputs));
    } catch (const core::InputError&) {
        diagram_->setLayerSizes({});  // the data no longer reads: the weights will tell
    }
    if (run->finalWeights && isFinished(run->state)) {
        draw(*run->finalWeights, kFinalWeights);
    } else if (context_.controller.isActive(id)) {
        context_.controller.requestSnapshots(id, this, 1);
        caption_->setText(QObject::tr("%1 · waiting for its first weights").arg(run->name));
    } else {
        caption_->setText(QObject::tr("%1 · shape only: no weights kept").arg(run->name));
    }
}

void NetworkView::draw(const core::NetworkWeights& weights, int epoch) {
    const Run* run = context_.store.run(shown_);
    drawnEpoch_ = epoch;
    diagram_->setWeights(weights);
    const QString name = run != nullptr ? run->name : QString();
    caption_->setText(epoch == kFinalWeights
                          ? QObject::tr("%1 · final weights (epoch %2)")
                                .arg(name)
                                .arg(run != nullptr ? run->lastEpoch() : 0)
                          : QObject::tr("%1 · weights after epoch %2").arg(name).arg(epoch));
}

}  // namespace lrscope::ui
