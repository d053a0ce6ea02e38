"""Exact lasso paths on hand-derived instances, in scikit-learn's lars_path layout."""
from fractions import Fraction as F

import numpy as np
import pytest
from sklearn.linear_model import lars_path

import dlnpath


def test_orthogonal_design_is_soft_thresholding():
    # M = diag(1, 2, 4), r = (3, -1, 1/2): x_i(alpha) = sign(r_i)·max(|r_i| − alpha, 0)/M_ii, so the
    # knots are |r_i| = 3, 1, 1/2 and 0 (examples/orthogonal.json).
    p = dlnpath.lasso_path(M=np.diag([1.0, 2.0, 4.0]), r=np.array([3.0, -1.0, 0.5]))
    assert p.exact_alphas == [F(3), F(1), F(1, 2), F(0)]
    assert p.exact_coefs == [[0, 0, 0], [F(2), 0, 0], [F(5, 2), F(-1, 4), 0], [F(3), F(-1, 2), F(1, 8)]]
    assert p.alphas.dtype == np.float64 and list(p.alphas) == [3.0, 1.0, 0.5, 0.0]
    assert p.coefs.shape == (3, 4)
    np.testing.assert_array_equal(p.coefs[:, 2], [2.5, -0.25, 0.0])
    for alpha in [F(7, 3), F(3, 4), F(1, 10)]:
        expected = [max(abs(r) - alpha, 0) * (1 if r > 0 else -1) / m for r, m in [(F(3), 1), (F(-1), 2), (F(1, 2), 4)]]
        assert p.exact_solution(alpha) == expected


def test_data_form_matches_sklearn_lars_path():
    # Orthogonal columns: X = 2·I stacked on zeros (n = 4), so M = XᵀX/4 = I and r = Xᵀy/4.
    X = np.array([[2.0, 0.0], [0.0, 2.0], [0.0, 0.0], [0.0, 0.0]])
    y = np.array([3.0, -1.0, 0.5, 0.25])
    p = dlnpath.lasso_path(X, y)
    assert p.exact_alphas == [F(3, 2), F(1, 2), F(0)]
    assert p.exact_coefs[-1] == [F(3, 2), F(-1, 2)]
    alphas, _, coefs = lars_path(X, y, method="lasso")
    np.testing.assert_allclose(p.alphas, alphas, rtol=0, atol=1e-15)
    np.testing.assert_allclose(p.coefs, coefs, rtol=0, atol=1e-15)


def test_lists_of_fractions_are_exact():
    p = dlnpath.lasso_path(M=[[F(1, 3), 0], [0, 1]], r=[F(1, 3), "1/7"])
    assert p.exact_alphas == [F(1, 3), F(1, 7), F(0)]
    assert p.exact_coefs[-1] == [F(1), F(1, 7)]


def test_floats_are_taken_exactly():
    # 0.1 is not 1/10: the path's knot is the double's exact value.
    p = dlnpath.lasso_path(M=[[1.0]], r=[0.1])
    assert p.exact_alphas[0] == F(0.1) == F(3602879701896397, 36028797018963968)


def test_positive_lasso():
    # Nonnegative: the coordinate with r < 0 never enters.
    p = dlnpath.lasso_path(M=np.diag([1.0, 2.0]), r=np.array([3.0, -1.0]), positive=True)
    assert p.exact_alphas == [F(3), F(0)]
    assert p.exact_coefs[-1] == [F(3), F(0)]


def test_issue_2746_tie(tie):
    # M = XᵀX/2 has M_22 = M_44 = 1/2 (1-based), r_2 = r_4 = 5/4, the other columns are zero:
    # both enter together at 5/4 and x_2 = x_4 = 2·(5/4 − alpha).
    X, y = tie
    p = dlnpath.lasso_path(X, y)
    assert p.exact_alphas == [F(5, 4), F(0)]
    assert p.exact_coefs == [[0] * 5, [0, F(5, 2), 0, F(5, 2), 0]]
    assert p.exact_solution(F(1, 1000)) == [0, F(2498, 1000), 0, F(2498, 1000), 0]
    assert p.unique == [True, False]  # at alpha = 0 the zero columns are free


def test_compare_on_berthier_example():
    # examples/berthier-example.json: the averaged network leaves the path at s = 3/4, rejoins at 3.
    import json
    from pathlib import Path
    data = json.loads((Path(__file__).resolve().parents[2] / "examples" / "berthier-example.json").read_text())
    c = dlnpath.compare(M=data["M"], r=data["r"]) if "M" in data else dlnpath.compare(data["X"], data["y"])
    assert c.monotone is False and c.equivalent is False
    assert c.divergence == [(F(3, 4), F(3))]
    assert c.maximum_gap == F(1, 28) and c.gap_at == F(7, 4)
    assert c.z_down == F(15, 64)


def test_compare_monotone_orthogonal():
    c = dlnpath.compare(M=np.diag([1.0, 2.0, 4.0]), r=np.array([3.0, -1.0, 0.5]))
    assert c.monotone is True and c.equivalent is True and c.divergence == []
    assert c.maximum_gap == 0
