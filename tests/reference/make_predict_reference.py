#!/usr/bin/python3
"""Reference outputs of `lrscope-cli predict`, made with a PyTorch forward pass.

Run with Debian's Python, which sees python3-torch (a pyenv python3 earlier on PATH does not):

    /usr/bin/python3 tests/reference/make_predict_reference.py

It rewrites the cases in tests/reference/predict/ next to this script; the end-to-end test
tests/e2e/test_cli_predict.cpp runs each one. A case NAME is four files:
  NAME.weights.json  the weights (nn.Linear layout), with or without a "model" block
  NAME.csv           the data rows
  NAME.args          the predict flags, one per line
  NAME.expected.csv  what predict must print: output_k (the network's outputs), and for
                     cross-entropy prob_k (torch.softmax) and predicted (the class name from
                     the model block, else the arg-max index)
Everything is float64 and seeded, so the files are the same on every run with the same torch.
"""

import csv
import json
import os

import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "predict")

ACTIVATIONS = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid,
               "leaky_relu": torch.nn.LeakyReLU, "linear": torch.nn.Identity}


def make_net(sizes, activation, seed):
    torch.manual_seed(seed)
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i + 2 < len(sizes):
            layers.append(ACTIVATIONS[activation]())
    return torch.nn.Sequential(*layers).double()


def weights_json(net, model):
    dense = [m for m in net if isinstance(m, torch.nn.Linear)]
    out = {"format": "lrscope-weights", "version": 1}
    if model is not None:
        out["model"] = model
    out["layers"] = [{"weight": m.weight.tolist(), "bias": m.bias.tolist()} for m in dense]
    return out


def write_case(name, sizes, activation, loss, seed, columns, label_column, labels, model, args,
               rows=12):
    """columns: the data's header; label_column: which of them holds `labels` (or None)."""
    net = make_net(sizes, activation, seed)
    generator = torch.Generator().manual_seed(seed + 1000)
    features = torch.randn(rows, sizes[0], generator=generator) * 2.0 + 0.5
    data_rows = []
    for r in range(rows):
        values = [repr(v) for v in features[r].tolist()]
        if label_column is not None:
            values.insert(columns.index(label_column), labels[r % len(labels)])
        data_rows.append(values)

    inputs = features
    if model is not None and "input_mean" in model:
        inputs = (features - torch.tensor(model["input_mean"])) / torch.tensor(model["input_std"])
    with torch.no_grad():
        outputs = net(inputs)
    header = ["output_%d" % k for k in range(sizes[-1])]
    expected = []
    if loss == "cross_entropy":
        header += ["prob_%d" % k for k in range(sizes[-1])] + ["predicted"]
        probabilities = torch.softmax(outputs, dim=1)
        classes = model.get("classes") if model is not None else None
        for r in range(rows):
            best = int(torch.argmax(outputs[r]).item())
            expected.append([repr(v) for v in outputs[r].tolist()] +
                            [repr(v) for v in probabilities[r].tolist()] +
                            [classes[best] if classes else str(best)])
    else:
        expected = [[repr(v) for v in outputs[r].tolist()] for r in range(rows)]

    with open(os.path.join(HERE, name + ".weights.json"), "w") as f:
        json.dump(weights_json(net, model), f, indent=1)
        f.write("\n")
    with open(os.path.join(HERE, name + ".csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(data_rows)
    with open(os.path.join(HERE, name + ".expected.csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(expected)
    with open(os.path.join(HERE, name + ".args"), "w") as f:
        f.write("\n".join(["--weights", name + ".weights.json", "--data", name + ".csv"] + args))
        f.write("\n")


def main():
    os.makedirs(HERE, exist_ok=True)
    # A file as PyTorch users write it (no model block): the label column is named by --target,
    # the activation is the default tanh and the loss cross_entropy (three outputs).
    write_case("tanh_no_model_block", [3, 5, 4, 3], "tanh", "cross_entropy", 1,
               ["a", "b", "c", "label"], "label", ["x", "y", "z"], None, ["--target", "label"])
    # The model block gives the activation, the loss, the class names (one with a comma and quotes, so the
    # CSV quotes it), the label column to drop (here in the middle) and the standardisation.
    write_case("relu_model_block", [2, 6, 3], "relu", "cross_entropy", 2,
                ["x1", "species", "x2"], "species", ["cat", "dog"],
                {"activation": "relu", "loss": "cross_entropy", "target": "species",
                 "classes": ["cat", "dog, a \"good\" one", "emu"],
                 "input_mean": [0.25, -1.5], "input_std": [2.0, 0.75]}, [])
    # Regression without a model block: flags give the activation and the loss.
    write_case("sigmoid_regression_flags", [1, 8, 1], "sigmoid", "mse", 3, ["x"], None, None,
               None, ["--activation", "sigmoid", "--loss", "mse"])
    # Flags override the model block's activation and loss; its standardisation still applies.
    write_case("flags_override_model_block", [4, 3, 2], "leaky_relu", "cross_entropy", 4,
               ["f0", "f1", "f2", "f3"], None, None,
               {"activation": "tanh", "loss": "mse",
                "input_mean": [1.0, -1.0, 0.5, 0.0], "input_std": [1.5, 0.5, 2.0, 1.0]},
               ["--activation", "leaky_relu", "--loss", "cross_entropy"])


if __name__ == "__main__":
    main()
