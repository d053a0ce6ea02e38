"""scikit-learn's lars_path against the exact lasso path, through the plugin in conftest.py."""
import warnings

import numpy as np
import pytest
from sklearn.linear_model import lars_path


def lars(X, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # LARS warns about degenerate regressors on singular X
        alphas, _, coefs = lars_path(X, y, method="lasso")
    return alphas, coefs


@pytest.mark.parametrize("name", [
    "mairal-yu-4",
    # scikit-learn issue 2746: LARS skips the zero-length step at a tie (still open in 1.9.1).
    pytest.param("sklearn-2746-tie", marks=pytest.mark.xfail(raises=AssertionError, strict=True, reason="scikit-learn issue 2746")),
    # Duplicate columns: LARS drops the degenerate copy and ends off the path at alpha = 0.
    pytest.param("duplicate-columns", marks=pytest.mark.xfail(raises=AssertionError, strict=True, reason="LARS drops a degenerate regressor")),
])
def test_examples(name, lasso_instance, exact_lasso_check):
    X, y = lasso_instance(name)
    exact_lasso_check(X, y, *lars(X, y))


@pytest.mark.parametrize("seed", range(3))
def test_gaussian(seed, exact_lasso_check):
    rng = np.random.default_rng(seed)
    X = np.round(rng.standard_normal((15, 6)), 4)
    y = np.round(rng.standard_normal(15), 4)
    exact_lasso_check(X, y, *lars(X, y))


def test_the_tie_is_caught_with_its_explanation(lasso_instance, exact_lasso_check):
    X, y = lasso_instance("sklearn-2746-tie")
    with pytest.raises(AssertionError, match=r"alphas\[1\] = 1.25 \(structural: x2 has sign \+, exact 0\)"):
        exact_lasso_check(X, y, *lars(X, y))
