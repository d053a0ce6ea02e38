#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/Package.swift, scratch path .build-fuzz) and runs each one
# on its seed corpus (fuzz/corpus/NAME) for SECONDS seconds (default 20). Exits non-zero on the
# first crash, failed property, leak, timeout (one input taking over 10 s) or memory blow-up
# (over 2 GB); the input that did it is written to .build-fuzz/artifacts/.
#
#   fuzz/run.sh [SECONDS] [NAME…]       NAME: json csv npy npz problem certificate checker
#   FUZZ_RUNS=1000000 fuzz/run.sh 0     a fixed number of executions per harness instead
#   FUZZ_CONFIGURATION=release …        faster executions, slower build (default: debug)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
shift || true
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(json csv npy npz problem certificate checker)
configuration="${FUZZ_CONFIGURATION:-debug}"
build=(swift build -c "$configuration" --package-path fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address)
"${build[@]}"
bin="$("${build[@]}" --show-bin-path)"
mkdir -p .build-fuzz/artifacts .build-fuzz/corpus

harness() {
    case "$1" in
        json) echo FuzzJSON ;; csv) echo FuzzCSV ;; npy) echo FuzzNPY ;; npz) echo FuzzNPZ ;;
        problem) echo FuzzProblem ;; certificate) echo FuzzCertificate ;; checker) echo FuzzChecker ;;
        *) echo "unknown harness '$1'" >&2; exit 2 ;;
    esac
}

for name in "${names[@]}"; do
    program="$bin/$(harness "$name")"
    # New inputs go to a scratch corpus; the committed seeds stay as they are.
    work=".build-fuzz/corpus/$name"
    mkdir -p "$work"
    limit=(-max_total_time="$seconds")
    [ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
    log=".build-fuzz/$name.log"
    echo "fuzz $name: ${FUZZ_RUNS:-$seconds s}" >&2
    if ! "$program" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 -print_final_stats=1 \
        -artifact_prefix=".build-fuzz/artifacts/$name-" "$work" "fuzz/corpus/$name" > "$log" 2>&1; then
        tail -n 40 "$log" >&2
        echo "fuzz $name: FAILED (log: $log, inputs: .build-fuzz/artifacts/$name-*)" >&2
        exit 1
    fi
    echo "fuzz $name: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -1), no crash" >&2
done
