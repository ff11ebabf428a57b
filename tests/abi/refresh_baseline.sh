#!/usr/bin/env bash
# Regenerates tests/abi/libfazhi.abi, the ABI baseline abi_compatible compares
# with, from a build's libfazhi.so. Run it for a deliberate release, from any
# directory, after `cmake --build BUILD_DIR`:
#
#   tests/abi/refresh_baseline.sh BUILD_DIR [--allow-incompatible]
#
# It prints what changed against the old baseline. An incompatible change
# (a removed or changed released function) is refused unless
# --allow-incompatible is given, which is only right together with a new major
# version (and so a new SONAME). BUILD_DIR must be built with debug information
# (the default RelWithDebInfo). Needs abigail-tools.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
# shellcheck source=abi_common.sh
source "$here/abi_common.sh"

if [[ $# -lt 1 || $# -gt 2 || ( $# -eq 2 && $2 != --allow-incompatible ) ]]; then
  echo "usage: $0 BUILD_DIR [--allow-incompatible]" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
allow=${2:-}
library=$build_dir/capi/libfazhi.so
baseline=$here/libfazhi.abi
for tool in abidw abidiff; do
  command -v "$tool" > /dev/null || {
    echo "$0: $tool not found: apt-get install -y abigail-tools" >&2; exit 1; }
done
[[ -e $library ]] || { echo "$0: $library not found; build first" >&2; exit 1; }
library=$(readlink -f "$library")

work=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-abi.XXXXXX")
trap 'rm -rf "$work"' EXIT
fazhi_abidw abidw "$library" "$source_dir/capi/fazhi" "$source_dir" "$build_dir" "$work/new.abi"
functions=$(fazhi_abi_count_functions "$work/new.abi")
if [[ $functions -eq 0 ]]; then
  echo "$0: $library has no debug information; build with RelWithDebInfo or Debug" >&2
  exit 1
fi
fazhi_abi_check_names "$work/new.abi"

if [[ -f $baseline ]]; then
  set +e
  abidiff --drop-private-types "$baseline" "$work/new.abi" > "$work/report.txt" 2>&1
  rc=$?
  set -e
  echo "== changes against the old baseline (abidiff status $rc)"
  cat "$work/report.txt"
  if (( rc & 3 )); then
    echo "$0: abidiff failed" >&2
    exit 1
  fi
  if (( rc & 8 )) || grep -qE '^[[:space:]]*\[(C|D)\]' "$work/report.txt"; then
    if [[ $allow != --allow-incompatible ]]; then
      echo "$0: incompatible change; refusing (see --allow-incompatible)" >&2
      exit 1
    fi
    echo "$0: incompatible change accepted: make sure the major version was bumped" >&2
  fi
fi
cp "$work/new.abi" "$baseline"
echo "$baseline: $functions functions of $(basename "$library")"
