#!/usr/bin/env bash
# The random-model differential test on a fresh seed (see README.md):
#   conformance/differential.sh SEED COUNT [2.0|2.1|both] [more differential.py options, e.g. --shrink 10]
# Compiles the project (offline), writes the classpath once, then runs conformance/differential.py.
set -euo pipefail
cd "$(dirname "$0")/.."
seed="$1"; count="$2"; release="${3:-both}"; shift $(( $# < 3 ? $# : 3 ))
mvn -o -q test-compile
[[ -s target/classpath.txt ]] || mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec python3 conformance/differential.py "$seed" "$count" --release "$release" "$@"
