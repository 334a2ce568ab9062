#!/usr/bin/python3
"""Joint calibration of trygg's assumed mechanism parameters by history matching.

History matching (Craig, Goldstein, Seheult & Smith 1997, "Pressure matching for hydrocarbon
reservoirs", Case Studies in Bayesian Statistics 3; Vernon, Goldstein & Bower 2010, "Galaxy
formation: a Bayesian uncertainty analysis", Bayesian Analysis 5(4), 619-669; Andrianakis et
al. 2015, "Bayesian history matching of complex infectious disease models using emulation",
PLoS Comput. Biol. 11(1), e1003968) does not look for one best point: it rules out, wave by
wave, the parameter values at which the model cannot reproduce the targets, allowing for the
targets' own uncertainty, the model's discrepancy and the emulator's error. What is left is
the plausible region.

Each wave:
  1. runs trygg at design points (wave 1: a Latin hypercube over the ranges; later waves:
     points of the current plausible region, spread by maximin) with `trygg validate --set`,
     reading the fit targets' model estimates and their Monte Carlo variance;
  2. fits one Gaussian-process emulator per target (linear mean, squared-exponential kernel
     with one length scale per parameter chosen by marginal likelihood on a grid, the
     simulator's Monte Carlo variance as nugget);
  3. computes the implausibility of many candidate points,
        I_j(x) = |z_j - E[f_j(x)]| / sqrt(V_obs,j + V_disc,j + V_em,j(x) + V_mc,j),
     and keeps those with max_j I_j(x) <= cutoff (3, Pukelsheim's rule).

At the end it reports the plausible region (range of each parameter over the kept
candidates), picks the run design point with the smallest maximum implausibility, runs the
whole validation at it, and prints the fit targets beside the held-out ones. --apply writes
that point into configs/borlange.yaml with the date and the targets it was fitted to, and
--markdown writes the report (docs/calibration.md).

    /usr/bin/python3 tools/history_match.py calibration/history_matching.yaml [-o DIR] [--apply]
        [--markdown docs/calibration.md] [--threads T] [--reuse]

Needs python3-numpy, python3-h5py, python3-yaml (Debian packages) and a built trygg.
"""
import argparse
import datetime
import math
import pathlib
import re
import subprocess
import sys

import h5py
import numpy as np
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
TRYGG = ROOT / "build" / "bin" / "trygg"


# ---------------------------------------------------------------------------------------------
# Running trygg


def run_validate(settings, studies, replicates, out, threads, only_replicates=True):
    """Runs `trygg validate` on `studies` with the parameter `settings`; returns
    {study/finding: (model estimate, model interval, published estimate, published interval)}."""
    cmd = [str(TRYGG), "validate", "--dir", str(ROOT / "validation"), "-q", "-o", str(out), "-t", str(threads)]
    if only_replicates:
        cmd += ["-r", str(replicates)]
    for s in sorted(studies):
        cmd += ["--only", s]
    for path, value in settings.items():
        cmd += ["--set", f"{path}={value:.6g}"]
    wanted = "".join(f"{path}={value:.6g}\n" for path, value in settings.items())
    if REUSE and out.exists() and _settings_of(out) == wanted.strip():
        print(f"reusing {out} (same settings)", flush=True)
        return _findings_of(out)
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0, 5):  # 5: some finding not as its file expects, which is fine here
        sys.exit(f"history_match: trygg validate failed ({done.returncode}): {done.stderr.strip()}")
    return _findings_of(out)


# --reuse: a run file already in the output folder whose recorded settings are the ones asked
# for is read instead of run again (a wave interrupted, or --apply after a finished run). The
# files must come from the same model (no change to the engine or configs since): the caller
# answers for that.
REUSE = False


def _settings_of(out):
    with h5py.File(out, "r") as f:
        s = f.attrs.get("settings", "")
        return (s if isinstance(s, str) else s.decode()).strip()


def _findings_of(out):
    found = {}
    with h5py.File(out, "r") as f:
        for study in f:
            for finding in f[study]:
                a = f[study][finding].attrs
                found[f"{study}/{finding}"] = (float(a["model_estimate"]), (float(a["model_low"]), float(a["model_high"])),
                                              float(a["published_estimate"]),
                                              (float(a["published_low"]), float(a["published_high"])),
                                              a["statistic"] if isinstance(a["statistic"], str) else a["statistic"].decode())
    return found


# ---------------------------------------------------------------------------------------------
# Designs


def latin_hypercube(n, d, rng):
    """n points in [0, 1]^d, one in each of n equal slices of every axis."""
    u = (rng.random((n, d)) + np.arange(n)[:, None]) / n
    for j in range(d):
        u[:, j] = u[rng.permutation(n), j]
    return u


