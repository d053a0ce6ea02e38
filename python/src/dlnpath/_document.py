"""Reading the tool's JSON documents line by line as they stream, without holding them.

At a Gaussian 100×200 design ``compare --json`` is 1.9 GB, 1.5 GB of it the saddles and most of
the rest the gap's polynomials and z↓'s pieces, each value up to a megabit: parsed whole, it took
8 GB and three minutes in Python. :func:`compare` needs only the short members, the knots, the
largest gap and z↓'s total: it asks the tool for those alone (``--summary``), and when it copies
the whole document to a file it skips the long members as they stream past, keeping each gap
piece's maximum. Arrays (the knots: 1.1 GB at 200×200) are parsed element by element.

The tool writes its documents indented by two spaces per level: a top-level member starts on a
line with exactly two spaces of indent, an array's elements at four (an element spanning lines
opens with a lone ``{`` or ``[`` and closes at the same indent), and a gap piece's maximum and
maximiser on lines of their own at six.
"""
import json
import math
import re

from ._exact import parse_reduced

_MEMBER = re.compile(rb'^  "([^"]+)": ')
_GAP_VALUE = re.compile(rb'^      "(maximum|maximiser)": (?:"([^"]*)"|null)')
_TOTAL = re.compile(rb'^    "total": (?:"([^"]*)"|null)')


def read_document(lines, copy=None, skip=(), visit=None):
    """A JSON document of the tool's, from an iterator of its lines, each top-level array
    parsed element by element.

    Parameters
    ----------
    lines : iterator of bytes
        The document's lines.
    copy : binary file, optional
        Receives every line, so that it holds the whole document.
    skip : collection of str
        Members left out; each of their lines goes to ``visit(key, line)`` instead.
    visit : callable, optional
        Called with each line of the members skipped.

    Returns
    -------
    dict
    """
    raw, key, pending, element = {}, None, None, None
    visit = visit or (lambda key, line: None)
    for line in lines:
        if copy is not None:
            copy.write(line)
        member = _MEMBER.match(line)
        if member or line.startswith(b"}"):
            if pending is not None:  # the member before, on lines of its own
                raw[key] = json.loads(b"".join(pending).rstrip().rstrip(b","))
                pending = None
            if not member:
                continue
            key = member.group(1).decode()
            if key in skip:
                visit(key, line)
            elif line[member.end():].rstrip() == b"[":
                raw[key] = []
            else:
                pending = [line[member.end():]]
        elif key is None:  # the document's opening brace
            continue
        elif key in skip:
            visit(key, line)
        elif pending is not None:
            pending.append(line)
        elif element is not None:
            element.append(line)
            if line[:5] in (b"    }", b"    ]"):
                raw[key].append(json.loads(b"".join(element).rstrip().rstrip(b",")))
                element = None
        elif line.strip() in (b"{", b"["):
            element = [line]
        elif not line.startswith(b"  ]"):
            raw[key].append(json.loads(line.strip().rstrip(b",")))
    return raw


def read_compare(lines, copy=None):
    """The short members of a ``compare --json`` document, from an iterator of its lines.

    Returns
    -------
    raw : dict
        The document without ``saddles`` and ``gap``, and with ``zDown`` as its total only.
    gaps : list of (str, str or None)
        Each gap piece's ``maximum`` and ``maximiser`` as written, in order.
    """
    gaps, found = [], {"total": None}

    def visit(key, line):
        if key == "gap":
            value = _GAP_VALUE.match(line)
            if value and value.group(1) == b"maximum":
                found["maximum"] = _text(value.group(2))
            elif value:
                gaps.append((found["maximum"], _text(value.group(2))))
        elif key == "zDown":
            total = _TOTAL.match(line)
            if total:
                found["total"] = _text(total.group(1))

    raw = read_document(lines, copy, skip=("saddles", "gap", "zDown"), visit=visit)
    raw["zDown"] = {"total": found["total"]}
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
