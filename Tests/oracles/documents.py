"""What every dlnpath JSON document must satisfy, independent of the command: strict JSON, the
shipped schemas (docs/schemas/, proofs/certificate.schema.json) with reduced "p/q" strings, and
`--json --float` as the nearest doubles of the exact document; plus the small helpers
check_outputs.py shares (exact strings as integers, problem files padded to a size)."""

import copy
import hashlib
import json
import math
import re
from fractions import Fraction
from pathlib import Path

import jsonschema
from referencing import Registry, Resource

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "docs" / "schemas"
CERTIFICATE_SCHEMA = ROOT / "proofs" / "certificate.schema.json"
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
FRACTION = re.compile(r"-?[0-9]+/[0-9]+")
RATIONAL = re.compile(r"0|-?[1-9][0-9]*(/[1-9][0-9]*)?")
TIMEOUT = 600  # seconds per command; every command here takes well under one on the examples


class OracleFailure(Exception):
    """A check that did not hold, in words."""


def fail(message):
    raise OracleFailure(message)


def strict_json(text, what):
    """Parses JSON as the standard defines it (no NaN or Infinity)."""
    def reject(token):
        fail(f"{what}: {token} is not JSON")
    try:
        return json.loads(text, parse_constant=reject)
    except json.JSONDecodeError as error:
        fail(f"{what}: not JSON ({error}); output begins {text[:200]!r}")


class Schemas:
    """Every shipped schema, resolvable by its $id so that they can refer to each other."""

    def __init__(self):
        files = sorted(SCHEMAS.glob("*.schema.json")) + [CERTIFICATE_SCHEMA]
        self.documents = {}
        resources = []
        for path in files:
            document = json.loads(path.read_text(encoding="utf-8"))
            jsonschema.Draft202012Validator.check_schema(document)
            name = path.name.removesuffix(".schema.json")
            self.documents[name] = document
            resources.append((document["$id"], Resource.from_contents(document)))
        self.registry = Registry().with_resources(resources)
        # `--json --float`: every exact value is the nearest double (null beyond the double range).
        common = copy.deepcopy(self.documents["common"])
        number = {"type": ["number", "null"]}
        common["$defs"].update(exact=number, exactOrNull=number, nonnegativeExact={**number, "minimum": 0})
        self.float_registry = self.registry.with_resource(common["$id"], Resource.from_contents(common))

    def validate(self, name, instance, what, floats=False):
        registry = self.float_registry if floats else self.registry
        validator = jsonschema.Draft202012Validator(self.documents[name], registry=registry,
                                                    format_checker=FORMATS)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        if errors:
            lines = [f"  at /{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in errors[:5]]
            more = f"\n  … and {len(errors) - 5} more" if len(errors) > 5 else ""
            where = "proofs/" if name == "certificate" else "docs/schemas/"
            mode = " (exact values as numbers)" if floats else ""
            fail(f"{what} does not match {where}{name}.schema.json{mode}:\n" + "\n".join(lines) + more)
        if name == "certificate":  # its schema has no format: every fraction in it is exact
            canonical_fractions(instance, what)


FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("dlnpath-rational", raises=ValueError)
def reduced_fraction(text):
    """"p/q" is reduced with q > 1 (a pattern cannot say so); "p" is always fine."""
    if not isinstance(text, str) or "/" not in text:
        return True
    p, q = (int(part) for part in text.split("/"))
    if q <= 1 or math.gcd(p, q) != 1:
        raise ValueError(f"{text!r} is not a reduced fraction with denominator > 1")
    return True


def canonical_fractions(value, what, path="$"):
    """Every "p/q" string of a certificate is reduced with q > 1."""
    if isinstance(value, dict):
        for key, item in value.items():
            canonical_fractions(item, what, f"{path}.{key}")
    elif isinstance(value, list):
        for k, item in enumerate(value):
            canonical_fractions(item, what, f"{path}[{k}]")
    elif isinstance(value, str) and FRACTION.fullmatch(value):
        p, q = (int(part) for part in value.split("/"))
        if q <= 1 or math.gcd(p, q) != 1:
            fail(f"{what}: {path} = {value!r} is not a reduced fraction with denominator > 1")


def nearest_doubles(exact_value, float_value, what, path="$"):
    """Walks the two documents together: where the exact one has a rational string, the float one
    has the nearest double (or null beyond the double range, or the same string where a field is
    text); everything else is identical."""
    if isinstance(exact_value, dict):
        if not isinstance(float_value, dict) or list(exact_value) != list(float_value):
            fail(f"{what}: {path} has different fields with --float")
        for key in exact_value:
            nearest_doubles(exact_value[key], float_value[key], what, f"{path}.{key}")
    elif isinstance(exact_value, list):
        if not isinstance(float_value, list) or len(exact_value) != len(float_value):
            fail(f"{what}: {path} has a different length with --float")
        for k, (e, f) in enumerate(zip(exact_value, float_value)):
            nearest_doubles(e, f, what, f"{path}[{k}]")
    elif isinstance(exact_value, str) and RATIONAL.fullmatch(exact_value) and float_value != exact_value:
        try:
            wanted = float(Fraction(exact_value))
        except OverflowError:
            wanted = None
        if isinstance(float_value, bool) or float_value != wanted or (wanted is not None and not isinstance(float_value, float)):
            fail(f"{what}: {path} is {float_value!r}, but the double nearest {exact_value} is {wanted!r}")
    elif exact_value != float_value and not (isinstance(exact_value, float) and isinstance(float_value, float)):
        fail(f"{what}: {path} is {float_value!r} with --float, {exact_value!r} without")


def sha256_of(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def exact(text):
    p, _, q = text.partition("/")
    return int(p), int(q or 1)


def fraction_of(numerator, denominator):
    p, q = int(round(numerator)), denominator
    g = math.gcd(p, q)
    return p // g, q // g


def to_float(text):
    p, q = exact(text)
    return p / q


def padded_problem(base, size):
    """`base` with a "description" of deterministic UTF-8 text (2-byte characters) and trailing
    spaces, exactly `size` bytes long; `base` alone when size equals its length."""
    raw = base.encode()
    if size == len(raw):
        return raw
    head = raw[:-1] + b',"description":"'
    tail = b'"}'
    room = size - len(head) - len(tail)
    if room < 0:
        return raw + b" " * (size - len(raw))
    seed = hashlib.sha256(str(size).encode()).digest()
    text = "".join(chr(0xC0 + b % 0x40) for b in seed * (room // 64 + 1))  # À…Ͽ: two UTF-8 bytes each
    body = text.encode()[: room - room % 2]
    return head + body + tail + b" " * (room - len(body))
