#!/usr/bin/python3
"""Times lrscope-cli against PyTorch (float64, one thread) on the same three trainings.

PyTorch is measured twice: as users run it (OpenBLAS's own kernel choice) and at its best (the
kernel lrscope uses, forced with OPENBLAS_CORETYPE in a PyTorch process of its own), so that
lrscope's ratio against PyTorch is not won by the kernel alone.

Usage (Debian's python3, which has python3-torch):
    /usr/bin/python3 benchmarks/compare_pytorch.py --lrscope build-bench/app/lrscope-cli
or benchmarks/compare_pytorch.sh, which builds lrscope-cli (Release) first.

Workloads (targets are lrscope epochs/s over PyTorch epochs/s):
    W1 spiral   500 x 2, 2-8-8-2 tanh, cross-entropy, SGD lr 0.03, batch 10, 1000 epochs >= 100x
    W2 digits   1797 x 64, 64-128-64-10 relu, cross-entropy, Adam lr 1e-3, batch 32,
                50 epochs                                                                  >= 6x
    W3 gauss    10000 x 100, 10 classes, 100-512-512-10 relu, cross-entropy, SGD momentum
                0.9 lr 0.01, batch 128, 5 epochs                                          >= 2x
    (targets against PyTorch at its best; W3 also reports its GFLOP/s against the best
    single-thread dgemm measured in the same run with the same kernel)

Same work on both sides
    Each workload's data is written once to one CSV and trained by both sides with the same
    initial weights (a JSON file in lrscope's format, i.e. PyTorch's nn.Linear layout):
    - lrscope-cli gets `--data W.csv --test-fraction 0.2 --no-standardize --seed S`: it holds out
      20 % of the rows with its own seeded split (an mt19937_64 Fisher-Yates shuffle, see
      core/random.hpp and core/data_spec.cpp).
    - This script reproduces that split exactly (mt19937_64 is implemented below), standardizes
      the features with the training rows' mean and population standard deviation, rounds them
      to 10 significant digits and writes the CSV; both sides then read the very same numbers
      and lrscope is told --no-standardize. PyTorch trains on the same 80 % and evaluates on the
      same 20 %.
    - Each epoch both sides draw a fresh random permutation of the training rows (lrscope with
      its own generator, PyTorch with torch.randperm), gather the mini-batches, do one optimizer
      step per batch, and then evaluate loss and error (arg-max) on the whole training split and
      the whole test split, as lrscope does for its per-epoch record.
    - Before timing, a check trains both sides without shuffling for a few epochs and compares
      every recorded train/test loss and error (relative 1e-8): it proves that data, split,
      weights, network, loss and optimizer are the same on both sides. The check's own
      numbers are not timed.

Timing (start-up excluded on both sides)
    - lrscope-cli: the time of the whole process with N epochs minus the time of the same
      command with 1 epoch, divided by N - 1. Process start, CSV and JSON parsing, the split,
      epoch 0's evaluation, the first epoch and writing the output cancel out; what remains is
      N - 1 steady-state epochs, including everything lrscope does per epoch (gradient norm, step
      size statistics, the per-epoch record).
    - PyTorch: epochs 2..N of an in-process loop are timed (model and optimizer construction,
      epoch 0's evaluation and the warm-up epoch 1 excluded), so also N - 1 epochs.
    - Two clocks are read for both sides: wall time (time.perf_counter) and CPU time (user +
      system: os.wait4's rusage for the lrscope process, time.process_time for PyTorch). On an
      idle machine they agree; on a machine shared with other work (compilers...) the wall clock
      counts time spent waiting for a core, and the CPU-time columns are the steadier estimate.
      --clock chooses which one decides ok/MISSED (default wall); both are printed.
    - Rounds are interleaved: in each round, for each workload, one lrscope measurement (the
      N-epoch and the 1-epoch process) and one measurement of each PyTorch, rotating which side
      goes first. The table shows each side's median (min-max) epochs/s over the rounds and the
      median of the per-round ratios (the sides of a round ran under the same machine load).

Environment
    OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set on this machine (they pin an older OpenBLAS
    kernel); unless --keep-blas-env is given, the script re-executes itself without both so that
    lrscope-cli and PyTorch (which loads the same system OpenBLAS for float64 GEMM) use the same,
    natively detected kernel; lrscope then picks its own (see lrscope-cli --version), and the
    PyTorch-at-its-best process gets that kernel. OPENBLAS_NUM_THREADS, OMP_NUM_THREADS and
    MKL_NUM_THREADS are set to 1 for all sides; PyTorch also gets torch.set_num_threads(1). The
    kernel of each side is printed.
"""
import argparse
import json
import math
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

