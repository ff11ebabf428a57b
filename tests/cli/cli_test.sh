#!/usr/bin/env bash
# End-to-end tests of the fazhi command. Each test_* function is one ctest
# test (tests/cli/CMakeLists.txt registers them by name); it runs the command
# in a fresh directory and asserts the exact exit code and output.
#
# Usage: bash cli_test.sh FAZHI_BINARY SOURCE_DIR TEST_NAME
set -euo pipefail

fazhi=$(realpath "$1")
source_dir=$(realpath "$2")
name=$3
[[ -x $fazhi ]] || { echo "FAIL: $name: no fazhi command at $1" >&2; exit 1; }
sample_dir="$source_dir/examples/yangxin-2022"
sample="$sample_dir/org_units.ndjson"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# --- assertions -------------------------------------------------------------

fail() {
  {
    echo "FAIL: $name: $*"
    echo "--- stdout"; cat out 2>/dev/null || true
    echo "--- stderr"; cat err 2>/dev/null || true
  } >&2
  exit 1
}

# Runs fazhi with the arguments; stdout to ./out, stderr to ./err, $status.
run() {
  set +e
  "$fazhi" "$@" >out 2>err
  status=$?
  set -e
}

expect_status() { [[ $status -eq $1 ]] || fail "exit status $status, expected $1"; }

# The whole of stdout (or stderr) is exactly the argument plus a newline.
expect_out() { diff -u <(printf '%s\n' "$1") out >&2 || fail "stdout differs"; }
expect_err() { diff -u <(printf '%s\n' "$1") err >&2 || fail "stderr differs"; }
expect_no_out() { [[ ! -s out ]] || fail "stdout should be empty"; }
expect_no_err() { [[ ! -s err ]] || fail "stderr should be empty"; }

# Line N of stderr starts with the prefix (the rest is the library's text).
expect_err_line() {
  local line
  line=$(sed -n "$1p" err)
  [[ $line == "$2"* ]] || fail "stderr line $1 is '$line', expected it to start with '$2'"
}
expect_err_lines() {
  local n
  n=$(wc -l <err)
  [[ $n -eq $1 ]] || fail "stderr has $n lines, expected $1"
}

# The head verify prints last: "日志头: SEQ:HASH", the hash 64 hex digits.
expect_head_line() {
  local n
  n=$(wc -l <out)
  sed -n "${n}p" out | grep -qxE "日志头: $1:[0-9a-f]{64}" || fail "the last line of stdout is not the head $1"
}

# A database with the sample's org units.
sample_db() {
  "$fazhi" init yx.db >/dev/null
  "$fazhi" import yx.db "$sample" >/dev/null
}

unit() {  # unit CODE NAME KIND [PARENT]: one org_unit NDJSON line
  printf '{"record": "org_unit", "code": "%s", "name": "%s", "kind": "%s"%s}\n' \
    "$1" "$2" "$3" "${4:+, \"parent\": \"$4\"}"
}

sample_tree='阳新经济开发区管委会          管委会    yx-kfq
  阳新经济开发区党政办        部门      yx-kfq-dzb
  阳新经济开发区城管执法大队  执法队伍  yx-kfq-cgzf
  青石村                      村        yx-kfq-v01
  桂花岭村                    村        yx-kfq-v02
  柳塘村                      村        yx-kfq-v03
  金滩村                      村        yx-kfq-v04
  云岭村                      村        yx-kfq-v05
  梅岗村                      村        yx-kfq-v06
  竹园湾村                    村        yx-kfq-v07
  新港社区                    社区      yx-kfq-c01
  望湖社区                    社区      yx-kfq-c02
  白沙社区                    社区      yx-kfq-c03
  荷塘社区                    社区      yx-kfq-c04
  星桥社区                    社区      yx-kfq-c05'

# --- usage ------------------------------------------------------------------

test_usage_no_subcommand_exits_2() {
  run
  expect_status 2
  expect_no_out
  expect_err "fazhi: 用法错误: A subcommand is required
运行 'fazhi --help' 查看用法"
}

test_usage_unknown_option_exits_2() {
  run units --frobnicate
  expect_status 2
  expect_no_out
  expect_err_line 1 "fazhi: 用法错误: "
  expect_err_line 2 "运行 'fazhi units --help' 查看用法"
}

test_usage_help_goes_to_stdout_and_exits_0() {
  run --help
  expect_status 0
  expect_no_err
  grep -q '^用法: fazhi \[选项\] 子命令$' out || fail "no usage line"
  for command in init import export verify units calendar; do
    grep -q "^  $command " out || fail "help does not list $command"
  done
}

test_usage_version_prints_library_version() {
  run --version
  expect_status 0
  expect_no_err
  grep -qxE 'fazhi [0-9]+\.[0-9]+\.[0-9]+' out || fail "not 'fazhi MAJOR.MINOR.PATCH'"
  [[ $(wc -l <out) -eq 1 ]] || fail "more than one line"
}

test_usage_missing_database_exits_2_without_creating_it() {
  run units nope.db
  expect_status 2
  expect_no_out
  expect_err "fazhi: 用法错误: DB: 数据库不存在: nope.db (先运行 fazhi init nope.db)
运行 'fazhi units --help' 查看用法"
  [[ ! -e nope.db ]] || fail "nope.db was created"
}

test_usage_missing_import_file_exits_2() {
  "$fazhi" init yx.db >/dev/null
  run import yx.db missing.ndjson
  expect_status 2
  expect_err "fazhi: 用法错误: FILE: 文件不存在: missing.ndjson
运行 'fazhi import --help' 查看用法"
}

test_usage_bad_mode_exits_2() {
  sample_db
  run import yx.db "$sample" --mode lenient
  expect_status 2
  expect_no_out
  expect_err_line 1 "fazhi: 用法错误: --mode: "
}

test_usage_bad_batch_exits_2() {
  sample_db
  run import yx.db "$sample" --batch 0
  expect_status 2
  expect_no_out
  expect_err_line 1 "fazhi: 用法错误: --batch: "
}

# --- init -------------------------------------------------------------------

test_init_creates_database() {
  run init yx.db
  expect_status 0
  expect_out "已创建数据库: yx.db"
  expect_no_err
  [[ -f yx.db ]] || fail "yx.db not created"
}

test_init_again_keeps_the_data() {
  sample_db
  run init yx.db
  expect_status 0
  expect_out "数据库已存在, 已检查: yx.db"
  run units yx.db
  expect_out "$sample_tree"
}

test_init_refuses_a_file_that_is_not_a_database() {
  echo "not a database" >notes.txt
  run init notes.txt
  expect_status 1
  expect_no_out
  expect_err_lines 1
  expect_err_line 1 "fazhi: 打开数据库 notes.txt: "
}

# --- import -----------------------------------------------------------------

test_import_sample_prints_summary() {
  "$fazhi" init yx.db >/dev/null
  cp "$sample" units.ndjson
  run import yx.db units.ndjson
  expect_status 0
  expect_out "units.ndjson: 读取 15 行，新增 15，更新 0，未变 0，拒绝 0"
  expect_no_err
}

test_import_again_reports_unchanged() {
  sample_db
  cp "$sample" units.ndjson
  run import yx.db units.ndjson
  expect_status 0
  expect_out "units.ndjson: 读取 15 行，新增 0，更新 0，未变 15，拒绝 0"
}

test_import_changed_record_is_updated() {
  sample_db
  unit yx-kfq-v01 青石新村 village yx-kfq >rename.ndjson
  run import yx.db rename.ndjson
  expect_status 0
  expect_out "rename.ndjson: 读取 1 行，新增 0，更新 1，未变 0，拒绝 0"
  run units yx.db --unit yx-kfq-v01
  expect_out "青石新村  村  yx-kfq-v01"
}

test_import_rejected_lines_are_listed_with_file_and_line() {
  sample_db
  {
    unit yx-kfq-x1 甲 village yx-kfq
    unit yx-kfq-x2 乙 hamlet yx-kfq
    unit yx-kfq-x3 丙 village yx-kfq
    unit yx-kfq-x4 丁 village no-such-unit
  } >new.ndjson
  run import yx.db new.ndjson
  expect_status 1
  expect_out "new.ndjson: 读取 4 行，新增 2，更新 0，未变 0，拒绝 2"
  expect_err_lines 2
  expect_err_line 1 "new.ndjson:2: kind: "
  expect_err_line 2 "new.ndjson:4: parent: "
}

test_import_line_numbers_count_across_chunks() {
  sample_db
  {
    unit yx-kfq-x1 甲 village yx-kfq
    unit yx-kfq-x2 乙 village yx-kfq
    unit yx-kfq-x3 丙 village yx-kfq
    unit yx-kfq-x4 丁 hamlet yx-kfq
    unit yx-kfq-x5 戊 village yx-kfq
  } >new.ndjson
  # Chunks of two lines: the bad line is the first of the second chunk.
  run import yx.db new.ndjson --chunk-lines 2
  expect_status 1
  expect_out "new.ndjson: 读取 5 行，新增 4，更新 0，未变 0，拒绝 1"
  expect_err_lines 1
  expect_err_line 1 "new.ndjson:4: kind: "
}

