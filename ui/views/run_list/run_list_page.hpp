#pragma once

#include "ui/views/run_view.hpp"

namespace lrscope::ui {

class RunListView;
class RunSelection;
class RunStore;
struct ViewContext;

// The run list as a view: its delete and "use these settings" requests go to the commands.
class RunListPage : public RunView {
public:
    RunListPage(const ViewContext& context, QWidget* parent);

    QString key() const override;
    QString title() const override;
    QWidget* widget() override;
    ViewPlacement placement() const override { return ViewPlacement::Bottom; }
    // {"selected": [0, 2], "current": 2, "columns": "<base64 header state>"}: the selected runs
    // by their place in the list (ids are new in every window), and the column widths.
    QJsonObject sessionState() const override;
    void restoreSessionState(const QJsonObject& state) override;

    RunListView* list() const { return list_; }

private:
    RunListView* list_;
    RunStore& store_;
    RunSelection& selection_;
};

}  // namespace lrscope::ui
