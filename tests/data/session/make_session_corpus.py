#!/usr/bin/env python3
"""Writes the session corpus of tests/core/test_session_corpus.cpp: good/ holds sessions the
reader accepts, bad/ one defect per file, each a small edit of the good two-run session.
Run from anywhere: python3 tests/data/session/make_session_corpus.py"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def config(kind="sgd", lr=0.1, epochs=3):
    return {
        "format": "lrscope-settings", "version": 1,
        "data": {"dataset": "xor", "csv_path": "", "target": "", "task": "classify",
                 "samples": 40, "noise": 0.1, "rows": 0, "test_fraction": 0.25,
                 "standardize": True},
        "hidden_layers": [4], "activation": "tanh", "loss": "cross_entropy",
        "init": {"scheme": "default", "fixed_bias": False, "bias_value": 0.0},
        "optimizer": {"kind": kind, "lr": lr, "weight_decay": 0.0, "momentum": 0.0,
                      "dampening": 0.0, "rho": 0.9, "alpha": 0.99, "beta1": 0.9,
                      "beta2": 0.999, "eps": 1e-08, "lr_decay": 0.0,
                      "initial_accumulator": 0.0, "centered": False, "amsgrad": False},
        "schedule": {"kind": "constant", "warmup_epochs": 0},
        "batch_size": 10, "shuffle": True, "epochs": epochs, "seed": "1"}


def record(epoch, loss, lr=0.1, changed=None):
    first = epoch == 0
    return {"epoch": epoch, "train_loss": loss, "train_error": 0.5, "test_loss": loss + 0.01,
            "test_error": 0.5, "lr": lr, "grad_norm": None if first else 0.25,
            "update_ratio": None if first else 0.01, "step_size": None if first else lr,
            "lr_changed_to": changed}


def two_runs():
    done = {"run": 1, "name": "SGD lr=0.1", "colour": "#0072b2", "visible": True,
            "status": "done", "diverged_at": None, "config": config(),
            "lr_changes": [{"epoch": 2, "lr": 0.05}],
            "final_weights": [{"weight": [[0.5, -0.25], [1, 2], [0, 0], [3, 4]],
                               "bias": [0, 0.5, -0.5, 1]},
                              {"weight": [[1, 1, 1, 1], [-1, -1, -1, -1]], "bias": [0, 0]}],
            "history": [record(0, 0.7), record(1, 0.6), record(2, 0.5, 0.05, 0.05),
                        record(3, 0.4, 0.05)]}
    diverged = {"run": 3, "name": "SGD lr=10", "colour": "#D55E00", "visible": False,
                "status": "diverged", "diverged_at": 2, "config": config(lr=10.0),
                "lr_changes": [], "history": [record(0, 0.7, 10), record(1, 55.5, 10)]}
    return {"format": "lrscope-session", "version": 1, "panel": config("adam", 0.001),
            "views": {"curves": {"metric": "loss", "log_y": True, "x_range": [0, 3.5]}},
            "runs": [done, diverged],
            "imported_runs": [{"name": "torch", "source": "log.csv",
                               "points": [[0, 0.7], [1, 0.55], [2.5, 1e-3]]}]}


def write(folder, name, text):
    with open(os.path.join(HERE, folder, name), "w") as f:
        f.write(text)


def dump(session):
    return json.dumps(session, indent=1) + "\n"


def edited(change):
    session = two_runs()
    change(session)
    return dump(session)


def main():
    write("good", "two_runs.lrscope", dump(two_runs()))
    write("good", "empty.lrscope", json.dumps(
        {"format": "lrscope-session", "version": 1, "panel": config(), "views": {},
         "runs": [], "imported_runs": []}) + "\n")

    def set_in(path, value):
        def change(session):
            target = session
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        return change

    def delete(path):
        def change(session):
            target = session
            for key in path[:-1]:
                target = target[key]
            del target[path[-1]]
        return change

    good = dump(two_runs())
    bad = {
        "truncated.lrscope": good[: len(good) // 2],
        "empty.lrscope": "",
        "not_an_object.lrscope": "[1, 2]\n",
        "weights_file.lrscope": '{"format": "lrscope-weights", "version": 1, "layers": []}\n',
        "version_2.lrscope": edited(set_in(["version"], 2)),
        "history_gap.lrscope": edited(set_in(["runs", 0, "history", 2, "epoch"], 3)),
        "string_loss.lrscope": edited(set_in(["runs", 1, "history", 1, "train_loss"], "abc")),
        "nan_loss.lrscope": good.replace('"train_loss": 55.5', '"train_loss": NaN'),
        "infinite_loss.lrscope": good.replace('"train_loss": 55.5', '"train_loss": 1e999'),
        "missing_lr.lrscope": edited(delete(["runs", 0, "history", 1, "lr"])),
        "bad_colour.lrscope": edited(set_in(["runs", 1, "colour"], "red")),
        "short_colour.lrscope": edited(set_in(["runs", 0, "colour"], "#12345")),
        "training_status.lrscope": edited(set_in(["runs", 0, "status"], "training")),
        "diverged_without_epoch.lrscope": edited(set_in(["runs", 1, "diverged_at"], None)),
        "diverged_inside_history.lrscope": edited(set_in(["runs", 1, "diverged_at"], 1)),
        "done_with_diverged_at.lrscope": edited(set_in(["runs", 0, "diverged_at"], 3)),
        "history_not_array.lrscope": edited(set_in(["runs", 0, "history"], {"epoch": 0})),
        "view_not_object.lrscope": edited(set_in(["views", "curves"], 3)),
        "bad_config.lrscope": edited(set_in(["runs", 1, "config", "optimizer", "beta1"], "abc")),
        "bad_panel.lrscope": edited(delete(["panel", "epochs"])),
        "runs_out_of_order.lrscope": edited(set_in(["runs", 1, "run"], 1)),
        "weights_rows.lrscope": edited(set_in(["runs", 0, "final_weights", 0, "weight"],
                                              [[0.5, -0.25], [1, 2]])),
        "weights_ragged.lrscope": edited(set_in(["runs", 0, "final_weights", 1, "weight", 1],
                                                [1, 2])),
        "point_not_pair.lrscope": edited(set_in(["imported_runs", 0, "points", 1], [1, 2, 3])),
        "change_after_end.lrscope": edited(set_in(["runs", 0, "lr_changes", 0, "epoch"], 9)),
        "history_too_long.lrscope": edited(set_in(["runs", 0, "config", "epochs"], 2)),
        "visible_string.lrscope": edited(set_in(["runs", 0, "visible"], "yes")),
    }
    deep = "[" * 100000 + "]" * 100000
    bad["deep_nesting.lrscope"] = json.dumps(
        {"format": "lrscope-session", "version": 1, "panel": config(),
         "views": {"v": {"x": "DEEP"}}, "runs": [], "imported_runs": []}).replace('"DEEP"', deep) + "\n"
    for name, text in bad.items():
        write("bad", name, text)


if __name__ == "__main__":
    main()
