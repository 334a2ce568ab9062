#!/usr/bin/python3
"""Near-repeat ratios from a trygg event log (trygg run ... --events).

For each crime type: pairs of crimes within 100 m (the same or an adjacent 100 m cell)
whose second crime follows the first within 7 days, divided by the same count for lags of
28–56 days scaled to a 7-day window (a temporal control in the spirit of the Knox test).
About 2 for burglary is the target (DESIGN §6.3; Malmö 2.3).

    /usr/bin/python3 tools/near_repeat.py results/baseline.h5
"""
import sys

import h5py
import numpy as np


def ratios(path, days=7.0, control=(28.0, 56.0)):
    with h5py.File(path, "r") as f:
        nx = f["x"].shape[0]
        names = [n.decode() if isinstance(n, bytes) else n for n in f["crime_types/name"][:]]
        e = f["events"]
        rep, hour, cell, kind = (e[k][:] for k in ("replicate", "hour", "cell", "crime_type"))
    out = {}
    for k, name in enumerate(names):
        near_pairs = control_pairs = 0.0
        for r in np.unique(rep):
            m = (rep == r) & (kind == k)
            order = np.argsort(hour[m], kind="stable")
            h, c = hour[m][order] / 24.0, cell[m][order]
            x, y = c % nx, c // nx
            for i in range(len(h)):
                lag = h[i + 1:] - h[i]
                near = (np.abs(x[i + 1:] - x[i]) <= 1) & (np.abs(y[i + 1:] - y[i]) <= 1)
                near_pairs += np.sum(near & (lag > 0) & (lag <= days))
                control_pairs += np.sum(near & (lag > control[0]) & (lag <= control[1])) * days / (control[1] - control[0])
        out[name] = (near_pairs, control_pairs, near_pairs / control_pairs if control_pairs else float("nan"))
    return out


if __name__ == "__main__":
    for name, (near, ctl, ratio) in ratios(sys.argv[1]).items():
        print(f"{name:15s} within 100 m and 7 days: {near:8.0f}   control: {ctl:8.1f}   ratio {ratio:5.2f}")
