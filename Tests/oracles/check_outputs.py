#!/usr/bin/env python3
"""Outside oracles for dlnpath's machine output.

Runs every JSON-producing command of a built `dlnpath` on the shipped examples and validates each
output against its JSON Schema (docs/schemas/, proofs/certificate.schema.json) with Python's
`jsonschema` (documents.py); checks that every exact "p/q" is reduced; cross-checks every SHA-256 a certificate
records against `hashlib` (the shipped examples, files of 19 to 65,543 bytes around the SHA-256
padding boundaries, a separate response file, numpy-written .npy inputs, search findings); and
checks the worked example of docs/math.md §1-§4 value by value, including the 0-based index
convention. Exits 1 on any failure, naming it; the last line is `oracles: N passed, M failed`.

    python3 Tests/oracles/check_outputs.py --dlnpath .build/debug/dlnpath

Needs numpy and jsonschema (pinned in .ci/requirements.txt); nothing else outside the standard
library.
"""

import argparse
import json
import math
import subprocess
import sys
import tempfile
import traceback
from fractions import Fraction
from pathlib import Path

import numpy as np

from documents import (EXAMPLES, ROOT, TIMEOUT, OracleFailure, Schemas, exact, fail, fraction_of, nearest_doubles,
                       padded_problem, sha256_of, strict_json, to_float)
from search_checks import SearchChecks


