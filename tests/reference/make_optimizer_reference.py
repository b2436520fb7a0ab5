#!/usr/bin/python3
"""Reference numbers for lrscope's optimizers and learning-rate schedules, made with PyTorch.

Run with Debian's Python, which sees python3-torch (a pyenv python3 earlier on PATH does not):

    /usr/bin/python3 tests/reference/make_optimizer_reference.py

It rewrites tests/reference/optimizer_reference.json next to this script. Everything is in
float64 and all inputs are fixed, so the output is the same on every run with the same torch.
The C++ tests (tests/core/test_optimizer_*.cpp, tests/core/test_lr_schedule.cpp) read it.

Layout of the JSON:
  torch_version      the torch that made the numbers
  torch_defaults     {optimizer: {setting: default}} read from torch.optim's signatures,
                     in lrscope's field names (OptimizerSettings)
  optimizer_cases    [{name, optimizer, settings, params0, grads, lrs, params}]
                     settings: every hyper-parameter passed to torch, in lrscope's names;
                     lrs[k] is the learning rate of step k (it changes in some cases, as a
                     schedule changes it between epochs); params[k] is the parameter vector
                     after step k, starting from params0 with gradient grads[k].
  schedule_cases     [{name, schedule, base_lr, lrs}]: schedule in lrscope's text form
                     (parseSchedule), lrs[e - 1] the learning rate in force during epoch e,
                     as the torch scheduler sets it when stepped once per epoch.
"""

import inspect
import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)

# Seven parameters: mixed signs and magnitudes, one exact zero.
PARAMS0 = [0.5, -1.25, 2.0, 0.0, -0.3, 1e-3, 3.7]

# Six gradients. Column 3 is always zero (state must stay finite), the others change sign,
# pass through zero and vary in size by a few orders of magnitude.
GRADS = [
    [0.1, -0.2, 1.5, 0.0, 0.0, 2e-3, -4.0],
    [-0.3, -0.25, 1.0, 0.0, 0.05, -2e-3, 3.0],
    [0.0, 0.4, -0.5, 0.0, -0.05, 1e-3, 0.5],
    [0.2, 0.0, 0.75, 0.0, 0.125, 0.0, -1.0],
    [-0.1, 0.3, 0.0, 0.0, -0.2, -5e-4, 2.5],
    [0.05, -0.6, -1.25, 0.0, 0.3, 3e-3, -0.25],
]

# A learning rate that changes between steps, as an epoch schedule changes it.
CHANGING_LRS_SMALL = [0.01, 0.01, 0.005, 0.0025, 0.02, 0.001]
CHANGING_LRS_ADADELTA = [1.0, 0.5, 0.5, 2.0, 0.25, 1.0]


def make_torch_optimizer(kind, params, s):
    """torch optimizer for lrscope kind `kind` with lrscope settings `s` (all keys present)."""
    lr = s["lr"]
    if kind in ("sgd", "momentum", "nesterov"):
        return torch.optim.SGD(params, lr=lr, momentum=s["momentum"], dampening=s["dampening"],
                               weight_decay=s["weight_decay"], nesterov=(kind == "nesterov"))
    if kind == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, lr_decay=s["lr_decay"],
                                   weight_decay=s["weight_decay"],
                                   initial_accumulator_value=s["initial_accumulator"],
                                   eps=s["eps"])
    if kind == "adadelta":
        return torch.optim.Adadelta(params, lr=lr, rho=s["rho"], eps=s["eps"],
                                    weight_decay=s["weight_decay"])
    if kind == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=s["alpha"], eps=s["eps"],
                                   weight_decay=s["weight_decay"], momentum=s["momentum"],
                                   centered=s["centered"])
    if kind in ("adam", "adamw"):
        cls = torch.optim.Adam if kind == "adam" else torch.optim.AdamW
        return cls(params, lr=lr, betas=(s["beta1"], s["beta2"]), eps=s["eps"],
                   weight_decay=s["weight_decay"], amsgrad=s["amsgrad"])
    raise ValueError(kind)


# lrscope field name -> torch argument name, per torch class.
TORCH_ARGS = {
    "sgd": (torch.optim.SGD, {"momentum": "momentum", "dampening": "dampening",
                              "weight_decay": "weight_decay"}),
    "adagrad": (torch.optim.Adagrad, {"lr": "lr", "lr_decay": "lr_decay",
                                      "weight_decay": "weight_decay",
                                      "initial_accumulator": "initial_accumulator_value",
                                      "eps": "eps"}),
    "adadelta": (torch.optim.Adadelta, {"lr": "lr", "rho": "rho", "eps": "eps",
                                        "weight_decay": "weight_decay"}),
    "rmsprop": (torch.optim.RMSprop, {"lr": "lr", "alpha": "alpha", "eps": "eps",
                                      "weight_decay": "weight_decay", "momentum": "momentum",
                                      "centered": "centered"}),
    "adam": (torch.optim.Adam, {"lr": "lr", "betas": "betas", "eps": "eps",
                                "weight_decay": "weight_decay", "amsgrad": "amsgrad"}),
    "adamw": (torch.optim.AdamW, {"lr": "lr", "betas": "betas", "eps": "eps",
                                  "weight_decay": "weight_decay", "amsgrad": "amsgrad"}),
}


