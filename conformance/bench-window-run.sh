#!/usr/bin/env bash
# Benchmark of issue 13's big runs: the main window on the 37,449-row chain, headless (Monocle,
# software rendering). Prints, per phase (open, re-run, Previous/Next, scrolling), the longest
# time the JavaFX thread could not repaint, the run's time against the same run without a
# window, step latency and the peak heap. Measures; asserts nothing.
#   conformance/bench-window-run.sh [FILE]   (default: generates target/bench/chain.yaml)
# BENCH_JVM_OPTS adds JVM options to the measured JVM (e.g. -Xlog:gc, -XX:StartFlightRecording=...).
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${1:-target/bench/chain.yaml}
if [ ! -f "$FILE" ]; then
  mkdir -p "$(dirname "$FILE")"
  python3 conformance/generate_corpus.py --bench-chain "$FILE"
fi
mvn -B -q -o test-compile
[ -f target/cp.txt ] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
# the JVM options the launcher gives the window's JVM (Launcher.WINDOW_JVM_OPTIONS), read from pom.xml's
# javafx:run options, which LauncherTest holds equal to them: one list, not a copy kept by hand
WINDOW_JVM_OPTIONS=$(sed -n '/<artifactId>javafx-maven-plugin<\/artifactId>/,/<\/plugin>/s|.*<option>\(.*\)</option>.*|\1|p' pom.xml)
[ -n "$WINDOW_JVM_OPTIONS" ] || { echo "no window JVM options found in pom.xml" >&2; exit 1; }
echo "window JVM options: $(echo $WINDOW_JVM_OPTIONS)"
# shellcheck disable=SC2086
java -Xmx1g $WINDOW_JVM_OPTIONS ${BENCH_JVM_OPTS:-} -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djavafx.cachedir=target/javafx-cache \
  -cp "target/test-classes:target/classes:$(cat target/cp.txt)" dev.cascadeviz.bench.WindowRunBenchmark "$FILE"
