"""Assertions for a solver's own test suite (``pytest``), in the style of ``numpy.testing``."""
import numpy as np

from ._path import lasso_path
from ._solver import check_solver


def assert_lasso_path(X, y, alphas, coefs, rtol=1e-7, *, fit_intercept=False, positive=False, path=False):
    """Assert that a solver's lasso path agrees with the exact one.

    Parameters
    ----------
    X : array_like of shape (n, d)
        The data the solver was given (float64 taken exactly).
    y : array_like of shape (n,)
    alphas : array_like of shape (K,)
        The solver's alphas.
    coefs : array_like of shape (d, K)
        Its coefficients, one column per alpha.
    rtol : float, default 1e-7
        The largest accepted error ``||x − x*||∞ / max(||x*||∞, u)`` at each alpha, u the size
        the path's first coefficient reaches (``dlnpath check-solver --help``): relative to the
        solution's size in the data's own units (the KKT violation over ``||r||∞`` where x* is not
        unique).
    fit_intercept : bool, default False
        The solver centered X and y (scikit-learn's ``fit_intercept=True``).
    positive : bool, default False
        The nonnegative lasso.
    path : bool, default False
        The alphas are the solver's knots (``lars_path``): missed and extra knots fail too.

    Raises
    ------
    AssertionError
        Explaining the first wrong alpha: the kind of error (stopping tolerance or structural)
        and why, and the coordinates where the solver and the exact solution differ most.
    """
    result = check_solver(X, y, alphas, coefs, fit_intercept=fit_intercept, positive=positive, path=path,
                          tolerance=rtol)
    if result.ok:
        return
    bad = next((p for p in result.points if not p["passed"]), None)
    lines = ["the solver's lasso path differs from the exact one: " + result.summary]
    if bad is not None:
        k = _position(bad, result.points)
        given = np.asarray(coefs, dtype=np.float64)[:, k]
        lines.append(f"first wrong alpha: alphas[{k}] = {float(np.asarray(alphas)[k])!r} ({bad.get('class', '?')}"
                     + (f": {bad['reason']}" if bad.get("reason") else "") + ")")
        if "error" in bad:
            Xc, yc = _centered(X, y) if fit_intercept else (X, y)
            exact = lasso_path(Xc, yc, positive=positive).exact_solution(float(np.asarray(alphas)[k]))
            nearest = np.array([float(v) for v in exact])  # each the double nearest the exact value
            worst = sorted(np.argsort(-np.abs(given - nearest), kind="stable")[:_SHOWN])
            lines.append(f"  largest differences, coefs[i, {k}] against the exact x_i: "
                         + "; ".join(f"i = {i}: {given[i]:.10g} vs {nearest[i]:.10g}" for i in worst))
            lines.append(f"  error {bad['error']} > rtol {rtol}")
    raise AssertionError("\n".join(lines))


_SHOWN = 5  # coordinates shown in a failure message: it names where, and stays readable at any d


def _position(point, points):
    """The 0-based position of a point in the solver's output."""
    return points.index(point)


def _centered(X, y):
    from fractions import Fraction
    from ._exact import exact
    Xf = [[exact(v) for v in row] for row in np.asarray(X, dtype=object)]
    yf = [exact(v) for v in np.asarray(y, dtype=object)]
    n = len(yf)
    means = [sum(col, Fraction(0)) / n for col in zip(*Xf)]
    ym = sum(yf, Fraction(0)) / n
    return [[v - m for v, m in zip(row, means)] for row in Xf], [v - ym for v in yf]
