"""check_solver: a floating-point solver's path against the exact one (``dlnpath check-solver``)."""
import copy
import json
import os
import tempfile
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable, List, Optional

import numpy as np

from . import _tool
from .errors import DLNPathInputError
from ._exact import exact
from ._path import _limits, _options
from ._problem import exact_option, floats, write_problem


@dataclass
class SolverCheckResult(_tool.LazyReport):
    """The verdict on a solver's output; a failed check is this value with ``ok`` False.

    Attributes
    ----------
    ok : bool
        No structural error (or, when a tolerance was given, no error above it at all).
    error_class : str
        The worst class over the alphas: ``"ok"``, ``"stopping-tolerance"`` (right support and
        signs, values off by about the solver's stopping tolerance) or ``"structural"`` (wrong
        support or sign, a missing or extra knot, NaN, or values far off).
    summary : str
        The verdict in one line.
    points : list of dict
        Per alpha (the tool's JSON): ``class``, ``reason``, ``error``, ``kktViolation``,
        ``givenSupport``, ``exactSupport``, … .
    report : str
        The full human-readable report (``dlnpath check-solver`` without ``--json``), made when
        first read: the check runs once more for it.
    raw : dict
        The tool's JSON report.
    """

    ok: bool
    error_class: str
    summary: str
    points: list
    raw: dict = field(default_factory=dict, repr=False)
    _text: Optional[Callable[[], str]] = field(default=None, repr=False, compare=False)

    def __bool__(self):
        return self.ok


def check_solver(X, y, alphas, coefs, fit_intercept=False, *, positive=False, path=False, tolerance=None,
                 scaling=None, max_digits=None, max_exponent=None, max_bits=None):
    """Compare a solver's lasso path with the exact one.

    Parameters
    ----------
    X : array_like of shape (n, d)
        The data the solver was given (float64 taken exactly).
    y : array_like of shape (n,)
    alphas : array_like of shape (K,)
        The solver's penalties (scikit-learn's ``alpha``).
    coefs : array_like of shape (d, K)
        The solver's coefficients, one column per alpha (``lars_path``/``lasso_path`` layout).
    fit_intercept : bool, default False
        Compare with the lasso on X and y centered by their column means, which is what
        scikit-learn fits with ``fit_intercept=True`` (the intercept itself is not checked).
    positive : bool, default False
        The nonnegative lasso.
    path : bool, default False
        The alphas are the solver's knots and its solution is linear between them
        (``lars_path``): also check for missed and extra knots and the interpolant at every
        exact knot.
    tolerance : float, Fraction or str, optional
        Fail on any error above it, not only on structural errors. The error of an alpha is
        ``||x − x*||∞ / max(1, ||x*||∞)`` (or the relative KKT violation where x* is not
        unique). Default: errors above 1e-6 are classified, only structural ones fail.
    scaling : {"mean", "sum"}, optional
        ``"sum"`` when the solver minimises ``½||Xx − y||² + alpha·||x||₁``.
    max_digits, max_exponent, max_bits : int, optional
        As for :func:`dlnpath.lasso_path`.

    Returns
    -------
    SolverCheckResult
        ``ok`` is False when the check fails; this is not an exception.

    Raises
    ------
    DLNPathInputError
        When the input is malformed (shapes that do not fit, NaN in X, …).
    """
    alphas, coefs = floats("alphas", alphas), floats("coefs", coefs)
    if alphas.ndim != 1 or coefs.ndim != 2 or coefs.shape[1] != alphas.shape[0]:
        raise DLNPathInputError(f"alphas must have shape (K,) and coefs (d, K), one column per alpha; got {alphas.shape} and {coefs.shape}")
    options = [*_options(positive, 0, scaling), *_limits(max_digits, max_exponent, max_bits)]
    options += ["--fit-intercept"] * fit_intercept + ["--path"] * path
    if tolerance is not None:
        options += ["--tolerance", exact_option(tolerance)]
    X, y = copy.deepcopy(X), copy.deepcopy(y)  # as given now, for a report read later
    raw, summary = _check(X, y, alphas, coefs, options + ["--json"], lambda out, args: (json.loads(out), args))
    summary = _tool.in_user_terms(raw["summary"], summary)
    text = lambda: _check(X, y, alphas, coefs, options, _tool.in_user_terms)
    return SolverCheckResult(ok=bool(raw["passed"]), error_class=raw.get("class", "ok" if raw["passed"] else "structural"),
                             summary=summary, points=raw["points"], raw=raw, _text=text)


def _check(X, y, alphas, coefs, options, read):
    """``dlnpath check-solver`` on the arrays, written to scratch files; ``read(stdout, args)``."""
    with tempfile.TemporaryDirectory(prefix="dlnpath-") as directory:
        problem = write_problem(directory, X=X, y=y)
        solution = os.path.join(directory, "solution.npz")
        np.savez(solution, alphas=alphas, coefs=coefs)
        args = ["check-solver", problem, "--solution", solution, *options]
        return read(_tool.run(args, accept=(0, 1)).stdout, args)
