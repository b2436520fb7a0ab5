#!/usr/bin/python3
"""Runs learning-rate range tests with PyTorch (float64) and writes what lrscope-cli lr-find
must reproduce, to tests/reference/range_test_reference.json.

The data and the initial weights are those of make_training_reference.py (under
tests/reference/training/), used in file order (--no-shuffle). The range test follows
lrscope's definition (fastai's lr_find), written out here from the text, not from lrscope:
  iteration i = 0..N-1 trains the i-th mini-batch (epoch after epoch, last batch partial)
  at lr_i = start * (end / start) ** (i / N); loss_i is the batch's mean loss before the
  step; avg_i = beta * avg_(i-1) + (1 - beta) * loss_i, avg_(-1) = 0, smoothed_i =
  avg_i / (1 - beta ** (i + 1)); after recording i, stop when stop_factor > 0 and
  smoothed_i > stop_factor * min(smoothed_0..i); a non-finite loss ends it unrecorded.
  Suggestions on the recorded points [N // 10 : recorded - 5] (none if fewer than 2).
Run with Debian's python3 (python3-torch): /usr/bin/python3 make_range_test_reference.py
"""
import json
import math
import pathlib

import torch

torch.set_default_dtype(torch.float64)
HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE / "training"

# name, training case (data + weights), hidden, activation, task, loss, optimizer,
# optimizer kwargs (torch names), batch size (0 = full), start, end, iterations, smoothing,
# stop factor
CASES = [
    ("sgd_ce", "sgd_ce_tanh", [6], "tanh", "classes", "cross_entropy", "sgd", {},
     8, 1e-4, 10.0, 40, 0.98, 0.0),
    ("momentum_mse_damp", "sgd_mse_sigmoid_wd", [5, 4], "sigmoid", "classes", "mse", "momentum",
     {"momentum": 0.9, "dampening": 0.1}, 16, 1e-3, 3.0, 30, 0.9, 4.0),
    ("nesterov_mse_regress", "nesterov_mse_leaky", [6], "leaky_relu", "regress", "mse",
     "nesterov", {"momentum": 0.8}, 12, 1e-4, 0.5, 30, 0.98, 4.0),
    ("adam_ce_wd", "adam_ce_amsgrad", [8, 8], "relu", "classes", "cross_entropy", "adam",
     {"weight_decay": 0.01}, 10, 1e-5, 1.0, 50, 0.95, 0.0),
    ("adamw_ce_fullbatch", "adamw_ce_default", [7], "leaky_relu", "classes", "cross_entropy",
     "adamw", {}, 0, 1e-4, 1.0, 20, 0.98, 4.0),
    ("rmsprop_mse_regress", "adam_mse_regress", [8], "sigmoid", "regress", "mse", "rmsprop", {},
     12, 1e-4, 0.1, 25, 0.0, 4.0),
    ("rmsprop_ce_centered", "rmsprop_ce_centered_momentum", [6, 6], "tanh", "classes",
     "cross_entropy", "rmsprop", {"centered": True, "alpha": 0.9}, 10, 1e-5, 0.3, 45, 0.9, 0.0),
    ("adagrad_ce", "adagrad_ce_linear", [4], "linear", "classes", "cross_entropy", "adagrad",
     {"lr_decay": 0.01}, 7, 1e-3, 5.0, 30, 0.98, 4.0),
    ("adadelta_mse", "adadelta_mse_tanh", [5], "tanh", "regress", "mse", "adadelta", {},
     9, 1e-2, 50.0, 30, 0.98, 4.0),
    ("sgd_ce_diverges", "sgd_ce_diverges", [6], "relu", "classes", "cross_entropy", "sgd", {},
     4, 1e-2, 1e4, 100, 0.98, 4.0),
    ("sgd_mse_non_finite", "sgd_mse_sigmoid_wd", [5, 4], "sigmoid", "classes", "mse", "sgd", {},
     10, 1.0, 1e200, 60, 0.98, 0.0),
]

FLAG_NAMES = {"weight_decay": "--weight-decay", "momentum": "--momentum",
              "dampening": "--dampening", "lr_decay": "--lr-decay", "alpha": "--alpha"}


def activation(name):
    return {"tanh": torch.nn.Tanh(), "sigmoid": torch.nn.Sigmoid(), "relu": torch.nn.ReLU(),
            "leaky_relu": torch.nn.LeakyReLU(0.01), "linear": torch.nn.Identity()}[name]


def make_optimizer(name, params, kwargs):
    kwargs = dict(kwargs)
    if name in ("sgd", "momentum", "nesterov"):
        if name == "nesterov":
            kwargs["nesterov"] = True
        return torch.optim.SGD(params, lr=1.0, **kwargs)
    cls = {"adagrad": torch.optim.Adagrad, "adadelta": torch.optim.Adadelta,
           "rmsprop": torch.optim.RMSprop, "adam": torch.optim.Adam,
           "adamw": torch.optim.AdamW}[name]
    return cls(params, lr=1.0, **kwargs)


