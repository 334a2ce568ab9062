#!/usr/bin/env bash
# The build enforces the layers (engine/CMakeLists.txt): each layer compiles against a view of
# the engine holding its own folder and those of the layers below it. This checks, for every
# layer, that exactly the intended folders are visible — a header of each layer is found with
# __has_include from that layer's view, or not — and that no engine file reaches around the
# views with a relative "../" include.
#   check_layers.sh CXX ENGINE_BUILD_DIR ENGINE_SOURCE_DIR
set -euo pipefail
cxx="$1" views="$2/layers" src="$3"

# The intended layering (docs: README "Layout"), written out here on purpose rather than read
# from the build: a change to a layer's BELOW list that widens what it sees fails this test.
declare -A sees=(
  [core]="core"
  [world]="core world"
  [population]="core world population"
  [model]="core world population model"
  [policy]="core world population model policy"
  [sim]="core world population model policy sim"
  [experiment]="core world population model policy sim experiment"
  [io]="core world population model policy sim experiment io"
  [batch]="core world population model policy sim experiment io batch"
  [cluster]="core world population model policy sim experiment io batch cluster"
  [gis]="core world population model policy sim experiment io gis"
  [report]="core world population model policy sim experiment io report"
  [cli]="core world population model policy sim experiment io batch cluster gis report cli"
)
layers=(core world population model policy sim experiment io batch cluster gis report cli)
for extra in "$views"/*; do
  name="$(basename "$extra")"
  [[ -v "sees[$name]" ]] || { echo "layer view '$name' is not in tests/layers/check_layers.sh's table" >&2; exit 1; }
done

probe="$(mktemp --suffix=.cpp)"
trap 'rm -f "$probe"' EXIT
failures=0
for layer in "${layers[@]}"; do
  [ -d "$views/$layer" ] || { echo "no view for layer $layer in $views" >&2; exit 1; }
  for other in "${layers[@]}"; do
    header="$(cd "$src" && ls "$other"/*.hpp 2>/dev/null | head -1)"
    [ -n "$header" ] || header="$other/$(cd "$src/$other" && ls | head -1)"
    printf '#if __has_include("%s")\nint visible;\n#endif\n' "$header" >"$probe"
    if "$cxx" -std=c++20 -E -P -I "$views/$layer" "$probe" | grep -q visible; then found=yes; else found=no; fi
    if [[ " ${sees[$layer]} " == *" $other "* ]]; then want=yes; else want=no; fi
    if [ "$found" != "$want" ]; then
      echo "layer $layer: $header visible=$found, expected $want" >&2
      failures=$((failures + 1))
    fi
  done
done

if grep -rn '#include "\.\./' "$src" --include='*.hpp' --include='*.cpp'; then
  echo "an engine file includes through '../', around the layer views" >&2
  failures=$((failures + 1))
fi
if ((failures)); then exit 1; fi
echo "every layer sees exactly the layers below it"
