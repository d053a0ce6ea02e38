"""Writing a problem for the tool: NumPy data as .npz (float64 read exactly as the binary value
it holds), anything exact (Fractions, big integers, strings) as JSON with "p/q" strings."""
import json
import numbers
import os
from fractions import Fraction

import numpy as np

from ._exact import exact, fraction_to_str
from .errors import DLNPathInputError


def _numeric_array(a):
    """`a` as a float64/int64 NumPy array when that holds every value exactly, else None."""
    if isinstance(a, np.ndarray):
        if a.dtype.kind == "f":
            return a.astype(np.float64)
        if a.dtype.kind in "iub":
            return a.astype(np.int64) if a.dtype.kind != "u" or a.max(initial=0) < 2 ** 63 else None
        return None
    flat = np.asarray(a, dtype=object).ravel()
    if all(isinstance(v, (float, np.floating)) or (isinstance(v, numbers.Integral) and abs(int(v)) < 2 ** 53)
           for v in flat):
        try:
            return np.asarray(a, dtype=np.float64)
        except (TypeError, ValueError):
            return None
    return None


def floats(name, values):
    """`values` as a float64 array, or a DLNPathInputError naming `name` (ragged, not numbers)."""
    try:
        return np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as e:
        raise DLNPathInputError(f"{name} cannot be read as an array of numbers: {e}") from None


def _shape(name, values):
    try:
        return np.shape(values)
    except ValueError:
        raise DLNPathInputError(f"{name} is ragged: its rows have different lengths") from None


def _exact_nested(a, name):
    """Nested lists of "p/q" strings; an entry that is not a number is named by its index."""
    arr = np.asarray(a, dtype=object)
    out = np.empty(arr.shape, dtype=object)
    for index in np.ndindex(arr.shape):
        try:
            out[index] = fraction_to_str(exact(arr[index]))
        except DLNPathInputError as e:
            raise DLNPathInputError(f"{name}[{', '.join(map(str, index))}]: {e}") from None
    return out.tolist()


def write_problem(directory, X=None, y=None, M=None, r=None):
    """Write the problem into `directory`; return the file's path.

    Exactly one of (X, y) and (M, r) must be given: X of shape (n, d) and y of shape (n,), or
    M of shape (d, d) and r of shape (d,).
    """
    if (X is None) != (y is None) or (M is None) != (r is None) or (X is None) == (M is None):
        raise DLNPathInputError("give the data X and y, or the quadratic M and r (M = XᵀX/n, r = Xᵀy/n), not both")
    first, second, names = (X, y, ("X", "y")) if X is not None else (M, r, ("M", "r"))
    shape_a, shape_b = _shape(names[0], first), _shape(names[1], second)
    a, b = _numeric_array(first), _numeric_array(second)
    if len(shape_a) != 2 or len(shape_b) != 1:
        hint = f": pass {names[1]}.ravel()" if len(shape_a) == 2 and len(shape_b) == 2 and 1 in shape_b else ""
        raise DLNPathInputError(f"{names[0]} must be 2-dimensional and {names[1]} 1-dimensional; got shapes {shape_a} and {shape_b}{hint}")
    for name, values in zip(names, (a, b)):
        if values is not None and values.dtype.kind == "f" and not np.isfinite(values).all():
            index = tuple(int(i) for i in np.argwhere(~np.isfinite(values))[0])
            raise DLNPathInputError(f"{name}[{', '.join(map(str, index))}] is {values[index]}, which has no exact value; give finite numbers")
    if a is not None and b is not None:
        path = os.path.join(directory, "problem.npz")
        np.savez(path, **{names[0]: a, names[1]: b})
        return path
    path = os.path.join(directory, "problem.json")
    with open(path, "w") as f:
        json.dump({names[0]: _exact_nested(first, names[0]), names[1]: _exact_nested(second, names[1])}, f)
    return path


def exact_option(value):
    """An exact number as a command-line argument ("p/q")."""
    return fraction_to_str(exact(value))


def fractions(values):
    """A list of "p/q" strings (or nested lists) as Fractions."""
    from ._exact import parse_fraction
    if isinstance(values, list):
        return [fractions(v) for v in values]
    return parse_fraction(values)


__all__ = ["write_problem", "exact_option", "floats", "fractions", "Fraction"]
