#!/usr/bin/env bash
# abi_compatible: compares the ABI of a built libfazhi.so with the stored
# baseline tests/abi/libfazhi.abi (libabigail's abidw/abidiff) and fails on a
# change that breaks programs built against the baseline:
#
#   - abidiff reports ABIDIFF_ABI_INCOMPATIBLE_CHANGE (exit status bit 8): a
#     function or variable symbol was removed;
#   - or it reports a change (bit 4) that includes a changed or deleted released
#     function ("[C]"/"[D]" in the report): a parameter or return type, or a
#     struct it uses (fz_value), changed. abidiff files those under "ABI change,
#     review needed"; fazhi's rule is that a released function keeps its
#     signature, so they fail here too.
#
# Added functions are fine (the C ABI only grows): reported, test passes.
# The report is printed either way.
#
# Usage: check_abi.sh BASELINE LIBRARY HEADERS_DIR [name=value...]
#   abidw=PATH abidiff=PATH source_dir=PATH build_dir=PATH
# Exit status: 0 compatible, 1 incompatible or error, 77 cannot check (the
# library has no debug information).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=abi_common.sh
source "$here/abi_common.sh"

if [[ $# -lt 3 ]]; then
  echo "usage: $0 BASELINE LIBRARY HEADERS_DIR [name=value...]" >&2
  exit 2
fi
baseline=$1 library=$2 headers=$3
shift 3
abidw="" abidiff="" source_dir="" build_dir=""
for arg in "$@"; do
  case $arg in
    abidw=*|abidiff=*|source_dir=*|build_dir=*) declare "${arg%%=*}=${arg#*=}" ;;
    *) echo "$0: unknown argument $arg" >&2; exit 2 ;;
  esac
done
[[ -n $abidw ]] || abidw=$(command -v abidw || true)
[[ -n $abidiff ]] || abidiff=$(command -v abidiff || true)
if [[ -z $abidw || -z $abidiff ]]; then
  echo "abi_compatible: abidw/abidiff not found." >&2
  echo "abi_compatible: install abigail-tools (Debian: apt-get install -y abigail-tools) and re-run cmake." >&2
  exit 1
fi
if [[ ! -f $baseline ]]; then
  echo "abi_compatible: no baseline $baseline; make one with tests/abi/refresh_baseline.sh BUILD_DIR" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-abi.XXXXXX")
trap 'rm -rf "$work"' EXIT
current=$work/libfazhi.abi

fazhi_abidw "$abidw" "$library" "$headers" "$source_dir" "$build_dir" "$current"
if [[ $(fazhi_abi_count_functions "$current") -eq 0 ]]; then
  echo "abi_compatible: $library has no debug information describing fz_* functions;" >&2
  echo "abi_compatible: build with -g (CMAKE_BUILD_TYPE RelWithDebInfo or Debug) to check the ABI. Skipped." >&2
  exit 77
fi
fazhi_abi_check_names "$current"
# A symbol without a function description (e.g. folded into another function
# by the optimiser) is compared by name only: say so.
for sym in $(grep -oE "<elf-symbol name='[^']*'" "$current" | cut -d"'" -f2); do
  grep -q "elf-symbol-id='$sym'" "$current" \
    || echo "abi_compatible: warning: no debug information for $sym; only its presence is checked"
done

echo "abidiff $baseline $library"
set +e
"$abidiff" --drop-private-types "$baseline" "$current" > "$work/report.txt" 2>&1
rc=$?
set -e
cat "$work/report.txt"
echo "abidiff exit status $rc"

# libabigail's abidiff status bits: 1 error, 2 usage error, 4 ABI change,
# 8 incompatible ABI change.
if (( rc & 3 )); then
  echo "abi_compatible: FAILED: abidiff could not compare" >&2
  exit 1
fi
if (( rc & 8 )); then
  echo "abi_compatible: FAILED: incompatible ABI change (a released symbol was removed)." >&2
  echo "abi_compatible: released fz_* functions are never removed; if this is a new major version, bump it and refresh the baseline." >&2
  exit 1
fi
if (( rc & 4 )) && grep -qE '^[[:space:]]*\[(C|D)\]' "$work/report.txt"; then
  echo "abi_compatible: FAILED: a released function changed (see [C]/[D] above)." >&2
  echo "abi_compatible: released prototypes keep their signature; add a new function instead." >&2
  exit 1
fi
if (( rc & 4 )); then
  echo "abi_compatible: ok: additions only (refresh the baseline at the next release:"
  echo "  tests/abi/refresh_baseline.sh BUILD_DIR)"
else
  echo "abi_compatible: ok: same ABI as the baseline"
fi
