#!/usr/bin/env bash
# two_process_append WRITER N1 N2
#
# Two OS processes append to ONE fazhi database file through the C ABI at the
# same time; afterwards a third process checks that every record of both is
# there and that the journal verifies with 1 + N1 + N2 entries.
set -u

writer=${1:?usage: two_process_append.sh WRITER N1 N2}
n1=${2:-500}
n2=${3:-500}

work=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-two-process.XXXXXX") || exit 1
pid_a=
pid_b=
cleanup() {
  # Only our own writers, by pid.
  [[ -n $pid_a ]] && kill "$pid_a" 2>/dev/null
  [[ -n $pid_b ]] && kill "$pid_b" 2>/dev/null
  rm -rf -- "$work"
}
trap cleanup EXIT

db=$work/shared.fazhi
gate=$work/go

"$writer" init "$db" || { echo "FAIL: init"; exit 1; }

start=$(date +%s.%N)
"$writer" write "$db" a "$n1" "$gate" &
pid_a=$!
"$writer" write "$db" b "$n2" "$gate" &
pid_b=$!

# Both writers have opened the file: release them together.
for _ in $(seq 1 1000); do
  [[ -e $gate.ready.a && -e $gate.ready.b ]] && break
  sleep 0.01
done
if ! [[ -e $gate.ready.a && -e $gate.ready.b ]]; then
  echo "FAIL: the writers did not get ready within 10 s"
  exit 1
fi
touch "$gate"

wait "$pid_a"; rc_a=$?
pid_a=
wait "$pid_b"; rc_b=$?
pid_b=
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "writers finished in %.2f s\n", e - s }'

status=0
if [[ $rc_a -ne 0 ]]; then echo "FAIL: writer a exited with $rc_a"; status=1; fi
if [[ $rc_b -ne 0 ]]; then echo "FAIL: writer b exited with $rc_b"; status=1; fi

if ! "$writer" check "$db" "$n1" "$n2"; then
  echo "FAIL: check of $db"
  status=1
fi

[[ $status -eq 0 ]] && echo "PASS: $((1 + n1 + n2)) units, journal intact"
exit $status
