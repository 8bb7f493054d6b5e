#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The recordings benchmark (docs/performance.md): atelier against a Python 3 +
# orjson reference (reference.py, beside this script) on the same recording.
#
#   Benchmarks/recordings/run.sh [--events N] [--runs R] [--sessions S] [--dir DIR] [--no-build]
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
# fold-store`), and prints medians and the ratios to the reference.
# Run it from anywhere; it needs python3 with orjson (PYTHON=... to choose).
set -euo pipefail

cd "$(dirname "$0")/../.."
events=1000000
runs=5
sessions=1000
dir="${TMPDIR:-/tmp}/atelier-bench-recordings"
build=1
while [ $# -gt 0 ]; do
    case "$1" in
    --events) events="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --sessions) sessions="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: $0 [--events N] [--runs R] [--sessions S] [--dir DIR] [--no-build]" >&2; exit 2 ;;
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

# measure LABEL OUTPUT COMMAND...: runs COMMAND (stdout to OUTPUT), appends "LABEL wall_s peak_kb" to results.
measure() {
    local label="$1" output="$2"
    shift 2
    /usr/bin/time -v -o "$dir/time.txt" "$@" > "$output" 2> "$dir/stderr.txt" || {
        echo "$label failed:" >&2; cat "$dir/stderr.txt" >&2; exit 1; }
    awk -v label="$label" '
        /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); wall = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
        /Maximum resident set size/ { peak = $NF }
        END { printf "%s\t%.3f\t%d\n", label, wall, peak }' "$dir/time.txt" >> "$results"
}

echo "generating $events events in $dir/bench.jsonl ..." >&2
$bin/atelier-bench store --phase generate --events "$events" --dir "$dir" >&2
rm -f "$dir"/bench.sqlite*
$bin/atelier record import "$dir/bench.jsonl" --store "$dir/bench.sqlite" --locale en >&2

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

echo "writing $sessions sessions of 1,000 events ..." >&2
$bin/atelier-bench store --phase many-sessions --sessions "$sessions" --events 1000 --dir "$dir/many" >&2
for run in $(seq 1 "$runs"); do
    measure sessions "$dir/sessions.txt" $bin/atelier sessions --store "$dir/many/sessions.sqlite" --locale en
done
listed=$(($(wc -l < "$dir/sessions.txt") - 1))
[ "$listed" = "$sessions" ] || { echo "atelier sessions listed $listed sessions, not $sessions" >&2; exit 1; }

echo "fold from the store (atelier-bench store --phase fold-store), $runs runs:"
for run in $(seq 1 "$runs"); do
    $bin/atelier-bench store --phase fold-store --events "$events" --dir "$dir"
done

size=$(($(stat -c %s "$dir/bench.jsonl") / 1000000))
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "recording: $events events, $size MB; $runs runs of each, alternating"
"$python" - "$results" "$events" "$sessions" <<'PY'
import statistics
import sys

rows = {}
for line in open(sys.argv[1]):
    label, wall, peak = line.split("\t")
    rows.setdefault(label, []).append((float(wall), int(peak)))
events, sessions = int(sys.argv[2]), int(sys.argv[3])
names = {
    "export-file": "atelier export FILE --format json",
    "reference": "reference.py FILE (Python + orjson)",
    "export-store": "atelier export SESSION --store S --format json",
    "import": "atelier record import FILE",
    "sessions": f"atelier sessions ({sessions} sessions)",
}
median = {label: statistics.median(w for w, _ in runs) for label, runs in rows.items()}
print(f"{'':48} {'wall median (min-max)':>24} {'peak RSS (max)':>15}")
for label, name in names.items():
    walls = [w for w, _ in rows[label]]
    peak = max(p for _, p in rows[label]) / 1024
    print(f"{name:48} {median[label]:8.3f} s ({min(walls):.3f}-{max(walls):.3f}) {peak:11.0f} MB")
print(f"import: {events / median['import']:,.0f} events/s (target >= 500,000; peak <= 100 MB)")
print(f"sessions: {median['sessions'] * 1000:.0f} ms (target <= 100 ms)")
for label in ("export-file", "export-store"):
    pairs = [a / p for (a, _), (p, _) in zip(rows[label], rows["reference"])]
    print(f"ratio {label} / reference: median {statistics.median(pairs):.2f} "
          f"(per run {', '.join(f'{r:.2f}' for r in pairs)}; target <= 0.5, peak <= 100 MB)")
PY
