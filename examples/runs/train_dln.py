"""Train a diagonal linear network by gradient descent with numpy and save the run for
`dlnpath check-run`.

Conventions (the ones `dlnpath check-run --help` states):
  loss      l(x) = 1/2 x'Mx - r'x, with M = X'X/n, r = X'y/n when the problem gives data X, y
            (that is ||Xx - y||^2/(2n) up to a constant); weight decay 1/2 wd (|u|^2 + |v|^2)
  network   x = u * v (elementwise), u(0) = sqrt(eps) beta, v(0) = sqrt(eps) gamma
            (beta = 1, gamma = 0 unless the problem file says otherwise)
  descent   u <- u - eta (v * g + wd u),  v <- v - eta (u * g + wd v),  g = Mx - r
  saved     t = iteration numbers 0..K (so check with --step eta), x = u * v at each, epsilon

    python train_dln.py ../berthier-example.json --epsilon 1e-6 --step 1e-3 -o run.npz
    dlnpath check-run ../berthier-example.json run.npz --step 1e-3
"""
import argparse
import json
import math
from fractions import Fraction

import numpy as np


def number(v):
    """A problem-file number (JSON number or string such as "-3/4") as a float."""
    return float(Fraction(str(v)))


def load_problem(path):
    with open(path) as f:
        p = json.load(f)
    if "M" in p:
        M = np.array([[number(v) for v in row] for row in p["M"]])
        r = np.array([number(v) for v in p["r"]])
    else:
        X = np.array([[number(v) for v in row] for row in p["X"]])
        y = np.array([number(v) for v in p["y"]])
        n = 1 if p.get("scaling", "mean") == "sum" else X.shape[0]
        M, r = X.T @ X / n, X.T @ y / n
    d = len(r)
    init = p.get("init", {})
    beta = np.array([number(v) for v in init.get("beta", [1] * d)])
    gamma = np.array([number(v) for v in init.get("gamma", [0] * d)])
    if p.get("nonnegative"):
        raise SystemExit("this script trains the signed network x = u * v")
    return M, r, beta, gamma, number(p.get("weightDecay", 0))


def train(M, r, beta, gamma, wd, eps, eta, s_max):
    """Gradient descent up to rescaled time s_max = 2 t / log(1/eps); returns t (iterations), x."""
    steps = int(math.ceil(s_max * math.log(1 / eps) / 2 / eta))
    u, v = math.sqrt(eps) * beta, math.sqrt(eps) * gamma
    xs = np.empty((steps + 1, len(r)))
    for k in range(steps + 1):
        xs[k] = u * v
        g = M @ xs[k] - r
        u, v = u - eta * (v * g + wd * u), v - eta * (u * g + wd * v)
    return np.arange(steps + 1, dtype=float), xs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("problem")
    ap.add_argument("--epsilon", type=float, default=1e-6)
    ap.add_argument("--step", type=float, default=1e-3)
    ap.add_argument("--s-max", type=float, default=4.5, help="rescaled time to train to (default 4.5)")
    ap.add_argument("-o", "--output", default="run.npz")
    a = ap.parse_args()
    M, r, beta, gamma, wd = load_problem(a.problem)
    t, x = train(M, r, beta, gamma, wd, a.epsilon, a.step, a.s_max)
    np.savez(a.output, t=t, x=x, epsilon=np.float64(a.epsilon))
    print(f"wrote {a.output}: {len(t)} iterations, eta = {a.step}, epsilon = {a.epsilon}")


if __name__ == "__main__":
    main()
