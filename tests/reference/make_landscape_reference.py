#!/usr/bin/python3
"""Reference optimizer paths on lrscope's 2-D test functions, made with torch.optim.

Run with Debian's Python, which sees python3-torch (a pyenv python3 earlier on PATH does not):

    /usr/bin/python3 tests/reference/make_landscape_reference.py

It rewrites tests/reference/landscape_reference.json next to this script. Everything is in
float64 and all inputs are fixed. tests/core/test_optimizer_path.cpp runs each case through
core::optimizerPath and tests/e2e/test_cli_landscape.cpp through `lrscope-cli landscape`.

Each case is a 2-element tensor p = (x, y) stepped by a torch optimizer: step k sets p.grad
to the function's gradient at p and calls optimizer.step(), then a torch scheduler (if any)
steps once, so schedules move per step. The gradient is the analytic formula, written with
the same operations as core/analysis/test_function.cpp, and checked against autograd here.
A path ends before the first point or value that is not finite.

Layout of the JSON:
  torch_version  the torch that made the numbers
  cases          [{name, function, optimizer, args, start, steps, path, diverged_at}]
                 args: the lrscope-cli landscape flags of the case besides --function,
                 --optimizer, --start and --steps (--lr, optimizer flags, --schedule,
                 --warmup) as a flat list; path: [[x, y, value], ...] with path[0] the start;
                 diverged_at: the step that left the finite numbers, or null.
"""

import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)


def value_of(function, x, y):
    if function == "rosenbrock":
        return (1.0 - x) * (1.0 - x) + 100.0 * (y - x * x) * (y - x * x)
    if function == "beale":
        a = 1.5 - x + x * y
        b = 2.25 - x + x * y * y
        c = 2.625 - x + x * y * y * y
        return a * a + b * b + c * c
    if function == "himmelblau":
        a = x * x + y - 11.0
        b = x + y * y - 7.0
        return a * a + b * b
    if function == "booth":
        a = x + 2.0 * y - 7.0
        b = 2.0 * x + y - 5.0
        return a * a + b * b
    if function == "saddle":
        return x * x - y * y
    if function == "bowl":
        # 0.5 (u^2 + 100 w^2) with u = (x + y) / sqrt 2, w = (x - y) / sqrt 2
        s = x + y
        d = x - y
        return 0.25 * (s * s + 100.0 * d * d)
    raise ValueError(function)


def gradient_of(function, x, y):
    if function == "rosenbrock":
        valley = y - x * x
        return (-2.0 * (1.0 - x) - 400.0 * x * valley, 200.0 * valley)
    if function == "beale":
        y2 = y * y
        y3 = y2 * y
        a = 1.5 - x + x * y
        b = 2.25 - x + x * y2
        c = 2.625 - x + x * y3
        return (2.0 * (a * (y - 1.0) + b * (y2 - 1.0) + c * (y3 - 1.0)),
                2.0 * x * (a + 2.0 * b * y + 3.0 * c * y2))
    if function == "himmelblau":
        a = x * x + y - 11.0
        b = x + y * y - 7.0
        return (4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b)
    if function == "booth":
        a = x + 2.0 * y - 7.0
        b = 2.0 * x + y - 5.0
        return (2.0 * a + 4.0 * b, 4.0 * a + 2.0 * b)
    if function == "saddle":
        return (2.0 * x, -2.0 * y)
    if function == "bowl":
        s = 0.5 * (x + y)
        d = 0.5 * 100.0 * (x - y)
        return (s + d, s - d)
    raise ValueError(function)


def check_gradient_against_autograd(function, x, y):
    p = torch.tensor([x, y], requires_grad=True)
    value_of(function, p[0], p[1]).backward()
    analytic = gradient_of(function, x, y)
    for i in range(2):
        auto = p.grad[i].item()
        assert abs(auto - analytic[i]) <= 1e-12 * max(1.0, abs(auto)), (function, x, y)