def torch_defaults():
    out = {}
    for kind, (cls, names) in TORCH_ARGS.items():
        signature = inspect.signature(cls).parameters
        values = {}
        for ours, theirs in names.items():
            default = signature[theirs].default
            if theirs == "betas":
                values["beta1"] = float(default[0])
                values["beta2"] = float(default[1])
            elif isinstance(default, bool):
                values[ours] = default
            else:
                values[ours] = float(default)
        out[kind] = values
    return out


# Settings of every kind, in lrscope's names; each case overrides some of them.
BASE_SETTINGS = {
    "lr": 0.01, "weight_decay": 0.0, "momentum": 0.0, "dampening": 0.0, "rho": 0.9,
    "alpha": 0.99, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "lr_decay": 0.0,
    "initial_accumulator": 0.0, "centered": False, "amsgrad": False,
}

# Which settings each kind uses (only these are written to the JSON).
USED = {
    "sgd": ["lr", "momentum", "dampening", "weight_decay"],
    "momentum": ["lr", "momentum", "dampening", "weight_decay"],
    "nesterov": ["lr", "momentum", "dampening", "weight_decay"],
    "adagrad": ["lr", "lr_decay", "weight_decay", "initial_accumulator", "eps"],
    "adadelta": ["lr", "rho", "eps", "weight_decay"],
    "rmsprop": ["lr", "alpha", "eps", "weight_decay", "momentum", "centered"],
    "adam": ["lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad"],
    "adamw": ["lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad"],
}

# (case name, kind, overrides of the torch defaults, per-step lrs or None for constant lr)
CASES = [
    ("sgd", "sgd", {"lr": 0.1}, None),
    ("sgd_weight_decay", "sgd", {"lr": 0.1, "weight_decay": 0.05}, None),
    ("sgd_changing_lr", "sgd", {}, CHANGING_LRS_SMALL),
    ("momentum", "momentum", {"lr": 0.05, "momentum": 0.9}, None),
    ("momentum_dampening", "momentum", {"lr": 0.05, "momentum": 0.8, "dampening": 0.3}, None),
    ("momentum_weight_decay", "momentum",
     {"lr": 0.05, "momentum": 0.9, "weight_decay": 0.01}, None),
    ("momentum_changing_lr", "momentum", {"momentum": 0.9}, CHANGING_LRS_SMALL),
    ("nesterov", "nesterov", {"lr": 0.05, "momentum": 0.9}, None),
    ("nesterov_weight_decay", "nesterov",
     {"lr": 0.05, "momentum": 0.7, "weight_decay": 0.1}, None),
    ("adagrad", "adagrad", {"lr": 0.1}, None),
    ("adagrad_lr_decay", "adagrad", {"lr": 0.1, "lr_decay": 0.25}, None),
    ("adagrad_initial_accumulator", "adagrad",
     {"lr": 0.1, "initial_accumulator": 0.5, "weight_decay": 0.02}, None),
    ("adagrad_changing_lr", "adagrad", {"lr_decay": 0.1}, CHANGING_LRS_SMALL),
    ("adadelta", "adadelta", {}, None),
    ("adadelta_rho_eps", "adadelta", {"lr": 0.5, "rho": 0.5, "eps": 1e-3}, None),
    ("adadelta_weight_decay", "adadelta", {"weight_decay": 0.1}, None),
    ("adadelta_changing_lr", "adadelta", {}, CHANGING_LRS_ADADELTA),
    ("rmsprop", "rmsprop", {}, None),
    ("rmsprop_centered", "rmsprop", {"alpha": 0.9, "centered": True}, None),
    ("rmsprop_momentum", "rmsprop", {"momentum": 0.8, "weight_decay": 0.05}, None),
    ("rmsprop_centered_momentum", "rmsprop",
     {"lr": 0.005, "alpha": 0.95, "momentum": 0.5, "centered": True, "eps": 1e-6}, None),
    ("rmsprop_changing_lr", "rmsprop", {"momentum": 0.9}, CHANGING_LRS_SMALL),
    ("adam", "adam", {}, None),
    ("adam_weight_decay", "adam", {"lr": 0.01, "weight_decay": 0.1}, None),
    ("adam_amsgrad", "adam", {"lr": 0.01, "amsgrad": True}, None),
    ("adam_betas", "adam", {"lr": 0.05, "beta1": 0.5, "beta2": 0.75, "eps": 1e-4}, None),
    ("adam_changing_lr", "adam", {}, CHANGING_LRS_SMALL),
    ("adamw", "adamw", {}, None),
    ("adamw_weight_decay", "adamw", {"lr": 0.01, "weight_decay": 0.5}, None),
    ("adamw_amsgrad", "adamw", {"lr": 0.01, "amsgrad": True, "weight_decay": 0.1}, None),
    ("adamw_changing_lr", "adamw", {"weight_decay": 0.2}, CHANGING_LRS_SMALL),
]


