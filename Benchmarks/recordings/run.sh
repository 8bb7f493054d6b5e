#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The recordings benchmark (docs/performance.md): atelier against a Python 3 +
# orjson reference (reference.py, beside this script) on the same recording.
#
#   Benchmarks/recordings/run.sh [--events N] [--runs R] [--sessions S] [--net K] [--dir DIR] [--no-build] [--reuse]
#
# Generates an N-event coping-patterns recording (`atelier-bench store --phase
# generate`, default 1,000,000 events), imports it into a store, then runs R
# times (default 5), alternately: `atelier export FILE --format json`,
# reference.py on FILE, `atelier export SESSION --store S --format json` and
# `atelier record import FILE` into a new store; each run timed by
# /usr/bin/time -v (wall clock and peak resident memory). It checks that the
# figures agree (compare.py: atelier's company ratings and picks against the
# reference's; the exports from the file and from the store byte for byte),
# times `atelier sessions` on a store of S sessions of 1,000 events (default
# 1,000) and the fold from the store (`atelier-bench store --phase
# fold-store`), runs the network benchmark K times (`atelier-bench net`,
# default 5: p99 against a bare echo server's, answers lost; 0 skips it), and
# prints medians and the ratios to the reference. Each figure is printed with
# its CPU time (user + sys) and the load average when it was taken: the
# machine is shared, so the ratios of alternated runs are the figures to read.
# --reuse keeps the recording, its store and the many-sessions store that an
# earlier run left in DIR (same N and S) instead of writing them again.
# Run it from anywhere; it needs python3 with orjson (PYTHON=... to choose).
set -euo pipefail

cd "$(dirname "$0")/../.."
events=1000000
runs=5
sessions=1000
net=5
dir="${TMPDIR:-/tmp}/atelier-bench-recordings"
build=1
reuse=0
while [ $# -gt 0 ]; do
    case "$1" in
    --events) events="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --sessions) sessions="$2"; shift 2 ;;
    --net) net="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --reuse) reuse=1; shift ;;
    *) echo "usage: $0 [--events N] [--runs R] [--sessions S] [--net K] [--dir DIR] [--no-build] [--reuse]" >&2; exit 2 ;;
    esac
done
python="${PYTHON:-python3}"
"$python" -c 'import orjson' || { echo "$python has no orjson (pip install orjson, or PYTHON=...)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time" >&2; exit 2; }
here=Benchmarks/recordings
if [ "$build" = 1 ]; then swift build -c release --product atelier >&2 && swift build -c release --product atelier-bench >&2; fi
bin=.build/release
mkdir -p "$dir"
results="$dir/results.tsv"
: > "$results"

# measure LABEL OUTPUT COMMAND...: runs COMMAND (stdout to OUTPUT), appends
# "LABEL wall_s peak_kb cpu_s load" to results (load: the 1-minute load average before the run).
measure() {
    local label="$1" output="$2" load
    shift 2
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -v -o "$dir/time.txt" "$@" > "$output" 2> "$dir/stderr.txt" || {
        echo "$label failed:" >&2; cat "$dir/stderr.txt" >&2; exit 1; }
    awk -v label="$label" -v load="$load" '
        /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); wall = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
        /User time \(seconds\)/ { cpu += $NF }
        /System time \(seconds\)/ { cpu += $NF }
        /Maximum resident set size/ { peak = $NF }
        END { printf "%s\t%.3f\t%d\t%.3f\t%s\n", label, wall, peak, cpu, load }' "$dir/time.txt" >> "$results"
}

if [ "$reuse" = 1 ] && [ -f "$dir/bench.sqlite" ] && [ "$(($(wc -l < "$dir/bench.jsonl") - 1))" = "$events" ]; then
    echo "reusing $dir/bench.jsonl and its store" >&2
else
    echo "generating $events events in $dir/bench.jsonl ..." >&2
    $bin/atelier-bench store --phase generate --events "$events" --dir "$dir" >&2
    rm -f "$dir"/bench.sqlite*
    $bin/atelier record import "$dir/bench.jsonl" --store "$dir/bench.sqlite" --locale en >&2
fi