_ENV_MARK = "LRSCOPE_COMPARE_ENV"
_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
_PINNING_VARS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def _ensure_environment():
    """Re-executes this script once with the benchmark environment (before numpy/torch load)."""
    if os.environ.get(_ENV_MARK) == "1":
        return
    env = dict(os.environ)
    env[_ENV_MARK] = "1"
    for name in _THREAD_VARS:
        env[name] = "1"
    if "--keep-blas-env" not in sys.argv:
        for name in _PINNING_VARS:
            env.pop(name, None)
    os.execve(sys.executable, [sys.executable] + sys.argv, env)


if __name__ == "__main__":
    _ensure_environment()

import numpy as np  # noqa: E402  (after the environment is settled)
import torch  # noqa: E402

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)

ROOT = pathlib.Path(__file__).resolve().parent.parent


# ----------------------------------------------------------------------------------------------
# lrscope's split, reproduced: std::mt19937_64 + core::Rng::below + Fisher-Yates from the back.

class Mt19937_64:
    """The 64-bit Mersenne Twister exactly as std::mt19937_64 defines it."""

    _N, _M = 312, 156
    _MASK = (1 << 64) - 1
    _UPPER, _LOWER = 0xFFFFFFFF80000000, 0x7FFFFFFF
    _A = 0xB5026F5AA96619E9

    def __init__(self, seed):
        mask = self._MASK
        state = [seed & mask]
        for i in range(1, self._N):
            prev = state[-1]
            state.append((6364136223846793005 * (prev ^ (prev >> 62)) + i) & mask)
        self._state = state
        self._index = self._N

    def _twist(self):
        s, n, m = self._state, self._N, self._M
        for i in range(n):
            y = (s[i] & self._UPPER) | (s[(i + 1) % n] & self._LOWER)
            s[i] = s[(i + m) % n] ^ (y >> 1) ^ (self._A if y & 1 else 0)
        self._index = 0

    def __call__(self):
        if self._index >= self._N:
            self._twist()
        x = self._state[self._index]
        self._index += 1
        x ^= (x >> 29) & 0x5555555555555555
        x ^= (x << 17) & 0x71D67FFFEDA60000
        x ^= (x << 37) & 0xFFF7EEE000000000
        x ^= x >> 43
        return x & self._MASK


def _self_test_mt():
    engine = Mt19937_64(5489)  # the C++ standard's check: the 10000th value of the default seed
    for _ in range(9999):
        engine()
    assert engine() == 9981545732273789042, "Mt19937_64 does not match std::mt19937_64"


def lrscope_split(n, test_fraction, seed):
    """Row indices of lrscope's train and test splits (core/data_spec.cpp prepareData)."""
    order = list(range(n))
    if test_fraction <= 0.0:
        return order, []
    engine = Mt19937_64(seed ^ 0x9E3779B97F4A7C15)
    top = (1 << 64) - 1
    for i in range(n, 1, -1):  # Rng::shuffle
        limit = top - top % i  # Rng::below(i), without modulo bias
        x = engine()
        while x >= limit:
            x = engine()
        j = x % i
        order[i - 1], order[j] = order[j], order[i - 1]
    train_count = max(1, int(math.floor(n * (1.0 - test_fraction) + 0.5)))  # std::round
    return order[:train_count], order[train_count:]


# ----------------------------------------------------------------------------------------------
# Data sets (features n x d, integer labels)

def spiral_data(samples=500, noise=0.1, seed=11):
    rng = np.random.default_rng(seed)
    labels = np.arange(samples) % 2
    t = rng.uniform(size=samples)
    radius = 0.05 + 0.95 * t
    angle = 2.0 * math.pi * 1.5 * t + math.pi * labels
    x = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    return x + noise * rng.standard_normal(x.shape), labels


