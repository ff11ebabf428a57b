#!/usr/bin/env bash
# Runs the Yangxin 2022 sample end to end with the fazhi command of a build
# tree: a fresh database in BUILD_DIR, every sample file imported in the order
# of import_order.txt, then the unit tree, the 2022 indicators of the zone,
# its findings, its open deadlines as of 2022-12-20 (fazhi alerts), the
# journal check and the zone's 2022 annual report (Markdown, with its
# 全过程记录校验码) printed; the report is also written as HTML and as a Word
# document in the 公文 layout (yangxin-2022.docx) next to the database, and the
# zone's 2022 矛盾纠纷排查化解情况统计表 as yangxin-2022-mediation.xlsx. Any
# failing step stops the script with that step's exit code.
#
# Usage: examples/yangxin-2022/run.sh BUILD_DIR
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build=$1
here=$(dirname "${BASH_SOURCE[0]}")
fazhi="$build/src/cli/fazhi"
db="$build/yangxin-2022.db"

if [[ ! -x "$fazhi" ]]; then
  echo "$0: $fazhi not found; build first: cmake --build $build" >&2
  exit 2
fi

# A fresh database each run, so that the output is the same every time.
rm -f "$db" "$db-wal" "$db-shm"

"$fazhi" init "$db"
while read -r file; do
  "$fazhi" import "$db" "$here/$file"
done <"$here/import_order.txt"
"$fazhi" units "$db"
"$fazhi" indicators "$db" --unit yx-kfq --period 2022
"$fazhi" findings "$db"
"$fazhi" alerts "$db" --unit yx-kfq --as-of 2022-12-20
"$fazhi" verify "$db"
"$fazhi" report "$db" --unit yx-kfq --year 2022 --format html --output "$build/yangxin-2022.html"
"$fazhi" report "$db" --unit yx-kfq --year 2022 --format docx --output "$build/yangxin-2022.docx"
"$fazhi" form "$db" mediation --unit yx-kfq --period 2022 --output "$build/yangxin-2022-mediation.xlsx"
"$fazhi" report "$db" --unit yx-kfq --year 2022 --journal-head
