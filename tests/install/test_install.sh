#!/usr/bin/env bash
# Installs trygg into a temporary prefix and uses it from a folder outside the clone, as a user
# who installed it would (issue 11 item 6): the shipped files are found in PREFIX/share/trygg,
# `trygg places` and a short baseline run work there, the run exports to a GeoPackage and is
# reported as a self-contained HTML page, and the man page and docs are installed.
# Usage: test_install.sh BUILD_DIR
set -euo pipefail
build="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"
work="$tmp/elsewhere"
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || fail "cmake --install: $(cat "$tmp/install.log")"
trygg="$prefix/bin/trygg"
[ -x "$trygg" ] || fail "no $trygg"
for f in configs/borlange.yaml configs/data/borlange_deso.geojson configs/data/borlange_places.csv \
  configs/experiments/demo.yaml scenarios/baseline.yaml scenarios/combined.yaml validation/street_lighting.yaml \
  validation/scenarios/hot_spots_patrols.yaml; do
  [ -f "$prefix/share/trygg/$f" ] || fail "not installed: share/trygg/$f"
done
for kind in city scenario experiment study; do
  "$trygg" schema "$kind" | cmp -s - "$prefix/share/trygg/schemas/$kind.schema.json" ||
    fail "share/trygg/schemas/$kind.schema.json is not what trygg schema $kind prints"
done
for f in README.md hdf5-layout.md scenarios.md; do
  [ -f "$prefix/share/doc/trygg/$f" ] || fail "not installed: share/doc/trygg/$f"
done
man="$prefix/share/man/man1/trygg.1"
[ -f "$man" ] || fail "no man page $man"
grep -q '^\.TH TRYGG "1"' "$man" || fail "the man page has no .TH header"
grep -q 'COMMAND EXPORT' "$man" || fail "the man page lacks the export command's section"
grep -q 'COMMAND REPORT' "$man" || fail "the man page lacks the report command's section"

mkdir "$work"
cd "$work"
"$trygg" --help >help.txt
grep -q "then in the installation's share/trygg" help.txt || fail "--help does not give the search order"
grep -q "here $prefix/share/trygg" help.txt || fail "--help does not name the installed data: $(grep -A2 Files: help.txt)"

"$trygg" places >places.txt 2>err.txt || fail "trygg places: $(cat err.txt)"
grep -q "Maserhallen" places.txt || fail "trygg places lists no Maserhallen"
grep -q "254 place(s)" places.txt || fail "trygg places: $(tail -1 places.txt)"

"$trygg" run scenarios/baseline.yaml -o baseline.h5 --weeks 2 --replicates 1 --threads 2 -q 2>err.txt ||
  fail "trygg run scenarios/baseline.yaml: $(cat err.txt)"
h5dump -a scenario_file baseline.h5 | grep -q "$prefix/share/trygg/scenarios/baseline.yaml" ||
  fail "the run's provenance does not name the installed scenario"
"$trygg" export baseline.h5 -o baseline.gpkg -q 2>err.txt || fail "trygg export: $(cat err.txt)"
ogrinfo -so baseline.gpkg districts | grep -q "Feature Count: 17" || fail "the exported districts are not 17"
"$trygg" report baseline.h5 -o baseline.html -q 2>err.txt || fail "trygg report: $(cat err.txt)"
# The installed binary carries the report's page and Vega builds: one file, nothing fetched.
grep -q 'Content-Security-Policy' baseline.html || fail "the report has no content security policy"
grep -q 'vega' baseline.html || fail "the report does not carry Vega"
if grep -Eq '<script[^>]+src=' baseline.html; then fail "the report loads a script from elsewhere"; fi

# A path found nowhere is still named as the user wrote it, with status 2.
status=0
"$trygg" run scenarios/nosuch.yaml -q 2>err.txt || status=$?
[ "$status" -eq 2 ] || fail "a missing scenario exits $status, not 2"
grep -q "scenarios/nosuch.yaml" err.txt || fail "the error does not name scenarios/nosuch.yaml: $(cat err.txt)"

listing="$(ls)"
[ "$listing" = "$(printf 'baseline.gpkg\nbaseline.h5\nbaseline.html\nerr.txt\nhelp.txt\nplaces.txt')" ] ||
  fail "unexpected files in the working folder: $listing"
echo "installed into $prefix and ran from $work: ok"
