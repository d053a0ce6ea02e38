"""Errors from the tool become Python exceptions carrying its message."""
import os

import numpy as np
import pytest

import dlnpath


def test_bad_input_raises_with_the_tools_message():
    with pytest.raises(dlnpath.DLNPathInputError, match="not positive semidefinite") as caught:
        dlnpath.lasso_path(M=[[1, 2], [2, 1]], r=[1, 1])
    assert isinstance(caught.value, ValueError)
    assert caught.value.exit_code == 2
    assert not caught.value.message.startswith("error:")


def test_shapes_that_do_not_fit_name_the_member():
    X = np.eye(2)
    y = np.array([1.0, 0.0])
    with pytest.raises(dlnpath.DLNPathInputError, match=r"coefs.*has shape \[3, 2\]"):
        dlnpath.check_solver(X, y, [1.0, 0.0], np.zeros((3, 2)))


def test_search_output_onto_a_file(tmp_path):
    target = tmp_path / "taken"
    target.write_text("not a directory")
    with pytest.raises(dlnpath.DLNPathInputError, match="is a file; --output takes a directory"):
        dlnpath.search("non-monotone", count=3, seed=1, output=target)


def test_search_refuses_another_runs_output(tmp_path):
    dlnpath.search("non-monotone", count=4, seed=1, max_found=1, output=tmp_path)
    with pytest.raises(dlnpath.DLNPathInputError, match="holds the output of another search.*give force=True to replace it"):
        dlnpath.search("non-monotone", count=4, seed=2, max_found=1, output=tmp_path)
    again = dlnpath.search("non-monotone", count=4, seed=2, max_found=1, output=tmp_path, force=True)
    assert again.summary["seed"] == 2


def test_missing_binary_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setenv("DLNPATH_BIN", str(tmp_path / "nowhere" / "dlnpath"))
    with pytest.raises(dlnpath.DLNPathNotFound, match="DLNPATH_BIN=.* is not an executable file"):
        dlnpath.lasso_path(M=[[1]], r=[1])


def test_bad_property_is_an_input_error():
    with pytest.raises(dlnpath.DLNPathInputError, match="unknown property 'monotone'"):
        dlnpath.search("monotone", count=3, seed=1)


def test_binary_version_matches_the_package():
    assert dlnpath.binary_version() == dlnpath.__version__
    assert os.path.isfile(dlnpath.find_binary())


@pytest.mark.parametrize("X, y, message", [
    ([["1", "b"], ["0", "1"]], [1, 2], r"^X\[0, 1\]: 'b' is not a finite number; give exact numbers"),
    ([["1", "1/0"], ["0", "1"]], [1, 2], r"^X\[0, 1\]: '1/0' has a zero denominator"),
    (np.array([[1.0, 0.0], [np.nan, 1.0]]), np.ones(2), r"^X\[1, 0\] is nan, which has no exact value"),
    (np.eye(2), np.array([1.0, -np.inf]), r"^y\[1\] is -inf, which has no exact value"),
    (np.eye(2), np.ones((2, 1)), r"^X must be 2-dimensional and y 1-dimensional; got shapes \(2, 2\) and \(2, 1\): pass y\.ravel\(\)$"),
    (np.ones(2), np.ones(2), r"^X must be 2-dimensional and y 1-dimensional; got shapes \(2,\) and \(2,\)$"),
])
def test_arrays_that_are_not_numbers_are_input_errors_named_as_numpy_does(X, y, message):
    # Caught before the tool runs, with numpy's 0-based index of the entry.
    with pytest.raises(dlnpath.DLNPathInputError, match=message):
        dlnpath.lasso_path(X, y)


def test_messages_name_the_arrays_not_the_files_written_for_the_tool():
    X = np.array([[1.0, 2.0], [2.0, 4.0]])  # M singular; y = (1, 0): r outside its range
    with pytest.raises(dlnpath.DLNPathInputError) as caught:
        dlnpath.lasso_path(M=X, r=[1.0, 0.0])
    assert caught.value.message.startswith("the problem's arrays: "), caught.value.message
    assert "dlnpath-" not in caught.value.message and "problem.npz" not in caught.value.message


@pytest.mark.parametrize("options, message", [
    (dict(count=-1), r"^count must be an integer ≥ 0, got -1$"), (dict(seed=-1), r"^seed must be an integer ≥ 0, got -1$"),
    (dict(count="ten"), r"^count must be an integer ≥ 0, got 'ten'$"),
    (dict(max_found=True), r"^max_found must be an integer ≥ 1 \(or None\), got True$"),
    (dict(samples=100), r"^samples and features must be between 1 and 64 \(see help\(dlnpath.search\)\)$"),
    (dict(distribution="x"), r"^the value 'x' is invalid for 'distribution': unknown distribution 'x'"),
])
def test_bad_search_options_are_named_as_the_parameters(options, message):
    with pytest.raises(dlnpath.DLNPathInputError, match=message):
        dlnpath.search("non-monotone", **{"count": 3, "seed": 1, **options})


@pytest.mark.parametrize("call, message", [
    (lambda: dlnpath.lasso_path(np.array([[1, None], [2, 3]], dtype=object), [1, 2]), r"^X\[0, 1\]: cannot read None"),
    (lambda: dlnpath.lasso_path(np.eye(2, dtype=complex), [1, 2]), r"^X\[0, 0\]: cannot read .* \(complex\)"),
    (lambda: dlnpath.lasso_path([[1, 2], [3]], [1, 2]), r"^X is ragged"),
    (lambda: dlnpath.check_solver(np.eye(2), [1, 2], ["a"], [[1], [1]]), r"^alphas cannot be read as an array of numbers"),
    (lambda: dlnpath.search("non-monotone", 10, 1, shards="2"), r"^shards must be an integer ≥ 1, got '2'"),
    (lambda: dlnpath.check_run(np.eye(2), [1, 2], t=[0, 1], x=np.zeros((2, 2)), epsilon=None), r"^epsilon must be a number in \(0, 1\)"),
    (lambda: dlnpath.check_run(np.eye(2), [1, 2], t=[0, 1], x=np.zeros((2, 2)), epsilon=1e-6, step="abc"), r"'abc' is not a finite number"),
])
def test_every_bad_input_is_an_input_error(call, message):
    with pytest.raises(dlnpath.DLNPathInputError, match=message):
        call()


def test_the_tools_messages_count_entries_as_numpy_does():
    # The tool counts from 1 (M[1][2]); the arrays given count from 0.
    with pytest.raises(dlnpath.DLNPathInputError, match=r"M is not symmetric: M\[0, 1\] = 2 but M\[1, 0\] = 0$"):
        dlnpath.lasso_path(M=np.array([[1.0, 2.0], [0.0, 1.0]]), r=np.ones(2))


def test_reports_name_the_arrays_not_the_deleted_scratch_files(tie):
    from sklearn.linear_model import lars_path
    X, y = tie
    alphas, _, coefs = lars_path(X, y, method="lasso")
    report = dlnpath.check_solver(X, y, alphas, coefs, path=True).report
    assert report.startswith("problem: the problem's arrays (d = 5, signed lasso)\nsolver output: the solver's arrays"), report[:200]
    assert "dlnpath-" not in report
