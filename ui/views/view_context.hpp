#pragma once

namespace lrscope::ui {

class ControlPanel;
class RunCommands;
class RunSelection;
class RunStore;
class TrainingController;

// What every view is built from. Views read the store, follow the selection, ask the
// controller for weight snapshots and send user requests (select, delete, use settings)
// through the commands; none of them reaches into a running trainer. The panel gives the
// next run's settings (a range test or sweep starts from them) and takes a chosen rate.
struct ViewContext {
    RunStore& store;
    TrainingController& controller;
    RunSelection& selection;
    RunCommands& commands;
    ControlPanel& panel;
};

}  // namespace lrscope::ui