def maximin(candidates, n, rng):
    """n of the candidates, each as far as possible from those taken before (greedy)."""
    if len(candidates) <= n:
        return candidates
    taken = [candidates[rng.integers(len(candidates))]]
    dist = np.linalg.norm(candidates - taken[0], axis=1)
    while len(taken) < n:
        k = int(np.argmax(dist))
        taken.append(candidates[k])
        dist = np.minimum(dist, np.linalg.norm(candidates - candidates[k], axis=1))
    return np.array(taken)


# ---------------------------------------------------------------------------------------------
# Emulator


class Emulator:
    """GP regression on [0, 1]^d inputs: linear mean by least squares, squared-exponential
    residual kernel, one length scale per input picked from a grid by the log marginal
    likelihood (coordinate-wise, two sweeps), nugget = the simulator's Monte Carlo variance."""

    GRID = (0.15, 0.25, 0.4, 0.6, 1.0, 1.6, 3.0)

    def __init__(self, x, y, noise_var):
        self.x = x
        n, d = x.shape
        self.h = np.hstack([np.ones((n, 1)), x])
        self.beta, *_ = np.linalg.lstsq(self.h, y, rcond=None)
        self.r = y - self.h @ self.beta
        self.noise = max(float(np.mean(noise_var)), 1e-12)
        self.sigma2 = max(float(np.var(self.r)) - self.noise, self.noise)
        self.ell = np.full(d, 0.6)
        for _ in range(2):
            for j in range(d):
                best = None
                for value in self.GRID:
                    self.ell[j] = value
                    ll = self._log_likelihood()
                    if best is None or ll > best[0]:
                        best = (ll, value)
                self.ell[j] = best[1]
        self._factor()

    def _kernel(self, a, b):
        d2 = (((a[:, None, :] - b[None, :, :]) / self.ell) ** 2).sum(axis=2)
        return self.sigma2 * np.exp(-0.5 * d2)

    def _log_likelihood(self):
        k = self._kernel(self.x, self.x) + self.noise * np.eye(len(self.x))
        try:
            c = np.linalg.cholesky(k)
        except np.linalg.LinAlgError:
            return -np.inf
        alpha = np.linalg.solve(c, self.r)
        return -0.5 * alpha @ alpha - np.log(np.diag(c)).sum()

    def _factor(self):
        k = self._kernel(self.x, self.x) + self.noise * np.eye(len(self.x))
        self.c = np.linalg.cholesky(k)
        self.alpha = np.linalg.solve(self.c.T, np.linalg.solve(self.c, self.r))

    def predict(self, x):
        ks = self._kernel(x, self.x)
        mean = np.hstack([np.ones((len(x), 1)), x]) @ self.beta + ks @ self.alpha
        v = np.linalg.solve(self.c, ks.T)
        var = np.maximum(self.sigma2 - (v * v).sum(axis=0), 0.0)
        return mean, var


# ---------------------------------------------------------------------------------------------
# Writing the fitted values


def set_in_config(text, path, value, note):
    """Replaces the value at a dotted path of the city config, in a block mapping
    (`key: value`) or a flow mapping on the parent's line (`parent: {key: value, ...}`)."""
    keys = path.split(".")
    lines = text.split("\n")
    stack = []  # (indent, key)
    for i, line in enumerate(lines):
        m = re.match(r"^(\s*)([A-Za-z_][A-Za-z0-9_]*):(.*)$", line)
        if not m or line.lstrip().startswith("#"):
            continue
        indent, key, rest = len(m.group(1)), m.group(2), m.group(3)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        here = [k for _, k in stack] + [key]
        if here == keys:
            new = re.sub(r"^(\s*[-+0-9.eE]+)", f" {value:.4g}", rest, count=1)
            lines[i] = f"{m.group(1)}{key}:{new}"
            lines[i] = re.sub(r"\s*#.*$", "", lines[i]) + f"  # {note}"
            return "\n".join(lines)
        if here == keys[:-1] and "{" in rest:
            pattern = rf"(\b{re.escape(keys[-1])}:\s*)([-+0-9.eE]+)"
            if re.search(pattern, rest):
                rest = re.sub(pattern, lambda g: f"{g.group(1)}{value:.4g}", rest, count=1)
                lines[i] = f"{m.group(1)}{key}:{rest}"
                if note not in lines[i]:
                    lines[i] = re.sub(r"\s*#.*$", "", lines[i]) + f"  # {note}"
                return "\n".join(lines)
        stack.append((indent, key))
    sys.exit(f"history_match: {path} not found in the city config")


# ---------------------------------------------------------------------------------------------


