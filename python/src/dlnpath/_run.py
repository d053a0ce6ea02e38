"""check_run: a training run made in Python against the exact limit and lasso path
(``dlnpath check-run``)."""
import copy
import json
import os
import tempfile
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable, List, Optional, Tuple

import numpy as np

from . import _tool
from ._exact import exact, parse_fraction
from ._path import _limits, _options
from ._problem import exact_option, floats, write_problem
from .errors import DLNPathInputError


def _epsilon(epsilon):
    """ε as the tool reads it: a decimal string as given ("1e-300", also below the double
    range), else the nearest double of the number (a Fraction, "1/1000000")."""
    if isinstance(epsilon, str) and "/" not in epsilon:
        return epsilon
    try:
        value = float(exact(epsilon)) if epsilon is not None else None
    except OverflowError:
        value = float("inf")
    if value is None or not 0 < value < 1:
        raise DLNPathInputError(f"epsilon must be a number in (0, 1), got {epsilon!r}"
                                + ("; give a smaller one as a decimal string such as '1e-400'" if value == 0 else ""))
    return repr(value)


@dataclass
class RunCheckResult(_tool.LazyReport):
    """The verdict on a training run; an inconsistent run is this value, not an exception.

    Attributes
    ----------
    verdict : str
        ``"consistent"``, ``"inconsistent"`` or ``"inconclusive"`` (the criterion says why).
    consistent : bool
    run_deviation : float
        sup over the samples of ``||x̄_run − x̄_ref||∞`` against the tool's own integration at the
        same ε (the solver check).
    limit_deviation, lasso_deviation : float
        The same against the exact ε → 0 limit and against the exact lasso path.
    divergence : list of (Fraction, Fraction or None)
        The exact s-intervals where the limit leaves the lasso path.
    criterion, reading : str
        The rule applied and the verdict in words.
    hint : str or None
        For an inconsistent run: the usual other convention (a loss without the ½, a sum instead
        of a mean, ε given as the initialisation scale) under which the run agrees, and what to
        give; None when none does.
    report : str
        The human-readable report, made when first read: the check runs once more for it.
    raw : dict
        The tool's JSON (``dlnpath check-run --json``), with the per-time series.
    """

    verdict: str
    consistent: bool
    run_deviation: float
    limit_deviation: float
    lasso_deviation: float
    divergence: List[Tuple[Fraction, Optional[Fraction]]]
    criterion: str
    reading: str
    hint: Optional[str] = None
    raw: dict = field(default_factory=dict, repr=False)
    _text: Optional[Callable[[], str]] = field(default=None, repr=False, compare=False)


def check_run(X=None, y=None, *, t, x=None, u=None, v=None, epsilon, M=None, r=None, positive=False,
              weight_decay=0, scaling=None, step=None, tolerance=None, max_digits=None, max_exponent=None, max_bits=None):
    """Check a diagonal-linear-network training run against the exact limit and lasso path.

    Parameters
    ----------
    X, y : array_like, optional
        The data (or ``M=``, ``r=``), as for :func:`dlnpath.lasso_path`.
    t : array_like of shape (T,)
        The sample times (gradient flow time; iteration numbers with ``step``).
    x : array_like of shape (T, d), optional
        The predictor at those times; or give the factors ``u`` and ``v`` (``u`` alone with
        ``positive=True``).
    epsilon : float, Fraction or str
        The initialisation scale ε in (0, 1) (a decimal string such as ``"1e-400"`` for one below
        the double range): ``u(0) = √ε·1``, ``v(0) = 0`` (``u(0) = √ε·1`` for
        ``x = u∘u``).
    positive : bool, default False
        The weight-tied network ``x = u∘u`` (nonnegative lasso).
    weight_decay : number, default 0
        The run's weight decay λwd.
    scaling : {"mean", "sum"}, optional
        The run's loss: ``"mean"`` (the default) for ``||Xx − y||²/(2n)``, ``"sum"`` for
        ``½||Xx − y||²``.
    step : float, Fraction or str, optional
        The run is gradient descent with this step; ``t`` holds iteration numbers.
    tolerance : float, Fraction or str, optional
        The verdict's rtol (the tool's default 1e-3).
    max_digits, max_exponent, max_bits : int, optional
        As for :func:`dlnpath.lasso_path`.

    Returns
    -------
    RunCheckResult

    Raises
    ------
    DLNPathInputError
        For bad input (ε missing or out of range, times not increasing, shapes, non-finite values).
    """
    arrays = {"t": floats("t", t).copy()}  # copies: as given now, for a report read later
    for name, value in (("x", x), ("u", u), ("v", v)):
        if value is not None:
            arrays[name] = floats(name, value).copy()
    X, y, M, r = (copy.deepcopy(a) for a in (X, y, M, r))
    options = ["--epsilon", _epsilon(epsilon), *_options(positive, weight_decay, scaling if X is not None else None),
               *_limits(max_digits, max_exponent, max_bits)]
    if step is not None:
        options += ["--step", exact_option(step)]
    if tolerance is not None:
        options += ["--tolerance", exact_option(tolerance)]

    def check(extra, read):
        """``dlnpath check-run`` on the arrays, written to scratch files; ``read(stdout, args)``."""
        with tempfile.TemporaryDirectory(prefix="dlnpath-") as directory:
            problem = write_problem(directory, X=X, y=y, M=M, r=r)
            run = os.path.join(directory, "run.npz")
            np.savez(run, **arrays)
            args = ["check-run", problem, run, *options, *extra]
            return read(_tool.run(args).stdout, args)

    raw = check(["--json"], lambda out, args: json.loads(out))
    text = lambda: check([], _tool.in_user_terms)
    return RunCheckResult(
        verdict=raw["verdict"], consistent=raw["verdict"] == "consistent",
        run_deviation=float(raw["runDeviation"]), limit_deviation=float(raw["limitDeviation"]),
        lasso_deviation=float(raw["lassoDeviation"]),
        divergence=[(parse_fraction(d["from"]), None if d.get("to") is None else parse_fraction(d["to"]))
                    for d in raw.get("divergence") or []],
        criterion=raw.get("criterion", ""), reading=raw.get("reading", ""),
        hint=None if raw.get("hint") is None else _tool.in_user_terms(raw["hint"]), raw=raw, _text=text)
