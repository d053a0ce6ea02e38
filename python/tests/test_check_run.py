"""check_run: a gradient-flow run integrated here with SciPy, against the exact limit."""
from fractions import Fraction

import numpy as np
import pytest
from scipy.integrate import solve_ivp

import dlnpath

M = np.array([[10.0, -4.0], [-4.0, 2.0]])  # examples/berthier-example.json
r = np.array([-3.0, 2.0])


def flow(epsilon, s_max=6.0, samples=400, M=M, r=r):
    """u' = −(Mx − r)∘v, v' = −(Mx − r)∘u from u = √ε·1, v = 0 (x = u∘v), sampled in s = 2t/log(1/ε)."""
    scale = np.log(1 / epsilon) / 2
    t = np.linspace(0, s_max, samples + 1)[1:] * scale
    d = len(r)

    def field(_, w):
        u, v = w[:d], w[d:]
        g = M @ (u * v) - r
        return np.concatenate([-g * v, -g * u])

    w0 = np.concatenate([np.sqrt(epsilon) * np.ones(d), np.zeros(d)])
    sol = solve_ivp(field, (0, t[-1]), w0, method="Radau", t_eval=t, rtol=1e-11, atol=1e-14)
    return t, (sol.y[:d] * sol.y[d:]).T


def test_an_accurate_run_is_consistent():
    t, x = flow(1e-8)
    res = dlnpath.check_run(M=M, r=r, t=t, x=x, epsilon=1e-8)
    assert res.verdict == "consistent" and res.consistent, res.report
    assert res.run_deviation < 1e-4 and res.hint is None
    assert res.divergence and res.divergence[0][0] == dlnpath.parse_fraction("3/4")


def test_an_exact_epsilon_is_its_nearest_double():
    t, x = flow(1e-8)
    as_float = dlnpath.check_run(M=M, r=r, t=t, x=x, epsilon=1e-8)
    for epsilon in (Fraction(1, 10 ** 8), "1/100000000"):
        res = dlnpath.check_run(M=M, r=r, t=t, x=x, epsilon=epsilon)
        same = lambda raw: {k: v for k, v in raw.items() if k != "file"}  # noqa: E731 (the scratch file's name)
        assert same(res.raw) == same(as_float.raw), epsilon


def test_a_wrong_epsilon_is_caught():
    t, x = flow(1e-8)
    res = dlnpath.check_run(M=M, r=r, t=t, x=x, epsilon=1e-4)
    assert res.verdict == "inconsistent" and not res.consistent, res.report
    # 1e-4 is the run's initialisation scale √ε: the hint names ε itself, in Python's terms.
    assert res.hint.startswith("an initialisation u(0) = ε·β, not √ε·β? ε is the square of the initialisation scale: "
                               "give epsilon=1e-8 (the run then agrees with the tool's own to "), res.hint
    assert "give epsilon=1e-8" in res.report and "--epsilon" not in res.report


def test_a_loss_summed_over_the_samples_is_named():
    rng = np.random.default_rng(5)
    X, y = rng.standard_normal((6, 3)), rng.standard_normal(6)
    t, x = flow(1e-6, s_max=1.0, M=X.T @ X, r=X.T @ y)  # ½||Xx − y||², times in its own s
    res = dlnpath.check_run(X, y, t=t, x=x, epsilon=1e-6)
    assert res.verdict == "inconsistent" and res.hint.startswith(
        "a loss summed over the 6 samples (‖Xx − y‖²/2)? give scaling='sum' ("), res.hint
    summed = dlnpath.check_run(X, y, t=t, x=x, epsilon=1e-6, scaling="sum")
    assert summed.verdict == "consistent" and summed.hint is None, summed.report


def test_bad_run_raises_with_the_tools_message():
    t, x = flow(1e-8)
    with pytest.raises(dlnpath.DLNPathInputError, match="ε|epsilon"):
        dlnpath.check_run(M=M, r=r, t=t[::-1], x=x, epsilon=2.0)


def test_the_text_report_is_made_once_when_read(monkeypatch):
    X, y = np.array([[10.0, -4.0], [-4.0, 2.0]]), np.array([-3.0, 2.0])
    before = dlnpath.check_run(M=X, r=y, t=[0.0, 1.0], x=np.zeros((2, 2)), epsilon=1e-8).report
    runs = []
    real = dlnpath._run._tool.run
    monkeypatch.setattr(dlnpath._run._tool, "run", lambda args, **k: runs.append(args) or real(args, **k))
    res = dlnpath.check_run(M=X, r=y, t=[0.0, 1.0], x=np.zeros((2, 2)), epsilon=1e-8)
    assert len(runs) == 1 and "--json" in runs[0]
    X[0, 0] = 100.0  # changed after the call: the report is still about the arrays checked
    assert res.report == before and "the problem's arrays" in res.report
    assert len(runs) == 2
