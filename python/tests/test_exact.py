"""Exact numbers across the process boundary, beyond Python's 4300-digit int/str limit."""
import sys
from fractions import Fraction

import numpy as np
import pytest

import dlnpath
from dlnpath._exact import exact, fraction_to_str, int_to_str, parse_fraction, parse_int


def test_five_thousand_digit_numerator():
    digits = "".join(str((7 * k + 3) % 10) for k in range(4999)) + "1"  # odd, no leading zero
    q = parse_fraction(digits + "/1024")
    with pytest.raises(ValueError):
        int(digits)  # the limit this parser avoids (CPython ≥ 3.11 default: 4300 digits)
    assert q.denominator == 1024
    assert q.numerator % 10 ** 12 == parse_int(digits[-12:])
    assert q.numerator // 10 ** 4988 == int(digits[:12])
    assert fraction_to_str(q) == digits + "/1024"
    assert sys.get_int_max_str_digits() == 4300  # the global setting is left alone
    assert parse_fraction("-" + digits) == -Fraction(q.numerator)


def test_int_to_str_and_back_large():
    n = -(3 ** 40000)  # 19,085 digits
    text = int_to_str(n)
    previous = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)  # the oracle: Python's own conversion without the limit
    try:
        assert text == str(n)
    finally:
        sys.set_int_max_str_digits(previous)
    assert len(text) == 19086
    assert parse_int(text) == n


@pytest.mark.parametrize("value, expected", [
    (0.1, Fraction(3602879701896397, 36028797018963968)),
    (np.float64(-0.5), Fraction(-1, 2)),
    (np.float32(0.1), Fraction(13421773, 134217728)),
    ("3/4", Fraction(3, 4)),
    ("1e-3", Fraction(1, 1000)),
    (7, Fraction(7)),
    (Fraction(-2, 6), Fraction(-1, 3)),
])
def test_exact_values(value, expected):
    assert exact(value) == expected


def test_nan_is_refused():
    with pytest.raises(ValueError, match="no exact value"):
        exact(float("nan"))


def test_huge_exact_input_reaches_the_tool_and_back():
    # r = (10^4500 + 1)/10^4500 on M = [[1]]: the knot alpha = r and x(0) = r, 4501-digit numerator.
    big = Fraction(10 ** 4500 + 1, 10 ** 4500)
    # The message names the parameter that raises the bound, as this package calls it.
    with pytest.raises(dlnpath.DLNPathInputError, match=r"^the problem's arrays: r\[0\]: .*\(raise it with max_digits=…\)$"):
        dlnpath.lasso_path(M=[[1]], r=[big])
    p = dlnpath.lasso_path(M=[[1]], r=[big], max_digits=5000)
    assert p.exact_alphas == [big, Fraction(0)]
    assert p.exact_coefs[-1] == [big]
    assert p.alphas[0] == 1.0
    # compare takes the same bounds; a bound that is not a positive integer is bad input.
    assert dlnpath.compare(M=[[1]], r=[big], max_digits=5000).equivalent
    with pytest.raises(dlnpath.DLNPathInputError, match=r"max_exponent=…\)$"):
        dlnpath.lasso_path(M=[[1]], r=[Fraction(10 ** 1200)], max_digits=5000)
    for bad in ("x", 0, 2.5):
        with pytest.raises(dlnpath.DLNPathInputError, match=r"^max_digits must be an integer ≥ 1"):
            dlnpath.lasso_path(M=[[1]], r=[1], max_digits=bad)
