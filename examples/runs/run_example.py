"""CI check of examples/runs: train the network with numpy (train_dln.py), check the run with
`dlnpath check-run`, and compare with the expected output.

    python run_example.py --dlnpath .build/debug/dlnpath

Fails (exit 1) if the verdict is not `consistent`, if the text differs from expected-output.txt
(the numbers of the lines that measure rounding noise are masked: they depend on the platform),
or if the same run declared with a wrong epsilon is not `inconsistent`, or declared with the
square root of its epsilon has no hint to give the epsilon itself.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train_dln  # noqa: E402

PROBLEM = os.path.join(HERE, "..", "berthier-example.json")
EPSILON, STEP, S_MAX = 1e-6, 1e-3, 4.5
NUMBER = re.compile(r"\d+(?:\.\d+)?(?:e-?\d+)?")
# Lines whose numbers are rounding noise (where a 1e-11 sup is attained, for one).
NOISY = ("runDeviation:", "sampling error", "verdict: consistent")


def masked(text):
    return "\n".join(NUMBER.sub("<n>", line) if line.startswith(NOISY) else line for line in text.splitlines())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dlnpath", default="dlnpath")
    ap.add_argument("--update", action="store_true", help="rewrite expected-output.txt")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run = os.path.join(tmp, "run.npz")
        M, r, beta, gamma, wd = train_dln.load_problem(PROBLEM)
        t, x = train_dln.train(M, r, beta, gamma, wd, EPSILON, STEP, S_MAX)
        train_dln.np.savez(run, t=t, x=x, epsilon=train_dln.np.float64(EPSILON))
        base = [a.dlnpath, "check-run", "examples/berthier-example.json", "run.npz", "--step", str(STEP)]
        cwd_args = dict(cwd=tmp, capture_output=True, text=True)
        # Paths as a user would type them: copy-free, through a symlinked examples/ folder.
        os.symlink(os.path.join(HERE, ".."), os.path.join(tmp, "examples"))
        text = subprocess.run(base + ["--expect-consistent"], **cwd_args)
        if text.returncode != 0:
            sys.exit(f"check-run exited {text.returncode}: {text.stderr}")
        expected_path = os.path.join(HERE, "expected-output.txt")
        if a.update:
            with open(expected_path, "w") as f:
                f.write(text.stdout)
        with open(expected_path) as f:
            expected = f.read()
        if masked(text.stdout) != masked(expected):
            got, want = masked(text.stdout).splitlines(), masked(expected).splitlines()
            for k, (g, w) in enumerate(zip(got, want)):
                if g != w:
                    sys.exit(f"output differs from expected-output.txt at line {k + 1}:\n got:  {g}\n want: {w}")
            sys.exit(f"output has {len(got)} lines, expected-output.txt {len(want)}")
        report = json.loads(subprocess.run(base + ["--json"], **cwd_args).stdout)
        if report["verdict"] != "consistent" or not report["runDeviation"] < 1e-8:
            sys.exit(f"expected a consistent run within 1e-8, got {report['verdict']}, runDeviation {report['runDeviation']}")
        wrong = subprocess.run(base + ["--epsilon", "1e-8", "--expect-consistent"], **cwd_args)
        if wrong.returncode != 1 or "verdict: inconsistent" not in wrong.stdout:
            sys.exit(f"the run declared with epsilon = 1e-8 should be inconsistent (exit 1), got exit {wrong.returncode}")
        # Declared with √ε (the initialisation scale): inconsistent, with a hint to give ε itself.
        root = json.loads(subprocess.run(base + ["--epsilon", "1e-3", "--json"], **cwd_args).stdout)
        if root["verdict"] != "inconsistent" or "give --epsilon 1e-6 (" not in (root["hint"] or ""):
            sys.exit(f"the run declared with epsilon = 1e-3 should be inconsistent with a hint to give 1e-6, got {root['verdict']}, {root['hint']!r}")
    print(f"examples/runs: numpy gradient descent ({len(t)} iterations) checked: consistent "
          f"(runDeviation {report['runDeviation']:.2e}); declared with the wrong epsilon: inconsistent; "
          f"declared with its square root: hint '{root['hint'][:60]}…'")


if __name__ == "__main__":
    main()
