#!/usr/bin/python3
"""The schemas `trygg schema KIND` prints, checked as an editor uses them (ctest SchemaFiles).

Every shipped file and every schema example validates against its kind's schema; a file with
a misspelt key, a value of the wrong type or a number out of range does not, and fails for
that reason at that place. Run with Debian's python3 (python3-yaml, python3-jsonschema):

    /usr/bin/python3 tests/cli/test_schema_files.py build/bin/trygg .
"""
import copy
import json
import pathlib
import re
import subprocess
import sys

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


# Each mutation: (kind, file, change, the validator keyword that must refuse it, its path).
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
    ("scenario", "scenarios/lighting_tjarna.yaml", rename([], "description", "descripton"), "additionalProperties", ""),
    ("scenario", "scenarios/lighting_tjarna.yaml", rename(["interventions", 0, "cost"], "investment_sek",
                                                          "investment"), "additionalProperties", "interventions.0.cost"),
    ("scenario", "scenarios/lighting_tjarna.yaml", assign(["interventions", 0, "intensity"], "bright"), "type",
     "interventions.0.intensity"),
    ("scenario", "scenarios/lighting_tjarna.yaml", assign(["interventions", 0, "intensity"], 1.5), "maximum",
     "interventions.0.intensity"),
    ("scenario", "scenarios/baseline.yaml", assign(["weeks"], 0), "minimum", "weeks"),
    # Keys that go with a kind: lighting takes no units, patrols need them.
    ("scenario", "scenarios/lighting_tjarna.yaml", assign(["interventions", 0, "units"], 2), "enum",
     "interventions.0"),
    ("scenario", "scenarios/adaptive_patrols.yaml", remove(["interventions", 0], "units"), "required",
     "interventions.0"),
    ("scenario", "scenarios/lighting_tjarna.yaml", assign(["interventions", 0, "kind"], "lightning"), "enum",
     "interventions.0.kind"),
    ("scenario", "scenarios/baseline.yaml", assign(["start_date"], "6 January 2025"), "pattern", "start_date"),
    ("city", "configs/borlange.yaml", rename(["offending"], "displacement", "displacment"), "additionalProperties",
     "offending"),
    ("city", "configs/borlange.yaml", assign(["population", "male_share"], "half"), "type", "population.male_share"),
    ("city", "configs/borlange.yaml", assign(["offending", "displacement"], 1.2), "maximum", "offending.displacement"),
    ("city", "configs/borlange.yaml", assign(["police", "patrols"], 2.5), "type", "police.patrols"),
    ("experiment", "configs/experiments/demo.yaml", rename([], "replicates", "replicate"), "additionalProperties", ""),
    ("experiment", "configs/experiments/demo.yaml", assign(["seed"], "random"), "type", "seed"),
    ("experiment", "configs/experiments/demo.yaml", assign(["replicates"], 0), "minimum", "replicates"),
    ("experiment", "configs/experiments/displacement_sweep.yaml", assign(["sweep", "method"], "gird"), "enum",
     "sweep.method"),
    ("study", "validation/street_lighting.yaml", rename(["findings", 0], "statistic", "statistc"),
     "additionalProperties", "findings.0"),
    ("study", "validation/street_lighting.yaml", assign(["sources"], "Welsh & Farrington 2008"), "type", "sources"),
    ("study", "validation/street_lighting.yaml", assign(["replicates"], 1), "minimum", "replicates"),
    ("study", "validation/near_repeat.yaml", remove(["findings", 0], "band"), "required", "findings.0"),
]


def main():
    trygg, root = sys.argv[1], pathlib.Path(sys.argv[2])
    validators = {kind: schema_of(trygg, kind) for kind in ("city", "scenario", "experiment", "study")}
    failures = []
    for kind, files in files_of(root).items():
        if not files:
            failures.append(f"no {kind} files found under {root}")
        for path in files:
            for error in validators[kind].iter_errors(load(path)):
                failures.append(f"{path}: {where(error) or '(top)'}: {error.message}")
    for kind, name, change, keyword, path in MUTATIONS:
        doc = copy.deepcopy(load(root / name))
        change(doc)
        errors = list(validators[kind].iter_errors(doc))
        if not any(e.validator == keyword and where(e) == path for e in errors):
            found = "; ".join(f"{e.validator} at {where(e) or '(top)'}" for e in errors) or "nothing"
            failures.append(f"{name} changed: expected {keyword} at {path or '(top)'}, got {found}")
    for f in failures:
        print(f, file=sys.stderr)
    checked = sum(len(f) for f in files_of(root).values())
    print(f"{checked} files valid, {len(MUTATIONS)} broken copies refused" if not failures else "FAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
