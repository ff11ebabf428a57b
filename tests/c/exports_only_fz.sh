#!/usr/bin/env bash
# exports_only_fz LIBRARY HEADER
#
# libfazhi.so defines fz_* dynamic symbols and nothing else (no C++, SQLite,
# spdlog or Boost symbol leaks into the ABI), exports every function that
# fazhi.h declares, and carries the SONAME libfazhi.so.0.
set -u

lib=${1:?usage: exports_only_fz.sh LIBRARY HEADER}
header=${2:?usage: exports_only_fz.sh LIBRARY HEADER}
status=0

if ! defined=$(nm -D --defined-only "$lib"); then
  echo "FAIL: nm -D --defined-only $lib failed"
  exit 1
fi
# Third column is the name; strip any symbol version (name@@VER).
names=$(awk 'NF >= 3 { n = $3; sub(/@.*/, "", n); print n }' <<<"$defined" | sort -u)

foreign=$(grep -v '^fz_' <<<"$names" | grep -v '^$')
if [[ -n $foreign ]]; then
  echo "FAIL: $lib defines dynamic symbols that do not start with fz_:"
  sed 's/^/  /' <<<"$foreign"
  status=1
fi

# Every function the header declares (FZ_API lines) is exported.
declared=$(grep -E '^FZ_API' "$header" | grep -oE '\bfz_[a-z0-9_]+[[:space:]]*\(' |
           tr -d '( \t' | sort -u)
if [[ -z $declared ]]; then
  echo "FAIL: found no FZ_API declarations in $header"
  status=1
fi
missing=$(comm -23 <(echo "$declared") <(echo "$names"))
if [[ -n $missing ]]; then
  echo "FAIL: declared in fazhi.h but not exported by $lib:"
  sed 's/^/  /' <<<"$missing"
  status=1
fi
# And nothing fz_* is exported that the header does not declare.
undeclared=$(comm -13 <(echo "$declared") <(grep '^fz_' <<<"$names"))
if [[ -n $undeclared ]]; then
  echo "FAIL: exported by $lib but not declared in fazhi.h:"
  sed 's/^/  /' <<<"$undeclared"
  status=1
fi

soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
if [[ $soname != "libfazhi.so.0" ]]; then
  echo "FAIL: SONAME is '${soname}', expected 'libfazhi.so.0'"
  status=1
fi

if [[ $status -eq 0 ]]; then
  echo "PASS: $(wc -l <<<"$declared") fz_* functions exported, nothing else; SONAME $soname"
fi
exit $status
