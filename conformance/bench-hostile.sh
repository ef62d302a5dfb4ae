#!/usr/bin/env bash
# Benchmark of issue 16 (large input): the cost of `trace` must grow linearly with tables, depth and rows.
#   - a 1,000-table ON DELETE CASCADE chain (goal: under 2 s), on SQLite and on H2
#   - a self-referential chain 10,000 levels deep, deleted level by level by the ORM
#   - 10^6 rows (1,000 parents, 999,000 children), as YAML and as JSON (goal: peak memory within 1.5 GB on SQLite)
#   - a title of 8 million characters on one line (reading stays linear: about the time of an 8 MB file)
# Each is one `java -jar target/cascadeviz.jar trace` (JVM start included, the jar's own relaunch with
# its command-line options), measured with /usr/bin/time -v: wall time, CPU time (user + system: what
# the run costs, also on a machine shared with other work) and peak resident memory.
#   conformance/bench-hostile.sh [chain|tree|rows|longline ...]      (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/bench-hostile
mkdir -p "$OUT"
[ -f target/cascadeviz.jar ] || mvn -B -q package -DskipTests
gen() { [ -f "$OUT/$2" ] || python3 conformance/bench_hostile.py "$1" "$3" "$OUT/$2"; }
run() { # name file [engine]
  local name=$1 file=$2 engine=${3:-sqlite}
  /usr/bin/time -v -o "$OUT/$name.time" java ${BENCH_JAVA_OPTS:-} -jar target/cascadeviz.jar trace --timings \
      --engine "$engine" "$OUT/$file" > "$OUT/$name.trace.json" 2> "$OUT/$name.err" || true
  local wall rss user sys
  wall=$(grep "Elapsed (wall clock)" "$OUT/$name.time" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$OUT/$name.time" | awk '{print $NF}')
  user=$(grep "User time" "$OUT/$name.time" | awk '{print $NF}')
  sys=$(grep "System time" "$OUT/$name.time" | awk '{print $NF}')
  python3 - "$name" "$wall" "$rss" "$OUT/$name.trace.json" "$OUT/$name.err" "$user" "$sys" <<'PY'
import json, sys
name, wall, rss, trace, err, user, system = sys.argv[1:]
try:
    t = json.load(open(trace))
    what = f"{len(t['statements'])} statements, error: {t['error'] and t['error']['type']}"
except Exception:
    lines = open(err).read().strip().splitlines()
    what = "no trace: " + (lines[0][:200] if lines else "(nothing on stderr)")
timings = [l for l in open(err).read().splitlines() if l.startswith("timings")]
cpu = float(user) + float(system)
print(f"{name:24s} wall {wall:>8s}  cpu {cpu:6.2f} s  peak {int(rss) / 1024:7.0f} MB  {what}")
if timings:
    print(" " * 26 + timings[0])
PY
}
what=("$@"); [ ${#what[@]} -eq 0 ] && what=(chain tree rows longline)
for w in "${what[@]}"; do
  case $w in
    chain) gen chain chain-1000.yaml 1000; run chain-1000-sqlite chain-1000.yaml sqlite; run chain-1000-h2 chain-1000.yaml h2 ;;
    tree)  gen tree tree-10000.yaml 10000; run tree-10000 tree-10000.yaml ;;
    rows)  gen rows rows-1000000.yaml 1000000; gen rows rows-1000000.json 1000000
           run rows-1000000-yaml rows-1000000.yaml; run rows-1000000-json rows-1000000.json ;;
    longline) gen longline longline-8000000.yaml 8000000; run longline-8000000 longline-8000000.yaml ;;
    *) echo "unknown benchmark $w (chain, tree, rows, longline)" >&2; exit 2 ;;
  esac
done
