#!/usr/bin/env bash
# Regenerates the whole conformance corpus and every golden trace from real SQLAlchemy, once
# per release the project shows: 2.0.54 into goldens/2.0/, 2.1.1 into goldens/2.1/ (each in a
# virtual environment made by sqlalchemy-python.sh). Goldens are never edited by hand: change a
# scenario or the generator, then run this and commit what it wrote.
#   conformance/regenerate.sh            # generated scenarios + all goldens, both releases
#   SEEDS=0,1 conformance/regenerate.sh  # fewer hash seeds (quicker, for trying things out)
#   RELEASES=2.1 conformance/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS="${SEEDS:-0,1,2,3,4,5,6,7}"
RELEASES="${RELEASES:-2.0 2.1}"
SCENARIOS=src/test/resources/conformance/scenarios
GOLDENS=src/test/resources/conformance/goldens
LIBRARY=assets/scenarios   # library.yaml there is the index, not a scenario

declare -A VERSION=([2.0]=2.0.54 [2.1]=2.1.1)

"$(conformance/sqlalchemy-python.sh "${VERSION[2.1]}")" conformance/generate_corpus.py --out "$SCENARIOS/generated"

mapfile -t corpus < <(find "$SCENARIOS" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) | sort)
mapfile -t library < <(find "$LIBRARY" -maxdepth 1 -name '*.yaml' ! -name library.yaml 2>/dev/null | sort)
for release in $RELEASES; do
  py=$(conformance/sqlalchemy-python.sh "${VERSION[$release]}")
  out="$GOLDENS/$release"
  # Start from nothing so that a golden whose scenario is gone does not linger.
  rm -rf "$out"
  "$py" conformance/capture.py --seeds "$SEEDS" --root "$SCENARIOS" --out "$out" "${corpus[@]}"
  if ((${#library[@]})); then
    "$py" conformance/capture.py --seeds "$SEEDS" --root "$LIBRARY" --out "$out/library" "${library[@]}"
  fi
done
