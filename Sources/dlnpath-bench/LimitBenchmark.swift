import ArgumentParser
import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy
import ProblemDefinition
import SaddleToSaddle
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dlnpath-bench limit`: the exact ε → 0 DLN limit against the exact lasso path on the same
/// instances — Mairal–Yu level p (default 12: 265,721 knots) and the seeded Gaussian instance of
/// `dlnpath-bench path` (n = 200, d = 100, 6 significant digits, exact decimals, mean scaling).
/// The target: the limit takes no longer than the path.
///
/// Times are wall clock and CPU time of the process (all threads: the path's certificate may run
/// on two); on a busy machine CPU time is the steadier figure. Building the instance (for
/// Mairal–Yu: the paths of levels 1…p−1; for both: the exact PSD validation of M) is not timed.
struct LimitBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limit",
        abstract: "Time the exact DLN limit against the exact lasso path (Mairal–Yu p, Gaussian n × d)."
    )

    @Option(help: "Mairal–Yu level (0 skips it).")
    var p = 12

    @Option(help: "Samples of the Gaussian instance (0 skips it).")
    var n = 200

    @Option(help: "Features of the Gaussian instance.")
    var d = 100

    @Option(help: "Seed of the SplitMix64 generator for the Gaussian instance.")
    var seed: UInt64 = 42

    @Flag(help: "Positive lasso / x = u∘u instead of the signed problem.")
    var positive = false

    func run() throws {
        let variant: Variant = positive ? .positive : .signed
        print("instance                             | lasso path: knots, CPU s (wall s) | DLN limit: saddles, CPU s (wall s) | limit/path (CPU)")
        if p > 0 {
            // From the data, as `dlnpath` reads a generated instance: the path then runs on
            // column-scaled data (LassoHomotopy's README), 2–3× faster than from M and r alone.
            guard let data = try MairalYu.instance(p: p).data else { throw ValidationError("Mairal–Yu p = \(p) has no data") }
            let problem = try Problem(X: data.X, y: data.y, scaling: data.scaling, variant: variant)
            try Self.compare("Mairal–Yu p = \(p)", problem)
        }
        if n > 0 {
            try Self.compare("Gaussian n = \(n), d = \(d), seed \(seed)", Self.gaussianInstance(n: n, d: d, seed: seed, variant: variant))
        }
    }

    static func compare(_ name: String, _ problem: Problem) throws {
        var path: LassoPath?
        let pathTime = measure { path = try? LassoPath(problem: problem) }
        guard let path else { throw ValidationError("\(name): the lasso path failed") }
        var limit: DLNLimit?
        let limitTime = measure { limit = try? DLNLimit(problem: problem) }
        guard let limit else { throw ValidationError("\(name): the DLN limit failed") }
        let ratio = limitTime.cpu / max(pathTime.cpu, 1e-9)
        print("\(name.padding(toLength: 36, withPad: " ", startingAt: 0)) | \(path.knots.count) knots, \(format(pathTime.cpu)) s (\(format(pathTime.wall)) s) | \(limit.saddles.count) saddles, \(format(limitTime.cpu)) s (\(format(limitTime.wall)) s) | \(format(ratio))")
    }

    /// The instance of `dlnpath-bench path` (same generator, same seed): X (n × d) and y standard
    /// normal, each rounded to 6 significant digits and taken as the exact decimal; mean scaling.
    static func gaussianInstance(n: Int, d: Int, seed: UInt64, variant: Variant) throws -> Problem {
        var rng = PathBenchmark.Random(state: seed)
        let X = Matrix((0..<n).map { _ in (0..<d).map { _ in rng.sixDigitGaussian() } })
        let y = (0..<n).map { _ in rng.sixDigitGaussian() }
        return try Problem(X: X, y: y, scaling: .mean, variant: variant)
    }

    /// Process CPU seconds and wall seconds of `body`.
    static func measure(_ body: () -> Void) -> (cpu: Double, wall: Double) {
        func now(_ clock: clockid_t) -> Double {
            var t = timespec()
            clock_gettime(clock, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        let cpu = now(CLOCK_PROCESS_CPUTIME_ID), wall = now(CLOCK_MONOTONIC)
        body()
        return (now(CLOCK_PROCESS_CPUTIME_ID) - cpu, now(CLOCK_MONOTONIC) - wall)
    }

    static func format(_ seconds: Double) -> String {
        seconds >= 10 ? String(Int(seconds.rounded())) : String((seconds * 1000).rounded() / 1000)
    }
}
