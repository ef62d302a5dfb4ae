#!/usr/bin/env bash
# Regenerates the whole conformance corpus and every golden trace from real SQLAlchemy
# (Debian python3-sqlalchemy 1.4.46). Goldens are never edited by hand: change a scenario or
# the generator, then run this and commit what it wrote.
#   conformance/regenerate.sh            # generated scenarios + all goldens
#   SEEDS=0,1 conformance/regenerate.sh  # fewer hash seeds (quicker, for trying things out)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
SEEDS="${SEEDS:-0,1,2,3,4,5,6,7}"
SCENARIOS=src/test/resources/conformance/scenarios
GOLDENS=src/test/resources/conformance/goldens
LIBRARY=assets/scenarios   # library.yaml there is the index, not a scenario

"$PY" conformance/generate_corpus.py --out "$SCENARIOS/generated"

# Start from nothing so that a golden whose scenario is gone does not linger.
rm -rf "$GOLDENS"
mapfile -t corpus < <(find "$SCENARIOS" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) | sort)
"$PY" conformance/capture.py --seeds "$SEEDS" --root "$SCENARIOS" --out "$GOLDENS" "${corpus[@]}"

mapfile -t library < <(find "$LIBRARY" -maxdepth 1 -name '*.yaml' ! -name library.yaml 2>/dev/null | sort)
if ((${#library[@]})); then
  "$PY" conformance/capture.py --seeds "$SEEDS" --root "$LIBRARY" --out "$GOLDENS/library" "${library[@]}"
fi
