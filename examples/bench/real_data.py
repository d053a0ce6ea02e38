#!/usr/bin/env python3
"""Whole-command benchmark of dlnpath on the data a scikit-learn user has.

Draws each instance from a fixed seed, writes it as an .npz of float64 arrays (X, y), runs the
dlnpath commands on it as separate processes and reports, per command, the wall time, the CPU
time (user + system of the child, from os.wait4) and the peak resident memory of the child,
with the ratio of its CPU time to scikit-learn's `lars_path(method="lasso")` on the same data in
the same run (best of several runs, CPU time of this process).

Instances:
  gaussian-NxD   X ~ N(0, 1) (n × d), y = X·β + 0.1·noise with β sparse (min(10, d/10) nonzeros,
                 ±1 to ±2), numpy's PCG64 seeded by `--seed` (default 11)
  repeated-NxD-R gaussian-Nx(D−R) with its first R columns repeated at the end: M singular, so
                 the path takes the exact face solver at every knot
  diabetes       scikit-learn's load_diabetes (442 × 10, ships with scikit-learn)
  mairal-yu-P    `dlnpath generate mairal-yu --p P` (exact JSON instance)

Usage (from the repository root; builds nothing — build the release binary first):

  swift build -c release --static-swift-stdlib -j 1 --scratch-path .build-release --product dlnpath
  PY=$(bash .ci/python-env)
  $PY examples/bench/real_data.py                       # the README's table
  $PY examples/bench/real_data.py --only gaussian-200x100 --commands compare-json
  $PY examples/bench/real_data.py --timeout 120 --dlnpath .build-release/release/dlnpath

`check-solver` checks lars_path's output on the instance (written as an .npz of alphas and coefs)
against the exact path, as a solver author would (float instances only).

Each row: instance, command, CPU s, wall s, peak MB, output MB, lars_path CPU ms, ratio (CPU of
the command / CPU of lars_path). A command that exceeds --timeout is killed and marked so. For
Mairal–Yu instances up to --baseline-max-p, the exact Python-fractions homotopy of
examples/bench/path_baseline.py runs too and the speed-up of `path --json` over it is printed.
"""
import argparse
import atexit
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import lars_path

DEFAULT_INSTANCES = [
    "diabetes", "gaussian-200x100", "gaussian-100x200", "gaussian-200x200",
    "repeated-100x41-1", "repeated-100x60-5", "mairal-yu-8", "mairal-yu-12", "mairal-yu-14",
]
COMMANDS = {
    "inspect": ["inspect"],
    "path-json": ["path", "--json"],
    "limit-json": ["limit", "--json"],
    "compare": ["compare"],
    "compare-json": ["compare", "--json"],
    "compare-summary": ["compare", "--json", "--summary"],
    # scikit-learn's own lars_path output on the instance, checked as a path ({lars}: its .npz)
    "check-solver": ["check-solver", "--path", "--solution", "{lars}"],
}
# What the targets are stated for; other commands are run with --commands.
DEFAULT_COMMANDS = {
    "diabetes": ["compare", "compare-json"],
    "gaussian-200x100": ["inspect", "path-json", "compare-json"],
    "gaussian-100x200": ["inspect", "path-json", "compare-json"],
    "gaussian-200x200": ["inspect", "path-json", "compare-json"],
    "repeated-100x41-1": ["path-json", "compare-json"],
    "repeated-100x60-5": ["path-json", "compare-json"],
    "mairal-yu-8": ["path-json"],
    "mairal-yu-12": ["path-json", "compare-json"],
    "mairal-yu-14": ["path-json"],
}