def digits_data():
    table = np.loadtxt(ROOT / "resources" / "data" / "digits.csv", delimiter=",", skiprows=1)
    return table[:, :-1], table[:, -1].astype(np.int64)


def gaussian_data(samples=10000, features=100, classes=10, seed=13):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((samples, features))
    return x, np.argmax(x @ rng.standard_normal((features, classes)), axis=1)


WORKLOADS = [
    dict(name="W1", title="spiral 2-8-8-2 tanh sgd b10", data=spiral_data, hidden=[8, 8],
         activation="tanh", optimizer="sgd", lr=0.03, options={}, batch=10, epochs=1000,
         check_epochs=20, target=100.0),
    dict(name="W2", title="digits 64-128-64-10 relu adam b32", data=digits_data,
         hidden=[128, 64], activation="relu", optimizer="adam", lr=1e-3, options={}, batch=32,
         epochs=50, check_epochs=5, target=6.0),
    dict(name="W3", title="gauss 100-512-512-10 relu momentum b128", data=gaussian_data,
         hidden=[512, 512], activation="relu", optimizer="momentum", lr=0.01,
         options={"momentum": 0.9}, batch=128, epochs=5, check_epochs=2, target=2.0),
]
SIDES = ("lrscope", "torch")
TEST_FRACTION = 0.2
SEED = 7


class Prepared:
    """One workload's files and tensors, identical on both sides.

    The parent process generates and writes the CSV and the initial weights; every process
    (also the PyTorch worker with another BLAS kernel) then reads the very same numbers back."""

    def __init__(self, workload, directory, write=True):
        self.workload = workload
        self.csv = directory / f"{workload['name']}.csv"
        self.weights = directory / f"{workload['name']}.weights.json"
        if write:
            self._write(workload)
        table = np.loadtxt(self.csv, delimiter=",", skiprows=1, ndmin=2)
        features = np.ascontiguousarray(table[:, :-1])
        labels = table[:, -1].astype(np.int64)
        train_rows, test_rows = lrscope_split(features.shape[0], TEST_FRACTION, SEED)
        self.classes = int(labels.max()) + 1
        self.train_x = torch.from_numpy(np.ascontiguousarray(features[train_rows]))
        self.train_y = torch.from_numpy(labels[train_rows])
        self.test_x = torch.from_numpy(np.ascontiguousarray(features[test_rows]))
        self.test_y = torch.from_numpy(labels[test_rows])
        with open(self.weights) as f:
            layers = json.load(f)["layers"]
        self.initial = [(torch.tensor(layer["weight"]), torch.tensor(layer["bias"]))
                        for layer in layers]
        self.sizes = [features.shape[1]] + [w.shape[0] for w, _ in self.initial]

    def _write(self, workload):
        x, labels = workload["data"]()
        train_rows, _ = lrscope_split(x.shape[0], TEST_FRACTION, SEED)
        train_x = x[train_rows]
        mean = train_x.mean(axis=0)
        scale = np.sqrt(((train_x - mean) ** 2).mean(axis=0))
        scale[~(scale > 0.0)] = 1.0
        standardized = (x - mean) / scale
        header = ",".join(f"x{i}" for i in range(x.shape[1])) + ",label"
        table = np.concatenate([standardized, labels[:, None].astype(np.float64)], axis=1)
        formats = ["%.10g"] * x.shape[1] + ["%d"]
        np.savetxt(self.csv, table, fmt=formats, delimiter=",", header=header, comments="")
        classes = int(labels.max()) + 1
        sizes = [x.shape[1]] + workload["hidden"] + [classes]
        torch.manual_seed(SEED)
        layers = [torch.nn.Linear(a, b) for a, b in zip(sizes, sizes[1:])]
        with open(self.weights, "w") as f:
            json.dump({"format": "lrscope-weights", "version": 1,
                       "layers": [{"weight": m.weight.tolist(), "bias": m.bias.tolist()}
                                  for m in layers]}, f)

    def flops_per_epoch(self):
        """Multiply-adds x 2 of one epoch's products: forward, weight and input gradients of
        every training row, then the forward pass over both splits for the epoch's record."""
        pairs = list(zip(self.sizes, self.sizes[1:]))
        forward = sum(a * b for a, b in pairs)
        input_grads = sum(a * b for a, b in pairs[1:])  # the first layer's input needs none
        rows = self.train_x.shape[0]
        return 2.0 * (rows * (2 * forward + input_grads)
                      + (rows + self.test_x.shape[0]) * forward)

    # -- lrscope ---------------------------------------------------------------------------
    def lrscope_args(self, cli, epochs, out, shuffle=True):
        w = self.workload
        args = [str(cli), "train", "--data", str(self.csv), "--test-fraction", repr(TEST_FRACTION),
                "--no-standardize", "--seed", str(SEED), "--init-weights", str(self.weights),
                "--layers", ",".join(map(str, w["hidden"])), "--activation", w["activation"],
                "--loss", "cross_entropy", "--optimizer", w["optimizer"], "--lr", repr(w["lr"]),
                "--batch-size", str(w["batch"]), "--epochs", str(epochs), "--out", str(out)]
        for key, value in w["options"].items():
            args += [f"--{key}", repr(value)]
        if not shuffle:
            args.append("--no-shuffle")
        return args

    # -- PyTorch ---------------------------------------------------------------------------
    def torch_model(self):
        act = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU}[self.workload["activation"]]
        modules = []
        for i, (weight, bias) in enumerate(self.initial):
            layer = torch.nn.Linear(weight.shape[1], weight.shape[0])
            with torch.no_grad():
                layer.weight.copy_(weight)
                layer.bias.copy_(bias)
            modules.append(layer)
            if i + 1 < len(self.initial):
                modules.append(act())
        net = torch.nn.Sequential(*modules)
        w = self.workload
        if w["optimizer"] == "adam":
            optimizer = torch.optim.Adam(net.parameters(), lr=w["lr"])
        else:  # sgd, momentum
            optimizer = torch.optim.SGD(net.parameters(), lr=w["lr"], **w["options"])
        return net, optimizer


