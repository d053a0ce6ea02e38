#!/usr/bin/env python3
"""Python baseline for `swift run -c release dlnpath-bench arithmetic`.

Runs the same loops as Sources/dlnpath-bench/ArithmeticBenchmark.swift with fractions.Fraction,
on the same values (same SplitMix64 seed and drawing order), and prints ns per operation:

  (a) acc = acc + a[i]*b[i] on small fractions (numerators -1000..1000, denominators in
      {1,2,3,4,5,6,8,10,12}), and c[i] + a[i]*b[i] on ~1000-bit numerators/denominators;
  (c) an exact 40x40 solve by plain Gaussian elimination.

Times are thread CPU time, best of --repeats, like the Swift side. The "checks" line must match
the Swift output exactly (it proves both sides computed the same values).
"""
import argparse
import time
from fractions import Fraction

MASK = (1 << 64) - 1
SMALL_DENOMINATORS = [1, 2, 3, 4, 5, 6, 8, 10, 12]
POOL = 10_000


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def small_fraction(self):
        numerator = self.below(2001) - 1000
        return Fraction(numerator, SMALL_DENOMINATORS[self.below(len(SMALL_DENOMINATORS))])

    def big_integer(self, bits):
        value, remaining = 1, bits - 1
        while remaining > 0:
            take = min(32, remaining)
            value = (value << take) + (self.next() >> (64 - take))
            remaining -= take
        return value

    def big_fraction(self, bits):
        negative = self.next() & 1 == 1
        numerator = self.big_integer(bits)
        denominator = self.big_integer(bits)
        return Fraction(-numerator if negative else numerator, denominator)


def best(runs, operations, body):
    fastest = float("inf")
    for _ in range(runs):
        start = time.thread_time_ns()
        body()
        fastest = min(fastest, (time.thread_time_ns() - start) / operations)
    return fastest


def gaussian_solve(system, n):
    """Plain Gaussian elimination, first non-zero pivot, as in the Swift benchmark."""
    w = n + 1
    m = list(system)
    for col in range(n):
        p = next((r for r in range(col, n) if m[r * w + col] != 0), None)
        if p is None:
            return None
        if p != col:
            for k in range(col, w):
                m[p * w + k], m[col * w + k] = m[col * w + k], m[p * w + k]
        pivot_inverse = 1 / m[col * w + col]
        pivot_row = m[col * w:col * w + w]
        for row in range(col + 1, n):
            factor = m[row * w + col] * pivot_inverse
            if factor == 0:
                continue
            m[row * w + col] = Fraction(0)
            for k in range(col + 1, w):
                m[row * w + k] = m[row * w + k] - factor * pivot_row[k]
    x = [Fraction(0)] * n
    for row in range(n - 1, -1, -1):
        rhs = m[row * w + n]
        for k in range(row + 1, n):
            rhs = rhs - m[row * w + k] * x[k]
        x[row] = rhs / m[row * w + row]
    return x


def fmt(value):
    return str(round(value)) if value >= 100 else str(round(value, 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small-count", type=int, default=2_000_000)
    parser.add_argument("--big-count", type=int, default=20_000)
    parser.add_argument("--bits", type=int, default=1_000)
    parser.add_argument("--size", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    rng = SplitMix64(args.seed)
    small_a = [rng.small_fraction() for _ in range(POOL)]
    small_b = [rng.small_fraction() for _ in range(POOL)]
    result = {}

    def small_loop():
        acc = Fraction(0)
        i = 0
        for _ in range(args.small_count):
            acc = acc + small_a[i] * small_b[i]
            i += 1
            if i == POOL:
                i = 0
        result["small"] = acc

    small = best(args.repeats, args.small_count, small_loop)

    big_pool = min(POOL, args.big_count)
    big_a = [rng.big_fraction(args.bits) for _ in range(big_pool)]
    big_b = [rng.big_fraction(args.bits) for _ in range(big_pool)]
    big_c = [rng.big_fraction(args.bits) for _ in range(big_pool)]

    def big_loop():
        i = check = 0
        for _ in range(args.big_count):
            r = big_c[i] + big_a[i] * big_b[i]
            check += (r > 0) - (r < 0)
            i += 1
            if i == big_pool:
                i = 0
        result["big"] = check

    big = best(args.repeats, args.big_count, big_loop)

    n = args.size
    system = [Fraction(rng.below(19) - 9) for _ in range(n * (n + 1))]

    def solve_once():
        result["x"] = gaussian_solve(system, n)

    solve = best(args.repeats, 1, solve_once)
    x = result["x"]
    if x is None:
        raise SystemExit(f"the random {n}x{n} matrix is singular")
    w = n + 1
    for r in range(n):
        if sum(system[r * w + c] * x[c] for c in range(n)) != system[r * w + n]:
            raise SystemExit("solve residual is not zero")
    max_bits = max(max(abs(v.numerator).bit_length(), v.denominator.bit_length()) for v in x)

    acc = result["small"]
    small_text = str(acc.numerator) if acc.denominator == 1 else f"{acc.numerator}/{acc.denominator}"
    print(f"Python fractions.Fraction (best of {args.repeats}, seed {args.seed})")
    print(f"  small acc += a*b                        {fmt(small)} ns/op")
    print(f"  {args.bits}-bit c + a*b".ljust(42) + f"{fmt(big)} ns/op")
    print(f"  {n}x{n} Gaussian solve".ljust(42) + f"{fmt(solve / 1e6)} ms")
    print(f"checks: small sum {small_text}, big signum sum {result['big']}, "
          f"solution entries up to {max_bits} bits")


if __name__ == "__main__":
    main()
