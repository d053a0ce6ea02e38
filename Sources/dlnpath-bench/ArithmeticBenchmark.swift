import SeededRandom
import ArgumentParser
import ExactArithmetic
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dlnpath-bench arithmetic`: the cost of exact rational arithmetic.
///
/// (a) `acc = acc + a[i]·b[i]` on small fractions (numerators in -1000...1000, denominators in
///     {1, 2, 3, 4, 5, 6, 8, 10, 12}, so the running sum's denominator divides 14400 and everything
///     stays in the Int64 fast path), and `c[i] + a[i]·b[i]` on fractions with ~1000-bit numerators
///     and denominators (a running sum of those would grow by ~2000 bits per step, so the operand
///     size is kept fixed instead);
/// (b) the same small-value loop forced through GMP, to show what the fast path saves;
/// (c) an exact 40×40 dense solve by plain Gaussian elimination.
///
/// Times are CPU time of the running thread (best of `--repeats`), which equals wall time on an
/// idle machine and is much less disturbed by other processes on a busy one.
/// The values come from SplitMix64 with a fixed seed; examples/bench/fraction_baseline.py draws the
/// same values and runs the same loops with Python's `fractions.Fraction`.
struct ArithmeticBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arithmetic",
        abstract: "Rational multiply-add (Int64 fast path, forced GMP, ~1000-bit) and a 40×40 exact solve."
    )

    @Option(help: "Multiply-adds in the small-value loops.")
    var smallCount = 2_000_000

    @Option(help: "Multiply-adds in the ~1000-bit loop.")
    var bigCount = 20_000

    @Option(help: "Bits in each numerator and denominator of the big operands.")
    var bits = 1_000

    @Option(help: "Dimension of the dense solve.")
    var size = 40

    @Option(help: "Timed runs of each loop; the fastest is reported.")
    var repeats = 5

    @Option(help: "Seed of the SplitMix64 generator.")
    var seed: UInt64 = 42

    func validate() throws {
        guard smallCount > 0, bigCount > 0, bits > 1, size > 0, repeats > 0 else {
            throw ValidationError("counts, bits, size and repeats must be positive")
        }
    }

    func run() throws {
        var rng = Random(seed: seed)
        let poolSize = 10_000 // operands are reused cyclically: the pool stays in cache, values stay fixed

        // (a) and (b): small fractions.
        let smallA = (0..<poolSize).map { _ in rng.smallFraction() }
        let smallB = (0..<poolSize).map { _ in rng.smallFraction() }
        var fastSum = Rational.zero, gmpSum = Rational.zero
        let fast = Self.best(of: repeats, operations: smallCount) {
            var acc = Rational.zero
            var i = 0
            for _ in 0..<smallCount {
                acc = acc + smallA[i] * smallB[i]
                i += 1; if i == poolSize { i = 0 }
            }
            fastSum = acc
        }
        let forced = Self.best(of: repeats, operations: smallCount) {
            var acc = Rational.zero
            var i = 0
            for _ in 0..<smallCount {
                acc = Rational.sumThroughGMP(acc, Rational.productThroughGMP(smallA[i], smallB[i]))
                i += 1; if i == poolSize { i = 0 }
            }
            gmpSum = acc
        }
        guard fastSum == gmpSum, fastSum.isSmall else {
            throw ValidationError("fast path and GMP disagree: \(fastSum) vs \(gmpSum)")
        }

        // (a) ~1000-bit fractions.
        let bigPool = Swift.min(poolSize, bigCount)
        let bigA = (0..<bigPool).map { _ in rng.bigFraction(bits: bits) }
        let bigB = (0..<bigPool).map { _ in rng.bigFraction(bits: bits) }
        let bigC = (0..<bigPool).map { _ in rng.bigFraction(bits: bits) }
        var bigCheck = 0
        let big = Self.best(of: repeats, operations: bigCount) {
            var i = 0, check = 0
            for _ in 0..<bigCount {
                let r = bigC[i] + bigA[i] * bigB[i]
                check &+= r.signum
                i += 1; if i == bigPool { i = 0 }
            }
            bigCheck = check
        }

        // (c) dense solve.
        let width = size + 1
        var system = [Rational]()
        system.reserveCapacity(size * width)
        for _ in 0..<(size * width) { system.append(Rational(rng.below(19) - 9)) }
        var solution: [Rational]? = nil
        let solve = Self.best(of: repeats, operations: 1) { solution = Self.gaussianSolve(system, size: size) }
        guard let x = solution else { throw ValidationError("the random \(size)×\(size) matrix is singular") }
        for r in 0..<size { // exact residual check: A·x = b
            var lhs = Rational.zero
            for c in 0..<size { lhs.addProduct(system[r * width + c], x[c]) }
            guard lhs == system[r * width + size] else { throw ValidationError("solve residual is not zero") }
        }
        let maxBits = x.map { Swift.max($0.numerator.bitWidth, $0.denominator.bitWidth) }.max() ?? 0

        print("Exact rational arithmetic (best of \(repeats), seed \(seed))")
        print(Self.row("small acc += a*b, Int64 fast path", fast, "ns/op"))
        print(Self.row("small acc += a*b, forced through GMP", forced, "ns/op"))
        print(Self.row("\(bits)-bit c + a*b (GMP)", big, "ns/op"))
        print(Self.row("\(size)×\(size) Gaussian solve", solve / 1e6, "ms"))
        print("fast path speed-up over GMP: \(Self.format(forced / fast))×")
        print("checks: small sum \(fastSum) (\(fastSum.isSmall ? "Int64" : "GMP")), " +
              "big signum sum \(bigCheck), solution entries up to \(maxBits) bits")
    }

    /// Fastest of `runs` timings of `body` (thread CPU time), in nanoseconds per operation.
    static func best(of runs: Int, operations: Int, _ body: () -> Void) -> Double {
        var fastest = Double.infinity
        for _ in 0..<runs {
            let start = threadCPUNanoseconds()
            body()
            fastest = Swift.min(fastest, Double(threadCPUNanoseconds() - start) / Double(operations))
        }
        return fastest
    }

    static func threadCPUNanoseconds() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Int(ts.tv_sec) * 1_000_000_000 + Int(ts.tv_nsec)
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 10).rounded() / 10
        return scaled >= 100 ? String(Int(scaled.rounded())) : String(scaled)
    }

    static func row(_ label: String, _ value: Double, _ unit: String) -> String {
        let pad = String(repeating: " ", count: Swift.max(0, 40 - label.count))
        return "  \(label)\(pad)\(format(value)) \(unit)"
    }
}

// Kept inside the command so that other benchmark files in this target cannot clash with them.
extension ArithmeticBenchmark {
    /// Solves the n×n system stored row-major with its right-hand side as column n (`system` has
    /// n·(n+1) entries) by plain Gaussian elimination over `Rational`, first non-zero pivot, then back
    /// substitution. Nil when singular. Deliberately simple: it measures rational arithmetic.
    static func gaussianSolve(_ system: [Rational], size n: Int) -> [Rational]? {
        let w = n + 1
        var m = system
        for col in 0..<n {
            guard let p = (col..<n).first(where: { !m[$0 * w + col].isZero }) else { return nil }
            if p != col { for k in col..<w { m.swapAt(p * w + k, col * w + k) } }
            let pivotInverse = m[col * w + col].reciprocal
            let pivotRow = Array(m[(col * w)..<(col * w + w)])
            for row in (col + 1)..<n {
                let factor = m[row * w + col] * pivotInverse
                if factor.isZero { continue }
                m[row * w + col] = .zero
                for k in (col + 1)..<w { m[row * w + k].subtractProduct(factor, pivotRow[k]) }
            }
        }
        var x = [Rational](repeating: .zero, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var rhs = m[row * w + n]
            for k in (row + 1)..<n { rhs.subtractProduct(m[row * w + k], x[k]) }
            x[row] = rhs / m[row * w + row]
        }
        return x
    }

    /// SplitMix64 and the value distributions shared with examples/bench/fraction_baseline.py
    /// (which must draw in the same order to get the same values).
    struct Random {
        var source: SplitMix64
        init(seed: UInt64) { source = SplitMix64(seed: seed) }

        mutating func next() -> UInt64 { source.next() }

        /// `next() % n` (the modulo bias is irrelevant here and keeps the Python twin trivial).
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

        static let smallDenominators = [1, 2, 3, 4, 5, 6, 8, 10, 12]

        mutating func smallFraction() -> Rational {
            let numerator = below(2001) - 1000
            return Rational(numerator, Self.smallDenominators[below(Self.smallDenominators.count)])
        }

        /// A positive integer of exactly `bits` bits, 32 random bits at a time.
        mutating func bigInteger(bits: Int) -> BigInteger {
            var value = BigInteger(1)
            var remaining = bits - 1
            while remaining > 0 {
                let take = Swift.min(32, remaining)
                value = value.shiftedLeft(take) + BigInteger(Int(next() >> UInt64(64 - take)))
                remaining -= take
            }
            return value
        }

        /// ±(bits-bit integer)/(bits-bit integer), reduced.
        mutating func bigFraction(bits: Int) -> Rational {
            let negative = next() & 1 == 1
            let numerator = bigInteger(bits: bits), denominator = bigInteger(bits: bits)
            return Rational(negative ? -numerator : numerator, denominator)
        }
    }
}
