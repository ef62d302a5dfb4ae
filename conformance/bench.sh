#!/usr/bin/env bash
# Benchmark of issue 3: a six-level chain (root + 5 levels), fan-out 8, 37,449 rows, foreign keys
# indexed, cascade "all, delete", passive_deletes False; deleting the root emits 4,688 statements.
# Times the `trace` command (JVM start included) against real SQLAlchemy running the same file
# through the capture script, on this machine in the same run, and reports peak memory.
#   conformance/bench.sh [RUNS]     (default 3 runs of each; the best of each is compared)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
# Real SQLAlchemy of the release the trace shows (2.1, the default): see sqlalchemy-python.sh.
PY=$(conformance/sqlalchemy-python.sh "${SQLALCHEMY_VERSION:-2.1.1}")
FILE="${BENCH_FILE:-target/bench/chain-6x8.yaml}"
mkdir -p "$(dirname "$FILE")"
[ -f "$FILE" ] || "$PY" conformance/generate_corpus.py --bench-chain "$FILE"
[ -f target/cascadeviz.jar ] || mvn -B -q package -DskipTests

best() { sort -n | head -1; }
ours=(); theirs=(); ourcpu=(); theircpu=()
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M %U %S" -o target/bench/java.time java -jar target/cascadeviz.jar trace --timings \
      --engine sqlite "$FILE" > target/bench/java.trace.json 2> target/bench/java.err
  read -r secs kb usr sys < target/bench/java.time
  cpu=$(python3 -c "print(f'{$usr + $sys:.2f}')")
  ours+=("$secs"); ourcpu+=("$cpu")
  echo "cascadeviz trace: ${secs} s, CPU ${cpu} s, peak ${kb} KB; $(grep timings target/bench/java.err)"
  /usr/bin/time -f "%e %M %U %S" -o target/bench/python.time "$PY" conformance/capture.py --time "$FILE" \
      > target/bench/python.out 2>&1
  read -r psecs pkb pusr psys < target/bench/python.time
  pcpu=$(python3 -c "print(f'{$pusr + $psys:.2f}')")
  theirs+=("$psecs"); theircpu+=("$pcpu")
  echo "SQLAlchemy capture: ${psecs} s, CPU ${pcpu} s, peak ${pkb} KB; $(grep parts target/bench/python.out)"
done
o=$(printf '%s\n' "${ours[@]}" | best); t=$(printf '%s\n' "${theirs[@]}" | best)
oc=$(printf '%s\n' "${ourcpu[@]}" | best); tc=$(printf '%s\n' "${theircpu[@]}" | best)
python3 - "$o" "$t" "$oc" "$tc" <<'PY'
import sys
o, t, oc, tc = map(float, sys.argv[1:5])
print(f"best of runs: cascadeviz {o:.2f} s, SQLAlchemy {t:.2f} s: ratio {o / t:.2f} (goal: at most 0.25)")
print(f"best CPU time (user+sys): cascadeviz {oc:.2f} s, SQLAlchemy {tc:.2f} s: ratio {oc / tc:.2f}")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - <<'PY'
import json
t = json.load(open("target/bench/java.trace.json"))
print(f"statements: {len(t['statements'])}, rows left: {sum(len(v) for v in t['tables'].values())}, error: {t['error']}")
PY