for run in $(seq 1 "$runs"); do
    echo "run $run of $runs ..." >&2
    measure export-file "$dir/atelier-file.json" $bin/atelier export "$dir/bench.jsonl" --format json --locale en
    measure reference "$dir/reference.json" "$python" $here/reference.py "$dir/bench.jsonl"
    measure export-store "$dir/atelier-store.json" \
        $bin/atelier export bench --store "$dir/bench.sqlite" --format json --locale en
    rm -f "$dir"/import.sqlite*
    measure import /dev/null $bin/atelier record import "$dir/bench.jsonl" --store "$dir/import.sqlite" --locale en
done
"$python" $here/compare.py "$dir/atelier-file.json" "$dir/reference.json"
cmp -s "$dir/atelier-file.json" "$dir/atelier-store.json" \
    && echo "exports from the file and from the store: byte for byte the same" \
    || { echo "the exports from the file and from the store differ" >&2; exit 1; }

if [ "$reuse" = 1 ] && [ -f "$dir/many/sessions.sqlite" ]; then
    echo "reusing $dir/many/sessions.sqlite" >&2
else
    echo "writing $sessions sessions of 1,000 events ..." >&2
    $bin/atelier-bench store --phase many-sessions --sessions "$sessions" --events 1000 --dir "$dir/many" >&2
fi
for run in $(seq 1 "$runs"); do
    measure sessions "$dir/sessions.txt" $bin/atelier sessions --store "$dir/many/sessions.sqlite" --locale en
done
listed=$(($(wc -l < "$dir/sessions.txt") - 1))
[ "$listed" = "$sessions" ] || { echo "atelier sessions listed $listed sessions, not $sessions" >&2; exit 1; }

echo "fold from the store (atelier-bench store --phase fold-store), $runs runs:"
for run in $(seq 1 "$runs"); do
    echo "load average $(cut -d' ' -f1-3 /proc/loadavg): $($bin/atelier-bench store --phase fold-store --events "$events" --dir "$dir" | grep -i fold)"
done

for run in $(seq 1 "$net"); do
    echo "network benchmark, repetition $run of $net (load average $(cut -d' ' -f1-3 /proc/loadavg)):"
    $bin/atelier-bench net | grep -E '^(median|p99 atelier|answers refused|peak RSS)'
done

size=$(($(stat -c %s "$dir/bench.jsonl") / 1000000))
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "recording: $events events, $size MB; $runs runs of each, alternating"
"$python" - "$results" "$events" "$sessions" <<'PY'
import statistics
import sys

rows = {}
for line in open(sys.argv[1]):
    label, wall, peak, cpu, load = line.rstrip("\n").split("\t")
    rows.setdefault(label, []).append((float(wall), int(peak), float(cpu), load))
events, sessions = int(sys.argv[2]), int(sys.argv[3])
names = {
    "export-file": "atelier export FILE --format json",
    "reference": "reference.py FILE (Python + orjson)",
    "export-store": "atelier export SESSION --store S --format json",
    "import": "atelier record import FILE",
    "sessions": f"atelier sessions ({sessions} sessions)",
}
median = {label: statistics.median(r[0] for r in runs) for label, runs in rows.items()}
cpu = {label: statistics.median(r[2] for r in runs) for label, runs in rows.items()}
print(f"{'':48} {'wall median (min-max)':>24} {'CPU median':>10} {'peak RSS (max)':>15}  load averages")
for label, name in names.items():
    walls = [r[0] for r in rows[label]]
    peak = max(r[1] for r in rows[label]) / 1024
    loads = " ".join(r[3] for r in rows[label])
    print(f"{name:48} {median[label]:8.3f} s ({min(walls):.3f}-{max(walls):.3f}) {cpu[label]:8.3f} s "
          f"{peak:11.0f} MB  {loads}")
print(f"import: {events / median['import']:,.0f} events/s by the wall clock, {events / cpu['import']:,.0f} "
      f"events/s of CPU (target >= 500,000; peak <= 100 MB)")
print(f"sessions: {median['sessions'] * 1000:.0f} ms (CPU {cpu['sessions'] * 1000:.0f} ms; target <= 100 ms)")
for label in ("export-file", "export-store"):
    pairs = [a[0] / p[0] for a, p in zip(rows[label], rows["reference"])]
    print(f"ratio {label} / reference: median {statistics.median(pairs):.2f} "
          f"(per run {', '.join(f'{r:.2f}' for r in pairs)}; target <= 0.5, peak <= 100 MB)")
PY
