"""lasso_path and compare: the exact lasso path and the DLN verdict as Python objects."""
import functools
import numbers
import tempfile
from dataclasses import dataclass, field
from fractions import Fraction
from typing import List, Optional, Tuple

import numpy as np

from . import _tool
from .errors import DLNPathInputError
from ._document import largest_gap, read_compare, read_document
from ._exact import parse_reduced
from ._problem import exact_option, write_problem


def _options(positive, weight_decay, scaling):
    args = ["--positive"] if positive else ["--signed"]
    if weight_decay:
        args += ["--weight-decay", exact_option(weight_decay)]
    if scaling is not None:
        args += ["--scaling", scaling]
    return args


def _limits(max_digits=None, max_exponent=None, max_bits=None):
    """The tool's input-limit options (``--max-digits`` …) for the ones given."""
    args = []
    for option, value in (("--max-digits", max_digits), ("--max-exponent", max_exponent), ("--max-bits", max_bits)):
        if value is None:
            continue
        if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < 1:
            raise DLNPathInputError(f"{option[2:].replace('-', '_')} must be an integer ≥ 1, got {value!r}")
        args += [option, str(int(value))]
    return args


def _run_on_problem(command, X, y, M, r, positive, weight_decay, extra=(), accept=(0,), scaling=None, consume=None):
    """The completed process, or with `consume` what it returns of the output's lines."""
    with tempfile.TemporaryDirectory(prefix="dlnpath-") as directory:
        problem = write_problem(directory, X=X, y=y, M=M, r=r)
        sc = scaling if X is not None else None
        args = [command, problem, *_options(positive, weight_decay, sc), *extra]
        if consume is not None:
            return _tool.run_streaming(args, consume, accept=accept)
        return _tool.run(args, accept=accept)


@dataclass
class LassoPath:
    """The exact lasso path, in scikit-learn's ``lars_path`` layout.

    The lasso is ``min_x ||Xx - y||²/(2n) + alpha·||x||₁`` (``M = XᵀX/n``, ``r = Xᵀy/n``), so
    ``alpha`` is scikit-learn's; the path is linear in alpha between consecutive knots.

    Attributes
    ----------
    alphas : ndarray of shape (K,)
        The knots, decreasing, as float64 (each the double nearest the exact value), ending at 0.
    coefs : ndarray of shape (d, K)
        ``coefs[:, k]`` is the solution at ``alphas[k]`` (float64).
    exact_alphas : list of Fraction
        The knots, exactly.
    exact_coefs : list of K lists of d Fraction
        ``exact_coefs[k]`` is the exact solution at ``exact_alphas[k]``.
    unique : list of bool
        Whether the solution at each knot is unique (it is not for some singular M; then the
        path holds the canonical member).
    raw : dict
        The tool's JSON output (``dlnpath path --json``).
    """

    alphas: np.ndarray
    coefs: np.ndarray
    exact_alphas: List[Fraction]
    exact_coefs: List[List[Fraction]]
    unique: List[bool] = field(default_factory=list)
    raw: dict = field(default_factory=dict, repr=False)

    def exact_solution(self, alpha):
        """The exact solution at any ``alpha ≥ 0`` (linear between knots).

        Parameters
        ----------
        alpha : float, int, Fraction or str
            Taken exactly (a float as the binary value it holds).

        Returns
        -------
        list of Fraction
        """
        from ._exact import exact
        a = exact(alpha)
        if a < 0:
            raise DLNPathInputError(f"alpha must be ≥ 0, got {alpha}")
        knots = self.exact_alphas
        if a >= knots[0]:
            return list(self.exact_coefs[0])
        for k in range(1, len(knots)):
            if a >= knots[k]:
                hi, lo = knots[k - 1], knots[k]
                t = (hi - a) / (hi - lo)
                return [u + t * (v - u) for u, v in zip(self.exact_coefs[k - 1], self.exact_coefs[k])]
        return list(self.exact_coefs[-1])


def lasso_path(X=None, y=None, *, M=None, r=None, positive=False, weight_decay=0, scaling=None,
               max_digits=None, max_exponent=None, max_bits=None):
    """The exact lasso path of ``||Xx - y||²/(2n) + alpha·||x||₁``, like scikit-learn's
    ``lars_path(X, y, method="lasso")`` but exact (ties, singular X and every knot included).

    Parameters
    ----------
    X : array_like of shape (n, d), optional
        The data. NumPy float arrays are taken exactly (each double is the rational it holds);
        lists may hold Fractions, ints or strings such as ``"3/4"``.
    y : array_like of shape (n,), optional
        The response.
    M, r : array_like of shape (d, d) and (d,), optional
        The problem as ``½xᵀMx − rᵀx + alpha·||x||₁`` instead of X, y (M symmetric PSD, r in
        the range of M).
    positive : bool, default False
        The nonnegative lasso (scikit-learn's ``positive=True``).
    weight_decay : number, default 0
        The network's weight decay λwd ≥ 0 (exact): the lasso penalty paired with the network's
        time μ becomes ``alpha = λwd + 1/μ``; it matters to :func:`compare`, not to the path.
    scaling : {"mean", "sum"}, optional
        ``"sum"`` for ``½||Xx − y||² + alpha·||x||₁`` (M = XᵀX); default ``"mean"`` as scikit-learn.
    max_digits, max_exponent, max_bits : int, optional
        Raise the tool's bounds on exact input (defaults: 1000 digits in a numerator or
        denominator, decimal exponents within ±1000, and the bits the problem's numbers need over
        one common denominator, enough for any numbers within the first two). Every double is
        within them; longer Fractions or strings are refused with a message naming the bound.

    Returns
    -------
    LassoPath
        ``alphas`` (decreasing, float64), ``coefs`` of shape (d, K), and the exact values.

    Raises
    ------
    DLNPathInputError
        For invalid input (the tool's message says what and where).

    Examples
    --------
    >>> import numpy as np, dlnpath
    >>> p = dlnpath.lasso_path(M=np.diag([1.0, 2.0]), r=np.array([3.0, -1.0]))
    >>> p.exact_alphas
    [Fraction(3, 1), Fraction(1, 1), Fraction(0, 1)]
    """
    limits = _limits(max_digits, max_exponent, max_bits)
    raw = _run_on_problem("path", X, y, M, r, positive, weight_decay, extra=["--json", *limits], scaling=scaling,
                          consume=read_document)
    return _path_from_json(raw)