def discrepancy_var(spec, statistic, estimate):
    floor = spec["discrepancy_floor"].get(statistic, 0.0)
    return max(spec["discrepancy_share"] * abs(estimate), floor) ** 2


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("spec")
    ap.add_argument("-o", "--output", default="results/history_match")
    ap.add_argument("--apply", action="store_true", help="write the chosen point into configs/borlange.yaml")
    ap.add_argument("--markdown", help="write the report, e.g. docs/calibration.md")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--reuse", action="store_true",
                    help="read run files already in the output folder whose settings match instead of running them")
    args = ap.parse_args()
    global REUSE
    REUSE = args.reuse
    spec = yaml.safe_load(pathlib.Path(args.spec).read_text())
    names = list(spec["parameters"])
    low = np.array([spec["parameters"][p][0] for p in names], float)
    high = np.array([spec["parameters"][p][1] for p in names], float)
    fit, held = spec["targets"]["fit"], spec["targets"]["held_out"]
    fit_studies = {t.split("/")[0] for t in fit}
    out = pathlib.Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(spec["seed"])
    d = len(names)

    xs, ys, vs = [], [], []  # unit-cube inputs, fit-target estimates, their MC variance
    published = {}
    emulators = []
    log = []
    region = np.zeros((0, d))
    for wave in range(1, spec["waves"] + 1):
        if wave == 1:
            design = latin_hypercube(spec["points_per_wave"], d, rng)
        else:
            if len(region) == 0:
                log.append(f"wave {wave}: the plausible region is empty; stopping")
                break
            design = maximin(region, spec["points_per_wave"], rng)
        for k, u in enumerate(design):
            settings = dict(zip(names, low + u * (high - low)))
            found = run_validate(settings, fit_studies, spec["replicates"], out / f"wave{wave}_{k:03d}.h5", args.threads)
            xs.append(u)
            ys.append([found[t][0] for t in fit])
            # The estimate's Monte Carlo variance from its 95 % interval.
            vs.append([((found[t][1][1] - found[t][1][0]) / (2 * 1.96)) ** 2 for t in fit])
            for t in fit:
                published[t] = (found[t][2], found[t][3], found[t][4])
            print(f"wave {wave} point {k + 1}/{len(design)}: " +
                  ", ".join(f"{t.split('/')[1]} {found[t][0]:.3g}" for t in fit), flush=True)
        x, y, v = np.array(xs), np.array(ys), np.array(vs)
        emulators = [Emulator(x, y[:, j], v[:, j]) for j in range(len(fit))]
        candidates = rng.random((20000, d))
        if len(region):
            # Later waves refine inside the previous region: sample around its points.
            base = region[rng.integers(len(region), size=20000)]
            candidates = np.clip(base + rng.normal(0, 0.05, (20000, d)), 0, 1)
        imp = implausibility(candidates, emulators, fit, published, spec, v)
        region = candidates[imp.max(axis=1) <= spec["cutoff"]]
        # Which target rules most out: the share each one alone leaves.
        alone = ", ".join(f"{t} {100 * np.mean(imp[:, j] <= spec['cutoff']):.0f} %" for j, t in enumerate(fit))
        log.append(f"wave {wave}: {len(x)} runs so far; {len(region)} of {len(candidates)} candidates "
                   f"({100 * len(region) / len(candidates):.1f} %) not implausible (each target alone: {alone})")
        print(log[-1], flush=True)

    # The run point that fits best: smallest maximum implausibility of its own run.
    x, y, v = np.array(xs), np.array(ys), np.array(vs)
    run_imp = np.array([[abs(y[i, j] - published[t][0]) /
                         math.sqrt(((published[t][1][1] - published[t][1][0]) / 3.92) ** 2 +
                                   discrepancy_var(spec, published[t][2], published[t][0]) + v[i, j])
                         for j, t in enumerate(fit)] for i in range(len(x))])
    best = int(np.argmin(run_imp.max(axis=1)))
    chosen = dict(zip(names, low + x[best] * (high - low)))
    print("chosen point (run %d, max implausibility %.2f):" % (best, run_imp[best].max()))
    for p in names:
        print(f"  {p} = {chosen[p]:.4g}")
    final = run_validate(chosen, {t.split("/")[0] for t in fit + held}, None, out / "final.h5", args.threads,
                         only_replicates=False)
    rows = []
    for half, targets in (("fit", fit), ("held out", held)):
        for t in targets:
            m, mi, z, zi, stat = final[t]
            agree = mi[0] <= zi[1] and zi[0] <= mi[1]
            rows.append((half, t, stat, z, zi, m, mi, agree))
            print(f"  {half:9s} {t:34s} published {z:8.3g} ({zi[0]:.3g} to {zi[1]:.3g})  "
                  f"model {m:8.3g} ({mi[0]:.3g} to {mi[1]:.3g})  {'overlap' if agree else 'gap'}")
    plausible = [(p, float(low[j] + region[:, j].min() * (high[j] - low[j])),
                  float(low[j] + region[:, j].max() * (high[j] - low[j]))) if len(region) else (p, None, None)
                 for j, p in enumerate(names)]
    if args.markdown:
        write_markdown(pathlib.Path(args.markdown), spec, args.spec, names, low, high, chosen, plausible, rows, log,
                       len(x))
    if args.apply:
        config = ROOT / "configs" / "borlange.yaml"
        text = config.read_text()
        note = (f"fitted {datetime.date.today().isoformat()} by tools/history_match.py to "
                + ", ".join(fit) + " (docs/calibration.md)")
        for p in names:
            text = set_in_config(text, p, chosen[p], note)
        config.write_text(text)
        print(f"wrote the chosen point into {config}; now run tools/calibrate.py --apply for the levels")


