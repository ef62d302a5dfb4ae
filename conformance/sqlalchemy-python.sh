#!/usr/bin/env bash
# Prints the path of a Python that has SQLAlchemy VERSION and PyYAML, creating a virtual
# environment for it on first use from the machine's package index:
#   conformance/sqlalchemy-python.sh 2.1.1   ->  ~/.cache/cascadeviz/sqlalchemy-2.1.1/bin/python
# SQLALCHEMY_VENVS=DIR keeps the environments elsewhere.
set -euo pipefail
version="${1:?usage: sqlalchemy-python.sh VERSION}"
root="${SQLALCHEMY_VENVS:-${XDG_CACHE_HOME:-$HOME/.cache}/cascadeviz}"
venv="$root/sqlalchemy-$version"
if ! "$venv/bin/python" -c "import sqlalchemy, yaml, sys; sys.exit(sqlalchemy.__version__ != '$version')" 2>/dev/null; then
  mkdir -p "$root"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q "sqlalchemy==$version" pyyaml >&2
fi
echo "$venv/bin/python"
