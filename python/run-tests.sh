#!/usr/bin/env bash
# Tests of the Python package (python/tests) and the pytest plugin example (examples/pytest-plugin)
# against a given dlnpath binary, in the pinned virtual environment of .ci/python-env.
# Usage: bash python/run-tests.sh PATH/TO/dlnpath
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 1 ] || [ ! -x "$1" ]; then
    echo "usage: bash python/run-tests.sh PATH/TO/dlnpath (an executable dlnpath binary)" >&2
    exit 2
fi
BIN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
PY="$(bash .ci/python-env)"
# The package, without building its own binary (DLNPATH_NO_BUILD): the tests use $BIN.
DLNPATH_NO_BUILD=1 "$PY" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall ./python
DLNPATH_BIN="$BIN" "$PY" -m pytest -q -p no:cacheprovider python/tests examples/pytest-plugin