def read_data(path, task):
    lines = path.read_text().splitlines()[1:]
    rows = [[float(v) for v in line.split(",")] for line in lines if line]
    x = torch.tensor([r[:-1] for r in rows])
    if task == "classes":
        return x, torch.tensor([int(r[-1]) for r in rows])
    return x, torch.tensor([r[-1] for r in rows])


def loss_of(loss, out, y, classes):
    if loss == "cross_entropy":
        return torch.nn.functional.cross_entropy(out, y)
    target = torch.nn.functional.one_hot(y, classes).double() if classes else y.unsqueeze(1)
    return torch.nn.functional.mse_loss(out, target)


def make_network(sizes, act, weights):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(activation(act))
    net = torch.nn.Sequential(*layers)
    dense = [m for m in net if isinstance(m, torch.nn.Linear)]
    with torch.no_grad():
        for layer, saved in zip(dense, weights["layers"]):
            layer.weight.copy_(torch.tensor(saved["weight"]))
            layer.bias.copy_(torch.tensor(saved["bias"]))
    return net


def valley(lrs, losses):
    n = len(losses)
    longest = [1] * n
    for i in range(1, n):
        for j in range(i):
            if losses[i] < losses[j]:
                longest[i] = max(longest[i], longest[j] + 1)
    e = longest.index(max(longest))
    s = e - longest[e]
    return lrs[max(0, s + (e - s) // 3 + (e - s) // 6)]


def steep(lrs, losses):
    slopes = [(losses[i + 1] - losses[i]) / (math.log(lrs[i + 1]) - math.log(lrs[i]))
              for i in range(len(losses) - 1)]
    return lrs[slopes.index(min(slopes))]


def minimum(lrs, losses):
    return lrs[losses.index(min(losses))] / 10


def suggestions(lrs, smoothed, iterations):
    first = iterations // 10
    kept_lrs = lrs[first:max(first, len(lrs) - 5)]
    kept = smoothed[first:max(first, len(smoothed) - 5)]
    if len(kept) < 2:
        return {"valley": None, "steep": None, "minimum": None}
    return {"valley": valley(kept_lrs, kept), "steep": steep(kept_lrs, kept),
            "minimum": minimum(kept_lrs, kept)}


def run_case(case):
    (name, source, hidden, act, task, loss, opt, kwargs, batch, start, end, iterations,
     beta, stop_factor) = case
    x, y = read_data(DATA / f"{source}.csv", task)
    classes = 3 if task == "classes" else 0
    weights = json.loads((DATA / f"{source}.weights.json").read_text())
    net = make_network([x.shape[1]] + hidden + [classes or 1], act, weights)
    optimizer = make_optimizer(opt, net.parameters(), kwargs)
    n = x.shape[0]
    size = n if batch == 0 else batch
    starts = list(range(0, n, size))

    lrs, losses, smoothed = [], [], []
    stopped = "completed"
    avg = 0.0
    for i in range(iterations):
        begin = starts[i % len(starts)]
        lr = start * (end / start) ** (i / iterations)
        optimizer.zero_grad()
        batch_loss = loss_of(loss, net(x[begin:begin + size]), y[begin:begin + size], classes)
        value = batch_loss.item()
        if not math.isfinite(value):
            stopped = "non-finite"
            break
        avg = beta * avg + (1 - beta) * value
        lrs.append(lr)
        losses.append(value)
        smoothed.append(avg / (1 - beta ** (i + 1)))
        if stop_factor > 0 and smoothed[-1] > stop_factor * min(smoothed):
            stopped = "diverged"
            break
        batch_loss.backward()
        optimizer.param_groups[0]["lr"] = lr
        optimizer.step()

    args = ["--data", f"training/{source}.csv", "--test-fraction", "0", "--no-shuffle",
            "--no-standardize", "--init-weights", f"training/{source}.weights.json",
            "--layers", ",".join(map(str, hidden)), "--activation", act, "--loss", loss,
            "--optimizer", opt, "--batch-size", str(batch), "--start-lr", repr(start),
            "--end-lr", repr(end), "--iterations", str(iterations), "--smoothing", repr(beta),
            "--stop-factor", repr(stop_factor)]
    if not classes:
        args += ["--task", "regress"]
    for key, value in kwargs.items():
        if key == "centered":
            args.append("--centered")
        else:
            args += [FLAG_NAMES[key], repr(float(value))]
    return {"name": name, "args": args, "stopped": stopped, "recorded": len(losses),
            "lr": lrs, "loss": losses, "smoothed_loss": smoothed,
            "suggestions": suggestions(lrs, smoothed, iterations)}


cases = [run_case(case) for case in CASES]
with open(HERE / "range_test_reference.json", "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
    f.write("\n")
for case in cases:
    print(f"{case['name']}: {case['recorded']} recorded, {case['stopped']}, {case['suggestions']}")