def _float(q):
    """The nearest double (±inf beyond its range), without tripping on huge integers."""
    try:
        return float(q)
    except OverflowError:
        return float("inf") if q > 0 else float("-inf")


def _path_from_json(raw):
    knots = raw["knots"]
    exact_alphas = [parse_reduced(k["lambda"]) for k in knots]
    exact_coefs = [[parse_reduced(v) for v in k["x"]] for k in knots]
    d = len(exact_coefs[0]) if exact_coefs else 0
    coefs = np.array([[_float(x[i]) for x in exact_coefs] for i in range(d)], dtype=np.float64).reshape(d, len(knots))
    return LassoPath(alphas=np.array([_float(a) for a in exact_alphas], dtype=np.float64), coefs=coefs,
                     exact_alphas=exact_alphas, exact_coefs=exact_coefs,
                     unique=[bool(k.get("unique", True)) for k in knots], raw=raw)


@dataclass
class Comparison:
    """How the ε → 0 limit of a diagonal linear network relates to the lasso path.

    Attributes
    ----------
    monotone : bool
        Whether ``μ·x(μ)`` is monotone along the lasso path (then the averaged network follows it).
    equivalent : bool
        Whether the averaged DLN limit equals the lasso path for every time s.
    divergence : list of (Fraction, Fraction or None)
        The exact s-intervals where they differ (None: to infinity).
    maximum_gap : Fraction
        The largest exact limit gap ``Lasso(x̄(s), s) − Lasso*(s)`` over s.
    gap_at : Fraction or None
        Where it is attained.
    z_down : Fraction or None
        The total downward variation z↓.
    statements : list of str
        The verdict in words.
    path : LassoPath
        The exact lasso path.
    raw : dict
        The tool's JSON output without its long members (``dlnpath compare --json --summary``):
        no ``saddles`` or ``gap`` pieces, ``zDown`` holds only its ``total``, and
        ``largestGap`` the largest gap (``compare(..., document=FILE)`` writes the whole
        document).
    """

    monotone: bool
    equivalent: bool
    divergence: List[Tuple[Fraction, Optional[Fraction]]]
    maximum_gap: Fraction
    gap_at: Optional[Fraction]
    z_down: Optional[Fraction]
    statements: List[str]
    path: LassoPath
    raw: dict = field(default_factory=dict, repr=False)


def compare(X=None, y=None, *, M=None, r=None, positive=False, weight_decay=0, scaling=None, document=None,
            max_digits=None, max_exponent=None, max_bits=None):
    """Compare the exact ε → 0 diagonal-linear-network limit with the lasso path
    (``dlnpath compare``).

    Parameters
    ----------
    X, y, M, r, positive, weight_decay, scaling, max_digits, max_exponent, max_bits
        As for :func:`lasso_path`.
    document : str or path-like, optional
        A file to receive the whole ``dlnpath compare --json`` document, saddles and gap
        pieces included (1.9 GB at a Gaussian 100×200 design); only its short members are
        read into Python. Without it the tool writes only those (``--summary``), which on a
        large design takes less than half the time.

    Returns
    -------
    Comparison
        ``monotone``, ``equivalent``, ``divergence`` (exact s-intervals), ``maximum_gap``, … .

    Raises
    ------
    DLNPathInputError
        For invalid input.
    """
    def read(lines):
        with open(document, "wb") as copy:
            return read_compare(lines, copy)

    run = functools.partial(_run_on_problem, "compare", X, y, M, r, positive, weight_decay, scaling=scaling)
    limits = _limits(max_digits, max_exponent, max_bits)
    if document is None:
        raw = run(extra=["--json", "--summary", *limits], consume=read_document)
        largest = raw["largestGap"]
        best = None if largest is None else (parse_reduced(largest["maximum"]), _optional(largest["maximiser"]))
    else:
        raw, gaps = run(extra=["--json", *limits], consume=read)
        best = largest_gap(gaps)  # Fractions print as the tool writes them: "p/q" in lowest terms, or "p"
        raw["largestGap"] = None if best is None else {"maximum": str(best[0]), "maximiser": _optional(best[1], str)}
    total = raw["zDown"]["total"]
    return Comparison(
        monotone=bool(raw["monotone"]), equivalent=bool(raw["equivalent"]),
        divergence=[(parse_reduced(d["from"]), _optional(d.get("to"))) for d in raw.get("divergence") or []],
        maximum_gap=best[0] if best else Fraction(0),
        gap_at=best[1] if best else None,
        z_down=_optional(total),
        statements=list(raw.get("statements") or []),
        path=_path_from_json({"knots": raw["knots"]}) if "knots" in raw and raw["knots"] and "x" in raw["knots"][0] else None,
        raw=raw)


def _optional(text, convert=parse_reduced):
    """`convert(text)`, or None for None (JSON's null)."""
    return None if text is None else convert(text)