def evaluate(net, x, y):
    with torch.no_grad():
        out = net(x)
        loss = torch.nn.functional.cross_entropy(out, y).item()
        error = (out.argmax(1) != y).double().mean().item()
    return loss, error


class Clock:
    """Elapsed wall time and CPU time (user + system) of one measured stretch, in seconds."""

    def __init__(self, wall, cpu):
        self.wall, self.cpu = wall, cpu

    def __sub__(self, other):
        return Clock(self.wall - other.wall, self.cpu - other.cpu)

    @staticmethod
    def now():
        return Clock(time.perf_counter(), time.process_time())


def torch_run(prep, epochs, shuffle=True, seed=0):
    """Trains like lrscope; returns (records, Clock of epochs 2..epochs)."""
    net, optimizer = prep.torch_model()
    generator = torch.Generator().manual_seed(seed)
    cross_entropy = torch.nn.functional.cross_entropy
    x, y = prep.train_x, prep.train_y
    n, batch = x.shape[0], prep.workload["batch"]
    records = [evaluate(net, x, y) + evaluate(net, prep.test_x, prep.test_y)]
    start = None
    for epoch in range(1, epochs + 1):
        if epoch == 2:
            start = Clock.now()
        order = torch.randperm(n, generator=generator) if shuffle else torch.arange(n)
        for begin in range(0, n, batch):
            rows = order[begin:begin + batch]
            optimizer.zero_grad(set_to_none=True)
            loss = cross_entropy(net(x.index_select(0, rows)), y.index_select(0, rows))
            loss.backward()
            optimizer.step()
        records.append(evaluate(net, x, y) + evaluate(net, prep.test_x, prep.test_y))
    elapsed = Clock.now() - start if start is not None else Clock(math.nan, math.nan)
    return records, elapsed


