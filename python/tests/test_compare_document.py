"""compare() and lasso_path() read the tool's documents as they stream past: checked against the
whole documents parsed by json, and the pieces (read_document, largest_gap, parse_reduced) on
hand-made values."""
import hashlib
import json
import subprocess
from fractions import Fraction as F

import numpy as np
import pytest

import dlnpath
from dlnpath._document import largest_gap, read_compare, read_document
from dlnpath._exact import parse_fraction, parse_reduced


def gaussian(seed, n=15, d=30):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    y = X[:, :3] @ np.array([1.0, -2.0, 0.5]) + 0.1 * rng.standard_normal(n)
    return X, y


def exact_strings(value):
    if isinstance(value, str) and value[:1] in "-0123456789":
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from exact_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from exact_strings(v)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_compare_agrees_with_the_whole_document(seed, tmp_path):
    X, y = gaussian(seed)
    np.savez(tmp_path / "p.npz", X=X, y=y)
    out = subprocess.run([dlnpath.find_binary(), "compare", "--json", str(tmp_path / "p.npz")],
                         capture_output=True, check=True).stdout
    full = json.loads(out)
    assert len(full["gap"]) >= 17  # not monotone: the gap is there to be read

    c = dlnpath.compare(X, y, document=tmp_path / "copy.json")
    assert hashlib.sha256((tmp_path / "copy.json").read_bytes()).hexdigest() == hashlib.sha256(out).hexdigest()
    best = max(full["gap"], key=lambda g: parse_fraction(g["maximum"]))  # every maximum, exactly; ties: the first
    expected = {k: v for k, v in full.items() if k not in ("saddles", "gap")}
    expected["zDown"] = {"total": full["zDown"]["total"]}
    expected["largestGap"] = {"maximum": best["maximum"], "maximiser": best["maximiser"]}
    assert c.raw == expected
    assert (c.maximum_gap, c.gap_at) == (parse_fraction(best["maximum"]), parse_fraction(best["maximiser"]))
    # Without a document the tool writes only the short members (--summary): the same answer.
    short = dlnpath.compare(X, y)
    assert short.raw == c.raw  # the knots, so the path, included
    fields = ("monotone", "equivalent", "divergence", "maximum_gap", "gap_at", "z_down", "statements")
    assert [getattr(short, f) for f in fields] == [getattr(c, f) for f in fields]
    assert c.z_down == parse_fraction(full["zDown"]["total"])
    assert c.divergence == [(parse_fraction(d["from"]), parse_fraction(d["to"]) if d["to"] else None)
                            for d in full["divergence"]]
    assert c.path.exact_alphas == [parse_fraction(k["lambda"]) for k in full["knots"]]
    # Every value the tool writes is in lowest terms, so parse_reduced's Fractions are canonical.
    values = list(exact_strings(full))
    assert len(values) > 1000
    assert all(parse_reduced(v) == parse_fraction(v) for v in values)


def test_lasso_path_agrees_with_the_whole_document(tmp_path):
    X, y = gaussian(0)
    np.savez(tmp_path / "p.npz", X=X, y=y)
    out = subprocess.run([dlnpath.find_binary(), "path", "--json", str(tmp_path / "p.npz")],
                         capture_output=True, check=True).stdout
    p = dlnpath.lasso_path(X, y)
    assert p.raw == json.loads(out)
    assert len(p.raw["knots"]) > 10 and len(p.raw["segments"]) > 10


def test_read_document_reads_every_layout():
    text = """{
  "n": 3,
  "inline": [1, 2],
  "empty": [],
  "object": {
    "a": [
      "1/2"
    ],
    "b": null
  },
  "rows": [
    {
      "x": [
        "0",
        "-3/4"
      ]
    },
    {},
    [1, {"k": "v"}],
    [
      2
    ],
    "text, with \\"quotes\\"",
    null
  ],
  "last": "done"
}
"""
    expected = json.loads(text)
    assert read_document(iter(text.encode().splitlines(keepends=True))) == expected
    seen = []
    raw = read_document(iter(text.encode().splitlines(keepends=True)), skip={"rows", "object"},
                        visit=lambda key, line: seen.append(key))
    assert raw == {k: v for k, v in expected.items() if k not in ("rows", "object")}
    assert seen.count("rows") == 15 and seen.count("object") == 6  # every line of theirs


def test_largest_gap_decides_near_ties_exactly():
    big = "7" * 3000
    gaps = [(f"{big}1/{'3' * 2999}", "1"),
            (f"{big}2/{'3' * 2999}", "2"),  # the same leading 3000 digits, larger by 1/…
            ("1/2", None),
            (f"{big}2/{'3' * 2999}", "3")]  # equal to the second: the first is kept
    assert largest_gap(gaps) == (F(int(big + "2"), int("3" * 2999)), F(2))
    assert largest_gap([("5/2", None), ("-7", "1"), ("0", "2")]) == (F(5, 2), None)
    assert largest_gap([("-7", "1"), ("-1/3", "2")]) == (F(-1, 3), F(2))
    assert largest_gap([("0", "4"), ("0", "5")]) == (F(0), F(4))
    assert largest_gap([]) is None


def test_largest_gap_compares_across_exponents():
    # 10^4000/9 has one digit count more than 5·10^3999, which is larger (by 4.5 times).
    assert largest_gap([("1" + "0" * 4000 + "/9", "1"), ("5" + "0" * 3999, "2")])[1] == F(2)
    assert largest_gap([("1" + "0" * 4000, "1"), ("9" + "0" * 3999, "2")])[1] == F(1)


def test_read_compare_keeps_the_short_members():
    text = """{
  "saddles": [
    {
      "s": "0",
      "q": [
        "1/2"
      ]
    }
  ],
  "knots": [],
  "monotone": false,
  "zDown": {
    "total": null,
    "pieces": [
      {
        "from": "0"
      }
    ]
  },
  "gap": [
    {
      "from": "1",
      "maximum": "3/4",
      "maximiser": null,
      "parts": [
        {
          "maximum": "9"
        }
      ]
    }
  ],
  "statements": [
    "a \\"quoted\\" μ"
  ]
}
""".encode()
    raw, gaps = read_compare(iter(text.splitlines(keepends=True)))
    assert raw == {"knots": [], "monotone": False, "zDown": {"total": None}, "statements": ['a "quoted" μ']}
    assert gaps == [("3/4", None)]


def test_parse_reduced():
    assert parse_reduced("-6/35") == F(-6, 35)
    assert parse_reduced("12") == F(12)
    assert parse_reduced("1" * 5000 + "/7") == F((10 ** 5000 - 1) // 9, 7)  # 5000 ones, prime to 7
