#!/usr/bin/python3
"""Writes resources/data/{iris,breast_cancer,digits}.csv from the copies that Debian's
python3-sklearn package carries, with a header row and the target as the last column."""
import csv
import gzip
import pathlib

SRC = pathlib.Path("/usr/lib/python3/dist-packages/sklearn/datasets/data")
OUT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "data"

# Column names as sklearn documents them, spaces replaced by underscores.
BREAST_CANCER_FEATURES = """
mean_radius mean_texture mean_perimeter mean_area mean_smoothness mean_compactness mean_concavity mean_concave_points mean_symmetry mean_fractal_dimension
radius_error texture_error perimeter_error area_error smoothness_error compactness_error concavity_error concave_points_error symmetry_error fractal_dimension_error
worst_radius worst_texture worst_perimeter worst_area worst_smoothness worst_compactness worst_concavity worst_concave_points worst_symmetry worst_fractal_dimension
"""


def write(name, header, rows):
    with open(OUT / f"{name}.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def iris():
    with open(SRC / "iris.csv") as f:
        lines = list(csv.reader(f))
    names = lines[0][2:]
    rows = [r[:4] + [names[int(r[4])]] for r in lines[1:]]
    write("iris", ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"], rows)


def breast_cancer():
    with open(SRC / "breast_cancer.csv") as f:
        lines = list(csv.reader(f))
    names = lines[0][2:4]
    features = BREAST_CANCER_FEATURES.split()
    rows = [r[:30] + [names[int(r[30])]] for r in lines[1:]]
    write("breast_cancer", features + ["diagnosis"], rows)


def digits():
    with gzip.open(SRC / "digits.csv.gz", "rt") as f:
        lines = list(csv.reader(f))
    header = [f"pixel_{i}" for i in range(64)] + ["digit"]
    rows = [[str(int(float(v))) for v in r] for r in lines if r]
    write("digits", header, rows)


OUT.mkdir(parents=True, exist_ok=True)
iris()
breast_cancer()
digits()