def read_lrscope_records(path):
    lines = pathlib.Path(path).read_text().splitlines()
    columns = lines[0].split(",")
    at = {name: columns.index(name) for name in
          ("train_loss", "train_error", "test_loss", "test_error")}
    records = []
    for line in lines[1:]:
        fields = line.split(",")
        records.append(tuple(float(fields[at[k]]) for k in
                             ("train_loss", "train_error", "test_loss", "test_error")))
    return records


def run_lrscope(prep, cli, epochs, out, shuffle=True):
    args = prep.lrscope_args(cli, epochs, out, shuffle)
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            sys.exit(f"lrscope-cli failed ({child.returncode}): {' '.join(args)}\n"
                     f"{errors.read().decode(errors='replace')}")
    return Clock(wall, usage.ru_utime + usage.ru_stime)


def check_same_training(prep, cli, directory):
    """Trains both sides without shuffling; returns the largest relative difference."""
    epochs = prep.workload["check_epochs"]
    out = directory / f"{prep.workload['name']}.check.csv"
    run_lrscope(prep, cli, epochs, out, shuffle=False)
    ours = read_lrscope_records(out)
    theirs, _ = torch_run(prep, epochs, shuffle=False)
    if len(ours) != len(theirs):
        return math.inf
    worst = 0.0
    for a, b in zip(ours, theirs):
        for u, v in zip(a, b):
            worst = max(worst, abs(u - v) / max(abs(v), 1e-12))
    return worst


def openblas_kernels():
    """The kernel of each OpenBLAS copy this process loaded (PyTorch loads libblas.so.3 and
    libopenblas.so.0, both OpenBLAS on Debian; both read OPENBLAS_CORETYPE when they load)."""
    import ctypes
    kernels = []
    for name in ("libblas.so.3", "libopenblas.so.0"):
        try:
            library = ctypes.CDLL(name, mode=os.RTLD_NOLOAD)
            corename = library.openblas_get_corename
        except (OSError, AttributeError):
            continue
        corename.restype = ctypes.c_char_p
        kernels.append(f"{name} {corename().decode()}")
    return ", ".join(kernels) or "no OpenBLAS loaded"


def lrscope_blas(cli):
    """lrscope-cli's BLAS line (--version) and the kernel it uses (None: Eigen's product)."""
    lines = subprocess.run([str(cli), "--version"], capture_output=True, text=True).stdout
    line = next((l for l in lines.splitlines() if l.startswith("BLAS: ")), "BLAS: unknown")
    kernel = None
    if "using " in line and "using Eigen" not in line:
        kernel = line.split("using ", 1)[1].split()[0].rstrip(";,")
    return line, kernel


def best_dgemm_gflops(rounds=15):
    """Best single-thread float64 GEMM rate of this process's OpenBLAS kernel: W3's largest
    product (a batch of 128 through the 512 x 512 layer), best of several timings."""
    a = torch.rand(128, 512)
    b = torch.rand(512, 512)
    torch.mm(a, b)
    flops = 2.0 * 128 * 512 * 512 * 20
    best = {"wall": 0.0, "cpu": 0.0}
    for _ in range(rounds):
        start = Clock.now()
        for _ in range(20):
            torch.mm(a, b)
        elapsed = Clock.now() - start
        for clock in best:
            best[clock] = max(best[clock], flops / getattr(elapsed, clock) / 1e9)
    return best


def torch_worker(directory):
    """--torch-worker: PyTorch with the BLAS kernel of this process's environment, answering
    one JSON request per line on stdin (train / dgemm / kernel) with one JSON line."""
    prepared = {}
    for line in sys.stdin:
        request = json.loads(line)
        if request["what"] == "kernel":
            reply = {"kernel": openblas_kernels()}
        elif request["what"] == "dgemm":
            reply = best_dgemm_gflops()
        else:
            name = request["workload"]
            if name not in prepared:
                workload = next(w for w in WORKLOADS if w["name"] == name)
                prepared[name] = Prepared(workload, directory, write=False)
            _, elapsed = torch_run(prepared[name], request["epochs"], seed=request["seed"])
            reply = {"wall": elapsed.wall, "cpu": elapsed.cpu}
        print(json.dumps(reply), flush=True)
    return 0


