#pragma once

#include "ui/views/run_view.hpp"

namespace lrscope::ui {

class RunListView;
struct ViewContext;

// The run list as a view: its delete and "use these settings" requests go to the commands.
class RunListPage : public RunView {
public:
    RunListPage(const ViewContext& context, QWidget* parent);

    QString key() const override;
    QString title() const override;
    QWidget* widget() override;
    ViewPlacement placement() const override { return ViewPlacement::Bottom; }

    RunListView* list() const { return list_; }

private:
    RunListView* list_;
};

}  // namespace lrscope::ui