class Oracles(SearchChecks):
    def __init__(self, dlnpath, work):
        self.dlnpath = str(dlnpath)
        self.work = Path(work)
        self.schemas = Schemas()
        self.passed = 0
        self.failed = 0

    # -- running ------------------------------------------------------------------------------

    def run(self, args, expect=0):
        """Runs dlnpath from the repository root; the exit code must be `expect`."""
        command = [self.dlnpath, *map(str, args)]
        try:
            done = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            fail(f"`{' '.join(command)}` did not finish in {TIMEOUT} s")
        shown = "dlnpath " + " ".join(map(str, args))
        try:
            stdout = done.stdout.decode("utf-8")
            stderr = done.stderr.decode("utf-8")
        except UnicodeDecodeError as error:
            fail(f"`{shown}`: output is not UTF-8 ({error})")
        if done.returncode != expect:
            fail(f"`{shown}` exited {done.returncode}, expected {expect}; stderr: {stderr.strip()[:500]}")
        return stdout

    def output(self, schema, args, expect=0):
        """Runs a command, parses its JSON output and validates it against `schema`."""
        shown = "dlnpath " + " ".join(map(str, args))
        document = strict_json(self.run(args, expect), f"`{shown}`")
        self.schemas.validate(schema, document, f"`{shown}`")
        return document

    def file(self, schema, path, what=None):
        """Validates a JSON file written by dlnpath (or shipped) against `schema`."""
        what = what or str(Path(path).relative_to(ROOT) if Path(path).is_relative_to(ROOT) else path)
        document = strict_json(Path(path).read_text(encoding="utf-8"), what)
        self.schemas.validate(schema, document, what)
        return document

    def check(self, name, function):
        try:
            function()
        except OracleFailure as failure:
            self.failed += 1
            print(f"FAIL  {name}\n      {str(failure).replace(chr(10), chr(10) + '      ')}")
        except Exception:  # an oracle bug or an unexpected output shape: still a readable failure
            self.failed += 1
            print(f"FAIL  {name}: unexpected error\n{traceback.format_exc()}")
        else:
            self.passed += 1
            print(f"ok    {name}")

    # -- the checks ---------------------------------------------------------------------------

    def all(self):
        for example in EXAMPLES:
            rel = example.relative_to(ROOT)
            self.check(f"{rel}: problem schema", lambda e=example: self.file("problem", e))
            for command in ("inspect", "path", "limit", "compare"):
                self.check(f"{rel}: {command} --json, and --float = the nearest doubles",
                           lambda c=command, e=rel: self.exact_and_float(c, e))
            self.check(f"{rel}: compare --json --summary = the whole document's short members", lambda e=rel: self.summary(e))
            self.check(f"{rel}: certify, schema, SHA-256 = hashlib, check --json",
                       lambda e=rel: self.certificate_round_trip(e))
            self.check(f"{rel}: check-solver on numpy-written knots", lambda e=rel: self.check_solver_knots(e))
        self.check("evaluations: path/limit/compare --at", self.evaluations)
        self.check("early stop: path/limit/compare --kappa-min and --s-max are prefixes", self.early_stop)
        self.check("committed certificates: schema and SHA-256 of their inputs", self.committed_certificates)
        self.check("check --json: a failed claim (exit 1) and a malformed certificate (exit 2)", self.check_failures)
        self.check("SHA-256 at padding boundaries (19 … 65,543 bytes) = hashlib", self.sha256_boundaries)
        self.check("SHA-256 of numpy-written .npy inputs and a separate response file = hashlib", self.sha256_npy)
        self.check("check-solver: failing, NaN and negative λ (exit 1)", self.check_solver_failures)
        self.check("flow --json (quick sweep, with gradient descent)", self.flow)
        self.check("check-run --json on a numpy gradient-descent run", self.check_run)
        self.check("search: summary, instances, certificates (SHA-256 = hashlib)", self.search)
        self.check("search --frequencies: frequencies.json", self.search_frequencies)
        self.check("generate mairal-yu: a problem file", self.generate)
        self.check("worked example (docs/math.md §1-§4): exact values and 0-based indices", self.worked_example)

    def exact_and_float(self, command, example, *options, schema=None):
        """`--json` against its schema; `--json --float` against the same schema with numbers for
        exact values, and each number equal to the double nearest the exact value (Python's
        float(Fraction) rounds correctly, ties to even)."""
        command_args = [command, example, *options]
        schema = schema or command
        exact_document = self.output(schema, [*command_args, "--json"])
        args = [*command_args, "--json", "--float"]
        shown = "dlnpath " + " ".join(map(str, args))
        float_document = strict_json(self.run(args), f"`{shown}`")
        self.schemas.validate(schema, float_document, f"`{shown}`", floats=True)
        nearest_doubles(exact_document, float_document, f"`{shown}`")
        return exact_document

    def summary(self, example):
        """`compare --json --summary` (and with --float) against its schema, and equal to the whole
        document without the saddles, the gap pieces and z↓'s pieces, plus the first largest gap."""
        summary = self.exact_and_float("compare", example, "--summary", schema="compare-summary")
        full = self.output("compare", ["compare", example, "--json"])
        best = max(full["gap"], key=lambda g: Fraction(g["maximum"]), default=None)  # ties: the first
        expected = {k: v for k, v in full.items() if k not in ("saddles", "gap")} | {"zDown": {"total": full["zDown"]["total"]}}
        expected["largestGap"] = best and {"maximum": best["maximum"], "maximiser": best["maximiser"]}
        if summary != expected:
            fail(f"--summary differs from the whole document: {sorted(k for k in expected if summary.get(k) != expected[k])}")

    def certificate_round_trip(self, example):
        cert = self.work / (Path(example).stem + ".cert.json")
        self.run(["certify", example, "-o", cert])
        document = self.file("certificate", cert)
        expected = sha256_of(ROOT / example)
        if document["input"]["sha256"] != expected:
            fail(f"{cert.name}: input.sha256 {document['input']['sha256']} but hashlib says {expected}")
        report = self.output("check", ["check", cert, "--json"])
        if not report["valid"] or report["failure"] is not None:
            fail(f"check {cert.name}: not valid: {report}")
        self.output("check", ["check", cert, "--input", example, "--json"])

    def committed_certificates(self):
        certificates = sorted((ROOT / "proofs" / "certificates").glob("*.cert.json"))
        if not certificates:
            fail("no committed certificates in proofs/certificates/")
        for cert in certificates:
            document = self.file("certificate", cert)
            source = ROOT / document["input"]["file"]
            if not source.is_file():
                fail(f"{cert.name}: its input {document['input']['file']} does not exist")
            if document["input"]["sha256"] != sha256_of(source):
                fail(f"{cert.name}: input.sha256 differs from hashlib's digest of {document['input']['file']}")

    def check_failures(self):
        cert = json.loads((ROOT / "proofs" / "certificates" / "berthier-example.cert.json").read_text())
        cert["lasso"]["knots"][1]["lambda"] = "5/4"  # not a knot: KKT fails there
        tampered = self.work / "tampered.cert.json"
        tampered.write_text(json.dumps(cert))
        report = self.output("check", ["check", tampered, "--json"], expect=1)
        if report["valid"] or report["failure"] is None:
            fail(f"a tampered certificate was not rejected with a failed claim: {report}")
        del cert["verdict"]
        malformed = self.work / "malformed.cert.json"
        malformed.write_text(json.dumps(cert))
        report = self.output("check", ["check", malformed, "--json"], expect=2)
        if report["valid"] or "malformed" not in report:
            fail(f"a certificate without a verdict was not reported malformed: {report}")

    def sha256_boundaries(self):
        # A 1×1 problem padded with a description of pseudo-random non-ASCII text and spaces to an
        # exact byte count: lengths around 55/56 and 64 (where SHA-256 padding spills into another
        # block), 119/120, 128, and larger.
        base = '{"M":[[1]],"r":[1]}'
        sizes = [19, 20, 55, 56, 57, 63, 64, 65, 111, 112, 119, 120, 121, 127, 128, 129, 191, 192, 1000, 4096, 65543]
        for size in sizes:
            path = self.work / f"sha-{size}.json"
            path.write_bytes(padded_problem(base, size))
            if path.stat().st_size != size:
                fail(f"oracle bug: {path.name} has {path.stat().st_size} bytes, wanted {size}")
            document = strict_json(self.run(["certify", path, "--stdout"]), f"certify {path.name}")
            self.schemas.validate("certificate", document, f"certify {path.name}")
            expected = sha256_of(path)
            if document["input"]["sha256"] != expected:
                fail(f"{size}-byte input: dlnpath's SHA-256 {document['input']['sha256']}, hashlib's {expected}")

    def sha256_npy(self):
        rng = np.random.default_rng(20260)
        X = rng.integers(-5, 6, size=(4, 3)).astype(np.float64)
        y = rng.integers(-5, 6, size=4).astype(np.float64)
        np.save(self.work / "X.npy", X)
        np.save(self.work / "y.npy", y)
        np.savetxt(self.work / "y.csv", y, delimiter=",", fmt="%.17g")
        for response in ("y.npy", "y.csv"):
            document = strict_json(self.run(["certify", self.work / "X.npy", "--y", self.work / response, "--stdout"]),
                                   f"certify X.npy --y {response}")
            self.schemas.validate("certificate", document, f"certify X.npy --y {response}")
            recorded = document["input"]
            if recorded["sha256"] != sha256_of(self.work / "X.npy"):
                fail("X.npy: recorded SHA-256 differs from hashlib's")
            if recorded.get("responseSha256") != sha256_of(self.work / response):
                fail(f"{response}: recorded responseSha256 {recorded.get('responseSha256')} differs from hashlib's")
            # M = XᵀX/n, r = Xᵀy/n exactly (every entry is an integer over n = 4).
            n = X.shape[0]
            M = X.T @ X
            r = X.T @ y
            for i in range(3):
                if exact(document["problem"]["r"][i]) != fraction_of(r[i], n):
                    fail(f"r[{i}] = {document['problem']['r'][i]}, expected {r[i]:.0f}/{n} reduced")
                for j in range(3):
                    if exact(document["problem"]["M"][i][j]) != fraction_of(M[i, j], n):
                        fail(f"M[{i}][{j}] = {document['problem']['M'][i][j]}, expected {M[i, j]:.0f}/{n} reduced")

    def check_solver_knots(self, example):
        path = self.output("path", ["path", example, "--json"])
        d = len(path["knots"][0]["x"])
        alphas = np.array([to_float(k["lambda"]) for k in path["knots"]])
        coefs = np.array([[to_float(v) for v in k["x"]] for k in path["knots"]]).reshape(-1, d).T
        npz = self.work / (Path(example).stem + ".sol.npz")
        np.savez(npz, alphas=alphas, coefs=coefs)
        report = self.output("check-solver", ["check-solver", example, "--solution", npz, "--path", "--json"])
        if not report["passed"] or report["kind"] != "path" or "knots" not in report:
            fail(f"the exact knots, rounded to doubles, do not pass: {report['summary']}")
        if [p["index"] for p in report["points"]] != list(range(len(path["knots"]))):
            fail(f"points are not indexed 0…{len(path['knots']) - 1} (0-based, one per alpha)")

    def check_solver_failures(self):
        example = "examples/berthier-example.json"
        solution = self.work / "wrong.json"
        solution.write_text(json.dumps({"solutions": [
            {"lambda": 1, "x": [0, 0.5]},           # exact: passes
            {"lambda": 2, "x": [1, 1]},             # wrong
            {"lambda": "nan", "x": [0, 0]},         # unusable
            {"lambda": -1, "x": [0, 0]},            # unusable
        ]}))
        report = self.output("check-solver", ["check-solver", example, "--solution", solution, "--json"], expect=1)
        passed = [p["passed"] for p in report["points"]]
        if report["passed"] or passed != [True, False, False, False]:
            fail(f"expected points to pass/fail as [True, False, False, False], got {passed}")
        if ["unusable" in p for p in report["points"]] != [False, False, True, True]:
            fail("the NaN and negative λ were not reported as unusable")

    def evaluations(self):
        self.output("path", ["path", "examples/weight-decay.json", "--at", "1/2", "--at", "1/10", "--json"])
        self.output("limit", ["limit", "examples/weight-decay.json", "--at", "0", "--at", "1/2", "--at", "100", "--json"])
        self.output("compare", ["compare", "examples/berthier-example.json", "--at", "1", "--at", "2", "--json"])
        self.output("compare", ["compare", "examples/duplicate-columns.json", "--at", "1", "--json"])

    def early_stop(self):
        example = "examples/weight-decay.json"
        full = self.output("path", ["path", example, "--json"])
        for option, value in (("--kappa-min", "1/3"), ("--s-max", "5")):
            path = self.output("path", ["path", example, option, value, "--json"])
            kappa = Fraction(path["stop"]["lambda"])
            above = [k for k in full["knots"] if Fraction(k["lambda"]) > kappa]
            if path["knots"][:-1] != above or Fraction(path["knots"][-1]["lambda"]) != kappa:
                fail(f"path {option} {value}: the knots are not the full path's above κ = {kappa} plus the point at κ")
        limit = self.output("limit", ["limit", example, "--json"])
        stopped = self.output("limit", ["limit", example, "--s-max", "5", "--json"])
        if stopped["saddles"] != [s for s in limit["saddles"] if Fraction(s["s"]) <= 5] or stopped["stop"] != {"s": "5"}:
            fail("limit --s-max 5: the saddles are not the full limit's with s ≤ 5")
        compare = self.output("compare", ["compare", "examples/berthier-example.json", "--s-max", "2", "--json"])
        if compare["stop"] != {"s": "2", "lambda": "1/2"} or compare["divergence"] != [{"from": "3/4", "to": "2", "coordinates": [0, 1]}]:
            fail(f"compare --s-max 2: stop {compare['stop']}, divergence {compare['divergence']}")

    def flow(self):
        for example in ("examples/berthier-example.json", "examples/positive-m-matrix.json"):
            document = self.output("flow", ["flow", example, "--epsilon", "1e-5,1e-10,1e-1000", "--grid", "50", "--json"])
            if len(document["rows"]) != 3:
                fail(f"flow {example}: {len(document['rows'])} rows for three ε")
        document = self.output("flow", ["flow", "examples/berthier-example.json", "--epsilon", "1e-5,1e-10", "--grid", "50",
                                        "--gradient-descent", "--step", "0.01", "--json"])
        if len(document.get("gradientDescent", [])) != 2:
            fail("flow --gradient-descent: expected one gradient-descent row per ε")
        self.exact_and_float("flow", "examples/weight-decay.json", "--epsilon", "1e-5,1e-10", "--grid", "50")

    def check_run(self):
        """Gradient descent on the weights of x = u∘v, written with numpy in the conventions of
        docs/math.md §0 and §2 (ℓ(x) = ½xᵀMx − rᵀx, u(0) = √ε·1, v(0) = 0), for the worked
        example; dlnpath's own descent with the same step must agree with it."""
        M = np.array([[10.0, -4.0], [-4.0, 2.0]])
        r = np.array([-3.0, 2.0])
        epsilon, eta, every = 1e-4, 1e-3, 20
        steps = int(4.0 * math.log(1 / epsilon) / 2 / eta)  # up to s = 4 (s = 2t/log(1/ε), t = kη)
        u, v = math.sqrt(epsilon) * np.ones(2), np.zeros(2)
        times, xs = [0], [u * v]
        for k in range(1, steps + 1):
            g = M @ (u * v) - r
            u, v = u - eta * v * g, v - eta * u * g
            if k % every == 0:
                times.append(k)
                xs.append(u * v)
        run = self.work / "run.npz"
        np.savez(run, t=np.array(times, dtype=np.float64), x=np.array(xs), epsilon=np.float64(epsilon))
        report = self.output("check-run", ["check-run", "examples/berthier-example.json", run, "--step", eta, "--json"])
        self.exact_and_float("check-run", "examples/weight-decay.json", run, "--step", eta)
        if report["verdict"] != "consistent":
            fail(f"numpy's gradient descent and dlnpath's disagree: {report['reading']}")
        if report["samples"] != len(times):
            fail(f"samples = {report['samples']} for {len(times)} saved")
        positive = len(times) - 1  # the series starts after t = 0, where the average is not defined
        if len(report["series"]["t"]) != positive or len(report["series"]["runAverage"]) != positive:
            fail(f"series has {len(report['series']['t'])} times for {positive} samples after t = 0")

    def generate(self):
        document = strict_json(self.run(["generate", "mairal-yu", "--p", "3"]), "generate mairal-yu --p 3")
        self.schemas.validate("problem", document, "generate mairal-yu --p 3")
        problem = self.work / "mairal-yu-3.json"
        problem.write_text(json.dumps(document))
        path = self.output("path", ["path", problem, "--json"])
        if len(path["knots"]) != (3 ** 3 + 1) // 2:
            fail(f"Mairal–Yu p = 3: {len(path['knots'])} knots, expected 14 (docs/math.md §6)")

    def worked_example(self):
        """docs/math.md §1, §3, §4 by hand: M = [[10, −4], [−4, 2]], r = (−3, 2)."""
        c = self.output("compare", ["compare", "examples/berthier-example.json", "--json"])
        expect(c, "[k.lambda]", [k["lambda"] for k in c["knots"]], ["3", "4/3", "1", "1/3", "0"])
        expect(c, "[k.x]", [k["x"] for k in c["knots"]], [["0", "0"], ["-1/6", "0"], ["0", "1/2"], ["0", "5/6"], ["1/2", "2"]])
        expect(c, "[saddle.s]", [s["s"] for s in c["saddles"]], ["0", "1/3", "3/4", "11/4"])
        expect(c, "[saddle.x]", [s["x"] for s in c["saddles"]], [["0", "0"], ["-3/10", "0"], ["0", "1"], ["1/2", "2"]])
        expect(c, "monotone, equivalent", [c["monotone"], c["equivalent"]], [False, False])
        expect(c, "divergence", [(d["from"], d["to"]) for d in c["divergence"]], [("3/4", "3")])
        # The gap per common piece of [3/4, 3] (cut at the knot time 1 and the saddle time 11/4).
        expect(c, "gap", [(g["from"], g["to"], g["maximum"], g["maximiser"]) for g in c["gap"]],
               [("3/4", "1", "1/64", "1"), ("1", "11/4", "1/28", "7/4"), ("11/4", "3", "15/484", "11/4")])
        expect(c, "zDown.total", c["zDown"]["total"], "15/64")
        # 0-based indices: coordinate 0 (x₀) enters first and is the one whose |z| decreases
        # on the second segment, which starts at knot 1 (κ = 4/3).
        expect(c, "saddles[1].entering", c["saddles"][1]["entering"], [0])
        expect(c, "saddles[2].entering", c["saddles"][2]["entering"], [1])
        expect(c, "knots[1].active", c["knots"][1]["active"], [0])
        expect(c, "knots[0].joined", c["knots"][0]["joined"], [0])
        expect(c, "monotonicityBreak.coordinate", c["monotonicityBreak"]["coordinate"], 0)
        expect(c, "monotonicityBreak.knot", c["monotonicityBreak"]["knot"], 1)
        cert = strict_json(self.run(["certify", "examples/berthier-example.json", "--stdout"]), "certify berthier-example")
        self.schemas.validate("certificate", cert, "certify berthier-example")
        expect(cert, "certificate monotoneBreak", [cert["verdict"]["monotoneBreak"][k] for k in ("segment", "coordinate")], [1, 0])
        expect(cert, "certificate divergence", [(d["from"], d["to"], d["coordinates"]) for d in cert["verdict"]["divergence"]],
               [("3/4", "3", [0, 1])])
        at = self.output("compare", ["compare", "examples/berthier-example.json", "--at", "1", "--at", "2", "--json"])["at"]
        expect(at, "gap at s = 1, 2", [e["gap"] for e in at], ["1/64", "9/256"])
        expect(at, "xbar at s = 1", at[0]["xbar"], ["-1/8", "1/4"])


def expect(_, what, actual, wanted):
    if actual != wanted:
        fail(f"worked example: {what} is {actual!r}, expected {wanted!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dlnpath", required=True, help="the built dlnpath binary")
    args = parser.parse_args()
    dlnpath = Path(args.dlnpath).resolve()
    if not dlnpath.is_file():
        print(f"error: {args.dlnpath}: no such binary (build it with `swift build --product dlnpath`)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="dlnpath-oracles-") as work:
        oracles = Oracles(dlnpath, work)
        oracles.all()
    print(f"oracles: {oracles.passed} passed, {oracles.failed} failed")
    return 1 if oracles.failed else 0


if __name__ == "__main__":
    sys.exit(main())