class TorchWorker:
    """A PyTorch process whose OpenBLAS loaded with OPENBLAS_CORETYPE=kernel."""

    def __init__(self, kernel, directory):
        env = dict(os.environ, OPENBLAS_CORETYPE=kernel)
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--torch-worker", str(directory)], env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ask(self, **request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        reply = self.process.stdout.readline()
        if not reply:
            sys.exit("the PyTorch worker stopped")
        return json.loads(reply)

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def print_table(prepared, rates, sides, clock, rounds):
    """Prints one clock's table; returns whether a target was missed by that clock. The sides
    of one round ran back to back under the same machine load, so a ratio is the median of the
    per-round ratios, not a ratio of two medians; min-max shows the spread."""
    def summary(values):
        return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"

    header = (f"{'workload':<44} {'lrscope ep/s':>24} {'PyTorch as run':>24} "
              f"{'PyTorch best':>24} {'ratio/as run':>12} {'ratio/best':>12} {'target':>7}")
    print(f"\nepochs/s by the {clock} clock: median (min-max) of {rounds} interleaved rounds; "
          "ratios: median of the per-round ratios; target against PyTorch at its best")
    print(header)
    print("-" * len(header))
    missed = False
    for prep in prepared:
        w = prep.workload
        by_side = rates[w["name"]]
        ratios = {side: [mine / theirs for mine, theirs in
                         zip(by_side["lrscope"][clock], by_side[side][clock])]
                  for side in sides if side != "lrscope"}
        decisive = ratios.get("best", ratios["torch"])
        ok = statistics.median(decisive) >= w["target"]
        missed |= not ok
        best = summary(by_side["best"][clock]) if "best" in by_side else "n/a"
        best_ratio = f"{statistics.median(ratios['best']):.2f}x" if "best" in ratios else "n/a"
        print(f"{w['name'] + ' ' + w['title']:<44} {summary(by_side['lrscope'][clock]):>24} "
              f"{summary(by_side['torch'][clock]):>24} {best:>24} "
              f"{statistics.median(ratios['torch']):>11.2f}x {best_ratio:>12} "
              f"{'>=' + format(w['target'], 'g') + 'x':>7} {'ok' if ok else 'MISSED'}")
    return missed


