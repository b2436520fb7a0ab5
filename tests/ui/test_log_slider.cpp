// The learning-rate slider: log mapping at both ends and in between, the exact entry box.
#include <cmath>

#include <QSignalSpy>
#include <QSlider>
#include <QTest>

#include "core/base/number_format.hpp"
#include "ui/widgets/log_slider.hpp"
#include "ui/widgets/number_field.hpp"

using lrscope::ui::LogScale;
using lrscope::ui::LogSlider;

class TestLogSlider : public QObject {
    Q_OBJECT
private slots:
    void mapsEndsExactly() {
        const LogScale scale(1e-6, 10.0, 700);
        QCOMPARE(scale.valueAt(0), 1e-6);
        QCOMPARE(scale.valueAt(700), 10.0);
        QCOMPARE(scale.positionOf(1e-6), 0);
        QCOMPARE(scale.positionOf(10.0), 700);
    }

    void mapsBetweenLogarithmically_data() {
        QTest::addColumn<int>("position");
        QTest::addColumn<double>("value");
        QTest::newRow("one decade up") << 100 << 1e-5;
        QTest::newRow("half a decade") << 50 << std::pow(10.0, -5.5);
        QTest::newRow("middle") << 350 << std::pow(10.0, -2.5);
        QTest::newRow("1e-3") << 300 << 1e-3;
        QTest::newRow("one") << 600 << 1.0;
    }
    void mapsBetweenLogarithmically() {
        QFETCH(int, position);
        QFETCH(double, value);
        const LogScale scale(1e-6, 10.0, 700);
        QVERIFY2(std::abs(scale.valueAt(position) / value - 1.0) < 1e-12,
                 qPrintable(QString::number(scale.valueAt(position))));
        QCOMPARE(scale.positionOf(value), position);
    }

    void clampsOutOfRangeValues() {
        const LogScale scale(1e-6, 10.0, 700);
        QCOMPARE(scale.positionOf(1e-9), 0);
        QCOMPARE(scale.positionOf(0.0), 0);
        QCOMPARE(scale.positionOf(-1.0), 0);
        QCOMPARE(scale.positionOf(50.0), 700);
        QCOMPARE(scale.valueAt(-5), 1e-6);
        QCOMPARE(scale.valueAt(900), 10.0);
    }

    void sliderAndBoxAgree() {
        LogSlider slider(QStringLiteral("learning rate"), 1e-6, 10.0, 100.0);
        QSignalSpy changed(&slider, &LogSlider::valueChanged);
        slider.slider()->setValue(0);
        QCOMPARE(slider.value(), 1e-6);
        slider.slider()->setValue(slider.scale().steps());
        QCOMPARE(slider.value(), 10.0);
        // Position 350 of 700 over seven decades is 10^-2.5 = 3.162e-3; the slider gives it
        // with the two significant digits the box shows.
        const double exact = std::pow(10.0, -2.5);
        const double shown = 3.2e-3;
        QVERIFY(std::abs(shown - exact) < 0.05e-3);
        slider.slider()->setValue(350);
        QCOMPARE(slider.value(), shown);
        // The box shows exactly the value the slider gives.
        QCOMPARE(lrscope::core::parseDouble(slider.entry()->text().toStdString()),
                 std::optional<double>(shown));
        QCOMPARE(changed.count(), 2);  // it starts at position 0
        QCOMPARE(changed.last().at(0).toDouble(), shown);
    }

    void boxTakesScientificNotationExactly() {
        LogSlider slider(QStringLiteral("learning rate"), 1e-6, 10.0, 100.0);
        QSignalSpy changed(&slider, &LogSlider::valueChanged);
        slider.entry()->setText(QStringLiteral("3.7e-4"));
        QCOMPARE(slider.value(), 3.7e-4);  // not rounded to a slider position
        QCOMPARE(slider.slider()->value(), slider.scale().positionOf(3.7e-4));
        QCOMPARE(changed.count(), 1);
        slider.entry()->setText(QStringLiteral("50"));  // beyond the slider, within range
        QCOMPARE(slider.value(), 50.0);
        QCOMPARE(slider.slider()->value(), slider.scale().steps());
    }

    void invalidEntryIsReportedAndKeepsTheLastValue() {
        LogSlider slider(QStringLiteral("learning rate"), 1e-6, 10.0, 100.0);
        slider.setValue(0.01);
        QSignalSpy validity(&slider, &LogSlider::validityChanged);
        slider.entry()->setText(QStringLiteral("1e-2x"));
        QVERIFY(!slider.isValid());
        QVERIFY(slider.error().contains(QStringLiteral("not a number")));
        QCOMPARE(slider.value(), 0.01);
        QCOMPARE(validity.count(), 1);
        slider.entry()->setText(QStringLiteral("0"));
        QVERIFY(slider.error().contains(QStringLiteral("out of range")));
        slider.entry()->setText(QStringLiteral("1000"));
        QVERIFY(!slider.isValid());
        slider.entry()->setText(QStringLiteral("0.5"));
        QVERIFY(slider.isValid());
        QCOMPARE(slider.value(), 0.5);
    }

    void releaseCommitsTheValue() {
        LogSlider slider(QStringLiteral("learning rate"), 1e-6, 10.0, 100.0);
        QSignalSpy committed(&slider, &LogSlider::valueCommitted);
        slider.slider()->setValue(600);  // six decades above 1e-6: 10^0
        QCOMPARE(committed.count(), 0);  // moving alone does not commit
        emit slider.slider()->sliderReleased();
        QCOMPARE(committed.count(), 1);
        QCOMPARE(committed.first().at(0).toDouble(), slider.scale().valueAt(600));
        QCOMPARE(slider.scale().valueAt(600), 1.0);
        const QString typed = QStringLiteral("2e-3");
        slider.entry()->setText(typed);
        QTest::keyClick(slider.entry(), Qt::Key_Return);
        QCOMPARE(committed.count(), 2);
        QCOMPARE(committed.last().at(0).toDouble(), typed.toDouble());
    }
};

QTEST_MAIN(TestLogSlider)
#include "test_log_slider.moc"
