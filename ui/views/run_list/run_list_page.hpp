#pragma once

#include "ui/views/run_view.hpp"

namespace lrscope::ui {

class ContinueRunCommand;
class RunListView;
class RunSelection;
class RunStore;
struct ViewContext;

// The run list as a view: its delete and "use these settings" requests go to the commands;
// "Continue for N more epochs..." is in its context menu and the Run menu.
class RunListPage : public RunView {
public:
    RunListPage(const ViewContext& context, QWidget* parent);

    QString key() const override;
    QString title() const override;
    QWidget* widget() override;
    ViewPlacement placement() const override { return ViewPlacement::Bottom; }
    QList<QAction*> runMenuActions() const override;
    // {"selected": [0, 2], "current": 2, "columns": "<base64 header state>"}: the selected runs
    // by their place in the list (ids are new in every window), and the column widths.
    QJsonObject sessionState() const override;
    void restoreSessionState(const QJsonObject& state) override;

    RunListView* list() const { return list_; }
    ContinueRunCommand* continueCommand() const { return continue_; }

private:
    RunListView* list_;
    RunStore& store_;
    RunSelection& selection_;
    ContinueRunCommand* continue_;
};

}  // namespace lrscope::ui
