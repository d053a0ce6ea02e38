"""DLNPath from Python: exact lasso paths, the exact ε → 0 limit of diagonal linear networks,
checks of floating-point solvers against the exact path, and the counterexample search.

Plain functions on NumPy arrays, in scikit-learn's ``lars_path`` layout (alphas decreasing,
coefs of shape (d, K)), with the exact values as :class:`fractions.Fraction`. The work is done
by the ``dlnpath`` tool (found through ``DLNPATH_BIN``, the copy built by ``pip install``, or
``PATH``); data goes to it as ``.npz`` (float64 read exactly) or exact JSON.

>>> import numpy as np, dlnpath
>>> p = dlnpath.lasso_path(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([2.0, -1.0]))
>>> p.exact_alphas
[Fraction(1, 1), Fraction(1, 2), Fraction(0, 1)]
"""
from . import testing
from ._exact import parse_fraction
from ._path import Comparison, LassoPath, compare, lasso_path
from ._run import RunCheckResult, check_run
from ._search import Finding, SearchResult, search
from ._solver import SolverCheckResult, check_solver
from ._tool import find_binary, version as binary_version
from .errors import DLNPathError, DLNPathInputError, DLNPathNotFound

__version__ = "0.2.0"

__all__ = [
    "lasso_path", "compare", "check_solver", "check_run", "search", "testing",
    "LassoPath", "Comparison", "SolverCheckResult", "RunCheckResult", "SearchResult", "Finding",
    "DLNPathError", "DLNPathInputError", "DLNPathNotFound",
    "find_binary", "binary_version", "parse_fraction",
]
