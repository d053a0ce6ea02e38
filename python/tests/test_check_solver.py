"""check_solver and testing.assert_lasso_path against scikit-learn's solvers."""
import numpy as np
import pytest
from sklearn.linear_model import LassoLars, lars_path

import dlnpath
from dlnpath.testing import assert_lasso_path


def test_sklearn_lars_path_tie_is_a_structural_error(tie):
    X, y = tie
    alphas, _, coefs = lars_path(X, y, method="lasso")
    # scikit-learn 1.9.1 (issue 2746): the zero-length step at the tie is skipped.
    np.testing.assert_array_equal(alphas, [1.25, 1.25, 0.0])
    np.testing.assert_array_equal(coefs[:, 1], [0, 2.5, 0, 0, 0])
    r = dlnpath.check_solver(X, y, alphas, coefs, path=True)
    assert r.ok is False and not r
    assert r.error_class == "structural"
    assert [p["class"] for p in r.points] == ["ok", "structural", "structural"]
    assert "x2 has sign +, exact 0" in r.points[1]["reason"]
    # The place is numpy's index into the arrays given, not the tool's 1-based member column.
    assert r.summary.startswith("FAIL: structural error at 2 of 3 λ (first at λ = 1.25, alphas[1]: x2 has sign +")
    lines = r.report.splitlines()
    verdict = [line for line in lines if line.startswith("verdict:")]
    assert len(verdict) == 1 and verdict[0].startswith("verdict: FAIL: structural error at 2 of 3")
    assert not any(line.startswith("error:") for line in lines)


def test_assert_lasso_path_explains_the_tie(tie):
    X, y = tie
    alphas, _, coefs = lars_path(X, y, method="lasso")
    with pytest.raises(AssertionError) as caught:
        assert_lasso_path(X, y, alphas, coefs, path=True)
    message = str(caught.value)
    assert "first wrong alpha: alphas[1] = 1.25 (structural: x2 has sign +, exact 0)" in message
    assert "largest differences, coefs[i, 1] against the exact x_i: i = 0: 0 vs 0; i = 1: 2.5 vs 0; i = 2: 0 vs 0" in message


def test_a_failure_at_large_d_stays_readable():
    from sklearn.linear_model import lasso_path as sk_lasso_path
    rng = np.random.default_rng(5)
    X = rng.standard_normal((30, 120))
    y = X[:, :3] @ np.array([2.0, -1.0, 0.5]) + 0.1 * rng.standard_normal(30)
    alphas, coefs, _ = sk_lasso_path(X, y, alphas=[0.5, 0.2], tol=1e-14, max_iter=100_000)
    coefs[:, 1] = -coefs[:, 1]
    with pytest.raises(AssertionError) as caught:
        assert_lasso_path(X, y, alphas, coefs)
    message = str(caught.value)
    assert "first wrong alpha: alphas[1]" in message and message.count("vs") == 5
    assert max(map(len, message.splitlines())) < 400, message


def test_correct_paths_pass(tie):
    X, y = tie
    exact = dlnpath.lasso_path(X, y)
    r = dlnpath.check_solver(X, y, exact.alphas, exact.coefs, path=True)
    assert r.ok is True and r.error_class == "ok"
    assert_lasso_path(X, y, exact.alphas, exact.coefs, path=True)
    rng = np.random.default_rng(7)
    X2 = np.round(rng.standard_normal((20, 5)), 3)
    y2 = np.round(rng.standard_normal(20), 3)
    alphas, _, coefs = lars_path(X2, y2, method="lasso")
    assert_lasso_path(X2, y2, alphas, coefs, rtol=1e-9, path=True)


def test_stopping_tolerance_is_reported_not_failed():
    # Coordinate descent stopped early: right support and signs, values off by 1e-4.
    p = dlnpath.lasso_path(M=np.diag([1.0, 2.0]), r=np.array([3.0, -1.0]))
    X = np.array([[2.0, 0.0], [0.0, 2.0 * np.sqrt(2.0)]])  # not needed: use the M form below
    del X
    X = np.array([[1.0, 0.0], [0.0, 1.0]]) * np.sqrt(2.0)
    y = np.array([2.0, -1.0]) / np.sqrt(2.0)
    exact = dlnpath.lasso_path(X, y)
    coefs = exact.coefs.copy()
    coefs[0, -1] += 1e-4
    r = dlnpath.check_solver(X, y, exact.alphas, coefs)
    assert r.ok is True and r.error_class == "stopping-tolerance"
    assert [p["class"] for p in r.points][-1] == "stopping-tolerance"
    strict = dlnpath.check_solver(X, y, exact.alphas, coefs, tolerance=1e-6)
    assert strict.ok is False and strict.summary.startswith("FAIL")
    with pytest.raises(AssertionError, match="stopping-tolerance"):
        assert_lasso_path(X, y, exact.alphas, coefs, rtol=1e-7)
    assert p.exact_alphas[0] == 3


def test_fit_intercept_matches_lassolars():
    rng = np.random.default_rng(3)
    X = np.round(rng.standard_normal((8, 3)) + 2.0, 2)  # far from centered
    y = np.round(X @ [1.5, 0.0, -2.0] + 3.0 + 0.1 * rng.standard_normal(8), 2)
    model = LassoLars(alpha=0.0, fit_intercept=True).fit(X, y)
    alphas, coefs = model.alphas_, model.coef_path_
    r = dlnpath.check_solver(X, y, alphas, coefs, fit_intercept=True, path=True)
    assert r.ok is True and r.error_class == "ok", r.report
    assert "centered" in r.report
    # The exact path of the centered data is scikit-learn's, to rounding.
    exact = dlnpath.lasso_path(X - X.mean(axis=0), y - y.mean())
    centered = dlnpath.check_solver(X - X.mean(axis=0), y - y.mean(), alphas, coefs, path=True)
    assert centered.ok is True
    np.testing.assert_allclose(exact.alphas, alphas, rtol=1e-12, atol=1e-12)
    # Without centering the same output is structurally wrong.
    assert dlnpath.check_solver(X, y, alphas, coefs, path=True).error_class == "structural"


def test_the_text_report_is_made_once_when_read(tie, monkeypatch):
    from sklearn.linear_model import lars_path
    X, y = tie
    alphas, _, coefs = lars_path(X, y, method="lasso")
    runs = []
    real = dlnpath._solver._tool.run
    monkeypatch.setattr(dlnpath._solver._tool, "run", lambda args, **k: runs.append(args) or real(args, **k))
    result = dlnpath.check_solver(X, y, alphas, coefs, path=True)
    assert len(runs) == 1 and "--json" in runs[0]
    X[0, 3] = 100.0  # changed after the call: the report is still about the arrays checked
    assert result.report.startswith("problem: the problem's arrays") and "FAIL: structural error at 2 of 3" in result.report
    assert result.report is result.report and len(runs) == 2
