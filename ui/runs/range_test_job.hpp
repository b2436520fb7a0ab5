#pragma once

#include <memory>
#include <thread>
#include <vector>

#include <QObject>
#include <QString>

#include "core/analysis/lr_suggestions.hpp"
#include "core/analysis/range_test.hpp"
#include "core/training/run_config.hpp"

namespace lrscope::ui {

// Runs core's learning-rate range test on a thread of its own (a throw-away run: it never
// touches the controller's runs). The worker appends each recorded point to a buffer under a
// short lock and posts one drain to the GUI thread while none is pending, so the signals below
// arrive in the GUI thread, in order, however fast the test goes. Every signal carries the id
// start() returned; a cancelled or replaced test says nothing more. The destructor cancels and
// joins the worker.
class RangeTestJob : public QObject {
    Q_OBJECT
public:
    explicit RangeTestJob(QObject* parent = nullptr);
    ~RangeTestJob() override;

    // Starts a test (cancelling one that runs) and returns its id (ids start at 1).
    int start(const core::RunConfig& config, const core::RangeTestSettings& settings);
    // Stops the running test between two iterations and waits for the worker; nothing more is
    // emitted for it.
    void cancel();
    bool isRunning() const { return current_ != nullptr; }
    int currentId() const;

signals:
    void pointsArrived(int job, const std::vector<lrscope::core::RangeTestPoint>& points);
    void finished(int job, const lrscope::core::RangeTestResult& result,
                  const lrscope::core::LrSuggestions& suggestions);
    // The settings do not fit the data (the message says which), or the data did not load.
    void failed(int job, const QString& message);

private:
    struct Shared;
    void drain(const std::shared_ptr<Shared>& shared);

    std::shared_ptr<Shared> current_;  // GUI thread only
    std::thread worker_;               // GUI thread only
    int nextId_ = 1;
};

}  // namespace lrscope::ui