def flag_values(args):
    """{flag: value or True} from a flat lrscope-cli argument list."""
    out = {}
    i = 0
    while i < len(args):
        if i + 1 < len(args) and not args[i + 1].startswith("--"):
            out[args[i]] = args[i + 1]
            i += 2
        else:
            out[args[i]] = True
            i += 1
    return out


def make_optimizer(kind, params, flags):
    """The torch optimizer for lrscope's `kind` and CLI flags (lrscope's defaults otherwise)."""
    def number(flag, default):
        return float(flags[flag]) if flag in flags else default

    lr = float(flags["--lr"])
    wd = number("--weight-decay", 1e-2 if kind == "adamw" else 0.0)
    if kind in ("sgd", "momentum", "nesterov"):
        momentum = number("--momentum", 0.0 if kind == "sgd" else 0.9)
        return torch.optim.SGD(params, lr=lr, momentum=momentum,
                               dampening=number("--dampening", 0.0), weight_decay=wd,
                               nesterov=(kind == "nesterov"))
    if kind == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, lr_decay=number("--lr-decay", 0.0),
                                   weight_decay=wd,
                                   initial_accumulator_value=number("--initial-accumulator", 0.0),
                                   eps=number("--eps", 1e-10))
    if kind == "adadelta":
        return torch.optim.Adadelta(params, lr=lr, rho=number("--rho", 0.9),
                                    eps=number("--eps", 1e-6), weight_decay=wd)
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=number("--alpha", 0.99),
                                   eps=number("--eps", 1e-8), weight_decay=wd,
                                   momentum=number("--momentum", 0.0),
                                   centered="--centered" in flags)
    if kind in ("adam", "adamw"):
        cls = torch.optim.Adam if kind == "adam" else torch.optim.AdamW
        return cls(params, lr=lr, betas=(number("--beta1", 0.9), number("--beta2", 0.999)),
                   eps=number("--eps", 1e-8), weight_decay=wd, amsgrad="--amsgrad" in flags)
    raise ValueError(kind)


def make_scheduler(optimizer, flags):
    """torch's scheduler for --schedule and --warmup, stepped once per optimizer step."""
    schedule = flags.get("--schedule", "constant")
    warmup = int(flags.get("--warmup", 0))
    parts = schedule.split(":")
    if parts[0] == "constant" and warmup == 0:
        return None
    if warmup > 0:
        assert parts[0] == "constant", "warm-up is combined with the constant schedule here"
        # After i scheduler steps torch trains step i + 1, at lr * min(1, (i + 1) / N).
        return torch.optim.lr_scheduler.LambdaLR(optimizer,
                                                 lambda i: min(1.0, (i + 1) / warmup))
    if parts[0] == "step":
        return torch.optim.lr_scheduler.StepLR(optimizer, int(parts[1]), float(parts[2]))
    if parts[0] == "exp":
        return torch.optim.lr_scheduler.ExponentialLR(optimizer, float(parts[1]))
    if parts[0] == "cosine":
        eta_min = float(parts[2]) if len(parts) > 2 else 0.0
        return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, int(parts[1]), eta_min)
    raise ValueError(schedule)


def run_case(function, kind, args, start, steps):
    flags = flag_values(args)
    p = torch.tensor(start, dtype=torch.float64)
    optimizer = make_optimizer(kind, [p], flags)
    scheduler = make_scheduler(optimizer, flags)
    path = [[start[0], start[1], value_of(function, start[0], start[1])]]
    diverged_at = None
    for step in range(1, steps + 1):
        x, y = p[0].item(), p[1].item()
        if step <= 3:
            check_gradient_against_autograd(function, x, y)
        p.grad = torch.tensor(gradient_of(function, x, y))
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        x, y = p[0].item(), p[1].item()
        with_value = value_of(function, x, y) if math.isfinite(x) and math.isfinite(y) else x
        if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(with_value)):
            diverged_at = step
            break
        path.append([x, y, with_value])
    return path, diverged_at


