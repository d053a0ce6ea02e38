#!/usr/bin/env python3
"""SciPy baseline for DLNPath's NumericFlow Z-ODE (docs/math.md §2), for timing comparisons.

Integrates, for the signed network x = u∘v with β = 1, γ = 0 and no weight decay, the exact ODE
for the rescaled running integral W (x̄_ε(s) = W(s)/s):

    dW/ds = x(W, s),  q = s r − M W,
    x = exp(log(1/4) − L(1 − q)) − exp(log(1/4) − L(1 + q)),   L = log(1/ε),

with the analytic Jacobian ∂x/∂W = −L diag(x⁺ + x⁻) M and scipy.integrate.solve_ivp. This is the
same system, variables, tolerances and error norm family (mixed rtol/atol) as the Swift code;
only the integrator differs (scipy's Radau/BDF/LSODA instead of our RODAS4).

Instance: either --instance FILE ({"M": [[...]], "r": [...]}, as written by
`FlowBenchmark.instanceJSON`) or the seeded generator below, identical to
`FlowBenchmark.instance(d:n:seed:)` in Swift: SplitMix64, uniforms (next >> 11)·2⁻⁵³,
Box–Muller pairs ρ = sqrt(−2 log(1 − u1)), z0 = ρ cos(2π u2), z1 = ρ sin(2π u2); X (n×d)
filled row by row, then y (n); M = XᵀX/n, r = Xᵀy/n.

Usage:
    python3 baseline.py [--d 50] [--n 100] [--seed 1] [--epsilon-exponent -50] [--smax 20]
                        [--method Radau] [--rtol 1e-7] [--atol 1e-9] [--no-jac]
                        [--instance FILE] [--repeat 3] [--json] [--reference FILE]
                        [--reference-grid FILE]

Timing: best of --repeat runs, wall clock and process CPU time (time.process_time; on a loaded
machine CPU time is the fair comparison with the Swift side's `cpuSeconds`). Accuracy: with
--reference FILE (a JSON list, e.g. x̄(s_max) from a very tight run) the max-norm error of the
final x̄ is reported, so runs can be compared at equal accuracy rather than equal tolerance;
with --reference-grid FILE also the largest error of x̄(s) on a grid of s, from the method's own
dense output in one extra, untimed run (the end point alone forgets earlier errors: the flow
contracts onto its last saddle).
"""
import argparse
import json
import math
import time

import numpy as np
from scipy.integrate import solve_ivp

MASK = (1 << 64) - 1


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def gaussians(count, seed):
    gen = splitmix64(seed)
    out = []
    while len(out) < count:
        u1 = (next(gen) >> 11) * 2.0 ** -53
        u2 = (next(gen) >> 11) * 2.0 ** -53
        rho = math.sqrt(-2.0 * math.log(1.0 - u1))
        out.append(rho * math.cos(2.0 * math.pi * u2))
        out.append(rho * math.sin(2.0 * math.pi * u2))
    return out[:count]


def instance(d, n, seed):
    z = np.array(gaussians(n * d + n, seed))
    X = z[: n * d].reshape(n, d)
    y = z[n * d:]
    return X.T @ X / n, X.T @ y / n


def make_system(M, r, L):
    a = math.log(0.25)

    def branches(s, W):
        q = s * r - M @ W
        # Rejected trial steps may overflow; the integrator then shrinks the step.
        with np.errstate(over="ignore"):
            return np.exp(a - L * (1.0 - q)), np.exp(a - L * (1.0 + q))

    def fun(s, W):
        xp, xm = branches(s, W)
        return xp - xm

    def jac(s, W):
        xp, xm = branches(s, W)
        return (-L * (xp + xm))[:, None] * M

    return fun, jac