def gaussian(n, d, seed):
    """X ~ N(0,1), a sparse β with k = max(1, min(10, d // 10)) nonzeros, y = Xβ + 0.1·noise."""
    rng = np.random.default_rng([seed, n, d])
    X = rng.standard_normal((n, d))
    k = max(1, min(10, d // 10))
    beta = np.zeros(d)
    support = rng.choice(d, size=k, replace=False)
    beta[support] = rng.choice([-1.0, 1.0], size=k) * rng.uniform(1.0, 2.0, size=k)
    y = X @ beta + 0.1 * rng.standard_normal(n)
    return X, y


def write_instance(name, directory, dlnpath, seed):
    """Writes the instance; returns (path, X, y) with X, y None for exact JSON instances."""
    if name == "diabetes":
        X, y = load_diabetes(return_X_y=True)
    elif name.startswith("gaussian-"):
        n, d = (int(v) for v in name[len("gaussian-"):].split("x"))
        X, y = gaussian(n, d, seed)
    elif name.startswith("repeated-"):
        shape, repeats = name[len("repeated-"):].split("-")
        n, d = (int(v) for v in shape.split("x"))
        X, y = gaussian(n, d - int(repeats), seed)
        X = np.hstack([X, X[:, :int(repeats)]])
    elif name.startswith("mairal-yu-"):
        path = os.path.join(directory, name + ".json")
        with open(path, "w") as out:
            subprocess.run([dlnpath, "generate", "mairal-yu", "--p", name[len("mairal-yu-"):]], stdout=out, check=True)
        return path, None, None
    else:
        raise SystemExit(f"unknown instance {name!r}")
    path = os.path.join(directory, name + ".npz")
    np.savez(path, X=np.ascontiguousarray(X, dtype=np.float64), y=np.ascontiguousarray(y, dtype=np.float64))
    return path, X, y


def write_lars(X, y, directory, name):
    """lars_path(method="lasso")'s alphas and coefs as an .npz for check-solver; its path."""
    path = os.path.join(directory, name + "-lars.npz")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        alphas, _, coefs = lars_path(X, y, method="lasso")
    np.savez(path, alphas=alphas, coefs=coefs)
    return path


def time_lars(X, y, repeats=5):
    """Best CPU time (s) of lars_path(method="lasso") and its number of knots."""
    best, alphas = float("inf"), None
    with warnings.catch_warnings():  # on repeated columns lars_path warns that it degenerates
        warnings.simplefilter("ignore")
        for _ in range(repeats):
            start = time.process_time()
            alphas, _, _ = lars_path(X, y, method="lasso")
            best = min(best, time.process_time() - start)
    return best, len(alphas)


def high_water_mb(pid):
    """VmHWM of a running process in MB (0 when it has just exited)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_command(argv, timeout):
    """Runs argv with stdout to a temporary file; (cpu s, wall s, peak MB, output MB, status).

    The peak is the largest VmHWM read from /proc/PID/status while the command runs (every
    5 ms): ru_maxrss of a child spawned from this process counts this process's own memory
    (numpy, scikit-learn) from before the exec.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[
            (os.POSIX_SPAWN_DUP2, out.fileno(), 1), (os.POSIX_SPAWN_DUP2, err.fileno(), 2)])
        deadline = start + timeout if timeout else None
        peak = 0.0
        while True:
            peak = max(peak, high_water_mb(pid))
            done, code, usage = os.wait4(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(code)
                break
            if deadline and time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                _, code, usage = os.wait4(pid, 0)
                status = "timeout"
                break
            time.sleep(0.005)
        wall = time.monotonic() - start
        size = out.seek(0, os.SEEK_END) / 1e6
        err.seek(0)
        stderr = err.read().decode(errors="replace").strip()
    cpu = usage.ru_utime + usage.ru_stime
    if status not in (0, 1, "timeout"):
        print(f"  {' '.join(argv[1:])}: exit {status}: {stderr[:300]}", file=sys.stderr)
    return cpu, wall, peak, size, status


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dlnpath", default=".build-release/release/dlnpath", help="the dlnpath binary (release build)")
    parser.add_argument("--only", nargs="*", default=None, help="instances to run (default: all of the README's)")
    parser.add_argument("--commands", nargs="*", default=None, choices=sorted(COMMANDS), help="commands (default: the README's per instance)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a command is killed (0: never)")
    parser.add_argument("--baseline-max-p", type=int, default=10, help="run examples/bench/path_baseline.py on Mairal–Yu up to this p")
    parser.add_argument("--keep", default=None, help="directory to keep the instances in (default: a temporary one)")
    args = parser.parse_args()
    if not os.access(args.dlnpath, os.X_OK):
        raise SystemExit(f"{args.dlnpath} is not an executable; build it first (see the usage above)")

    directory = args.keep or tempfile.mkdtemp(prefix="dlnpath-bench-")
    if not args.keep:  # removed at exit unless --keep names a directory to keep
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
    os.makedirs(directory, exist_ok=True)
    print(f"{'instance':<18} {'command':<15} {'CPU s':>8} {'wall s':>8} {'peak MB':>8} {'out MB':>8} {'lars ms':>8} {'ratio':>8}")
    for name in args.only or DEFAULT_INSTANCES:
        path, X, y = write_instance(name, directory, args.dlnpath, args.seed)
        lars_cpu, lars_knots = time_lars(X, y) if X is not None else (None, None)
        for command in args.commands or DEFAULT_COMMANDS.get(name, ["compare-json"]):
            if command == "check-solver" and X is None:
                continue  # an exact JSON instance has no float data for lars_path
            solution = write_lars(X, y, directory, name) if command == "check-solver" else None
            argv = [args.dlnpath, *(solution if a == "{lars}" else a for a in COMMANDS[command]), path]
            cpu, wall, peak, size, status = run_command(argv, args.timeout)
            ratio = f"{cpu / lars_cpu:8.0f}" if lars_cpu else f"{'—':>8}"
            lars = f"{lars_cpu * 1e3:8.1f}" if lars_cpu else f"{'—':>8}"
            mark = " (killed at timeout)" if status == "timeout" else ""
            print(f"{name:<18} {command:<15} {cpu:8.2f} {wall:8.2f} {peak:8.0f} {size:8.1f} {lars} {ratio}{mark}", flush=True)
        if lars_knots is not None:
            print(f"{'':<18} (lars_path: {lars_knots} knots)")
        if name.startswith("mairal-yu-") and int(name[len("mairal-yu-"):]) <= args.baseline_max_p:
            baseline = os.path.join(os.path.dirname(os.path.abspath(__file__)), "path_baseline.py")
            cpu, _, _, _, _ = run_command([sys.executable, baseline, path], args.timeout)
            ours, *_ = run_command([args.dlnpath, "path", "--json", path], args.timeout)
            print(f"{'':<18} (Python fractions homotopy, path_baseline.py: {cpu:.2f} s CPU; "
                  f"dlnpath path --json {ours:.2f} s: {cpu / ours:.1f}× faster)")


if __name__ == "__main__":
    main()