def implausibility(candidates, emulators, fit, published, spec, v):
    columns = []
    for j, t in enumerate(fit):
        z, zi, stat = published[t]
        mean, var = emulators[j].predict(candidates)
        total = ((zi[1] - zi[0]) / 3.92) ** 2 + discrepancy_var(spec, stat, z) + var + float(np.mean(v[:, j]))
        columns.append(np.abs(z - mean) / np.sqrt(total))
    return np.array(columns).T


def reading(log, runs, d):
    """One paragraph on what the waves achieved, so that a wide region is not read as a fit."""
    last = log[-1] if log else ""
    m = re.search(r"\(([0-9.]+) %\) not implausible", last)
    if "empty" in last or (m and float(m.group(1)) == 0.0):
        return ("**Reading.** No point in the ranges is left: the targets cannot be met together by these "
                "parameters. That is a finding about the model's structure, not a fit; the chosen point is the "
                "run with the smallest largest implausibility.")
    share = float(m.group(1)) if m else float("nan")
    if share > 50:
        return (f"**Reading.** The waves left {share:.0f} % of the space not implausible: with {runs} runs in {d} "
                "dimensions the emulators are too uncertain, and the targets' published intervals too wide, to "
                "rule much out. The chosen point agrees with the fit targets, but the region does not yet pin "
                f"the parameters down; history matching usually needs about 10 runs per parameter a wave "
                f"({10 * d}) and several waves.")
    return (f"**Reading.** {share:.1f} % of the space is left not implausible after the last wave.")


def write_markdown(path, spec, spec_file, names, low, high, chosen, plausible, rows, log, runs):
    md = ["# Calibration: history matching against the virtual replications", "",
          "<!-- Generated by tools/history_match.py --markdown; edit " + str(spec_file) + " and run it again. -->", "",
          "The assumed mechanism parameters below were fitted *jointly* against the `fit` findings of the",
          "virtual replications (docs/validation.md) by history matching (Craig et al. 1997; Vernon,",
          "Goldstein & Bower 2010; Andrianakis et al. 2015), and the `held out` findings were kept out of",
          "the fit to test it. Implausibility of a parameter point for target j:",
          "I_j = |z_j − E[f_j]| / √(V_obs + V_disc + V_emulator + V_MC); points with max_j I_j > "
          f"{spec['cutoff']} are ruled out. V_obs is the published interval's half-width / 1.96, squared;",
          f"V_disc the model discrepancy ({100 * spec['discrepancy_share']:.0f} % of the target, with a floor);",
          "the emulators are Gaussian processes with a linear mean fitted to the runs.", "",
          f"Up to {spec['waves']} waves × {spec['points_per_wave']} points, {spec['replicates']} replicates each ({runs} runs made); "
          f"spec `{spec_file}`, seed {spec['seed']}.", ""]
    md += ["| wave | result |", "|---|---|"] + [f"| {i + 1} | {line} |" for i, line in enumerate(log)] + [""]
    md += [reading(log, runs, len(names)), ""]
    md += ["## Parameters", "", "| parameter | range searched | plausible region | chosen |", "|---|---|---|---|"]
    for j, p in enumerate(names):
        _, lo, hi = plausible[j]
        region = f"{lo:.3g} – {hi:.3g}" if lo is not None else "empty"
        md.append(f"| `{p}` | {low[j]:.3g} – {high[j]:.3g} | {region} | {chosen[p]:.4g} |")
    md += ["", "## Both halves at the chosen point", "",
           "At each validation file's own replicates.", "",
           "| half | target | statistic | published | model | agreement |", "|---|---|---|---|---|---|"]
    for half, t, stat, z, zi, m, mi, agree in rows:
        md.append(f"| {half} | {t} | {stat} | {z:.3g} ({zi[0]:.3g} to {zi[1]:.3g}) | {m:.3g} ({mi[0]:.3g} to {mi[1]:.3g}) "
                  f"| {'overlap' if agree else 'gap'} |")
    path.write_text("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