# (name, function, optimizer, flags besides --function/--optimizer/--start/--steps, start, steps)
CASES = [
    ("sgd_rosenbrock", "rosenbrock", "sgd", ["--lr", "0.001"], [-1.5, 2.0], 500),
    ("sgd_weight_decay_booth", "booth", "sgd", ["--lr", "0.02", "--weight-decay", "0.1"],
     [-6.0, 7.5], 300),
    ("momentum_dampening_beale", "beale", "momentum",
     ["--lr", "0.001", "--momentum", "0.8", "--dampening", "0.25"], [1.0, 1.5], 400),
    ("nesterov_himmelblau", "himmelblau", "nesterov", ["--lr", "0.005", "--weight-decay", "0.01"],
     [0.0, 0.0], 300),
    ("adagrad_decay_booth", "booth", "adagrad",
     ["--lr", "0.5", "--lr-decay", "0.01", "--initial-accumulator", "0.1"], [-5.0, 5.0], 300),
    ("adadelta_bowl", "bowl", "adadelta", ["--lr", "1", "--rho", "0.95", "--eps", "1e-4"],
     [1.5, -0.5], 500),
    ("rmsprop_saddle", "saddle", "rmsprop", ["--lr", "0.01"], [1.0, 0.001], 300),
    # Centered RMSprop divides by sqrt(v - mean(g)^2), which cancels while the gradient
    # changes slowly; in a curved valley (rosenbrock, beale) that amplifies the last-bit
    # differences of torch's fused multiply-add kernels chaotically (1e-9 after ~100 steps,
    # 1e-3 after 500), so its case is on a quadratic, where they stay at 1e-16.
    ("rmsprop_centered_momentum_booth", "booth", "rmsprop",
     ["--lr", "0.01", "--centered", "--momentum", "0.5", "--alpha", "0.9"], [-5.0, 5.0], 300),
    ("adam_rosenbrock", "rosenbrock", "adam", ["--lr", "0.05"], [-1.5, 2.0], 1000),
    ("adam_amsgrad_beale", "beale", "adam",
     ["--lr", "0.01", "--amsgrad", "--beta1", "0.8", "--beta2", "0.99"], [1.0, 1.0], 500),
    ("adamw_himmelblau", "himmelblau", "adamw", ["--lr", "0.05", "--weight-decay", "0.1"],
     [-1.0, -1.0], 500),
    ("adamw_default_bowl", "bowl", "adamw", ["--lr", "0.01"], [-1.0, 1.5], 400),
    ("sgd_step_schedule_bowl", "bowl", "sgd", ["--lr", "0.015", "--schedule", "step:50:0.5"],
     [1.0, 0.5], 300),
    ("momentum_cosine_rosenbrock", "rosenbrock", "momentum",
     ["--lr", "0.0005", "--schedule", "cosine:200:0.0001"], [-1.2, 1.0], 400),
    ("adam_exp_schedule_booth", "booth", "adam", ["--lr", "0.5", "--schedule", "exp:0.99"],
     [8.0, -6.0], 400),
    ("nesterov_warmup_beale", "beale", "nesterov", ["--lr", "0.002", "--warmup", "40"],
     [-2.0, 2.0], 300),
    # Eigenvalues 18 and 2 at lr 1: |1 - 18| = 17 per step until the value overflows.
    ("sgd_diverges_booth", "booth", "sgd", ["--lr", "1"], [0.0, 0.0], 400),
]


def main():
    cases = []
    for name, function, kind, args, start, steps in CASES:
        path, diverged_at = run_case(function, kind, args, start, steps)
        cases.append({"name": name, "function": function, "optimizer": kind, "args": args,
                      "start": start, "steps": steps, "path": path,
                      "diverged_at": diverged_at})
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "landscape_reference.json")
    # One point per line keeps the file readable and its diffs small.
    lines = ['{"torch_version": %s, "cases": [' % json.dumps(torch.__version__)]
    for i, case in enumerate(cases):
        head = {key: value for key, value in case.items() if key != "path"}
        points = ",\n  ".join(json.dumps(point) for point in case["path"])
        lines.append(json.dumps(head)[:-1] + ', "path": [\n  ' + points + "\n]}" +
                     ("," if i + 1 < len(cases) else ""))
    lines.append("]}")
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