test_import_line_may_refer_to_a_record_in_an_earlier_chunk() {
  sample_db
  {
    unit yx-kfq-g1 第一网格 other yx-kfq-v01
    unit yx-kfq-g2 第二网格 other yx-kfq-g1
  } >grid.ndjson
  run import yx.db grid.ndjson --chunk-lines 1 --batch 1
  expect_status 0
  expect_out "grid.ndjson: 读取 2 行，新增 2，更新 0，未变 0，拒绝 0"
  run units yx.db --unit yx-kfq-v01
  expect_out "青石村        村    yx-kfq-v01
  第一网格    其他  yx-kfq-g1
    第二网格  其他  yx-kfq-g2"
}

test_import_several_files_each_get_a_summary() {
  "$fazhi" init yx.db >/dev/null
  head -n 3 "$sample" >first.ndjson
  tail -n +4 "$sample" >rest.ndjson
  run import yx.db first.ndjson rest.ndjson --actor 司法所
  expect_status 0
  expect_out "first.ndjson: 读取 3 行，新增 3，更新 0，未变 0，拒绝 0
rest.ndjson: 读取 12 行，新增 12，更新 0，未变 0，拒绝 0"
}

test_import_skips_a_utf8_byte_order_mark() {
  "$fazhi" init yx.db >/dev/null
  { printf '\xef\xbb\xbf'; cat "$sample"; } >bom.ndjson
  run import yx.db bom.ndjson
  expect_status 0
  expect_out "bom.ndjson: 读取 15 行，新增 15，更新 0，未变 0，拒绝 0"
}

# --bulk on: the reporting indexes are rebuilt at the end (and it says so);
# the file has every index an ordinary import leaves, none recorded deferred.
indexes_and_deferred() {
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema "
                 "WHERE type = 'index' ORDER BY name)").fetchone()[0])
print(db.execute("SELECT count(*) FROM meta WHERE name LIKE 'deferred_index:%'").fetchone()[0])
PY
}

test_import_bulk_on_rebuilds_the_indexes_at_the_end() {
  "$fazhi" init plain.db >/dev/null
  "$fazhi" import plain.db "$sample" --bulk off >/dev/null
  "$fazhi" init yx.db >/dev/null
  cp "$sample" units.ndjson
  run import yx.db units.ndjson --bulk on
  expect_status 0
  expect_out "units.ndjson: 读取 15 行，新增 15，更新 0，未变 0，拒绝 0"
  expect_err "重建统计索引…"
  [[ "$(indexes_and_deferred yx.db)" == "$(indexes_and_deferred plain.db)" ]] || fail "indexes differ"
  [[ "$(indexes_and_deferred yx.db | tail -1)" == 0 ]] || fail "indexes left deferred"
}

test_import_bulk_takes_only_auto_on_off() {
  "$fazhi" init yx.db >/dev/null
  run import yx.db "$sample" --bulk yes
  expect_status 2
  expect_err_line 1 "fazhi: 用法错误: --bulk: yes not in {auto,on,off}"
}

# Only the file's own mark is skipped: a line that starts with one (files
# pasted together) is rejected, also when it is the first of a chunk.
test_import_refuses_a_byte_order_mark_inside_the_file() {
  sample_db
  {
    printf '\xef\xbb\xbf'
    unit yx-kfq-x1 甲 village yx-kfq
    unit yx-kfq-x2 乙 village yx-kfq
    printf '\xef\xbb\xbf'
    unit yx-kfq-x3 丙 village yx-kfq
    printf '\xef\xbb\xbf'
    unit yx-kfq-x4 丁 village yx-kfq
  } >pasted.ndjson
  run import yx.db pasted.ndjson --chunk-lines 2
  expect_status 1
  expect_out "pasted.ndjson: 读取 4 行，新增 2，更新 0，未变 0，拒绝 2"
  expect_err "pasted.ndjson:3: starts with a byte-order mark (U+FEFF); one is allowed only at the very start of an NDJSON input
pasted.ndjson:4: starts with a byte-order mark (U+FEFF); one is allowed only at the very start of an NDJSON input"
}

test_import_gbk_file_gets_an_encoding_hint() {
  sample_db
  unit yx-kfq-x1 甲村 village yx-kfq | iconv -f UTF-8 -t GBK >gbk.ndjson
  run import yx.db gbk.ndjson
  expect_status 1
  expect_out "gbk.ndjson: 读取 1 行，新增 0，更新 0，未变 0，拒绝 1"
  expect_err_lines 2
  expect_err_line 1 "gbk.ndjson:1: "
  expect_err_line 2 "提示: gbk.ndjson 含有非 UTF-8 字节, 可能是 GBK 编码"
  run units yx.db --unit yx-kfq-x1
  expect_status 1
}

# Issue 19: a key written with digits is a key, never an id: "1" is not the
# root unit (id 1), and importing a unit with code "1" adds it.
test_import_and_history_take_keys_made_of_digits_as_keys() {
  sample_db
  run history yx.db org_unit 1
  expect_status 1
  expect_no_out
  expect_err "fazhi: 读取全过程记录 org_unit 1: no org_unit with key '1'"
  run units yx.db --unit 1
  expect_status 1
  expect_err "fazhi: 没有编码或名称为“1”的单位"
  unit 1 一号村 village yx-kfq >one.ndjson
  run import yx.db one.ndjson
  expect_status 0
  expect_out "one.ndjson: 读取 1 行，新增 1，更新 0，未变 0，拒绝 0"
  run units yx.db --unit 1
  expect_out "一号村  村  1"
  run history yx.db org_unit 1
  expect_status 0
  expect_err_lines 0
  grep -qF '# 全过程记录：单位「一号村」' out || fail "history of unit 1 is not 一号村's"
  run units yx.db --unit yx-kfq-dzb
  expect_out "阳新经济开发区党政办  部门  yx-kfq-dzb"
}

# --- export -----------------------------------------------------------------

test_export_then_import_gives_the_same_tree() {
  sample_db
  run export yx.db all.ndjson
  expect_status 0
  expect_out "all.ndjson: 写出 15 行"
  expect_no_err
  "$fazhi" init copy.db >/dev/null
  run import copy.db all.ndjson
  expect_status 0
  expect_out "all.ndjson: 读取 15 行，新增 15，更新 0，未变 0，拒绝 0"
  run units copy.db
  expect_out "$sample_tree"
}

test_export_to_an_unwritable_path_exits_1() {
  sample_db
  run export yx.db no-such-dir/all.ndjson
  expect_status 1
  expect_no_out
  expect_err_line 1 "fazhi: 导出到 no-such-dir/all.ndjson: "
}

# The whole sample imported into yx.db.
sample_all_db() {
  "$fazhi" init yx.db >/dev/null
  local file
  while read -r file; do
    "$fazhi" import -q yx.db "$sample_dir/$file" >/dev/null
  done <"$sample_dir/import_order.txt"
}

# Issue 18: a village's subtree exported on its own (its advisers go along,
# the village becomes a root) imports into an empty database with every
# indicator of the village unchanged.
test_export_unit_of_a_village_round_trips_its_indicators() {
  sample_all_db
  run export yx.db v01.ndjson --unit yx-kfq-v01
  expect_status 0
  expect_no_err
  expect_out "v01.ndjson: 写出 63 行"
  grep -qF '"record":"adviser"' v01.ndjson || fail "the village's adviser was not exported"
  "$fazhi" init copy.db >/dev/null
  run import copy.db v01.ndjson
  expect_status 0
  expect_out "v01.ndjson: 读取 63 行，新增 39，更新 0，未变 0，动作 24，拒绝 0"
  run units copy.db
  expect_out "青石村  村  yx-kfq-v01"
  "$fazhi" indicators yx.db --unit yx-kfq-v01 --period 2022 --format json >before.json
  "$fazhi" indicators copy.db --unit yx-kfq-v01 --period 2022 --format json >after.json
  diff -u before.json after.json >&2 || fail "the village's indicators differ after the round trip"
  run indicators copy.db --unit yx-kfq-v01 --period 2022 --code mediation.success_rate --code adviser.coverage
  expect_out "yx-kfq-v01 2022（2022-01-01 至 2022-12-31）
指标            数值    分子/分母  代码
调解成功率      100.0%  11/11      mediation.success_rate
法律顾问覆盖率  100.0%  1/1        adviser.coverage"
  run verify copy.db
  expect_status 0
  [[ $(sed -n 1,2p out) == $'日志 63 条: 完好\n记录 39 条: 与日志相符' ]] || fail "stdout differs"
  expect_head_line 63
}

# Issue 19: an export never writes over the database, its -wal, a link to
# it, a directory or a device (a link to /dev/null here, never the device).
test_export_refuses_the_database_and_what_is_not_a_regular_file() {
  sample_db
  ln -s yx.db link.ndjson
  mkdir out.d
  ln -s /dev/null null.ndjson
  local before
  before=$(ls -A | grep -vx -e out -e err)
  run export yx.db yx.db
  expect_status 2
  expect_no_out
  expect_err "fazhi: 导出到 yx.db: path: 'yx.db' is the open database; it is never overwritten"
  run export yx.db yx.db-wal
  expect_status 2
  expect_err "fazhi: 导出到 yx.db-wal: path: 'yx.db-wal' is the open database's write-ahead log (-wal); it is never overwritten"
  run export yx.db link.ndjson
  expect_status 2
  expect_err "fazhi: 导出到 link.ndjson: path: 'link.ndjson' (which leads to '$(pwd -P)/yx.db') is the open database; it is never overwritten"
  run export yx.db out.d
  expect_status 2
  expect_err "fazhi: 导出到 out.d: path: 'out.d' is a directory, not a regular file"
  run export yx.db null.ndjson
  expect_status 2
  expect_err "fazhi: 导出到 null.ndjson: path: 'null.ndjson' (which leads to '/dev/null') is a character device, not a regular file"
  [[ $(ls -A | grep -vx -e out -e err) == "$before" ]] || fail "a refused export changed the directory: $(ls -A)"
  [[ -L link.ndjson && -L null.ndjson ]] || fail "a link was replaced"
  run units yx.db
  expect_status 0
  expect_out "$sample_tree"
}

