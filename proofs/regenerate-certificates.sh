#!/bin/sh
# Regenerates proofs/certificates/<name>.cert.json for every examples/<name>.{json,csv,npz}.
# Run from anywhere; uses the dlnpath built under .build-certificates (or $DLNPATH_BIN).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ -z "${DLNPATH_BIN:-}" ]; then
    swift build --scratch-path .build-certificates --product dlnpath >/dev/null
    DLNPATH_BIN=.build-certificates/debug/dlnpath
fi
mkdir -p proofs/certificates
for input in examples/*.json examples/*.csv examples/*.npz; do
    [ -e "$input" ] || continue
    name=$(basename "$input")
    name=${name%.*}
    "$DLNPATH_BIN" certify "$input" -o "proofs/certificates/$name.cert.json"
done
