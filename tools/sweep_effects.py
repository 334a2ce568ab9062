#!/usr/bin/python3
"""The effect of one scenario against another at every point of an experiment's sweep.

`trygg batch` writes one group per scenario and sweep point (`baseline.p000`, `combined.p000`,
...). For each point this pairs OTHER's group with BASE's group of the same point, replicate
by replicate (common random numbers), and prints the mean change in true crime over the run
with its 95 % t-interval and percent, next to the point's parameter values. The same table
goes to CSV with --csv. For the full comparison of one point (types, areas, WDQ, cost) use
`trygg compare OUT.h5:baseline.p004 OUT.h5:combined.p004`.

    /usr/bin/python3 tools/sweep_effects.py results/sweep.h5 baseline combined [--csv effects.csv]
"""
import argparse
import csv
import math
import sys

import h5py
import numpy as np

# t(0.975, df) for df = 1..30; 1.96 beyond (the same table as trygg compare).
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def totals(group):
    """True crimes over the run, per replicate."""
    return group["crimes/true"][:].reshape(group["crimes/true"].shape[0], -1).sum(axis=1).astype(float)


def points(f, scenario):
    """Sweep point suffix -> group, for one scenario's groups."""
    found = {}
    for name in f:
        obj = f[name]
        if isinstance(obj, h5py.Group) and "scenario_yaml" in obj.attrs and name.split(".p")[0] == scenario:
            found[name[len(scenario):]] = obj
    return found


def paired(base, other):
    d = other - base
    n = len(d)
    mean = d.mean()
    if n < 2:
        return mean, None, None
    half = (T975[n - 2] if n - 1 <= 30 else 1.96) * d.std(ddof=1) / math.sqrt(n)
    return mean, mean - half, mean + half


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="experiment file written by trygg batch")
    parser.add_argument("base", help="the base scenario's name, e.g. baseline")
    parser.add_argument("other", help="the other scenario's name, e.g. combined")
    parser.add_argument("--csv", help="also write the table to this CSV file")
    args = parser.parse_args(argv)
    try:
        f = h5py.File(args.file, "r")
    except OSError as e:
        sys.exit(f"sweep_effects: {args.file}: {e}")
    base, other = points(f, args.base), points(f, args.other)
    if not base or not other:
        names = sorted({n.split(".p")[0] for n in f if isinstance(f[n], h5py.Group) and "scenario_yaml" in f[n].attrs})
        sys.exit(f"sweep_effects: {args.file} has no runs of '{args.base}' or '{args.other}' (it has: {', '.join(names)})")
    rows = []
    for suffix in sorted(base):
        if suffix not in other:
            sys.exit(f"sweep_effects: {args.other}{suffix} is missing")
        b, o = totals(base[suffix]), totals(other[suffix])
        mean, low, high = paired(b, o)
        point = base[suffix].attrs.get("sweep_point", "")
        point = point.decode() if isinstance(point, bytes) else str(point)
        rows.append({"point": suffix.lstrip("."), "parameters": point, "base_mean": b.mean(), "other_mean": o.mean(),
                     "change": mean, "change_low": low, "change_high": high,
                     "percent": 100 * mean / b.mean() if b.mean() else None, "replicates": len(b)})
    print(f"{args.other} against {args.base}: change in true crimes over the run, paired over replicates")
    for r in rows:
        interval = "" if r["change_low"] is None else f" ({r['change_low']:.1f} to {r['change_high']:.1f})"
        percent = "" if r["percent"] is None else f"  {r['percent']:+.1f} %"
        print(f"  {r['point'] or '-':5s} {r['parameters']:68s} {r['change']:+9.1f}{interval}{percent}")
    if args.csv:
        with open(args.csv, "w", newline="") as out:
            w = csv.DictWriter(out, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1:])
