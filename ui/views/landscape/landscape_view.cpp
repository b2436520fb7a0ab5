#include "ui/views/landscape/landscape_view.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/analysis/optimizer_path.hpp"
#include "core/base/errors.hpp"
#include "core/optim/optimizer_setting.hpp"
#include "ui/qt_text.hpp"
#include "ui/runs/run_labels.hpp"
#include "ui/runs/run_palette.hpp"
#include "ui/views/landscape/landscape_plot.hpp"
#include "ui/widgets/log_slider.hpp"
#include "ui/widgets/number_field.hpp"

namespace lrscope::ui {

namespace {

using Kind = core::OptimizerKind;

constexpr int kDefaultSteps = 1000;
constexpr int kMaxSteps = 10000;

// Where each function's race starts by default: on a wall, away from the minima.
core::PlanePoint defaultStart(core::TestFunctionKind function) {
    switch (function) {
        case core::TestFunctionKind::Rosenbrock:
            return {-1.5, 2.0};
        case core::TestFunctionKind::Beale:
            return {1.0, 1.5};
        case core::TestFunctionKind::Himmelblau:
            return {-0.5, -0.5};
        case core::TestFunctionKind::Booth:
            return {-8.0, 8.0};
        case core::TestFunctionKind::Saddle:
            return {-1.5, 0.01};
        case core::TestFunctionKind::Bowl:
            return {-1.8, 0.6};
    }
    return {};
}

// A default rate at which most optimizers get somewhere on the function within 1,000 steps.
double defaultRate(core::TestFunctionKind function) {
    switch (function) {
        case core::TestFunctionKind::Rosenbrock:
            return 2e-3;  // SGD and momentum reach (1, 1), Nesterov diverges
        case core::TestFunctionKind::Beale:
        case core::TestFunctionKind::Himmelblau:
            return 1e-2;
        case core::TestFunctionKind::Booth:
        case core::TestFunctionKind::Saddle:
            return 3e-2;
        case core::TestFunctionKind::Bowl:
            return 1e-2;
    }
    return 1e-2;
}

}  // namespace

LandscapeView::LandscapeView(const ViewContext& /*context*/, QWidget* parent)
    : page_(new QWidget(parent)),
      plot_(new LandscapePlot(page_)),
      function_(new QComboBox(page_)),
      rate_(new LogSlider(QObject::tr("learning rate"), 1e-5, 10.0, 100.0, page_)),
      steps_(new QSpinBox(page_)),
      replay_(new QSlider(Qt::Horizontal, page_)),
      replayLabel_(new QLabel(page_)),
      timing_(new QLabel(page_)),
      settingsOf_(new QComboBox(page_)),
      settingsForm_(new QFormLayout) {
    page_->setObjectName(QStringLiteral("view.landscape"));
    for (const Kind kind : core::kAllOptimizers) {
        settings_[kind] = core::defaultsFor(kind);
    }
    for (const core::TestFunctionKind f : core::kAllTestFunctions) {
        function_->addItem(toQString(core::testFunctionName(f)), static_cast<int>(f));
    }
    steps_->setRange(1, kMaxSteps);
    steps_->setValue(kDefaultSteps);
    steps_->setSingleStep(100);
    replay_->setRange(0, kDefaultSteps);
    replay_->setValue(kDefaultSteps);

    auto* controls = new QWidget;
    auto* column = new QVBoxLayout(controls);
    column->setContentsMargins(4, 2, 4, 2);
    auto* top = new QFormLayout;
    top->addRow(QObject::tr("Function"), function_);
    auto* rateRow = new QHBoxLayout;
    rateRow->addWidget(rate_, 1);
    rate_->entry()->setMaximumWidth(70);
    rateRow->addWidget(rate_->entry());
    top->addRow(QObject::tr("Rate"), rateRow);
    top->addRow(QObject::tr("Steps"), steps_);
    auto* replayRow = new QHBoxLayout;
    replayRow->addWidget(replay_, 1);
    replayRow->addWidget(replayLabel_);
    top->addRow(QObject::tr("Replay"), replayRow);
    column->addLayout(top);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(0);
    int index = 0;
    for (const Kind kind : core::kAllOptimizers) {
        auto* box = new QCheckBox(toQString(core::optimizerDisplayName(kind)), controls);
        const QColor colour = runColour(index);
        box->setStyleSheet(
            QStringLiteral("QCheckBox { color: %1; font-weight: bold; }").arg(colour.name()));
        box->setChecked(true);
        chosen_[kind] = box;
        grid->addWidget(box, index / 2, index % 2);
        QObject::connect(box, &QCheckBox::toggled, page_, [this] { recompute(); });
        ++index;
    }
    column->addLayout(grid);

    for (const Kind kind : core::kAllOptimizers) {
        settingsOf_->addItem(toQString(core::optimizerDisplayName(kind)), static_cast<int>(kind));
    }
    settingsForm_->addRow(QObject::tr("Settings of"), settingsOf_);
    for (const core::OptimizerSettingInfo& info : core::optimizerSettingTable()) {
        QWidget* field = nullptr;
        if (info.isSwitch) {
            auto* box = new QCheckBox(controls);
            QObject::connect(
                box, &QCheckBox::toggled, page_, [this, setting = info.setting](bool on) {
                    if (building_) {
                        return;
                    }
                    core::setSettingValue(
                        settings_[static_cast<Kind>(settingsOf_->currentData().toInt())], setting,
                        on ? 1.0 : 0.0);
                    recompute();
                });
            field = box;
        } else {
            auto* number = new NumberField(toQString(info.label).toLower(), NumberField::Kind::Real,
                                           info.low, info.high, controls);
            number->setBounds(NumberField::Bound::Inclusive, info.highIncluded
                                                                 ? NumberField::Bound::Inclusive
                                                                 : NumberField::Bound::Exclusive);
            number->setMaximumWidth(90);
            QObject::connect(
                number, &NumberField::numberEdited, page_, [this, number, setting = info.setting] {
                    if (building_ || !number->value()) {
                        return;
                    }
                    core::setSettingValue(
                        settings_[static_cast<Kind>(settingsOf_->currentData().toInt())], setting,
                        *number->value());
                    recompute();
                });
            field = number;
        }
        setHelpText(field, toQString(info.help));
        settingsForm_->addRow(toQString(info.label), field);
        fields_[info.setting] = field;
    }
    column->addLayout(settingsForm_);
    column->addWidget(timing_);
    column->addStretch(1);
    timing_->setWordWrap(true);
    QFont small = timing_->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    timing_->setFont(small);

    auto* scroll = new QScrollArea(page_);
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFixedWidth(300);
    auto* layout = new QHBoxLayout(page_);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(plot_, 1);
    layout->addWidget(scroll);

    QObject::connect(function_, &QComboBox::activated, page_, [this] { onFunctionChosen(); });
    QObject::connect(rate_, &LogSlider::valueChanged, page_, [this] { recompute(); });
    QObject::connect(steps_, &QSpinBox::valueChanged, page_, [this](int steps) {
        const bool atEnd = replay_->value() == replay_->maximum();
        replay_->setMaximum(steps);
        if (atEnd) {
            replay_->setValue(steps);
        }
        recompute();
    });
    QObject::connect(replay_, &QSlider::valueChanged, page_, [this](int step) {
        replayLabel_->setText(QObject::tr("step %1").arg(step));
        plot_->setReplayStep(step);
    });
    QObject::connect(settingsOf_, &QComboBox::currentIndexChanged, page_, [this] {
        showSettingsOf(static_cast<Kind>(settingsOf_->currentData().toInt()));
    });
    QObject::connect(plot_, &LandscapePlot::startDragged, page_,
                     [this](core::PlanePoint p) { setStart(p); });

    replayLabel_->setText(QObject::tr("step %1").arg(kDefaultSteps));
    replayLabel_->setMinimumWidth(
        replayLabel_->fontMetrics().horizontalAdvance(QObject::tr("step %1").arg(kMaxSteps)));
    settingsOf_->setCurrentIndex(settingsOf_->findData(static_cast<int>(Kind::Adam)));
    showSettingsOf(Kind::Adam);
    onFunctionChosen();
}

QString LandscapeView::key() const {
    return QStringLiteral("landscape");
}

QString LandscapeView::title() const {
    return QObject::tr("Loss landscape");
}

QWidget* LandscapeView::widget() {
    return page_;
}

QCustomPlot* LandscapeView::exportablePlot() const {
    return plot_;
}

QCheckBox* LandscapeView::optimizerBox(core::OptimizerKind kind) const {
    return chosen_.at(kind);
}

QWidget* LandscapeView::settingField(core::OptimizerSetting setting) const {
    const auto kind = static_cast<Kind>(settingsOf_->currentData().toInt());
    return core::usesSetting(kind, setting) ? fields_.at(setting) : nullptr;
}

core::OptimizerSettings LandscapeView::settingsOf(core::OptimizerKind kind) const {
    core::OptimizerSettings settings = settings_.at(kind);
    settings.lr = rate_->value();
    return settings;
}

void LandscapeView::onFunctionChosen() {
    const auto function = static_cast<core::TestFunctionKind>(function_->currentData().toInt());
    plot_->setFunction(function);
    building_ = true;
    rate_->setValue(defaultRate(function));
    building_ = false;
    setStart(defaultStart(function));
}

void LandscapeView::setStart(core::PlanePoint start) {
    start_ = start;
    plot_->setStart(start);
    recompute();
}

void LandscapeView::showSettingsOf(core::OptimizerKind kind) {
    building_ = true;
    const core::OptimizerSettings& settings = settings_[kind];
    for (const auto& [setting, field] : fields_) {
        const bool used = core::usesSetting(kind, setting);
        settingsForm_->setRowVisible(field, used);
        const double value = core::settingValue(settings, setting);
        if (auto* box = qobject_cast<QCheckBox*>(field)) {
            box->setChecked(value != 0.0);
        } else if (auto* number = qobject_cast<NumberField*>(field)) {
            number->setNumber(value);
        }
    }
    building_ = false;
}

void LandscapeView::recompute() {
    if (building_) {
        return;
    }
    QElapsedTimer clock;
    clock.start();
    const auto function = static_cast<core::TestFunctionKind>(function_->currentData().toInt());
    std::vector<LandscapePath> paths;
    QStringList problems;
    int index = 0;
    for (const Kind kind : core::kAllOptimizers) {
        const QColor colour = runColour(index++);
        if (!chosen_[kind]->isChecked()) {
            continue;
        }
        const core::OptimizerSettings settings = settingsOf(kind);
        try {
            core::validate(settings);
            paths.push_back(
                LandscapePath{kind, colour,
                              core::optimizerPath(function, settings, core::LrSchedule{}, start_,
                                                  steps_->value())});
        } catch (const core::InputError& error) {
            problems.push_back(QStringLiteral("%1: %2").arg(
                toQString(core::optimizerDisplayName(kind)), QString::fromStdString(error.what())));
        }
    }
    const long steps = static_cast<long>(paths.size()) * steps_->value();
    plot_->setPaths(std::move(paths));
    lastComputeMs_ = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    QString note = QObject::tr("%1 steps recomputed in %2 ms. Start (%3, %4).")
                       .arg(steps)
                       .arg(lastComputeMs_, 0, 'f', 1)
                       .arg(compactNumber(start_.x), compactNumber(start_.y));
    if (!problems.isEmpty()) {
        note += QLatin1Char('\n') + problems.join(QLatin1Char('\n'));
    }
    timing_->setText(note);
}

QJsonObject LandscapeView::sessionState() const {
    QJsonObject state;
    state[QStringLiteral("function")] = function_->currentText();
    state[QStringLiteral("lr")] = rate_->value();
    state[QStringLiteral("steps")] = steps_->value();
    state[QStringLiteral("start")] = QJsonArray{start_.x, start_.y};
    QJsonArray optimizers;
    for (const auto& [kind, box] : chosen_) {
        if (box->isChecked()) {
            optimizers.push_back(toQString(core::optimizerName(kind)));
        }
    }
    state[QStringLiteral("optimizers")] = optimizers;
    return state;
}

void LandscapeView::restoreSessionState(const QJsonObject& state) {
    const int function = function_->findText(state.value(QStringLiteral("function")).toString());
    if (function >= 0) {
        function_->setCurrentIndex(function);
        onFunctionChosen();
    }
    building_ = true;
    if (const double lr = state.value(QStringLiteral("lr")).toDouble(); lr > 0.0) {
        rate_->setValue(lr);
    }
    if (const int steps = state.value(QStringLiteral("steps")).toInt(); steps >= 1) {
        steps_->setValue(std::min(steps, kMaxSteps));
    }
    if (state.contains(QStringLiteral("optimizers"))) {
        const QJsonArray names = state.value(QStringLiteral("optimizers")).toArray();
        for (const auto& [kind, box] : chosen_) {
            box->setChecked(names.contains(toQString(core::optimizerName(kind))));
        }
    }
    building_ = false;
    const QJsonArray start = state.value(QStringLiteral("start")).toArray();
    core::PlanePoint p = start_;
    if (start.size() == 2 && start[0].isDouble() && start[1].isDouble()) {
        p = {start[0].toDouble(), start[1].toDouble()};
    }
    setStart(p);
}

}  // namespace lrscope::ui