def run(M, r, L, smax, method, rtol, atol, use_jac, dense=False):
    fun, jac = make_system(M, r, L)
    kwargs = dict(method=method, rtol=rtol, atol=atol, dense_output=dense)
    if use_jac and method != "RK45":
        kwargs["jac"] = jac
    t0, c0 = time.perf_counter(), time.process_time()
    sol = solve_ivp(fun, (0.0, smax), np.zeros(len(r)), **kwargs)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    if not sol.success:
        raise SystemExit(f"solve_ivp failed: {sol.message}")
    return elapsed, cpu, sol


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--d", type=int, default=50)
    p.add_argument("--n", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--epsilon-exponent", type=float, default=-50.0, help="ε = 10^this")
    p.add_argument("--smax", type=float, default=20.0)
    p.add_argument("--method", default="Radau", choices=["Radau", "BDF", "LSODA", "RK45"])
    p.add_argument("--rtol", type=float, default=1e-7)
    p.add_argument("--atol", type=float, default=1e-9)
    p.add_argument("--no-jac", action="store_true", help="let scipy estimate the Jacobian")
    p.add_argument("--instance", help='JSON file {"M": [[...]], "r": [...]}')
    p.add_argument("--repeat", type=int, default=3, help="report the best of this many runs")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--reference", help="JSON list: reference final xbar, to report the error")
    p.add_argument("--reference-grid",
                   help='JSON {"s": [...], "xbar": [[...], ...]}: reference xbar on a grid; one extra '
                        "(untimed) run with the method's dense output reports the largest error there")
    args = p.parse_args()

    if args.instance:
        with open(args.instance) as f:
            data = json.load(f)
        M, r = np.array(data["M"], dtype=float), np.array(data["r"], dtype=float)
    else:
        M, r = instance(args.d, args.n, args.seed)
    L = -args.epsilon_exponent * math.log(10.0)

    best, best_cpu, sol = math.inf, math.inf, None
    for _ in range(max(1, args.repeat)):
        elapsed, cpu, sol = run(M, r, L, args.smax, args.method, args.rtol, args.atol, not args.no_jac)
        best, best_cpu = min(best, elapsed), min(best_cpu, cpu)
    xbar = sol.y[:, -1] / args.smax
    result = {
        "method": args.method, "jacobian": "analytic" if not args.no_jac else "finite differences",
        "d": len(r), "epsilon": f"1e{int(args.epsilon_exponent)}", "sMax": args.smax,
        "rtol": args.rtol, "atol": args.atol, "seconds": best, "cpuSeconds": best_cpu,
        "steps": int(len(sol.t) - 1), "nfev": int(sol.nfev), "njev": int(sol.njev), "nlu": int(sol.nlu),
        "checksum": {"sumM": float(M.sum()), "r0": float(r[0])},
        "finalAveraged": xbar.tolist(),
    }
    if args.reference:
        with open(args.reference) as f:
            ref = np.array(json.load(f), dtype=float)
        result["maxError"] = float(np.max(np.abs(xbar - ref)))
    if args.reference_grid:
        with open(args.reference_grid) as f:
            grid = json.load(f)
        times = np.array(grid["s"], dtype=float)
        ref = np.array(grid["xbar"], dtype=float)
        _, _, dense_sol = run(M, r, L, args.smax, args.method, args.rtol, args.atol, not args.no_jac, dense=True)
        xbar_grid = (dense_sol.sol(times) / times).T
        result["maxGridError"] = float(np.max(np.abs(xbar_grid - ref)))
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.method} ({result['jacobian']} Jacobian), d={len(r)}, eps={result['epsilon']}, "
              f"s_max={args.smax}, rtol={args.rtol}, atol={args.atol}")
        print(f"time {best:.4f} s wall, {best_cpu:.4f} s process CPU (best of {args.repeat}), steps {result['steps']}, nfev {sol.nfev}, "
              f"njev {sol.njev}, nlu {sol.nlu}")
        print(f"instance checksum: sum(M) = {M.sum():.17g}, r[0] = {r[0]:.17g}")
        print("final xbar:", " ".join(f"{v:.10g}" for v in xbar))
        if "maxError" in result:
            print(f"max |xbar - reference| = {result['maxError']:.3g}")
        if "maxGridError" in result:
            print(f"max |xbar - reference| on the grid = {result['maxGridError']:.3g}")


if __name__ == "__main__":
    main()