# The report's --output follows the same rules.
test_report_output_never_replaces_the_database_or_a_device() {
  sample_db
  ln -s /dev/null null.html
  mkdir out.d
  run report yx.db --unit yx-kfq --year 2022 --output yx.db
  expect_status 2
  expect_no_out
  expect_err "fazhi: 写入 yx.db: 'yx.db' is the open database; it is never overwritten"
  run report yx.db --unit yx-kfq --year 2022 --output yx.db-shm
  expect_status 2
  expect_err "fazhi: 写入 yx.db-shm: 'yx.db-shm' is the open database's shared-memory index (-shm); it is never overwritten"
  run report yx.db --unit yx-kfq --year 2022 --output null.html
  expect_status 2
  expect_err "fazhi: 写入 null.html: 'null.html' (which leads to '/dev/null') is a character device, not a regular file"
  run report yx.db --unit yx-kfq --year 2022 --output out.d
  expect_status 2
  expect_err "fazhi: 写入 out.d: 'out.d' is a directory, not a regular file"
  [[ -L null.html && -d out.d ]] || fail "a refused target was replaced"
  run units yx.db
  expect_out "$sample_tree"
  # A link to a report file: the file is replaced, the link kept.
  echo old >report.md
  ln -s report.md latest.md
  run report yx.db --unit yx-kfq --year 2022 --output latest.md
  expect_status 0
  expect_out "已写入 latest.md"
  [[ -L latest.md ]] || fail "the link was replaced"
  grep -qF '# 阳新经济开发区管委会2022年法治政府建设年度报告' report.md || fail "report.md was not written"
}

# A line over 16 MiB stops the import there, naming it; the lines before it
# are imported; nothing is read into memory whole.
test_import_a_line_over_16_mib_stops_naming_it() {
  sample_db
  {
    unit yx-kfq-v08 新村 village yx-kfq
    head -c 16777217 /dev/zero | tr '\0' x
    echo
    unit yx-kfq-v09 后村 village yx-kfq
  } >long.ndjson
  run import -q yx.db long.ndjson
  expect_status 1
  expect_out "long.ndjson: 读取 1 行，新增 1，更新 0，未变 0，拒绝 0"
  expect_err "fazhi: 读取 long.ndjson 第 2 行: 超过 16777216 字节 (一行 NDJSON 的上限), 停止导入"
}

# --- verify -----------------------------------------------------------------

test_verify_intact_journal() {
  sample_db
  run verify yx.db
  expect_status 0
  [[ $(sed -n 1,2p out) == $'日志 15 条: 完好\n记录 15 条: 与日志相符' ]] || fail "stdout differs"
  [[ $(wc -l <out) -eq 3 ]] || fail "stdout is not 3 lines"
  expect_head_line 15
  expect_no_err
}

test_verify_names_a_record_edited_behind_its_back() {
  sample_db
  python3 - <<'PY'
import sqlite3
db = sqlite3.connect("yx.db")
db.execute("UPDATE org_unit SET name = '别的村' WHERE key = 'yx-kfq-v01'")
db.commit()
PY
  run verify yx.db
  expect_status 1
  [[ $(sed -n 1,2p out) == $'日志 15 条: 完好\n记录 15 条: 1 处与日志不符' ]] || fail "stdout differs"
  sed -n 3p out | grep -qxE '  与日志不符  org_unit  yx-kfq-v01  \(日志第 [0-9]+ 条\)' ||
    fail "line 3 does not name the unit"
  expect_head_line 15
  expect_err_lines 1
  expect_err_line 1 "fazhi: 校验日志 yx.db: org_unit 'yx-kfq-v01' (id "
  # One kind, or the chain alone, as asked.
  run verify yx.db --kind mediation_case
  expect_status 0
  [[ $(sed -n 2p out) == '记录 0 条: 与日志相符' ]] || fail "--kind did not scope the proof"
  run verify yx.db --chain-only
  expect_status 0
  [[ $(wc -l <out) -eq 2 ]] || fail "--chain-only printed records"
}

test_verify_with_a_recorded_head_finds_a_cut_tail() {
  sample_db
  run verify yx.db
  local head
  head=$(sed -n 3p out | sed 's/^日志头: //')
  run verify yx.db --head "$head"
  expect_status 0
  grep -qxF "日志头 $head: 仍在链上" out || fail "the recorded head is not reported on the chain"
  # A forger cuts the last unit and its entry off and rewrites the stored head.
  python3 - <<'PY'
import sqlite3
db = sqlite3.connect("yx.db")
seq, key = 15, db.execute("SELECT key FROM org_unit ORDER BY id DESC LIMIT 1").fetchone()[0]
prev = db.execute("SELECT lower(hex(hash)) FROM journal WHERE seq = 14").fetchone()[0]
db.execute("DELETE FROM org_unit WHERE key = ?", (key,))
db.execute("DELETE FROM journal WHERE seq = 15")
db.execute("UPDATE meta SET value = ? WHERE name = 'journal_head'", ("14:" + prev,))
db.commit()
PY
  run verify yx.db
  expect_status 0  # the file alone cannot tell
  run verify yx.db --head "$head"
  expect_status 1
  grep -qxF "日志头 $head: 不在链上" out || fail "the cut is not reported"
  expect_err_line 1 "fazhi: 校验日志 yx.db: the recorded head $head is gone: the journal ends at entry 14"
  run verify yx.db --head nonsense
  expect_status 2
}

test_verify_checks_keyed_checkpoints_with_the_key_from_the_environment() {
  FAZHI_JOURNAL_KEY="a key of sixteen bytes or more" "$fazhi" init yx.db >/dev/null
  FAZHI_JOURNAL_KEY="a key of sixteen bytes or more" "$fazhi" import yx.db "$sample" >/dev/null
  FAZHI_JOURNAL_KEY="a key of sixteen bytes or more" run verify yx.db
  expect_status 0
  grep -qxF "密钥校验点 1 个: 完好" out || fail "the checkpoints were not checked"
  run verify yx.db
  expect_status 0
  grep -qxF "密钥校验点 1 个: 未校验 (未设 FAZHI_JOURNAL_KEY)" out || fail "unchecked checkpoints not reported"
  FAZHI_JOURNAL_KEY="another key, sixteen bytes long" run verify yx.db
  expect_status 1
  grep -qxF "密钥校验点 1 个: 不符" out || fail "a wrong key was not reported"
  FAZHI_JOURNAL_KEY="short" run verify yx.db
  expect_status 1
  expect_err_line 1 "fazhi: 打开数据库 yx.db: journal_key: expected at least 16 bytes"
}