def settings_for(kind, overrides, defaults):
    s = dict(BASE_SETTINGS)
    s.update(defaults.get(kind if kind not in ("momentum", "nesterov") else "sgd", {}))
    if kind in ("sgd", "momentum", "nesterov"):
        s["lr"] = 0.01  # torch's SGD has no default lr; lrscope uses 0.01
    s.update(overrides)
    return s


def run_case(name, kind, overrides, lrs, defaults):
    s = settings_for(kind, overrides, defaults)
    if lrs is None:
        lrs = [s["lr"]] * len(GRADS)
    s["lr"] = lrs[0]
    param = torch.tensor(PARAMS0, dtype=torch.float64, requires_grad=True)
    optimizer = make_torch_optimizer(kind, [param], s)
    history = []
    for lr, grad in zip(lrs, GRADS):
        for group in optimizer.param_groups:
            group["lr"] = lr
        param.grad = torch.tensor(grad, dtype=torch.float64)
        optimizer.step()
        history.append([float(x) for x in param.detach()])
    return {
        "name": name,
        "optimizer": kind,
        "settings": {key: s[key] for key in USED[kind]},
        "params0": PARAMS0,
        "grads": GRADS,
        "lrs": lrs,
        "params": history,
    }


# (case name, lrscope schedule text, base lr, torch scheduler factory)
SCHEDULES = [
    ("step_3_half", "step:3:0.5", 0.1,
     lambda opt: torch.optim.lr_scheduler.StepLR(opt, step_size=3, gamma=0.5)),
    ("step_1", "step:1:0.9", 0.03,
     lambda opt: torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.9)),
    ("step_7", "step:7:0.1", 1.0,
     lambda opt: torch.optim.lr_scheduler.StepLR(opt, step_size=7, gamma=0.1)),
    ("exp_095", "exp:0.95", 0.1,
     lambda opt: torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.95)),
    ("exp_grow", "exp:1.1", 0.001,
     lambda opt: torch.optim.lr_scheduler.ExponentialLR(opt, gamma=1.1)),
    ("cosine_10", "cosine:10", 0.1,
     lambda opt: torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=10)),
    ("cosine_7_eta_min", "cosine:7:0.001", 0.05,
     lambda opt: torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=7, eta_min=0.001)),
    ("cosine_25_eta_min", "cosine:25:0.01", 1.0,
     lambda opt: torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=25, eta_min=0.01)),
    ("cosine_1", "cosine:1", 0.2,
     lambda opt: torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=1)),
]
SCHEDULE_EPOCHS = 30


def run_schedule(name, text, base_lr, factory):
    param = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=base_lr)
    scheduler = factory(optimizer)
    lrs = []
    for epoch in range(1, SCHEDULE_EPOCHS + 1):
        lr = optimizer.param_groups[0]["lr"]
        # torch steps cosine recursively; its closed form is what lrscope computes. They
        # agree up to rounding, which the C++ test allows for.
        closed = scheduler._get_closed_form_lr()[0]
        assert abs(lr - closed) <= 1e-13 * base_lr, (name, epoch, lr, closed)
        lrs.append(float(lr))
        optimizer.step()  # (no gradient: a no-op, but keeps torch's order of calls)
        scheduler.step()
    return {"name": name, "schedule": text, "base_lr": base_lr, "lrs": lrs}


def dump(value, indent=0):
    """JSON with one line per number list, so the file reads (and diffs) as a table."""
    pad = " " * indent
    if isinstance(value, dict):
        items = [f'{pad}  {json.dumps(k)}: {dump(v, indent + 2).lstrip()}'
                 for k, v in value.items()]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and value and all(isinstance(x, list) for x in value):
        rows = [dump(x, indent + 2) for x in value]
        return pad + "[\n" + ",\n".join(rows) + "\n" + pad + "]"
    if isinstance(value, list) and any(isinstance(x, dict) for x in value):
        rows = [dump(x, indent + 2) for x in value]
        return pad + "[\n" + ",\n".join(rows) + "\n" + pad + "]"
    if isinstance(value, float):
        assert math.isfinite(value)
    return pad + json.dumps(value)


def main():
    defaults = torch_defaults()
    data = {
        "generator": "tests/reference/make_optimizer_reference.py",
        "torch_version": torch.__version__,
        "torch_defaults": defaults,
        "optimizer_cases": [run_case(*case, defaults) for case in CASES],
        "schedule_cases": [run_schedule(*case) for case in SCHEDULES],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optimizer_reference.json")
    with open(path, "w", encoding="utf-8") as out:
        out.write(dump(data) + "\n")
    print(f"wrote {path}: {len(data['optimizer_cases'])} optimizer cases, "
          f"{len(data['schedule_cases'])} schedules")


if __name__ == "__main__":
    main()
