#!/usr/bin/env bash
# Benchmark of issue 4: a 150-class model in the graph view, frames of dragging and zooming,
# headless (Monocle, software rendering) so it runs anywhere; prints medians and 95th percentiles.
#   conformance/bench-window.sh [FRAMES]
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=target/bench/150-classes.yaml
mkdir -p target/bench
/usr/bin/python3 conformance/generate_corpus.py --bench-classes "$FILE" 2>/dev/null || python3 - "$FILE" <<'PY'
import sys
n = 150
out = ["title: 150 classes in a tree (benchmark)", "tables:"]
for i in range(n):
    out += [f"  t{i}:", "    columns:", "      id: {type: integer, primary_key: true}", "      name: {type: string, length: 20}"]
    if i:
        out.append(f"      parent_id: {{type: integer, foreign_key: t{(i - 1) // 2}.id}}")
out.append("classes:")
for i in range(n):
    out += [f"  C{i}:", f"    table: t{i}"]
    kids = [k for k in (2 * i + 1, 2 * i + 2) if k < n]
    if kids:
        out.append("    relationships:")
        out += [f"      c{k}: {{target: C{k}, cascade: 'all, delete'}}" for k in kids]
out += ["rows:", "  t0:", "    - {id: 1, name: root}", "steps:", "  - delete: C0(1)", "  - commit"]
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
mvn -B -q test-compile
[ -f target/cp.txt ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djavafx.cachedir=target/javafx-cache \
  -cp "target/test-classes:target/classes:$(cat target/cp.txt)" dev.cascadeviz.bench.GraphBenchmark "$FILE" "${1:-100}"