test_verify_tampered_journal_names_the_first_bad_entry() {
  sample_db
  # Change one stored entry behind the library's back, as a forger would.
  python3 - <<'PY'
import sqlite3
db = sqlite3.connect("yx.db")
for (trigger,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'journal'").fetchall():
    db.execute(f'DROP TRIGGER "{trigger}"')
# Actors are stored as codes of journal_name: entry 3 gets another one.
db.execute("INSERT INTO journal_name (name) VALUES ('forged')")
db.execute("UPDATE journal SET actor = (SELECT id FROM journal_name WHERE name = 'forged') WHERE seq = 3")
db.commit()
PY
  run verify yx.db
  expect_status 1
  [[ $(sed -n 1,2p out) == $'日志 15 条: 从第 3 条起不符\n记录 15 条: 与日志相符' ]] || fail "stdout differs"
  expect_err_lines 1
  expect_err_line 1 "fazhi: 校验日志 yx.db: 第 3 条不符"
}

# --- units ------------------------------------------------------------------

test_units_prints_the_tree_indented_with_chinese_kinds() {
  sample_db
  run units yx.db
  expect_status 0
  expect_out "$sample_tree"
  expect_no_err
}

test_units_of_one_unit() {
  sample_db
  run units yx.db --unit yx-kfq-c03
  expect_status 0
  expect_out "白沙社区  社区  yx-kfq-c03"
}

test_units_unknown_unit_exits_1() {
  sample_db
  run units yx.db --unit yx-kfq-v99
  expect_status 1
  expect_no_out
  expect_err "fazhi: 没有编码或名称为“yx-kfq-v99”的单位；您是否要找：yx-kfq-v01（青石村）、yx-kfq-v02（桂花岭村）、yx-kfq-v03（柳塘村）"
  # A near miss names the nearest units; a unique name stands for its key.
  run units yx.db --unit 阳新经济开发区
  expect_status 1
  expect_err "fazhi: 没有编码或名称为“阳新经济开发区”的单位；您是否要找：yx-kfq（阳新经济开发区管委会）、yx-kfq-dzb（阳新经济开发区党政办）"
  run units yx.db --unit 阳新经济开发区管委会
  expect_status 0
  [[ $(head -n 1 out) == *"yx-kfq" ]] || fail "the unit's name did not stand for its key"
}

test_units_of_an_empty_database() {
  "$fazhi" init yx.db >/dev/null
  run units yx.db
  expect_status 0
  expect_no_out
  expect_err "(数据库中还没有单位; 用 fazhi import 导入)"
}

# --- calendar ---------------------------------------------------------------
# 2022: National Day off 10-01..10-07, make-up working days Sat 10-08, Sun 10-09.

test_calendar_add_working_days_skips_the_holiday() {
  run calendar add-working-days 2022-09-30 1
  expect_status 0
  expect_out "2022-10-08"
  expect_no_err
}

test_calendar_add_negative_working_days_counts_back() {
  run calendar add-working-days 2022-10-08 -1
  expect_status 0
  expect_out "2022-09-30"
}

test_calendar_working_days_between() {
  run calendar working-days 2022-09-30 2022-10-09
  expect_status 0
  expect_out "2"
  run calendar working-days 2022-10-09 2022-09-30
  expect_status 0
  expect_out "-2"
}

test_calendar_is_working_day() {
  run calendar is-working-day 2022-10-08
  expect_status 0
  expect_out "工作日"
  run calendar is-working-day 2022-10-01
  expect_status 0
  expect_out "休息日"
}

test_calendar_bad_date_exits_2() {
  run calendar is-working-day 2022-13-01
  expect_status 2
  expect_no_out
  expect_err_lines 1
  expect_err_line 1 "fazhi: 判断 2022-13-01 是否工作日: "
}

test_calendar_year_without_schedule_exits_2() {
  run calendar add-working-days 1990-01-02 3
  expect_status 2
  expect_no_out
  expect_err_line 1 "fazhi: 计算 1990-01-02 加 3 个工作日: "
  grep -q 1990 err || fail "the message does not name the year"
}

test_calendar_year_without_a_notice_is_answered_provisionally() {
  # 2027 has no schedule built in: 5-10 February 2027 rest by the provisional
  # rule (春节 除夕 to 初三, two weekend days made up), so the answer is the 11th,
  # and stderr says it is provisional and how to load the notice.
  run calendar add-working-days 2027-02-04 1
  expect_status 0
  expect_out "2027-02-11"
  expect_err_lines 1
  grep -q "2027年的节假日安排尚未载入" err || fail "no provisional note"
  grep -q "fazhi calendar load DB FILE" err || fail "the note does not name the command"
}

test_calendar_load_and_years() {
  sample_db
  printf '%s\n' "$(unit xian 某县 government)" > units.ndjson
  printf '%s\n' '{"record": "petition", "key": "p1", "unit": "yx-kfq", "received": "2026-12-20"}' > p.ndjson
  "$fazhi" import yx.db p.ndjson >/dev/null
  run calendar years yx.db
  expect_status 0
  expect_out "国务院公布 (内置): 2004-2026
其他年份至 2099 年: 暂定, 按全国年节及纪念日放假办法 第二条、第六条推算
2027 年: 1 条记录的期限按暂定安排计算, 待载入该年安排后重算"
  printf 'date,kind,holiday,schedule_year\n2027-01-01,off,元旦,2027\n2027-01-04,off,元旦,2027\n' > 2027.csv
  run calendar load yx.db 2027.csv
  expect_status 0
  expect_no_err
  expect_out "2027.csv: 载入 2027 年节假日安排 2 天, 重算 1 条记录的期限"
  run calendar years yx.db
  expect_out "国务院公布 (内置): 2004-2026
国务院公布 (已载入): 2027
其他年份至 2099 年: 暂定, 按全国年节及纪念日放假办法 第二条、第六条推算"
  # The loaded notice is used with --db: 4 January is off.
  run calendar is-working-day 2027-01-04 --db yx.db
  expect_status 0
  expect_no_err
  expect_out "休息日"
}

test_calendar_load_refuses_a_bad_line_by_number() {
  sample_db
  printf 'date,kind,holiday,schedule_year\n2027-01-01,off,元旦,2027\n2027-01-32,off,元旦,2027\n' > bad.csv
  run calendar load yx.db bad.csv
  expect_status 1
  expect_no_out
  expect_err_line 1 "fazhi: 载入节假日安排 bad.csv: "
  grep -q "line 3" err || fail "the message does not name line 3"
  run calendar years yx.db
  grep -q "已载入" out && fail "a refused schedule was stored"
  true
}

test_calendar_non_numeric_count_exits_2() {
  run calendar add-working-days 2022-09-30 three
  expect_status 2
  expect_no_out
  expect_err_line 1 "fazhi: 用法错误: "
}

# --- rates ------------------------------------------------------------------

# 250132 of 250134 officials studied (99.9992%) and 1 of 250134 passed the
# exam (0.0004%): neither may be written as 100% or 0%, in the table, the CSV
# or the report.
rates_db() {
  "$fazhi" init t.db >/dev/null
  {
    unit zone 开发区管委会 zone_committee
    echo '{"record": "training_campaign", "key": "t1", "unit": "zone", "title": "无纸化学法", "kind": "online_learning", "audience": "officials", "start": "2022-01-04", "end": "2022-12-30", "expected": 250134, "attended": 250132}'
    echo '{"record": "training_campaign", "key": "t2", "unit": "zone", "title": "学法考试", "kind": "exam", "audience": "officials", "start": "2022-11-20", "end": "2022-11-20", "expected": 250134, "exam_taken": 250134, "exam_passed": 1, "exam_excellent": 0}'
  } >t.ndjson
  "$fazhi" import t.db t.ndjson >/dev/null
}
rate_codes=(--code training.participation_rate --code training.exam_participation_rate
            --code training.exam_pass_rate --code training.exam_excellent_rate)

test_rates_table_is_100_or_0_only_when_exact() {
  rates_db
  run indicators t.db --unit zone --period 2022 "${rate_codes[@]}"
  expect_status 0
  expect_no_err
  expect_out "zone 2022（2022-01-01 至 2022-12-31）
指标        数值      分子/分母      代码
参学率      99.9992%  250132/250134  training.participation_rate
参考率      100.0%    250134/250134  training.exam_participation_rate
考试合格率  0.0004%   1/250134       training.exam_pass_rate
优秀率      0.0%      0/250134       training.exam_excellent_rate"
  run explain t.db training.participation_rate --unit zone --period 2022
  expect_status 0
  [[ $(head -n 1 out) == "参学率（training.participation_rate）: 99.9992%" ]] || fail "explain rounds the rate"
}

test_explain_lists_the_records_kept_out_of_the_numerator_first() {
  "$fazhi" init yx.db >/dev/null
  "$fazhi" import yx.db "$sample_dir/org_units.ndjson" "$sample_dir/mediation.ndjson" >/dev/null
  run explain yx.db mediation.success_rate --unit yx-kfq --period 2022
  expect_status 0
  expect_no_err
  [[ $(sed -n 1,4p out) == "调解成功率（mediation.success_rate）: 98.5%
计入分母但未计入分子的矛盾纠纷调解案件（2）:
  yx-mc-2022-039  受理日期：2022-04-11；案件来源：当事人申请；纠纷类型：房屋宅基地纠纷；结案日期：2022-04-22；调解结果：调解不成
  yx-mc-2022-103  受理日期：2022-10-17；案件来源：人民法院委派；纠纷类型：合同纠纷；结案日期：2022-10-28；调解结果：调解不成" ]] ||
    fail "explain does not start with the two cases that failed, said in Chinese"
  grep -qxF "分子 调解成功（132）:" out || fail "explain lacks the numerator"
}

test_import_dry_run_lists_each_line_and_writes_nothing() {
  sample_db
  "$fazhi" import yx.db "$sample_dir/mediation.ndjson" >/dev/null
  "$fazhi" verify yx.db > before.txt
  { grep -m1 '"key": "yx-mc-2022-001"' "$sample_dir/mediation.ndjson" | sed 's/"case_number": "[^"]*", //'
    printf '%s\n' '{"record": "mediation_case", "key": "dry-1", "committee": "yx-mcom-v01", "received": "2022-05-01", "category": "other"}'
  } > change.ndjson
  run import yx.db change.ndjson --dry-run
  expect_status 0
  expect_out "change.ndjson:1: 更新 mediation_case yx-mc-2022-001
change.ndjson:2: 新增 mediation_case dry-1
change.ndjson: 试导入（未写入）读取 2 行，新增 1，更新 1，未变 0，拒绝 0"
  grep -qF "change.ndjson:1: 警告: mediation_case yx-mc-2022-001: clears case_number of a record already acted on" err ||
    fail "the dry run does not warn of the cleared case number"
  "$fazhi" verify yx.db > after.txt
  diff -u before.txt after.txt >&2 || fail "the dry run changed the journal"
  run import yx.db change.ndjson --insert-only
  expect_status 1
  grep -qF "change.ndjson:1: key: mediation_case 'yx-mc-2022-001' exists" err ||
    fail "insert-only does not refuse the existing case by key"
}

test_kinds_and_codes_list_what_exists_in_chinese() {
  run kinds
  expect_status 0
  expect_no_err
  grep -qxE "mediation_case +矛盾纠纷调解案件" out || fail "kinds lacks mediation_case with its name"
  run kinds mediation_case
  expect_status 0
  grep -qxE "agreement +协议形式 +oral 口头协议，written 书面协议" out || fail "kinds mediation_case lacks the agreement codes"
  grep -qxE "case_number +案件编号" out || fail "kinds mediation_case lacks case_number"
  run kinds mediation
  expect_status 2
  expect_err "fazhi: 没有记录类型“mediation”（fazhi kinds 列出全部）"
  run codes
  expect_status 0
  grep -qxE "mediation.success_rate +调解成功率" out || fail "codes lacks the success rate"
}

# The lines as a CSV UTF-8 file holds them: a byte-order mark, CRLF ends.
bom_lines() {
  printf '\xEF\xBB\xBF'
  printf '%s\r\n' "$@"
}

test_rates_csv_carries_every_digit() {
  rates_db
  run indicators t.db --unit zone --period 2022 "${rate_codes[@]}" --format csv
  expect_status 0
  expect_no_err
  # A byte-order mark first and CRLF line ends, as Excel writes CSV UTF-8.
  expect_out "$(bom_lines \
    指标代码,指标,分项,数值,显示值,分子,分母,单位,单位编码,期间,起始日,截止日 \
    training.participation_rate,参学率,,99.99920042857029,99.9992%,250132,250134,开发区管委会,zone,2022,2022-01-01,2022-12-31 \
    training.exam_participation_rate,参考率,,100,100.0%,250134,250134,开发区管委会,zone,2022,2022-01-01,2022-12-31 \
    training.exam_pass_rate,考试合格率,,0.0003997857148568367,0.0004%,1,250134,开发区管委会,zone,2022,2022-01-01,2022-12-31 \
    training.exam_excellent_rate,优秀率,,0,0.0%,0,250134,开发区管委会,zone,2022,2022-01-01,2022-12-31)"
}

# The sample's mediation cases, for indicators with a breakdown.
mediation_db() {
  sample_db
  "$fazhi" import yx.db "$sample_dir/mediation.ndjson" >/dev/null
}
mediation_codes=(--unit yx-kfq --period 2022 --code mediation.success_rate --code mediation.by_category)

test_indicators_csv_has_chinese_headers_breakdown_rows_and_both_values() {
  mediation_db
  run indicators yx.db "${mediation_codes[@]}" --format csv --output ind.csv
  expect_status 0
  expect_out "已写入 ind.csv"
  local tail=阳新经济开发区管委会,yx-kfq,2022,2022-01-01,2022-12-31
  diff -u <(bom_lines \
    指标代码,指标,分项,数值,显示值,分子,分母,单位,单位编码,期间,起始日,截止日 \
    "mediation.success_rate,调解成功率,,98.50746268656717,98.5%,132,134,$tail" \
    "mediation.by_category,矛盾纠纷分类,,136,136,,,$tail" \
    "mediation.by_category[consumer],矛盾纠纷分类,消费纠纷,1,1,,,$tail" \
    "mediation.by_category[contract],矛盾纠纷分类,合同纠纷,10,10,,,$tail" \
    "mediation.by_category[damages],矛盾纠纷分类,损害赔偿纠纷,12,12,,,$tail" \
    "mediation.by_category[environment],矛盾纠纷分类,环境污染纠纷,1,1,,,$tail" \
    "mediation.by_category[housing_homestead],矛盾纠纷分类,房屋宅基地纠纷,10,10,,,$tail" \
    "mediation.by_category[labour],矛盾纠纷分类,劳动争议纠纷,19,19,,,$tail" \
    "mediation.by_category[land_acquisition_demolition],矛盾纠纷分类,征地拆迁纠纷,8,8,,,$tail" \
    "mediation.by_category[land_forest],矛盾纠纷分类,山林土地纠纷,4,4,,,$tail" \
    "mediation.by_category[marriage_family],矛盾纠纷分类,婚姻家庭纠纷,22,22,,,$tail" \
    "mediation.by_category[neighbourhood],矛盾纠纷分类,邻里纠纷,25,25,,,$tail" \
    "mediation.by_category[production_business],矛盾纠纷分类,生产经营纠纷,2,2,,,$tail" \
    "mediation.by_category[property_management],矛盾纠纷分类,物业纠纷,8,8,,,$tail" \
    "mediation.by_category[traffic],矛盾纠纷分类,道路交通事故纠纷,14,14,,,$tail") ind.csv >&2 ||
    fail "ind.csv differs"
  # The table shows the same figures.
  run indicators yx.db "${mediation_codes[@]}"
  grep -qxE "调解成功率 +98.5% +132/134 +mediation.success_rate" out || fail "the table differs from the CSV"
  grep -qxE "  邻里纠纷 +25" out || fail "the table's breakdown differs from the CSV"
}

test_indicators_xlsx_opens_with_numbers_and_is_the_same_bytes_each_time() {
  mediation_db
  run indicators yx.db "${mediation_codes[@]}" --format xlsx
  expect_status 2
  expect_err "fazhi: --format xlsx 需要 --output FILE (Excel 文件不能输出到终端)"
  run indicators yx.db "${mediation_codes[@]}" --format xlsx --output a.xlsx
  expect_status 0
  expect_out "已写入 a.xlsx"
  /usr/bin/python3 - >rows.txt <<'PY'
import openpyxl
sheet = openpyxl.load_workbook("a.xlsx").active
rows = list(sheet.iter_rows(values_only=True))
print(sheet.title)
for row in rows[:3] + [rows[12]]:
    print(repr(row))
PY
  diff -u - rows.txt >&2 <<'ROWS' || fail "the workbook's cells differ"
指标
('指标代码', '指标', '分项', '数值', '显示值', '分子', '分母', '单位', '单位编码', '期间', '起始日', '截止日')
('mediation.success_rate', '调解成功率', None, 98.50746268656717, '98.5%', 132, 134, '阳新经济开发区管委会', 'yx-kfq', '2022', '2022-01-01', '2022-12-31')
('mediation.by_category', '矛盾纠纷分类', None, 136, '136', None, None, '阳新经济开发区管委会', 'yx-kfq', '2022', '2022-01-01', '2022-12-31')
('mediation.by_category[neighbourhood]', '矛盾纠纷分类', '邻里纠纷', 25, '25', None, None, '阳新经济开发区管委会', 'yx-kfq', '2022', '2022-01-01', '2022-12-31')
ROWS
  # Two seconds later (a zip time stamp's step) the same records give the same bytes.
  sleep 2
  "$fazhi" indicators yx.db "${mediation_codes[@]}" --format xlsx --output b.xlsx >/dev/null
  cmp a.xlsx b.xlsx >&2 || fail "the workbook is not the same bytes for the same records"
}

test_form_mediation_xlsx_reads_back_with_merged_headers_totals_and_number_formats() {
  mediation_db
  run form yx.db mediation --unit yx-kfq --period 2022 --format xlsx
  expect_status 2
  expect_err "fazhi: --format xlsx 需要 --output FILE (Excel 文件不能输出到终端)"
  run form yx.db mediation --unit yx-kfq --period 2022 --output m.xlsx
  expect_status 0
  expect_out "已写入 m.xlsx"
  /usr/bin/python3 - >cells.txt <<'PY'
import openpyxl, zipfile
book = openpyxl.load_workbook("m.xlsx")
sheet = book.active
print(sheet.title, book.properties.created)
print(sorted(str(r) for r in sheet.merged_cells.ranges if r.min_row <= 5))
for row in sheet.iter_rows(min_row=1, max_row=5, values_only=True):
    print(repr(row))
for n in (8, 20, 21):
    row = sheet[n]
    print(repr([c.value for c in row]), repr([c.number_format for c in row]), row[0].font.b)
print(sorted({i.date_time for i in zipfile.ZipFile("m.xlsx").infolist()}))
PY
  diff -u - cells.txt >&2 <<'CELLS' || fail "the form's cells differ"
矛盾纠纷排查化解情况统计表 2000-01-01 00:00:00
['A1:H1', 'A2:D2', 'A3:H3', 'A4:A5', 'B4:D4', 'E2:H2', 'E4:E5', 'F4:F5', 'G4:H4']
('矛盾纠纷排查化解情况统计表', None, None, None, None, None, None, None)
('填报单位：阳新经济开发区管委会', None, None, None, '统计期间：2022（2022-01-01至2022-12-31）', None, None, None)
('一、分单位情况', None, None, None, None, None, None, None)
('单位', '矛盾纠纷化解（件）', None, None, '调解成功率', '调解协议涉及金额（元）', '预防效果（件）', None)
(None, '受理', '调结', '调解成功', None, None, '防止群体性事件', '防止民转刑案件')
['青石村', 12, 11, 11, 1, 280900, 0, 0] ['General', '0', '0', '0', '0.0%', '#,##0.00', '0', '0'] False
['阳新经济开发区管委会本级', 29, 29, 29, 1, 5215200, 1, 0] ['General', '0', '0', '0', '0.0%', '#,##0.00', '0', '0'] False
['合计', 136, 134, 132, 0.9850746268656717, 8387000, 2, 0] ['General', '0', '0', '0', '0.0%', '#,##0.00', '0', '0'] True
[(1980, 1, 1, 0, 0, 0)]
CELLS
  # Two seconds later (a zip time stamp's step) the same records give the same bytes.
  sleep 2
  "$fazhi" form yx.db mediation --unit yx-kfq --period 2022 --output b.xlsx >/dev/null
  cmp m.xlsx b.xlsx >&2 || fail "the form is not the same bytes for the same records"
}

test_form_csv_and_host_forms() {
  mediation_db
  run form yx.db mediation --unit yx-kfq --period 2022 --output m.csv
  expect_status 0
  [[ $(head -c 3 m.csv) == $'\xef\xbb\xbf' ]] || fail "the CSV has no byte-order mark"
  grep -qxF $'合计,136,134,132,98.5%,8387000.00,2,0\r' m.csv || fail "the CSV lacks the totals row"
  grep -qxF $'邻里纠纷,25\r' m.csv || fail "the CSV lacks the category rows"
  cat >form.json <<'JSON'
{"code": "custom.villages", "title": "村矛盾纠纷表",
 "parts": [{"rows": {"units": "level", "depth": 1, "kinds": ["village"]},
            "columns": [{"code": "mediation.received", "label": "受理"}]}]}
JSON
  run define-form yx.db form.json --actor 测试
  expect_status 0
  expect_out "已定义统计表 form.json"
  run forms yx.db
  expect_status 0
  grep -qE '^custom\.villages +村矛盾纠纷表 +自定义$' out || fail "forms does not list the host's form"
  run form yx.db custom.villages --unit yx-kfq --period 2022 --format csv
  expect_status 0
  grep -qxF $'其他单位,83\r' out || fail "the host's form lacks its remainder row"
  sed -i 's/mediation.received/mediation.recieved/' form.json
  run define-form yx.db form.json
  expect_status 1
  grep -qF "parts[0].columns[0].code: unknown indicator code 'mediation.recieved' (did you mean 'mediation.received'?)" err ||
    fail "the refusal does not name the field"
  run form yx.db mediaton --unit yx-kfq --period 2022
  expect_status 1
  grep -qF "did you mean 'mediation'" err || fail "an unknown form is not named with the nearest"
}

test_rates_report_is_100_or_0_only_when_exact() {
  rates_db
  run report t.db --unit zone --year 2022
  expect_status 0
  local expected=(
    "干部学法用法：应参学250134人次，参学250132人次，参学率99.9992%，参考率100%，考试合格率0.0004%，优秀率0%。"
    "| 参学率 | training.participation_rate | 250132 | 250134 | 99.9992% |"
    "| 考试合格率 | training.exam_pass_rate | 1 | 250134 | 0.0004% |"
  )
  local line
  for line in "${expected[@]}"; do
    grep -qxF -- "$line" out || fail "the report lacks the line: $line"
  done
  run report t.db --unit zone --year 2022 --format html --output r.html
  expect_status 0
  grep -qF '>99.9992%</text>' r.html || fail "the chart does not label the rate 99.9992%"
  grep -qF '<td class="n">99.9992%</td>' r.html || fail "the HTML table does not show 99.9992%"
}

# --- alerts -----------------------------------------------------------------

# A petition received 2023-09-14 whose 15th day (09-29) falls in the National
# Day holiday: its last day is the make-up working Saturday 2023-10-07.
alerts_db() {
  sample_db
  printf '%s\n' \
    '{"record": "petition", "key": "〔2023〕15号", "unit": "yx-kfq-v01", "received": "2023-09-14", "petitioners": ["王某"]}' \
    '{"record": "petition", "key": "〔2023〕16号", "unit": "yx-kfq", "received": "2023-09-01"}' \
    '{"record": "petition", "key": "〔2023〕16号", "action": "accept", "date": "2023-09-04"}' >p.ndjson
  "$fazhi" import yx.db p.ndjson >/dev/null
}

test_alerts_table_and_json() {
  alerts_db
  run alerts yx.db --unit yx-kfq --as-of 2023-09-27
  expect_status 0
  expect_no_err
  grep -qxF "阳新经济开发区管委会（含下级） 截至 2023-09-27：超期 0 项，今日到期 0 项，临期 1 项" out ||
    fail "no count line"
  grep -qF "信访事项〔2023〕15号应于2023年10月7日前告知是否受理，剩余2个工作日" out || fail "no sentence"
  grep -q "王某" out && fail "a petitioner's name is printed"
  # On the due day of the second one (60 days from 09-04: 11-03), json.
  run alerts yx.db --unit 阳新经济开发区管委会 --as-of 2023-11-03 --format json
  expect_status 0
  /usr/bin/python3 - <<'PY' || fail "json answer"
import json
a = json.load(open("out"))
assert a["counts"] == {"overdue": 1, "due": 1, "upcoming": 0}, a["counts"]
assert [(i["key"], i["status"], i["due"]) for i in a["items"]] == [
    ("〔2023〕15号", "overdue", "2023-10-07"), ("〔2023〕16号", "due", "2023-11-03")], a["items"]
PY
  run alerts yx.db --unit yx-kfq --as-of 2023-13-01
  expect_status 2
  expect_err_line 1 "fazhi: 查询期限提醒: "
}

test_alerts_ics_is_read_back_by_python_icalendar() {
  alerts_db
  run alerts yx.db --unit yx-kfq --as-of 2023-10-07 --horizon 40 --format ics
  expect_status 0
  expect_no_err
  cp out before.ics
  # An extension moves the conclusion deadline; its event keeps its UID.
  printf '%s\n' '{"record": "petition", "key": "〔2023〕16号", "action": "extend", "date": "2023-10-30", "days": 30}' >x.ndjson
  "$fazhi" import yx.db x.ndjson >/dev/null
  run alerts yx.db --unit yx-kfq --as-of 2023-10-07 --horizon 60 --format ics
  expect_status 0
  cp out after.ics
  /usr/bin/python3 - <<'PY' || fail "the iCalendar file does not read back"
import datetime
import icalendar

def events(path):
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    assert str(cal["VERSION"]) == "2.0"
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}

before = events("before.ics")
accept = before["petition.acceptance_15_days/〔2023〕15号@fazhi"]
assert accept.decoded("DTSTART") == datetime.date(2023, 10, 7), accept.decoded("DTSTART")
assert accept.decoded("DTEND") == datetime.date(2023, 10, 8)
assert str(accept["SUMMARY"]) == "信访事项〔2023〕15号应于2023年10月7日前告知是否受理，今日到期", str(accept["SUMMARY"])
assert "信访工作条例" in str(accept["DESCRIPTION"])
conclude_uid = "petition.conclusion_60_days/〔2023〕16号@fazhi"
# 60 days from 09-04: 11-03; with 30 more: 12-03, a Sunday, so 12-04.
assert before[conclude_uid].decoded("DTSTART") == datetime.date(2023, 11, 3)
after = events("after.ics")
assert set(after) == set(before), (set(after), set(before))
assert after[conclude_uid].decoded("DTSTART") == datetime.date(2023, 12, 4), after[conclude_uid].decoded("DTSTART")
PY
}

# --- the sample run ---------------------------------------------------------

test_example_yangxin_2022_runs_end_to_end() {
  # run.sh expects a build tree; give it one that holds this fazhi, so the
  # database lands in this test's directory.
  mkdir -p build/src/cli
  ln -s "$fazhi" build/src/cli/fazhi
  set +e
  bash "$sample_dir/run.sh" build >out 2>err
  status=$?
  set -e
  expect_status 0
  # Nothing on stderr but import progress, which a file taking more than a
  # second prints (a sanitizer build on a busy machine does).
  if grep -v '^导入 .*: [0-9]* 行, [0-9]* 行/秒, [0-9]*%$' err >&2; then
    fail "stderr holds more than import progress"
  fi
  # Every file imported without a rejected line, and the seed report's figures.
  local expected=(
    "已创建数据库: build/yangxin-2022.db"
    "$sample_dir/org_units.ndjson: 读取 15 行，新增 15，更新 0，未变 0，拒绝 0"
    "$sample_dir/mediation.ndjson: 读取 316 行，新增 149，更新 0，未变 0，动作 167，拒绝 0"
    "调解成功率                      98.5%         132/134    mediation.success_rate"
    "非正常死亡纠纷数                5                        mediation.unnatural_death"
    "涉案金额较大纠纷数              3                        mediation.large_amount"
    "防止群体性事件数                2                        mediation.mass_incidents_prevented"
    "化解信访问题数                  108                      petition.resolved"
    "落实司法救助和执行款            1000000.00元             petition.funds_secured_yuan"
    "法律顾问覆盖率                  100.0%        13/13      adviser.coverage"
    "法律顾问服务时长                826.5小时                adviser.service_hours"
    "参学率                          100.0%        68/68      training.participation_rate"
    "参考率                          100.0%        68/68      training.exam_participation_rate"
    "优秀率                          100.0%        68/68      training.exam_excellent_rate"
    "行政诉讼案件数                  0                        litigation.cases"
    "问题 0 条"
    "阳新经济开发区管委会（含下级） 截至 2022-12-20：超期 0 项，今日到期 0 项，临期 2 项"
    "日志 1091 条: 完好"
    "记录 670 条: 与日志相符"
    "已写入 build/yangxin-2022.html"
    "已写入 build/yangxin-2022.docx"
    "已写入 build/yangxin-2022-mediation.xlsx"
    "# 阳新经济开发区管委会2022年法治政府建设年度报告"
    "需配备法律顾问的13个单位中，13个已聘请法律顾问，覆盖率100%，实现法律顾问全覆盖。"
    "全年法律顾问服务826.5小时，提供法律服务224次，其中坐班值守144次、法律咨询24次、合同审查14次、文件审查10次、法治讲座10次、参与调解6次、参与信访6次、参与诉讼4次、风险评估4次、决策审查2次。"
    "全年受理矛盾纠纷136起，调结134起，其中调解成功132起，调解成功率98.5%；受理的纠纷以邻里纠纷25起、婚姻家庭纠纷22起、劳动争议纠纷19起居多。"
    "受理的纠纷中有非正常死亡纠纷5起、涉案金额50万元以上纠纷3起；通过调解防止群体性事件2起；调解协议涉及金额838.7万元。"
    "受理信访事项112件，按期受理率100%；办结108件，按期办结率100%；化解信访问题108件，其中化解信访积案1件；落实司法救助和执行款100万元；领导接访下访24次。"
    "干部学法用法：应参学68人次，参学68人次，参学率100%，参考率100%，考试合格率100%，优秀率100%。"
    "全年未发生行政诉讼和行政复议案件。"
    "对合同、协议等其他文件开展合法性审查3件（行政协议1件、合同1件、执法决定1件）；提出意见建议11条；发现问题5个，已纠正5个，纠正率100%；审查合同涉及金额86万元。"
    "办理行政许可4件，其中实行告知承诺制1件；平均办理4.5个工作日；有承诺办结时限的4件中按时办结4件，按时办结率100%。"
    "运用提示函告诫、约谈、首违不罚轻微免罚等柔性执法措施3件（首违不罚轻微免罚1件、约谈1件、提示函告诫1件）。"
    "制定发布规范性文件2件；经合法性审核2件，审核率100%；报送备案2件，报备率100%，其中按时报送备案2件，按时备案率100%。"
    "规范性文件经备案审查2件，符合规定2件，合格率100%。"
    "开展规范性文件清理1次，清理文件9件，其中保留7件、修改1件、废止1件。"
    "受理行政争议协调化解案件3件，办结2件，实质化解或补救后胜诉2件，化解率100%；召开行政争议协调化解会议1次；3个单位参与协调化解。"
  )
  local line
  for line in "${expected[@]}"; do
    if ! grep -qxF -- "$line" out; then
      fail "run.sh output lacks the line: $line"
    fi
  done
  if grep -q "拒绝 [1-9]" out; then
    fail "a sample file had rejected lines"
  fi
  # The zone's open deadlines as of 2022-12-20: a written agreement of 11-22
  # whose 30 days for judicial confirmation end on Thursday 12-22 (12-21 and
  # 12-22 left), and a certificate valid to Saturday 2023-01-14 (12-21..23,
  # 12-26..30, then 元旦 to 01-02, 01-03..06 and 01-09..13: 17 working days).
  grep -qF "矛盾纠纷调解案件yx-mc-2022-120可于2022年12月22日前申请司法确认，剩余2个工作日" out ||
    fail "run.sh output lacks the confirmation alert"
  grep -qF "行政执法人员yx-eo-01的执法证件有效期至2023年1月14日，剩余17个工作日" out ||
    fail "run.sh output lacks the certificate alert"
  grep -q '<svg' build/yangxin-2022.html || fail "the HTML report has no chart"
  # A zip package (PK\3\4) whose first part is the content types.
  [[ "$(head -c 49 build/yangxin-2022.docx | tail -c 19)" == "[Content_Types].xml" ]] ||
    fail "build/yangxin-2022.docx is not a Word package"
  [[ $(head -c 2 build/yangxin-2022-mediation.xlsx) == PK ]] || fail "the mediation form is not an XLSX file"
  grep -qxE '日志头: 1091:[0-9a-f]{64}' out || fail "run.sh output lacks the journal head"
  grep -qE '^全过程记录校验码：1091:[0-9a-f]{64}（本报告依据的记录，其全过程记录截至第1091条' out ||
    fail "the report lacks its 全过程记录校验码"
}

test_report_formats_and_errors() {
  sample_db
  run report yx.db --unit yx-kfq --year 2022 --format json
  expect_status 0
  expect_no_err
  grep -qF '"title": "阳新经济开发区管委会2022年法治政府建设年度报告"' out || fail "json report lacks its title"
  run report yx.db --unit yx-kfq --year 2022 --format html --output report.html
  expect_status 0
  expect_out "已写入 report.html"
  grep -qF '<h1 class="keep-with-next">阳新经济开发区管委会2022年法治政府建设年度报告</h1>' report.html || fail "html report lacks its title"
  run report yx.db --unit nowhere --year 2022
  expect_status 1
  grep -qF "nowhere" err || fail "the error does not name the unit"
  run report yx.db --unit yx-kfq --year 2022 --format pdf
  expect_status 2
  # docx is binary: only to a file, which the library writes.
  run report yx.db --unit yx-kfq --year 2022 --format docx
  expect_status 2
  expect_no_out
  grep -qF -- "--output" err || fail "docx without --output does not ask for it"
  run report yx.db --unit yx-kfq --year 2022 --format docx --output yx.db
  expect_status 2
  grep -qF "open database" err || fail "docx onto the database was not refused"
  run report yx.db --unit yx-kfq --year 2022 --format docx --output r.docx --issuer 开发区管委会 --date 2023-01-15
  expect_status 0
  expect_out "已写入 r.docx"
  [[ -s r.docx ]] || fail "r.docx was not written"
  run report yx.db --unit yx-kfq --year 2022 --date 2023-02-30
  expect_status 2
  grep -qF "date" err || fail "a bad --date is not named"
  # A year not yet begun takes --future-year.
  local next=$(( $(TZ=Asia/Shanghai date +%Y) + 1 ))
  run report yx.db --unit yx-kfq --year "$next"
  expect_status 2
  grep -qF "future_year" err || fail "the refusal of year $next does not name the option"
  run report yx.db --unit yx-kfq --year "$next" --future-year
  expect_status 0
  grep -qF "${next}年法治政府建设年度报告" out || fail "the report for $next lacks its title"
}

# --- spreadsheets -------------------------------------------------------------

xlsx_fixture=${FAZHI_XLSX_FIXTURE:-}

# A database with the sample's units and one mediation committee, mc1.
committee_db() {
  sample_db
  echo '{"record": "mediation_committee", "key": "mc1", "unit": "yx-kfq-v01", "name": "青石村人民调解委员会", "established": "2015-03-06"}' >mc.ndjson
  "$fazhi" import yx.db mc.ndjson >/dev/null
}

# field_of KIND KEY FIELD: the field of a stored record as JSON ("absent" if
# the record lacks it, "no record" if there is none).
field_of() {
  "$fazhi" export yx.db stored.ndjson --kind "$1" >/dev/null
  /usr/bin/python3 - "$2" "$3" <<'PY'
import json, sys
key, field = sys.argv[1], sys.argv[2]
for line in open("stored.ndjson", encoding="utf-8"):
    record = json.loads(line)
    if record.get("key") == key:
        print(json.dumps(record[field], ensure_ascii=False) if field in record else "absent")
        break
else:
    print("no record")
PY
}

expect_field() {  # expect_field KIND KEY FIELD JSON
  local got
  got=$(field_of "$1" "$2" "$3")
  [[ $got == "$4" ]] || fail "$1 $2 $3 is $got, expected $4"
}

test_import_csv_with_bom_chinese_headers_labels_and_quoted_fields() {
  committee_db
  {
    printf '\xEF\xBB\xBF编号,人民调解委员会,受理日期,纠纷类型,涉案金额,非正常死亡纠纷,案件编号,当事人\r\n'
    printf 'c1,mc1,2022/3/5,劳动争议纠纷,1234.5,是,"青调,2022,1号","[{""name"": ""张三"", ""role"": ""applicant""}]"\r\n'
    printf '\r\n'
    printf 'c2,mc1,2022年4月1日,neighbourhood,,否,"第2号\r\n补记",\r\n'
  } >矛盾纠纷调解案件.csv
  run import yx.db 矛盾纠纷调解案件.csv
  expect_status 0
  expect_no_err
  expect_out "矛盾纠纷调解案件.csv: 读取 2 行，新增 2，更新 0，未变 0，拒绝 0"
  expect_field mediation_case c1 received '"2022-03-05"'
  expect_field mediation_case c1 category '"labour"'
  expect_field mediation_case c1 amount_yuan '"1234.50"'
  expect_field mediation_case c1 unnatural_death 'true'
  expect_field mediation_case c1 case_number '"青调,2022,1号"'
  expect_field mediation_case c1 parties '[{"name": "张三", "role": "applicant"}]'
  expect_field mediation_case c2 received '"2022-04-01"'
  expect_field mediation_case c2 case_number '"第2号\r\n补记"'
  expect_field mediation_case c2 amount_yuan absent
  expect_field mediation_case c2 unnatural_death 'false'
  # The same file again changes nothing.
  run import yx.db 矛盾纠纷调解案件.csv
  expect_out "矛盾纠纷调解案件.csv: 读取 2 行，新增 0，更新 0，未变 2，拒绝 0"
}

test_import_csv_without_bom_takes_the_kind_from_a_record_column() {
  committee_db
  printf 'record,key,committee,received,category\nmediation_case,c1,mc1,2022-03-05,other\n矛盾纠纷调解案件,c2,mc1,2022-03-06,labour\n' >data.csv
  run import yx.db data.csv
  expect_status 0
  expect_out "data.csv: 读取 2 行，新增 2，更新 0，未变 0，拒绝 0"
  expect_field mediation_case c2 category '"labour"'
  # Without a record column, a file name that names no kind is refused.
  printf 'key,committee,received,category\nc3,mc1,2022-03-05,other\n' >cases.csv
  run import yx.db cases.csv
  expect_status 1
  expect_err_line 1 "fazhi: cases.csv: 无法确定记录类型: 文件名“cases”不是记录类型的代码或名称"
  expect_field mediation_case c3 key 'no record'
}

test_import_csv_in_gbk_is_refused_with_a_hint() {
  committee_db
  printf '编号,人民调解委员会,受理日期,纠纷类型\nc1,mc1,2022-03-05,劳动争议纠纷\n' | iconv -f UTF-8 -t GB18030 >mediation_case.csv
  run import yx.db mediation_case.csv
  expect_status 1
  expect_no_out
  expect_err "fazhi: mediation_case.csv: 不是 UTF-8 编码, 看来是 GBK/GB18030 (Excel 的 \"CSV (逗号分隔)\" 或记事本的 \"ANSI\")。请在 Excel 中另存为 \"CSV UTF-8 (逗号分隔)\", 或用 iconv -f GB18030 -t UTF-8 转换后再导入; 也可直接导入 .xlsx 文件"
  expect_field mediation_case c1 key 'no record'
}

test_import_csv_rejected_rows_name_row_and_column() {
  committee_db
  printf 'key,committee,received,纠纷类型\nc1,mc1,2022-03-05,labour\nc2,mc1,2022-03-06,抢劫纠纷\n"c3",mc1,2022-13-01,other\n' >mediation_case.csv
  run import yx.db mediation_case.csv
  expect_status 1
  expect_out "mediation_case.csv: 读取 3 行，新增 1，更新 0，未变 0，拒绝 2"
  expect_err_lines 2
  expect_err_line 1 "mediation_case.csv 第 3 行 D 列“纠纷类型”: "
  expect_err_line 2 "mediation_case.csv 第 4 行 C 列“received”: "
  expect_field mediation_case c1 category '"labour"'
  expect_field mediation_case c2 key 'no record'
  expect_field mediation_case c3 key 'no record'
  # A dry run lists each row by its row number and writes nothing.
  printf 'key,committee,received,category\nc1,mc1,2022-03-05,labour\nc9,mc1,2022-03-07,other\n' >mediation_case.csv
  run import yx.db mediation_case.csv --dry-run
  expect_status 0
  expect_out "mediation_case.csv 第 2 行: 未变 mediation_case c1
mediation_case.csv 第 3 行: 新增 mediation_case c9
mediation_case.csv: 试导入（未写入）读取 2 行，新增 1，更新 0，未变 1，拒绝 0"
  expect_field mediation_case c9 key 'no record'
  run import yx.db mediation_case.csv --insert-only
  expect_status 1
  expect_err_line 1 "mediation_case.csv 第 2 行 A 列“key”: "
}

test_import_csv_refuses_bad_headers_and_quotes_before_importing() {
  committee_db
  printf 'key,committee,received,category,备注\nc1,mc1,2022-03-05,labour,x\n' >mediation_case.csv
  run import yx.db mediation_case.csv
  expect_status 1
  expect_err "fazhi: mediation_case.csv E 列表头“备注”: 不是 mediation_case (矛盾纠纷调解案件) 的字段 (fazhi kinds mediation_case 列出字段)"
  printf 'key,committee,received,category,结案日期\nc1,mc1,2022-03-05,labour,2022-03-09\n' >mediation_case.csv
  run import yx.db mediation_case.csv
  expect_status 1
  expect_err "fazhi: mediation_case.csv E 列表头“结案日期”: closed 由动作设置或由系统计算, 不能在表格中导入 (动作请用 NDJSON 导入)"
  printf 'key,committee,received,category\nc1,mc1,2022-03-05,"labour\nc2,mc1,2022-03-05,other\n' >mediation_case.csv
  run import yx.db mediation_case.csv
  expect_status 1
  expect_err "fazhi: mediation_case.csv 第 2 行 D 列: 引号没有结束"
  expect_field mediation_case c1 key 'no record'
}

test_import_xlsx_sheets_with_date_cells_numbers_and_labels() {
  committee_db
  printf '%s\n' 'sheet 人民调解委员会' \
    $'s:编号\ts:所属单位\ts:名称\ts:成立日期\ts:调解员人数' \
    $'s:mc2\ts:yx-kfq-v02\ts:桂花岭村人民调解委员会\td:2016-08-15\tn:6' \
    'sheet Sheet2' \
    'sheet mediation_case' \
    $'s:key\ts:committee\ts:received\ts:category\ts:amount_yuan\ts:unnatural_death\ts:case_number' \
    $'s:x1\ts:mc2\tc:2022-03-05\ts:劳动争议纠纷\tn:1234.5\tb:1\tn:2022001' \
    $'s:x2\ts:mc2\tt:2022-04-01\ts:other\t\tb:0\ts:青调〔2022〕2号' \
    '' \
    $'s:x3\ts:mc2\ts:2022/5/6\ts:邻里纠纷' | "$xlsx_fixture" cases.xlsx
  run import yx.db cases.xlsx
  expect_status 0
  expect_no_err
  expect_out "cases.xlsx 工作表“人民调解委员会”: 读取 1 行，新增 1，更新 0，未变 0，拒绝 0
cases.xlsx 工作表“mediation_case”: 读取 3 行，新增 3，更新 0，未变 0，拒绝 0"
  expect_field mediation_committee mc2 established '"2016-08-15"'
  expect_field mediation_committee mc2 members '6'
  expect_field mediation_case x1 received '"2022-03-05"'
  expect_field mediation_case x1 category '"labour"'
  expect_field mediation_case x1 amount_yuan '"1234.50"'
  expect_field mediation_case x1 unnatural_death 'true'
  expect_field mediation_case x1 case_number '"2022001"'
  expect_field mediation_case x2 received '"2022-04-01"'
  expect_field mediation_case x2 case_number '"青调〔2022〕2号"'
  expect_field mediation_case x3 received '"2022-05-06"'
  expect_field mediation_case x3 category '"neighbourhood"'
}

test_import_xlsx_rejected_cells_name_sheet_row_and_column() {
  committee_db
  printf '%s\n' 'sheet 矛盾纠纷调解案件' \
    $'s:编号\ts:人民调解委员会\ts:受理日期\ts:纠纷类型' \
    $'s:x1\ts:mc1\td:2022-03-05\ts:labour' \
    $'s:x2\ts:mc1\td:2022-03-06\ts:抢劫纠纷' \
    $'s:x3\ts:mc9\td:2022-03-07\ts:other' | "$xlsx_fixture" cases.xlsx
  run import yx.db cases.xlsx
  expect_status 1
  expect_out "cases.xlsx 工作表“矛盾纠纷调解案件”: 读取 3 行，新增 1，更新 0，未变 0，拒绝 2"
  expect_err_lines 2
  expect_err_line 1 "cases.xlsx 工作表“矛盾纠纷调解案件” 第 3 行 D 列“纠纷类型”: "
  expect_err_line 2 "cases.xlsx 工作表“矛盾纠纷调解案件” 第 4 行 B 列“人民调解委员会”: "
  expect_field mediation_case x2 key 'no record'
  expect_field mediation_case x3 key 'no record'
}

# make_xlsx OUT SHEET_XML [PAD [CHAR]]: a workbook of one sheet,
# mediation_case, whose XML is SHEET_XML with @PAD@ replaced by PAD copies of
# CHAR (a space by default), packed as they are written: a few hundred KiB
# for 129 MiB.
make_xlsx() {
  /usr/bin/python3 - "$1" "$2" "${3:-0}" "${4:- }" <<'PY'
import sys, zipfile
out, sheet, pad, char = sys.argv[1], sys.argv[2].encode(), int(sys.argv[3]), sys.argv[4].encode()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml",
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="mediation_case" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels",
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>')
    head, _, tail = sheet.partition(b"@PAD@")
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
        w.write(head)
        block = char * (1 << 20)
        while pad > 0:
            w.write(block[:pad])
            pad -= len(block)
        w.write(tail)
PY
}

test_import_xlsx_bounds_what_a_zip_bomb_or_a_huge_sheet_would_take() {
  committee_db
  # 129 MiB of XML, a few hundred KiB packed.
  make_xlsx bomb.xlsx '<worksheet><sheetData>@PAD@</sheetData></worksheet>' $((129 << 20))
  [[ $(stat -c %s bomb.xlsx) -lt 1000000 ]] || fail "the bomb is not small"
  run import yx.db bomb.xlsx
  expect_status 1
  expect_err "fazhi: bomb.xlsx: xl/worksheets/sheet1.xml 解压后超过 128 MiB, 不予读取 (工作表过大, 或不是正常的 Excel 文件)"
  make_xlsx rows.xlsx '<worksheet><sheetData><row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
  run import yx.db rows.xlsx
  expect_status 1
  expect_err "fazhi: rows.xlsx: 工作表“mediation_case” 超过 1048576 行"
  make_xlsx cell.xlsx '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>@PAD@</t></is></c></row></sheetData></worksheet>' 131069 x
  run import yx.db cell.xlsx
  expect_status 1
  expect_err "fazhi: cell.xlsx: 工作表“mediation_case” A1: 单元格超过 131068 字节"
  # Inline strings and a cell without a reference are read as Excel writes them.
  make_xlsx inline.xlsx '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>key</t></is></c><c t="inlineStr"><is><t>committee</t></is></c><c t="inlineStr"><is><t>received</t></is></c><c t="inlineStr"><is><r><t>cate</t></r><r><t>gory</t></r></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>i1</t></is></c><c r="B3" t="str"><v>mc1</v></c><c r="C3" t="inlineStr"><is><t>2022-03-05</t></is></c><c r="D3" t="inlineStr"><is><t>其他纠纷</t></is></c></row></sheetData></worksheet>'
  run import yx.db inline.xlsx
  expect_status 0
  expect_out "inline.xlsx 工作表“mediation_case”: 读取 1 行，新增 1，更新 0，未变 0，拒绝 0"
  expect_field mediation_case i1 category '"other"'
}

# ----------------------------------------------------------------------------

if [[ $(type -t "test_$name") != function ]]; then
  echo "no such test: $name" >&2
  exit 2
fi
"test_$name"
echo "ok: $name"
