#!/usr/bin/env python3
"""Checks that two trygg HDF5 files hold the same datasets: the same paths, and for each the
same shape, type and values, byte for byte (NaN equal to NaN). Attributes are not compared:
they hold the wall time, thread count and command line, which differ between runs that must
agree. Prints each difference and exits 1; exits 0 when every dataset is the same.

    same_datasets.py A.h5 B.h5
"""
import sys

import h5py
import numpy as np


def datasets(path):
    found = {}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                data = obj[()]
                found[name] = (obj.shape, obj.dtype.str, data)
        f.visititems(visit)
    return found


def same(a, b):
    if isinstance(a, np.ndarray) and a.dtype.kind in "fc":
        return np.array_equal(a, b, equal_nan=True)
    if isinstance(a, np.ndarray) and a.dtype.kind in "biu":
        return a.tobytes() == b.tobytes()
    return np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object))


def main():
    a, b = datasets(sys.argv[1]), datasets(sys.argv[2])
    problems = []
    for name in sorted(set(a) | set(b)):
        if name not in a or name not in b:
            problems.append(f"{name}: only in {sys.argv[1] if name in a else sys.argv[2]}")
        elif a[name][:2] != b[name][:2]:
            problems.append(f"{name}: shape/type {a[name][:2]} against {b[name][:2]}")
        elif not same(a[name][2], b[name][2]):
            problems.append(f"{name}: values differ")
    for p in problems:
        print(p)
    print(f"{len(a)} datasets compared, {len(problems)} differ")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