SIDE_TITLES = {"lrscope": "lrscope", "torch": "PyTorch as run", "best": "PyTorch best"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lrscope", default=str(ROOT / "build-bench" / "app" / "lrscope-cli"),
                        help="path of a Release lrscope-cli")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per side")
    parser.add_argument("--workloads", default="W1,W2,W3", help="comma list, e.g. W1,W3")
    parser.add_argument("--no-check", action="store_true",
                        help="skip the check that both sides compute the same training")
    parser.add_argument("--keep-blas-env", action="store_true",
                        help="keep OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE as they are")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="which measurement decides ok/MISSED (both are printed)")
    parser.add_argument("--data-dir", help="write the data and weights here and keep them (and "
                        "print the lrscope-cli command of each workload), e.g. for profiling")
    parser.add_argument("--torch-worker", metavar="DIR", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.torch_worker:
        return torch_worker(pathlib.Path(options.torch_worker))

    cli = pathlib.Path(options.lrscope).resolve()
    if not cli.is_file():
        sys.exit(f"{cli}: no lrscope-cli there; build it or pass --lrscope")
    _self_test_mt()
    wanted = options.workloads.split(",")
    workloads = [w for w in WORKLOADS if w["name"] in wanted]
    blas_line, kernel = lrscope_blas(cli)
    pinned = ", ".join(f"{v}={os.environ[v]}" for v in _PINNING_VARS if v in os.environ)
    print(f"lrscope: {blas_line}\nPyTorch as run: {openblas_kernels()} (OPENBLAS pinning: "
          f"{pinned or 'none, native detection'}); threads: "
          + ", ".join(f"{v}={os.environ.get(v)}" for v in _THREAD_VARS), flush=True)

    if options.data_dir:
        directory = pathlib.Path(options.data_dir).resolve()
        directory.mkdir(parents=True, exist_ok=True)
    else:
        directory = pathlib.Path(tempfile.mkdtemp(prefix="lrscope-compare-"))
    worker = None
    try:
        prepared = [Prepared(w, directory) for w in workloads]
        # PyTorch at its best: the kernel lrscope uses, forced for PyTorch's OpenBLAS (read at
        # load, hence a process of its own). Without a kernel (lrscope on Eigen) there is none.
        if kernel is not None:
            worker = TorchWorker(kernel, directory)
            print(f"PyTorch best: {worker.ask(what='kernel')['kernel']} "
                  f"(OPENBLAS_CORETYPE={kernel})", flush=True)
        sides = SIDES + (("best",) if worker else ())
        if options.data_dir:
            for prep in prepared:
                args = prep.lrscope_args(cli, prep.workload["epochs"], directory / "out.csv")
                print(" ".join(args))
        if not options.no_check:
            for prep in prepared:
                worst = check_same_training(prep, cli, directory)
                epochs = prep.workload["check_epochs"]
                print(f"check {prep.workload['name']}: {epochs} unshuffled epochs, largest "
                      f"relative difference of loss/error lrscope vs PyTorch = {worst:.2e}",
                      flush=True)
                if not worst < 1e-8:
                    sys.exit(f"{prep.workload['name']}: lrscope and PyTorch do not compute the "
                             "same training; the comparison would be meaningless")

        # rates[workload][side][clock] = list of epochs/s, one per round
        rates = {p.workload["name"]: {side: {"wall": [], "cpu": []} for side in sides}
                 for p in prepared}
        for round_index in range(options.rounds):
            for prep in prepared:
                name, epochs = prep.workload["name"], prep.workload["epochs"]
                out = directory / f"{name}.out.csv"

                def record(side, elapsed):
                    for clock in ("wall", "cpu"):
                        rates[name][side][clock].append((epochs - 1) / getattr(elapsed, clock))

                def measure_lrscope():
                    long_run = run_lrscope(prep, cli, epochs, out)
                    short_run = run_lrscope(prep, cli, 1, out)
                    record("lrscope", long_run - short_run)

                def measure_torch():
                    _, elapsed = torch_run(prep, epochs, seed=round_index)
                    record("torch", elapsed)

                def measure_best():
                    reply = worker.ask(what="train", workload=name, epochs=epochs,
                                       seed=round_index)
                    record("best", Clock(reply["wall"], reply["cpu"]))

                order = [measure_lrscope, measure_torch] + ([measure_best] if worker else [])
                shift = round_index % len(order)  # each side goes first in turn
                for measure in order[shift:] + order[:shift]:
                    measure()
                print(f"round {round_index + 1} {name}: " + ", ".join(
                    f"{SIDE_TITLES[side]} {rates[name][side]['wall'][-1]:.2f} epochs/s (cpu "
                    f"{rates[name][side]['cpu'][-1]:.2f})" for side in sides), flush=True)
        dgemm = worker.ask(what="dgemm") if worker else None
    finally:
        if worker:
            worker.close()
        if not options.data_dir:
            shutil.rmtree(directory, ignore_errors=True)

    if options.rounds < 1:
        return 0
    missed = False
    for clock in ("wall", "cpu"):
        missed |= print_table(prepared, rates, sides, clock, options.rounds) and \
            clock == options.clock
    clock = options.clock
    for prep in prepared:
        if prep.workload["name"] == "W3":
            flops = prep.flops_per_epoch()
            achieved = flops * statistics.median(rates["W3"]["lrscope"][clock]) / 1e9
            line = (f"W3: {flops / 1e9:.2f} GFLOP of products per epoch; lrscope achieves "
                    f"{achieved:.1f} GFLOP/s overall ({clock} clock)")
            if dgemm:
                line += (f", {100 * achieved / dgemm[clock]:.0f}% of the best single-thread "
                         f"dgemm measured here ({dgemm[clock]:.1f} GFLOP/s, 128x512 by 512x512, "
                         f"kernel {kernel})")
            print(line)
    load = os.getloadavg()[0]
    print(f"Load average at the end: {load:.1f} on {os.cpu_count()} cores"
          + (" (busy machine: the cpu-time clock is the steadier estimate)" if load > 1.5
             else ""))
    return 1 if (missed and options.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
