import SeededRandom
import ArgumentParser
import ExactArithmetic
import ExactLinearAlgebra
import Foundation
import LassoHomotopy
import ProblemDefinition
#if canImport(Glibc)
import Glibc
#endif

/// `dlnpath-bench path`: knots per second of the exact, certified lasso path.
///
/// (a) Mairal–Yu levels (docs/math.md §6; level p has (3ᵖ + 1)/2 knots): levels 1…max are built in turn,
///     each from the exact path of the one before, and levels ≥ `--from` are reported.
/// (b) A seeded random instance: X (n×d) and y Gaussian (Box–Muller on SplitMix64), each value
///     rounded to 6 significant decimal digits and taken as the exact rational of that decimal;
///     mean scaling (M = XᵀX/n). Problem validation (ProblemDefinition) is timed separately.
///
/// Times: wall clock and CPU time of the process (all threads: the certificate of a long path
/// runs in two halves at once). On an idle machine wall ≤ CPU; on a busy one CPU time is much
/// less disturbed. The path's own split (homotopy, assembly of knots, exact certificate) is wall
/// clock. "bits" is the largest numerator or denominator among the
/// knots' κ and x: the size growth that drives the cost of rational arithmetic.
struct PathBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Exact lasso path: Mairal–Yu p = 8…12 and a random n = 200, d = 100 instance."
    )

    @Option(help: "First Mairal–Yu level reported (levels below are still built).")
    var from = 8

    @Option(help: "Last Mairal–Yu level (0 skips them).")
    var to = 12

    @Option(help: "Samples of the random instance (0 skips it).")
    var n = 200

    @Option(help: "Features of the random instance.")
    var d = 100

    @Option(help: "Seed of the SplitMix64 generator.")
    var seed: UInt64 = 42

    @Option(help: "Factorisation: automatic, rational or integer.")
    var factorisation = "automatic"

    func validate() throws {
        guard LassoPath.Factorisation(rawValue: factorisation) != nil else {
            throw ValidationError("--factorisation must be automatic, rational or integer")
        }
        guard from >= 1, to >= 0, n >= 0, d >= 1 else { throw ValidationError("levels and sizes must be positive") }
    }

    func run() throws {
        let choice = LassoPath.Factorisation(rawValue: factorisation)!
        if to >= 1 {
            print("Mairal–Yu (docs/math.md §6): exact certified path per level; factorisation \(factorisation)")
            var table = Table(["p", "knots", "wall s", "CPU s", "knots/s (CPU)", "homotopy", "assembly", "certificate", "face", "bits"])
            var problem = MairalYu.first
            for level in 1...to {
                let (path, cpu, wall) = try Self.timed { try LassoPath(problem: problem, factorisation: choice) }
                if level >= from {
                    table.append(Self.row("\(level)", path, cpu: cpu, wall: wall))
                    print(table.render(last: true))
                }
                if level < to { problem = try MairalYu.successor(of: problem, path: path) }
            }
            print("")
        }
        guard n > 0 else { return }
        var rng = Random(state: seed)
        let X = Matrix((0..<n).map { _ in (0..<d).map { _ in rng.sixDigitGaussian() } })
        let y = (0..<n).map { _ in rng.sixDigitGaussian() }
        print("random: n = \(n), d = \(d), Gaussian rounded to 6 significant digits, mean scaling, seed \(seed)")
        let (problem, validationCPU, validationWall) = try Self.timed { try Problem(X: X, y: y, scaling: .mean) }
        print("problem validation (ProblemDefinition: XᵀX/n, PSD test, range test): wall \(Self.seconds(validationWall)) s, CPU \(Self.seconds(validationCPU)) s")
        let (path, cpu, wall) = try Self.timed { try LassoPath(problem: problem, factorisation: choice) }
        var table = Table(["instance", "knots", "wall s", "CPU s", "knots/s (CPU)", "homotopy", "assembly", "certificate", "face", "bits"])
        table.append(Self.row("n=\(n),d=\(d)", path, cpu: cpu, wall: wall))
        print(table.render(last: false))
        print("factorisation used: \(path.factorisation.rawValue); largest active set \(path.segments.map(\.active.count).max() ?? 0)")
    }

    static func row(_ label: String, _ path: LassoPath, cpu: Double, wall: Double) -> [String] {
        let t = path.timing
        func bits(_ q: Rational) -> Int { max(q.numerator.bitWidth, q.denominator.bitWidth) }
        let bits = path.knots.reduce(0) { m, knot in knot.x.reduce(max(m, bits(knot.kappa))) { max($0, bits($1)) } }
        return [label, "\(path.knots.count)", seconds(wall), seconds(cpu), "\(Int((Double(path.knots.count) / cpu).rounded()))",
                seconds(t.homotopy), seconds(t.assembly), seconds(t.certificate), "\(path.faceSolverKnots)", "\(bits)"]
    }

    static func timed<T>(_ body: () throws -> T) throws -> (T, cpu: Double, wall: Double) {
        let wallStart = ContinuousClock.now
        let cpuStart = processCPUSeconds()
        let value = try body()
        let cpu = processCPUSeconds() - cpuStart
        let wall = ContinuousClock.now - wallStart
        return (value, cpu, Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18)
    }

    static func seconds(_ d: Duration) -> String {
        seconds(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }

    static func seconds(_ s: Double) -> String { String(format: s < 10 ? "%.3f" : "%.1f", s) }

    static func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// A minimal aligned table (the benchmark prints one row at a time as levels finish).
    struct Table {
        var header: [String]
        var rows: [[String]] = []
        init(_ header: [String]) { self.header = header }
        mutating func append(_ row: [String]) { rows.append(row) }
        func render(last: Bool) -> String {
            let widths = header.indices.map { j in ([header] + rows).map { $0[j].count }.max()! }
            func line(_ row: [String]) -> String {
                row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
            }
            if last && rows.count > 1 { return line(rows[rows.count - 1]) }
            return ([line(header)] + rows.map(line)).joined(separator: "\n")
        }
    }

    /// SplitMix64 with Box–Muller Gaussians rounded to 6 significant digits.
    struct Random {
        var source: SplitMix64
        init(state: UInt64) { source = SplitMix64(seed: state) }
        mutating func uniform() -> Double { source.nextUnit() }
        /// A standard normal value as the exact rational of its 6-significant-digit decimal.
        mutating func sixDigitGaussian() -> Rational {
            let u = max(uniform(), 0x1p-60), v = uniform()
            let g = (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
            return try! Rational(parsing: String(format: "%.5e", g)) // always a valid decimal
        }
    }
}
