#!/usr/bin/env bash
# run_fuzzer.sh — runs one libFuzzer harness of tests/fuzz for a fixed time,
# for ctest (a short run: FAZHI_FUZZ_SECONDS) and for a developer (hours).
#
# Usage: run_fuzzer.sh HARNESS SEED_DIR WORK_DIR SECONDS fresh|keep [libFuzzer option...]
#   fresh  WORK_DIR/corpus and WORK_DIR/artifacts start empty, so that every
#          ctest run is the same test: the checked-in seeds and what the run
#          finds from them;
#   keep   WORK_DIR/corpus is kept and grows: a long run picks up where the
#          last one stopped.
# The seeds are read, never written; new inputs go to WORK_DIR/corpus. The
# whole log is WORK_DIR/fuzz.log; the last lines give the number of runs. An
# input that breaks an invariant, crashes or trips a sanitizer is saved in
# WORK_DIR/artifacts/ and the script exits non-zero, printing the end of the
# log and how to replay the input. Options after `fresh|keep` go to libFuzzer,
# e.g. -jobs=2 -workers=2 for two processes, -max_len=65536 for longer inputs.
#
# A long run by hand, e.g. four hours of the report harness:
#   tests/fuzz/run_fuzzer.sh build/tests/fuzz/report_fuzz tests/fuzz/corpus/report \
#       /var/tmp/fuzz-report 14400 keep
set -euo pipefail

if [[ $# -lt 5 ]]; then
  echo "usage: $0 HARNESS SEED_DIR WORK_DIR SECONDS fresh|keep [libFuzzer option...]" >&2
  exit 2
fi
harness=$1 seeds=$2 work=$3 seconds=$4 mode=$5
shift 5
case $mode in
  fresh) rm -rf "$work/corpus" "$work/artifacts" ;;
  keep) ;;
  *) echo "$0: expected fresh or keep, not $mode" >&2; exit 2 ;;
esac
mkdir -p "$work/corpus" "$work/artifacts"
name=$(basename "$harness")

# -timeout: an input running this long is a hang (the slowest harness takes a
# few hundred milliseconds per input under the sanitizers).
status=0
"$harness" -max_total_time="$seconds" -timeout=60 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$@" "$work/corpus" "$seeds" >"$work/fuzz.log" 2>&1 || status=$?

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log" | tail -n 1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/fuzz.log" | tail -n 1)
inputs=$(find "$work/corpus" -type f | wc -l)
echo "$name: ${runs:-?} runs in $seconds s (${rate:-?}/s), corpus $inputs inputs found + $(find "$seeds" -type f | wc -l) seeds"
if [[ $status -ne 0 ]]; then
  echo "$name: FAILED (exit $status); the end of $work/fuzz.log:"
  tail -n 60 "$work/fuzz.log"
  for artifact in "$work"/artifacts/*; do
    [[ -e $artifact ]] && echo "replay: $harness $artifact"
  done
  exit 1
fi
