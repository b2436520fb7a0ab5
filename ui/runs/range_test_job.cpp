#include "ui/runs/range_test_job.hpp"

#include <mutex>
#include <optional>

#include "core/base/errors.hpp"
#include "core/data/data_spec.hpp"
#include "core/training/run_control.hpp"

namespace lrscope::ui {

// What the worker and the GUI thread share for one test.
struct RangeTestJob::Shared {
    int id = 0;
    core::RunControl control;  // thread-safe; stop() cancels between iterations
    std::mutex mutex;
    std::vector<core::RangeTestPoint> pending;    // guarded by mutex
    bool drainPosted = false;                     // guarded by mutex
    std::optional<core::RangeTestResult> result;  // guarded by mutex; set once at the end
    core::LrSuggestions suggestions;              // guarded by mutex; with result
    std::optional<QString> failure;               // guarded by mutex
};

RangeTestJob::RangeTestJob(QObject* parent) : QObject(parent) {}

RangeTestJob::~RangeTestJob() {
    cancel();
}

int RangeTestJob::currentId() const {
    return current_ ? current_->id : 0;
}

void RangeTestJob::cancel() {
    if (current_) {
        current_->control.stop();
    }
    if (worker_.joinable()) {
        worker_.join();
    }
    current_.reset();  // a drain still queued for it finds it replaced and drops its data
}

int RangeTestJob::start(const core::RunConfig& config, const core::RangeTestSettings& settings) {
    cancel();
    auto shared = std::make_shared<Shared>();
    shared->id = nextId_++;
    current_ = shared;
    // Posting to `this` from the worker is safe: the destructor joins the worker first, and
    // Qt drops events queued for a deleted object.
    auto post = [this, shared] {
        const std::lock_guard lock(shared->mutex);
        if (!shared->drainPosted) {
            shared->drainPosted = true;
            QMetaObject::invokeMethod(
                this, [this, shared] { drain(shared); }, Qt::QueuedConnection);
        }
    };
    worker_ = std::thread([shared, config, settings, post] {
        try {
            const core::DataSplit data = core::prepareData(config.data, config.seed);
            core::RangeTestResult result = core::rangeTest(
                config, data, settings, shared->control, [&](const core::RangeTestPoint& point) {
                    {
                        const std::lock_guard lock(shared->mutex);
                        shared->pending.push_back(point);
                    }
                    post();
                });
            core::LrSuggestions suggestions =
                core::lrSuggestions(result.points, settings.iterations);
            const std::lock_guard lock(shared->mutex);
            shared->result = std::move(result);
            shared->suggestions = std::move(suggestions);
        } catch (const core::InputError& error) {
            const std::lock_guard lock(shared->mutex);
            shared->failure = QString::fromStdString(error.what());
        } catch (const std::exception& error) {
            const std::lock_guard lock(shared->mutex);
            shared->failure = QStringLiteral("internal error: %1").arg(error.what());
        }
        post();
    });
    return shared->id;
}

void RangeTestJob::drain(const std::shared_ptr<Shared>& shared) {
    if (shared != current_) {
        return;  // cancelled or replaced
    }
    std::vector<core::RangeTestPoint> points;
    std::optional<core::RangeTestResult> result;
    core::LrSuggestions suggestions;
    std::optional<QString> failure;
    {
        const std::lock_guard lock(shared->mutex);
        points.swap(shared->pending);
        shared->drainPosted = false;
        result.swap(shared->result);
        suggestions = shared->suggestions;
        failure.swap(shared->failure);
    }
    const int id = shared->id;
    if (result || failure) {
        // The worker has nothing left to do: join it so the next start() does not wait.
        if (worker_.joinable()) {
            worker_.join();
        }
        current_.reset();
    }
    // Collect first, emit afterwards: a slot may start another test.
    if (!points.empty()) {
        emit pointsArrived(id, points);
    }
    if (failure) {
        emit failed(id, *failure);
    } else if (result) {
        emit finished(id, *result, suggestions);
    }
}

}  // namespace lrscope::ui
