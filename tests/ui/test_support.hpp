#pragma once

// Shared helpers for the ui tests.

#include <vector>

#include <QTest>

#include "core/training/run_config.hpp"
#include "core/training/run_control.hpp"
#include "core/training/trainer.hpp"

namespace lrscope::test {

// A small, quick classification run.
inline core::RunConfig smallConfig(int epochs = 20) {
    core::RunConfig config;
    config.data.dataset = "moons";
    config.data.samples = 120;
    config.hidden_layers = {6};
    config.optimizer = core::defaultsFor(core::OptimizerKind::Sgd);
    config.optimizer.lr = 0.1;
    config.batch_size = 10;
    config.epochs = epochs;
    config.seed = 7;
    return config;
}

// What core::train emits when nobody steers it.
inline std::vector<core::EpochRecord> coreRecords(core::RunId id, const core::RunConfig& config) {
    struct Collect : core::TrainingObserver {
        std::vector<core::EpochRecord> records;
        void onEpoch(const core::EpochRecord& record) override { records.push_back(record); }
    } collect;
    core::RunControl control;
    core::train(id, config, control, collect);
    return collect.records;
}

inline bool sameRecord(const core::EpochRecord& a, const core::EpochRecord& b) {
    return a.run_id == b.run_id && a.epoch == b.epoch && a.train_loss == b.train_loss &&
           a.train_error == b.train_error && a.test_loss == b.test_loss &&
           a.test_error == b.test_error && a.lr == b.lr && a.grad_norm == b.grad_norm &&
           a.update_ratio == b.update_ratio && a.step_size == b.step_size &&
           a.lr_changed_to == b.lr_changed_to;
}

}  // namespace lrscope::test
