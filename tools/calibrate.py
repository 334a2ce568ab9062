#!/usr/bin/python3
"""Calibrates the crime base rates of a city config against yearly targets.

Runs the baseline, compares mean yearly police-registered counts per crime type with the
targets, and prints the base rates scaled by (target / simulated)^0.7 (one damped fixed-point step; run
it again until the ratios are near 1). Counts are nearly proportional to the base rates
because an offender-hour rarely has more than one offence, except where near-repeat
feedback makes them super-linear — hence the damping.

    /usr/bin/python3 tools/calibrate.py [--replicates 4] [--apply]

--apply rewrites the base_rate values in configs/borlange.yaml in place.
"""
import argparse
import pathlib
import re
import subprocess
import tempfile

import h5py
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Police-registered offences in Borlänge, 2023–2025 averages (configs/data/README.md;
# computed from dalarna_crime_reported.csv with crime_code_hierarchy.csv).
TARGETS = {
    "burglary": 394, "vehicle_theft": 248, "bicycle_theft": 353, "other_theft": 416,
    "shop_theft": 385, "vandalism": 587, "robbery": 27, "assault": 843, "drugs": 730,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--replicates", type=int, default=4)
    ap.add_argument("--apply", action="store_true")
    args = ap.parse_args()
    config = ROOT / "configs" / "borlange.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "calibration.h5"
        subprocess.run([ROOT / "build" / "bin" / "trygg", "run", ROOT / "scenarios" / "baseline.yaml",
                        "-o", out, "-r", str(args.replicates), "-q"], check=True)
        with h5py.File(out, "r") as f:
            names = [n.decode() if isinstance(n, bytes) else n for n in f["crime_types/name"][:]]
            counts = f["crimes/reported"][:]  # [replicate, week, district, type], police-registered
            weeks = counts.shape[1]
            yearly = counts.sum(axis=(1, 2)).mean(axis=0) * 52.0 / weeks
    text = config.read_text()
    print(f"{'type':15s} {'simulated':>10s} {'target':>8s} {'ratio':>7s} {'base_rate':>10s} -> new")
    for name, sim in zip(names, yearly):
        m = re.search(rf"^(\s+{name}:\s+\{{base_rate:\s*)([0-9.eE+-]+)", text, re.M)
        old = float(m.group(2))
        ratio = TARGETS[name] / max(sim, 1e-9)
        # Damped: near-repeat feedback makes burglary super-linear in its base rate.
        new = old * ratio ** 0.7
        print(f"{name:15s} {sim:10.1f} {TARGETS[name]:8d} {ratio:7.3f} {old:10.6f} -> {new:.6f}")
        text = text[:m.start(2)] + f"{new:.6f}" + text[m.end(2):]
    if args.apply:
        config.write_text(text)
        print(f"updated {config}")


if __name__ == "__main__":
    main()
