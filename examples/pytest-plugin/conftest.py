"""A pytest plugin for solver authors: regression-test a lasso solver against the exact path.

Copy this file into your test suite (or load it with ``-p``). It provides

- the fixture ``exact_lasso_check``: ``exact_lasso_check(X, y, alphas, coefs, path=True)`` fails
  the test with an explanation of the first wrong alpha (``dlnpath.testing.assert_lasso_path``);
- the fixture ``lasso_instance``: ``lasso_instance(name)`` loads ``examples/NAME.json`` as float64
  ``X, y``;
- the option ``--lasso-rtol`` (default 1e-7): the largest accepted error per alpha.

Known solver bugs are declared as strict expected failures, so the suite notices both a
regression and a fix (see ``test_sklearn_lars_path.py``).
"""
import json
from pathlib import Path

import numpy as np
import pytest

import dlnpath
from dlnpath.testing import assert_lasso_path

EXAMPLES = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption("--lasso-rtol", type=float, default=1e-7,
                     help="largest accepted error ||x − x*||∞/max(1, ||x*||∞) per alpha (default 1e-7)")


@pytest.fixture
def exact_lasso_check(request):
    rtol = request.config.getoption("--lasso-rtol")

    def check(X, y, alphas, coefs, path=True, **options):
        assert_lasso_path(X, y, alphas, coefs, rtol=rtol, path=path, **options)

    return check


@pytest.fixture
def lasso_instance():
    def load(name):
        data = json.loads((EXAMPLES / f"{name}.json").read_text())
        to_float = np.vectorize(lambda v: float(dlnpath.parse_fraction(str(v))), otypes=[np.float64])
        return to_float(np.array(data["X"], dtype=object)), to_float(np.array(data["y"], dtype=object))

    return load
