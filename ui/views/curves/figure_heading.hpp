#pragma once

#include <qcustomplot.h>

namespace lrscope::ui {

// The heading a figure for a post wants above its plot: a title line and a key line that says
// what the two line styles mean ("—— train   - - - test"). Either may be empty; the element
// is as tall as the lines it has, so the plot below keeps the rest of the height.
class FigureHeading : public QCPLayoutElement {
    Q_OBJECT
public:
    explicit FigureHeading(QCustomPlot* plot);

    void setTitle(const QString& title);
    const QString& title() const { return title_; }
    // Which line styles the key explains (both false: no key line).
    void setKey(bool train, bool test);
    bool keyShown() const { return keyTrain_ || keyTest_; }
    bool isEmpty() const { return title_.isEmpty() && !keyShown(); }

    QSize minimumOuterSizeHint() const override;
    QSize maximumOuterSizeHint() const override;

protected:
    void draw(QCPPainter* painter) override;

private:
    QFont titleFont() const;
    QFont keyFont() const;
    int titleHeight() const;
    int keyHeight() const;

    QString title_;
    bool keyTrain_ = false;
    bool keyTest_ = false;
};

}  // namespace lrscope::ui
