#!/usr/bin/env python3
"""Python baseline for `dlnpath path --json` on Mairal–Yu instances: the textbook exact lasso
homotopy (one event per knot, as on Mairal–Yu paths) in fractions.Fraction, with the knots
written as JSON of exact strings like dlnpath's. Prints the CPU time and the knot count.

    .build-release/release/dlnpath generate mairal-yu --p 8 > my8.json
    python3 examples/bench/path_baseline.py my8.json [--output knots.json]

It checks nothing dlnpath certifies (no ties, no uniqueness, no certificate), so the ratio to
`dlnpath path --json` (examples/bench/real_data.py prints both) understates what dlnpath does.
"""
import argparse
import json
import sys
import time
from fractions import Fraction


def solve(A, b):
    """Exact Gaussian elimination (A nonsingular)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(A)]
    for col in range(n):
        pivot = next(r for r in range(col, n) if m[r][col] != 0)
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [Fraction(0)] * n
    for r in reversed(range(n)):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def homotopy(M, r):
    d = len(r)
    kappa = max(abs(v) for v in r)
    j = max(range(d), key=lambda i: abs(r[i]))
    active, signs = [j], {j: 1 if r[j] > 0 else -1}
    knots = [(kappa, [Fraction(0)] * d)]
    while kappa > 0:
        MA = [[M[i][k] for k in active] for i in active]
        a = solve(MA, [r[i] for i in active])
        w = solve(MA, [Fraction(signs[i]) for i in active])
        best, event = Fraction(0), None
        for p, i in enumerate(active):
            if w[p] != 0:
                t = a[p] / w[p]
                if 0 < t < kappa and t > best:
                    best, event = t, ("drop", i)
        for i in range(d):
            if i in signs:
                continue
            c0 = r[i] - sum(M[i][k] * a[p] for p, k in enumerate(active))
            c1 = sum(M[i][k] * w[p] for p, k in enumerate(active))
            for s in (1, -1):
                if 1 - s * c1 != 0:
                    t = s * c0 / (1 - s * c1)
                    if 0 < t < kappa and t > best:
                        best, event = t, ("join", i, s)
        x = [Fraction(0)] * d
        for p, i in enumerate(active):
            x[i] = a[p] - best * w[p]
        knots.append((best, x))
        kappa = best
        if event is None:
            break
        if event[0] == "drop":
            active.remove(event[1])
            del signs[event[1]]
        else:
            active.append(event[1])
            signs[event[1]] = event[2]
    return knots


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("problem", help="a JSON problem with X and y (sum scaling, as generate mairal-yu writes)")
    parser.add_argument("--output", default=None, help="write the knots here (default: discarded)")
    args = parser.parse_args()
    with open(args.problem) as f:
        doc = json.load(f)
    start = time.process_time()
    X = [[Fraction(v) for v in row] for row in doc["X"]]
    y = [Fraction(v) for v in doc["y"]]
    n, d = len(X), len(X[0])
    factor = Fraction(1) if doc.get("scaling") == "sum" else Fraction(1, n)
    M = [[factor * sum(X[k][i] * X[k][j] for k in range(n)) for j in range(d)] for i in range(d)]
    r = [factor * sum(X[k][i] * y[k] for k in range(n)) for i in range(d)]
    knots = homotopy(M, r)
    text = json.dumps({"knots": [{"lambda": str(k), "x": [str(v) for v in x]} for k, x in knots]}, indent=2)
    cpu = time.process_time() - start
    if args.output:
        with open(args.output, "w") as out:
            out.write(text)
    print(f"{len(knots)} knots, {cpu:.2f} s CPU")


if __name__ == "__main__":
    sys.exit(main())
