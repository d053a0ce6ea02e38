"""Reading ``dlnpath compare --json`` line by line without holding it.

At a Gaussian 100×200 design the document is 1.9 GB, 1.5 GB of it the saddles and most of the
rest the gap's polynomials and z↓'s pieces, each value up to a megabit: parsed whole, it took
8 GB and three minutes in Python. :func:`compare` needs only the short members, the knots, each
gap piece's maximum and z↓'s total, so the long members are skipped as they stream past.

The tool writes the document indented by two spaces per level, one member per line for
scalars: a top-level member starts on a line with exactly two spaces of indent, a gap piece's
maximum on a line with six.
"""
import json
import math
import re

from ._exact import parse_reduced

# Members left out of ``raw``: the saddles (the limit with each saddle's q) and the gap's pieces.
SKIPPED = ("saddles", "gap")

_MEMBER = re.compile(rb'^  "([^"]+)": ')
_GAP_VALUE = re.compile(rb'^      "(maximum|maximiser)": (?:"([^"]*)"|null)')
_TOTAL = re.compile(rb'^    "total": (?:"([^"]*)"|null)')


def read_compare(lines, copy=None):
    """The short members of a ``compare --json`` document, from an iterator of its lines.

    Parameters
    ----------
    lines : iterator of bytes
        The document's lines.
    copy : binary file, optional
        Receives every line, so that it holds the whole document.

    Returns
    -------
    raw : dict
        The document without ``saddles`` and ``gap``, and with ``zDown`` as its total only.
    gaps : list of (str, str or None)
        Each gap piece's ``maximum`` and ``maximiser`` as written, in order.
    """
    kept, gaps, key, pending = [], [], None, None
    knots, knot = [], None
    for line in lines:
        if copy is not None:
            copy.write(line)
        member = _MEMBER.match(line)
        if member:
            key = member.group(1).decode()
            if key == "zDown":
                kept.append([b'  "zDown": {'])
            elif key == "knots":
                kept.append([b'  "knots": []'])  # filled in below
            elif key not in SKIPPED:
                kept.append([line])
            continue
        if key is None or line.startswith(b"}"):
            continue
        if key == "knots":
            # Knot by knot: the 2.1 GB of knots at 200×200, joined and parsed at once, were held thrice.
            if line.startswith(b"    {"):
                knot = [line]
            elif line.startswith(b"    }"):
                knot.append(b"}")
                knots.append(json.loads(b"".join(knot)))
                knot = None
            elif knot is not None:
                knot.append(line)
        elif key == "gap":
            found = _GAP_VALUE.match(line)
            if found and found.group(1) == b"maximum":
                pending = _text(found.group(2))
            elif found:
                gaps.append((pending, _text(found.group(2))))
        elif key == "zDown":
            total = _TOTAL.match(line)
            if total:
                kept[-1].append(b'"total": ' + (b"null" if total.group(1) is None else b'"' + total.group(1) + b'"'))
                kept[-1].append(b"}")
        elif key not in SKIPPED:
            kept[-1].append(line)
    members = [b"".join(m).rstrip().rstrip(b",") for m in kept]
    raw = json.loads(b"{" + b",".join(members) + b"}")
    if "knots" in raw:
        raw["knots"] = knots
    return raw, gaps


def _text(value):
    return None if value is None else value.decode()


def largest_gap(gaps):
    """The first largest maximum and its maximiser, as Fractions (None for no gap piece).

    Only the maxima within 10⁻⁸ (in log10) of the largest estimate are parsed exactly: each is
    estimated from its digit counts and leading digits (to ~10⁻¹⁵), where parsing every
    maximum, up to a megabit each, took minutes.
    """
    if not gaps:
        return None
    estimates = [_estimate(m) for m, _ in gaps]
    top = max(estimates, key=lambda e: (e[0], e[1] + e[2]))
    near = [i for i, e in enumerate(estimates) if _within(e, top)]
    best = max(near, key=lambda i: parse_reduced(gaps[i][0]))  # the first of equals
    maximum, maximiser = gaps[best]
    return parse_reduced(maximum), None if maximiser is None else parse_reduced(maximiser)


def _estimate(text):
    """(sign, ±decimal exponent, ±log10 of the leading digits' ratio) of "p/q" or "p": the
    sign times log10 of the magnitude is the sum of the last two."""
    p, _, q = text.partition("/")
    sign = -1 if p.startswith("-") else 1
    p, q = p.lstrip("+-"), q or "1"
    if p.strip("0") == "":
        return (0, 0, 0.0)
    lead = math.log10(int(p[:17]) / 10 ** (min(len(p), 17) - 1)) - math.log10(int(q[:17]) / 10 ** (min(len(q), 17) - 1))
    return (sign, sign * (len(p) - len(q)), sign * lead)


def _within(e, top):
    """Whether a value estimated at e may equal or exceed the one estimated at top (the
    exponents, which may be large, are subtracted exactly)."""
    if e[0] != top[0]:
        return False
    return e[0] == 0 or (e[1] - top[1]) + (e[2] - top[2]) > -1e-8
