#!/usr/bin/python3
"""Trains small networks with PyTorch (float64) and writes what lrscope-cli must reproduce.

For each case in CASES this writes, under tests/reference/training/:
  NAME.csv           the data (header row, target last), used in file order
  NAME.weights.json  the initial weights (lrscope's format = PyTorch nn.Linear layout)
  NAME.expected.csv  per-epoch train loss/error from PyTorch, epoch 0 before any update
  NAME.args          the lrscope-cli train flags that describe the same run
Run with Debian's python3 (python3-torch): /usr/bin/python3 make_training_reference.py
Everything is seeded, so the output is the same on every run of the same torch build.
"""
import json
import math
import pathlib

import torch

torch.set_default_dtype(torch.float64)
OUT = pathlib.Path(__file__).resolve().parent / "training"

# name, data kind, hidden, activation, loss, optimizer, optimizer kwargs (torch names),
# lr, schedule (lrscope syntax or None), batch size, epochs
CASES = [
    ("sgd_ce_tanh", "classes", [6], "tanh", "cross_entropy", "sgd", {}, 0.1, None, 8, 25),
    ("sgd_mse_sigmoid_wd", "classes", [5, 4], "sigmoid", "mse", "sgd",
     {"weight_decay": 0.01}, 0.5, None, 10, 20),
    ("momentum_ce_relu_damp", "classes", [8], "relu", "cross_entropy", "momentum",
     {"momentum": 0.8, "dampening": 0.1}, 0.05, "step:5:0.5", 16, 25),
    ("nesterov_mse_leaky", "regress", [6], "leaky_relu", "mse", "nesterov",
     {"momentum": 0.9}, 0.01, "exp:0.95", 12, 25),
    ("adagrad_ce_linear", "classes", [4], "linear", "cross_entropy", "adagrad",
     {"lr_decay": 0.01, "initial_accumulator_value": 0.1, "eps": 1e-10}, 0.2, None, 7, 20),
    ("adadelta_mse_tanh", "regress", [5], "tanh", "mse", "adadelta",
     {"rho": 0.85, "eps": 1e-6, "weight_decay": 0.001}, 1.0, None, 9, 25),
    ("rmsprop_ce_centered_momentum", "classes", [6, 6], "tanh", "cross_entropy", "rmsprop",
     {"alpha": 0.9, "centered": True, "momentum": 0.5, "eps": 1e-8}, 0.01, "cosine:15:0.001",
     10, 25),
    ("rmsprop_mse_plain", "classes", [6], "relu", "mse", "rmsprop", {}, 0.005, None, 0, 30),
    ("adam_ce_amsgrad", "classes", [8, 8], "relu", "cross_entropy", "adam",
     {"betas": (0.8, 0.99), "amsgrad": True, "weight_decay": 0.01}, 0.01, "cosine:10", 16, 25),
    ("adam_mse_regress", "regress", [8], "sigmoid", "mse", "adam", {}, 0.02, "step:7:0.3", 5, 20),
    ("adamw_ce_default", "classes", [7], "leaky_relu", "cross_entropy", "adamw",
     {"weight_decay": 0.05}, 0.005, None, 0, 30),
    ("sgd_ce_diverges", "classes", [6], "relu", "cross_entropy", "sgd", {}, 80.0, None, 4, 30),
]

FLAG_NAMES = {"weight_decay": "--weight-decay", "momentum": "--momentum",
              "dampening": "--dampening", "lr_decay": "--lr-decay",
              "initial_accumulator_value": "--initial-accumulator", "eps": "--eps",
              "rho": "--rho", "alpha": "--alpha"}


def make_data(kind, gen):
    n, d = 60, 3
    x = torch.randn(n, d, generator=gen) * torch.tensor([1.0, 2.0, 0.5])
    if kind == "classes":
        score = x[:, 0] + 0.5 * x[:, 1] ** 2 - x[:, 2]
        y = torch.bucketize(score, torch.quantile(score, torch.tensor([1 / 3, 2 / 3])))
        return x, y
    y = torch.sin(x[:, 0]) + 0.3 * x[:, 1] * x[:, 2] + 0.05 * torch.randn(n, generator=gen)
    return x, y


def activation(name):
    return {"tanh": torch.nn.Tanh(), "sigmoid": torch.nn.Sigmoid(), "relu": torch.nn.ReLU(),
            "leaky_relu": torch.nn.LeakyReLU(0.01), "linear": torch.nn.Identity()}[name]


def make_optimizer(name, params, lr, kwargs):
    kwargs = dict(kwargs)
    if name in ("sgd", "momentum", "nesterov"):
        if name == "nesterov":
            kwargs["nesterov"] = True
        return torch.optim.SGD(params, lr=lr, **kwargs)
    cls = {"adagrad": torch.optim.Adagrad, "adadelta": torch.optim.Adadelta,
           "rmsprop": torch.optim.RMSprop, "adam": torch.optim.Adam,
           "adamw": torch.optim.AdamW}[name]
    return cls(params, lr=lr, **kwargs)


