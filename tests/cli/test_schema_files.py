#!/usr/bin/python3
"""The schemas `trygg schema KIND` prints, checked as an editor uses them (ctest SchemaFiles).

Every shipped file and every schema example validates against its kind's schema; a file with
a misspelt key, a value of the wrong type or a number out of range does not, and fails for
that reason at that place. trygg refuses the same broken copies (the schemas and the readers
agree on them). Run with Debian's python3 (python3-yaml, python3-jsonschema):

    /usr/bin/python3 tests/cli/test_schema_files.py build/bin/trygg .
"""
import copy
import json
import pathlib
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 core scalars, as trygg (yaml-cpp) and editors' YAML servers read them:
    PyYAML's YAML 1.1 would take `2.0e6` for a string, `no` for false and a date for a date."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), first)


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Yaml12Loader)


def schema_of(trygg, kind):
    done = subprocess.run([trygg, "schema", kind], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"trygg schema {kind}: exit {done.returncode}: {done.stderr.strip()}")
    schema = json.loads(done.stdout)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def files_of(root):
    examples = root / "schemas" / "examples"

    def yamls(*dirs):
        return [p for d in dirs for p in sorted(d.glob("*.yaml"))]

    return {
        "city": yamls(root / "configs"),
        "scenario": yamls(root / "scenarios", root / "validation" / "scenarios", examples / "scenario", examples / "city"),
        "experiment": yamls(root / "configs" / "experiments", examples / "experiment"),
        "study": yamls(root / "validation", examples / "study"),
    }


def where(error):
    return ".".join(str(p) for p in error.absolute_path)


# Each mutation: (kind, file, change, the validator keyword that must refuse it, its path, a
# word trygg's own refusal names).
def rename(keys, old, new):
    def change(doc):
        at = doc
        for k in keys:
            at = at[k]
        at[new] = at.pop(old)

    return change


def assign(keys, value):
    def change(doc):
        at = doc
        for k in keys[:-1]:
            at = at[k]
        at[keys[-1]] = value

    return change


def remove(keys, key):
    def change(doc):
        at = doc
        for k in keys:
            at = at[k]
        del at[key]

    return change


MUTATIONS = [
    ("scenario", "scenarios/lighting_tjarna.yaml", rename([], "description", "descripton"), "additionalProperties", "",
     "descripton"),
    ("scenario", "scenarios/lighting_tjarna.yaml", rename(["interventions", 0, "cost"], "investment_sek", "investment"),
     "additionalProperties", "interventions.0.cost", "investment"),
    ("scenario", "scenarios/lighting_tjarna.yaml", assign(["interventions", 0, "intensity"], "bright"), "type",
     "interventions.0.intensity", "intensity"),
    ("scenario", "scenarios/lighting_tjarna.yaml", assign(["interventions", 0, "intensity"], 1.5), "maximum",
     "interventions.0.intensity", "intensity"),
    ("scenario", "scenarios/baseline.yaml", assign(["weeks"], 0), "minimum", "weeks", "weeks"),
    ("scenario", "scenarios/baseline.yaml", assign(["start_date"], "6 January 2025"), "pattern", "start_date",
     "start_date"),
    ("scenario", "scenarios/lighting_tjarna.yaml", assign(["interventions", 0, "kind"], "lightning"), "enum",
     "interventions.0.kind", "kind"),
    ("scenario", "scenarios/adaptive_patrols.yaml", assign(["interventions", 0, "when", "days", 1], "friday"), "enum",
     "interventions.0.when.days.1", "friday"),
    # Keys that go with a kind: lighting takes no units, patrols need them.
    ("scenario", "scenarios/lighting_tjarna.yaml", assign(["interventions", 0, "units"], 2), "enum",
     "interventions.0", "units"),
    ("scenario", "scenarios/adaptive_patrols.yaml", remove(["interventions", 0], "units"), "required",
     "interventions.0", "units"),
    ("city", "configs/borlange.yaml", rename(["offending"], "displacement", "displacment"), "additionalProperties",
     "offending", "displacment"),
    ("city", "configs/borlange.yaml", assign(["population", "male_share"], "half"), "type", "population.male_share",
     "male_share"),
    ("city", "configs/borlange.yaml", assign(["offending", "displacement"], 1.2), "maximum", "offending.displacement",
     "displacement"),
    ("city", "configs/borlange.yaml", assign(["police", "patrols"], 2.5), "type", "police.patrols", "patrols"),
    ("city", "configs/borlange.yaml", assign(["reporting", "est_reporters", 0, "crime_types", 0], "vandalsim"), "enum",
     "reporting.est_reporters.0.crime_types.0", "vandalsim"),
    ("experiment", "configs/experiments/demo.yaml", rename([], "replicates", "replicate"), "additionalProperties", "",
     "replicate"),
    ("experiment", "configs/experiments/demo.yaml", assign(["seed"], "random"), "type", "seed", "seed"),
    ("experiment", "configs/experiments/demo.yaml", assign(["replicates"], 0), "minimum", "replicates", "replicates"),
    ("experiment", "configs/experiments/displacement_sweep.yaml", assign(["sweep", "method"], "gird"), "enum",
     "sweep.method", "method"),
    ("study", "validation/street_lighting.yaml", rename(["findings", 0], "statistic", "statistc"),
     "additionalProperties", "findings.0", "statistc"),
    ("study", "validation/street_lighting.yaml", assign(["sources"], "Welsh & Farrington 2008"), "type", "sources",
     "sources"),
    ("study", "validation/street_lighting.yaml", assign(["replicates"], 1), "minimum", "replicates", "replicates"),
    ("study", "validation/near_repeat.yaml", remove(["findings", 0], "band"), "required", "findings.0", "band"),
]


