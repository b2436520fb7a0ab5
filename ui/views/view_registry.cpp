#include "ui/views/view_registry.hpp"

#include "ui/views/boundary/boundary_view.hpp"
#include "ui/views/curves/curves_view.hpp"
#include "ui/views/landscape/landscape_view.hpp"
#include "ui/views/network/network_view.hpp"
#include "ui/views/range_test/range_test_view.hpp"
#include "ui/views/run_list/run_list_page.hpp"
#include "ui/views/sweep/sweep_view.hpp"
#include "ui/views/test_input/test_input_view.hpp"

namespace lrscope::ui {

std::vector<std::unique_ptr<RunView>> makeViews(const ViewContext& context, QWidget* parent) {
    std::vector<std::unique_ptr<RunView>> views;
    views.push_back(makeLossCurvesView(context, parent));
    views.push_back(makeSignalCurvesView(context, parent));
    views.push_back(std::make_unique<RunListPage>(context, parent));
    views.push_back(std::make_unique<RangeTestView>(context, parent));
    views.push_back(std::make_unique<SweepView>(context, parent));
    views.push_back(std::make_unique<BoundaryView>(context, parent));
    views.push_back(std::make_unique<NetworkView>(context, parent));
    views.push_back(std::make_unique<TestInputView>(context, parent));
    views.push_back(std::make_unique<LandscapeView>(context, parent));
    return views;
}

}  // namespace lrscope::ui