def make_scheduler(text, optimizer):
    if text is None:
        return None
    parts = text.split(":")
    if parts[0] == "step":
        return torch.optim.lr_scheduler.StepLR(optimizer, int(parts[1]), float(parts[2]))
    if parts[0] == "exp":
        return torch.optim.lr_scheduler.ExponentialLR(optimizer, float(parts[1]))
    eta_min = float(parts[2]) if len(parts) > 2 else 0.0
    return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, int(parts[1]), eta_min)


def loss_of(loss, out, y, classes):
    if loss == "cross_entropy":
        return torch.nn.functional.cross_entropy(out, y)
    target = torch.nn.functional.one_hot(y, classes).double() if classes else y.unsqueeze(1)
    return torch.nn.functional.mse_loss(out, target)


def fmt(v):
    return repr(float(v))


def run_case(index, case):
    name, kind, hidden, act, loss, opt, kwargs, lr, schedule, batch, epochs = case
    gen = torch.Generator().manual_seed(1000 + index)
    x, y = make_data(kind, gen)
    classes = 3 if kind == "classes" else 0
    sizes = [x.shape[1]] + hidden + [classes or 1]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(activation(act))
    net = torch.nn.Sequential(*layers)
    with torch.no_grad():
        for layer in net:
            if isinstance(layer, torch.nn.Linear):
                bound = 1 / math.sqrt(layer.in_features)
                layer.weight.uniform_(-bound, bound, generator=gen)
                layer.bias.uniform_(-bound, bound, generator=gen)

    with open(OUT / f"{name}.csv", "w") as f:
        f.write("x1,x2,x3,target\n")
        for row, target in zip(x.tolist(), y.tolist()):
            f.write(",".join(fmt(v) for v in row) + "," + (str(int(target)) if classes else fmt(target)) + "\n")
    dense = [m for m in net if isinstance(m, torch.nn.Linear)]
    weights = {"format": "lrscope-weights", "version": 1,
               "layers": [{"weight": m.weight.tolist(), "bias": m.bias.tolist()} for m in dense]}
    with open(OUT / f"{name}.weights.json", "w") as f:
        json.dump(weights, f, indent=1)

    optimizer = make_optimizer(opt, net.parameters(), lr, kwargs)
    scheduler = make_scheduler(schedule, optimizer)
    n = x.shape[0]
    size = n if batch == 0 else batch

    def evaluate():
        with torch.no_grad():
            out = net(x)
            value = loss_of(loss, out, y, classes).item()
            error = (out.argmax(1) != y).double().mean().item() if classes else None
        return value, error

    rows = []
    value, error = evaluate()
    rows.append((0, value, error, lr))
    for epoch in range(1, epochs + 1):
        epoch_lr = optimizer.param_groups[0]["lr"]
        for start in range(0, n, size):
            optimizer.zero_grad()
            batch_loss = loss_of(loss, net(x[start:start + size]), y[start:start + size], classes)
            batch_loss.backward()
            optimizer.step()
        finite = all(torch.isfinite(p).all() for p in net.parameters())
        value, error = evaluate()
        if not finite or not math.isfinite(value):
            break
        rows.append((epoch, value, error, epoch_lr))
        if scheduler:
            scheduler.step()

    with open(OUT / f"{name}.expected.csv", "w") as f:
        f.write("epoch,train_loss,train_error,lr\n")
        for epoch, value, error, epoch_lr in rows:
            f.write(f"{epoch},{fmt(value)},{'' if error is None else fmt(error)},{fmt(epoch_lr)}\n")

    args = ["--data", f"{name}.csv", "--test-fraction", "0", "--no-shuffle", "--no-standardize",
            "--init-weights", f"{name}.weights.json", "--layers", ",".join(map(str, hidden)),
            "--activation", act, "--loss", loss, "--optimizer", opt, "--lr", fmt(lr),
            "--batch-size", str(batch), "--epochs", str(epochs)]
    if not classes:
        args += ["--task", "regress"]
    for key, value in kwargs.items():
        if key == "betas":
            args += ["--beta1", fmt(value[0]), "--beta2", fmt(value[1])]
        elif key in ("amsgrad", "centered"):
            if value:
                args.append(f"--{key}")
        else:
            args += [FLAG_NAMES[key], fmt(value)]
    if schedule:
        args += ["--schedule", schedule]
    with open(OUT / f"{name}.args", "w") as f:
        f.write("\n".join(args) + "\n")


OUT.mkdir(parents=True, exist_ok=True)
for i, case in enumerate(CASES):
    run_case(i, case)
print(f"wrote {len(CASES)} cases to {OUT}")