# Paths in a file are relative to it: absolute in the copy, which is written elsewhere.
PATH_KEYS = {"scenario": [["extends"], ["city"]], "city": [["geography", "areas_file"], ["geography", "places_file"]],
             "experiment": [["scenarios"]], "study": [["baseline"], ["treated"]]}
# How trygg reads each kind; FILE and DIR stand for the copy and its folder. A study is read
# before anything runs, so a broken one exits 2 at once.
COMMANDS = {"scenario": ["places", "FILE"], "city": ["places", "FILE"], "experiment": ["batch", "FILE", "--check"],
            "study": ["validate", "--dir", "DIR", "--only", "broken", "-q"]}


def absolute_paths(kind, doc, base):
    for keys in PATH_KEYS.get(kind, []):
        at = doc
        for k in keys[:-1]:
            at = at.get(k, {})
        value = at.get(keys[-1])
        if isinstance(value, str):
            at[keys[-1]] = str(base / value)
        elif isinstance(value, list):
            at[keys[-1]] = [str(base / v) for v in value]


def reader_refuses(trygg, kind, doc, base, word):
    """trygg itself refuses the broken copy: exit status 2, naming `word`. None if it does."""
    absolute_paths(kind, doc, base)
    with tempfile.TemporaryDirectory() as tmp:
        broken = pathlib.Path(tmp) / "broken.yaml"
        broken.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        command = [{"FILE": str(broken), "DIR": tmp}.get(a, a) for a in COMMANDS[kind]]
        done = subprocess.run([trygg, *command], capture_output=True, text=True, cwd=tmp, timeout=600)
    if done.returncode != 2 or word not in done.stderr:
        return f"exit {done.returncode}: {done.stderr.strip() or done.stdout.strip()[:200]}"
    return None


def main():
    trygg, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2]).resolve()
    validators = {kind: schema_of(trygg, kind) for kind in ("city", "scenario", "experiment", "study")}
    failures = []
    for kind, files in files_of(root).items():
        if not files:
            failures.append(f"no {kind} files found under {root}")
        for path in files:
            for error in validators[kind].iter_errors(load(path)):
                failures.append(f"{path}: {where(error) or '(top)'}: {error.message}")
    for kind, name, change, keyword, path, word in MUTATIONS:
        doc = copy.deepcopy(load(root / name))
        change(doc)
        errors = list(validators[kind].iter_errors(doc))
        if not any(e.validator == keyword and where(e) == path for e in errors):
            found = "; ".join(f"{e.validator} at {where(e) or '(top)'}" for e in errors) or "nothing"
            failures.append(f"{name} changed: expected {keyword} at {path or '(top)'}, got {found}")
        refused = reader_refuses(trygg, kind, doc, (root / name).parent, word)
        if refused:
            failures.append(f"{name} changed ({keyword} at {path or '(top)'}): trygg should refuse it naming "
                            f"'{word}', got {refused}")
    for f in failures:
        print(f, file=sys.stderr)
    checked = sum(len(f) for f in files_of(root).values())
    print(f"{checked} files valid, {len(MUTATIONS)} broken copies refused by the schemas and by trygg"
          if not failures else "FAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
