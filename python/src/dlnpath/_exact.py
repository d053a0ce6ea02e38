"""Exact numbers across the process boundary: "p/q" strings <-> fractions.Fraction.

Python refuses ``int(s)`` and ``str(n)`` beyond ``sys.get_int_max_str_digits()`` digits (4300 by
default) as a guard against quadratic-time conversion. Exact lasso values can be longer, so
conversion here goes by divide and conquer on chunks below the limit: it never trips the guard,
never changes the process-wide setting, and stays subquadratic with Python's big-integer
multiplication.
"""
from fractions import Fraction
from decimal import Decimal, InvalidOperation
import numbers

from .errors import DLNPathInputError

_CHUNK = 2000  # digits converted by int()/str() at once, well below any limit in force


def parse_int(text):
    """Parse a decimal integer string of any length.

    Parameters
    ----------
    text : str
        Optional sign, then decimal digits.

    Returns
    -------
    int
    """
    text = text.strip()
    sign = 1
    if text[:1] in "+-":
        sign = -1 if text[0] == "-" else 1
        text = text[1:]
    if not text.isdigit():
        raise ValueError(f"not an integer: {text[:40]!r}{'...' if len(text) > 40 else ''}")
    return sign * _digits_to_int(text)


def _digits_to_int(digits):
    if len(digits) <= _CHUNK:
        return int(digits)
    low = len(digits) // 2
    return _digits_to_int(digits[:-low]) * 10 ** low + _digits_to_int(digits[-low:])


def int_to_str(n):
    """Decimal text of an integer of any size (``str(n)`` without the digit limit)."""
    if n < 0:
        return "-" + int_to_str(-n)
    if n < 10 ** _CHUNK:
        return str(n)
    # Split at about half the digits: n = high * 10^k + low.
    k = max(_CHUNK, (n.bit_length() * 30103 // 100000) // 2)
    high, low = divmod(n, 10 ** k)
    return int_to_str(high) + int_to_str(low).rjust(k, "0")


def parse_fraction(text):
    """Parse an exact number as dlnpath writes it: ``"p/q"`` or an integer (decimals such as
    ``"0.25"`` and ``"1e-3"`` are accepted too).

    Parameters
    ----------
    text : str

    Returns
    -------
    fractions.Fraction
    """
    if not isinstance(text, str):
        raise TypeError(f"expected an exact number as a string, got {type(text).__name__}")
    if "/" in text:
        p, q = text.split("/", 1)
        p, q = parse_int(p), parse_int(q)
        if q == 0:
            raise ValueError(f"{text[:40]!r} has a zero denominator")
        return Fraction(p, q)
    t = text.strip()
    if t.lstrip("+-").isdigit():
        return Fraction(parse_int(t))
    if len(t) > _CHUNK:
        raise ValueError(f"decimal too long to parse exactly here: {t[:20]}... ({len(t)} characters)")
    try:
        return Fraction(Decimal(t))
    except (InvalidOperation, ValueError, OverflowError):
        raise ValueError(f"{t[:40]!r} is not a finite number") from None


def parse_reduced(text):
    """:func:`parse_fraction` for a value the tool wrote: ``"p/q"`` in lowest terms with
    q > 0 (every exact value in its JSON), made a Fraction without the gcd that
    ``Fraction(p, q)`` takes to reduce it, which Python computes in quadratic time (5 s for the
    1.2-million-digit z↓ total of a Gaussian 100×200 design)."""
    p, slash, q = text.partition("/")
    if not slash:
        return parse_fraction(text)
    n, d = parse_int(p), parse_int(q)
    coprime = getattr(Fraction, "_from_coprime_ints", None)  # Python 3.12 and later
    if coprime is not None:
        return coprime(n, d)
    try:
        return Fraction(n, d, _normalize=False)  # up to Python 3.11
    except TypeError:
        return Fraction(n, d)


def fraction_to_str(q):
    """``"p/q"`` (or ``"p"``) for a Fraction, without the digit limit."""
    q = Fraction(q)
    if q.denominator == 1:
        return int_to_str(q.numerator)
    return int_to_str(q.numerator) + "/" + int_to_str(q.denominator)


def exact(value):
    """The exact rational value of a number given by a user.

    Floats (Python or NumPy) are taken exactly as the binary value they hold (0.1 is
    3602879701896397/36028797018963968), integers and Fractions as they are, Decimals exactly,
    and strings as dlnpath reads them (``"1/10"``, ``"0.1"``).

    Parameters
    ----------
    value : float, int, Fraction, Decimal, str or NumPy scalar

    Returns
    -------
    fractions.Fraction

    Raises
    ------
    DLNPathInputError
        For a string that is not a number, NaN and infinities, and any other type (None,
        complex, …).
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, str):
        try:
            return parse_fraction(value)
        except ValueError as e:
            raise DLNPathInputError(f"{e}; give exact numbers such as 1/4, 0.25 or 1e-3") from None
    if isinstance(value, bool):
        return Fraction(int(value))
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise DLNPathInputError(f"{value} has no exact value; give finite numbers")
        return Fraction(value)
    if isinstance(value, numbers.Real):
        f = float(value)
        if f != f or f in (float("inf"), float("-inf")):
            raise DLNPathInputError(f"{f} has no exact value; give finite numbers")
        return Fraction(f)
    raise DLNPathInputError(f"cannot read {value!r} ({type(value).__name__}) as an exact number; give real numbers")
