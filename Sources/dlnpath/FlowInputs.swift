import ExactArithmetic
import Foundation
import LassoHomotopy
import NumericFlow
import ProgressReporting
import ProblemDefinition
import SaddleToSaddle
import LimitVerdict

// MARK: - Shared by `flow` and `plot`

/// The exact objects of a problem (limit, lasso path, verdict) and their hand-over to the
/// floating-point module as Double data (display and simulation only).
struct FlowInputs {
    let problem: Problem
    let limit: DLNLimit
    let path: LassoPath
    let verdict: Verdict
    let dln: DLNProblem
    let exact: ExactTrajectory
    let lasso: LassoPathKnots

    init(_ p: Problem) throws {
        problem = p
        let comparison = try ExactComparison(p)
        (limit, path, verdict) = (comparison.limit, comparison.path, comparison.verdict)
        do {
            dln = try FlowInputs.doubleProblem(p)
            exact = try ExactTrajectory(dimension: p.dimension, saddleTimes: limit.saddles.map(\.s.doubleValue),
                                        iterates: limit.saddles.map { $0.x.map(\.doubleValue) })
            // Knots that coincide in Double (possible only on extreme paths) are merged: the
            // later one is kept, which changes the drawn path by less than the rounding.
            var kappas: [Double] = [], solutions: [[Double]] = []
            for knot in path.knots {
                let k = knot.kappa.doubleValue
                let x = knot.x.map(\.doubleValue)
                if let last = kappas.last, k >= last { solutions[solutions.count - 1] = x; continue }
                kappas.append(k); solutions.append(x)
            }
            lasso = try LassoPathKnots(kappas: kappas, solutions: solutions)
        } catch let error as FlowError {
            throw error.cliFailure(context: "converting the problem to floating point")
        }
    }

    var network: String {
        problem.variant == .signed ? "signed network x = u∘v" : "weight-tied network x = u∘u (x ≥ 0)"
    }

    /// `EpsilonSweep.defaultSMax`'s rule, exactly: 3/2 × the later of the last saddle time and
    /// the last reached knot time 1/(κ_k − λwd) (1 if there is neither).
    var defaultSMax: Rational {
        let lambda = problem.weightDecay
        var last = limit.saddles.last?.s ?? .zero
        for knot in path.knots where knot.kappa > lambda { last = max(last, (knot.kappa - lambda).reciprocal) }
        return last.signum > 0 ? Rational(3, 2) * last : .one
    }

    /// M, r, the variant, λwd and the initialisation shape, rounded to Double.
    static func doubleProblem(_ p: Problem) throws -> DLNProblem {
        let M = p.M.rowArrays.map { $0.map(\.doubleValue) }
        let r = p.r.map(\.doubleValue)
        switch p.initialisation {
        case let .signed(beta, gamma):
            return try DLNProblem(M: M, r: r, variant: p.variant == .signed ? .signed : .positive,
                                  beta: beta.map(\.doubleValue), gamma: gamma.map(\.doubleValue),
                                  weightDecay: p.weightDecay.doubleValue)
        case let .positive(alpha):
            return try DLNProblem(M: M, r: r, variant: p.variant == .signed ? .signed : .positive,
                                  alpha: alpha.map(\.doubleValue), weightDecay: p.weightDecay.doubleValue)
        }
    }
}

/// The exact limit gap `Lasso(x̄₀(s), κ) − Lasso*(κ)` from the verdict's exact polynomials
/// `g₀ + g₁/s + g₂/s²` (one per part of a common piece).
struct ExactGapCurve {
    let parts: [GapPolynomial]

    init(_ verdict: Verdict) {
        parts = verdict.gap.flatMap(\.parts).sorted { $0.from < $1.from }
    }

    /// The part in force at s > 0: the last one starting before s (parts meet continuously).
    func part(at s: Rational) -> GapPolynomial? {
        var lo = -1, hi = parts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if parts[mid].from < s { lo = mid } else { hi = mid }
        }
        return lo >= 0 ? parts[lo] : parts.first
    }

    /// The exact gap at s > 0.
    func value(at s: Rational) -> Rational {
        part(at: s)?.value(at: s) ?? .zero
    }

    /// The gap at a Double time, evaluated exactly at that (dyadic) time, then rounded.
    func value(at s: Double) -> Double {
        guard s > 0, let q = Rational(exactly: s) else { return 0 }
        return value(at: q).doubleValue
    }

    /// The exact supremum on (0, sMax]: each part's maximum on its clipped interval is at an
    /// end or at the vertex u* = −g₁/(2g₂) of a concave part (u = 1/s), so it is rational.
    func supremum(upTo sMax: Rational) -> (value: Rational, at: Rational?) {
        var best: (value: Rational, at: Rational?) = (.zero, nil)
        func consider(_ part: GapPolynomial, _ s: Rational) {
            let v = part.value(at: s)
            if v > best.value { best = (v, s) }
        }
        for part in parts where part.from < sMax {
            let hi = part.to.map { min($0, sMax) } ?? sMax
            consider(part, hi)
            if part.from.signum > 0 { consider(part, part.from) }
            if part.g2.signum < 0 {
                let u = -part.g1 / (Rational(2) * part.g2)
                if u.signum > 0, case let s = u.reciprocal, s > part.from, s < hi { consider(part, s) }
            }
        }
        return best
    }
}


// MARK: - Parsing and formatting shared by `flow` and `plot`
func flowSupDistance(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

/// A progress bar that appears only once a run has taken a second (and only on a terminal,
/// as `ProgressBar` decides).
final class DelayedProgressBar {
    private let bar: ProgressBar
    private let start = ContinuousClock.now
    private var shown = false

    init(label: String) { bar = ProgressBar(label: label) }

    func update(_ fraction: Double) {
        guard bar.enabled else { return }
        if !shown {
            guard ContinuousClock.now - start >= .seconds(1) else { return }
            shown = true
        }
        bar.update(fraction)
    }

    func finish() {
        if shown { bar.finish() }
    }
}

extension FlowError {
    /// Bad data is bad input (exit 2); an integration that cannot continue is a failed run (exit 1).
    func cliFailure(context: String) -> CLIFailure {
        switch self {
        case .invalidInput(let m): return .badInput("\(context): \(m)")
        case .integrationFailed(let m): return .checkFailed("\(context): integration failed: \(m)")
        }
    }
}

/// Parses `--epsilon 1e-5,1e-10`: each entry in (0, 1), exponents beyond Double's range allowed.
func parseEpsilonList(_ text: String, option: String) throws -> [FlowEpsilon] {
    let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    guard !items.isEmpty, !(items.count == 1 && items[0].isEmpty) else { throw CLIFailure.badInput("\(option): no ε given") }
    return try items.map { item in
        guard !item.isEmpty else { throw CLIFailure.badInput("\(option): empty entry in '\(text)'") }
        if let epsilon = try? FlowEpsilon(parsing: item) { return epsilon }
        // Say why: not a number, not positive, or not below 1.
        let parts = item.lowercased().split(separator: "e", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let mantissa = Double(parts[0]), mantissa.isFinite,
              parts.count == 1 || Int(parts[1]) != nil else {
            throw CLIFailure.badInput("\(option): '\(item)' is not a number")
        }
        if mantissa <= 0 { throw CLIFailure.badInput("\(option): ε must be positive, got '\(item)'") }
        throw CLIFailure.badInput("\(option): ε must be below 1 (ε ∈ (0, 1)), got '\(item)'")
    }
}

/// Parses a positive number (exact text such as 9/2, 4.5 or 1e1).
func parsePositiveValue(_ text: String, option: String) throws -> Rational {
    guard let value = try? Rational(parsing: text) else { throw CLIFailure.badInput("\(option): '\(text)' is not a number") }
    guard value.signum > 0 else { throw CLIFailure.badInput("\(option) must be positive, got \(text)") }
    guard value.doubleValue.isFinite else { throw CLIFailure.badInput("\(option): \(text) is too large") }
    return value
}

/// Integrator tolerances from `--rtol`/`--atol` (defaults: `FlowOptions()`).
func flowOptions(rtol: String?, atol: String?) throws -> FlowOptions {
    var options = FlowOptions()
    if let rtol { options.relativeTolerance = try parsePositiveValue(rtol, option: "--rtol").doubleValue }
    if let atol { options.absoluteTolerance = try parsePositiveValue(atol, option: "--atol").doubleValue }
    return options
}

/// An exact value with its decimal, or only the decimal when the fraction is long.
func shortExact(_ q: Rational) -> String {
    q.description.count > 24 ? "≈" + q.decimalString(significantDigits: 6) : exactAndApprox(q)
}

/// `%.4g` for tables.
func flowNumber(_ x: Double) -> String {
    x.isFinite ? String(format: "%.4g", x) : (x.isNaN ? "nan" : (x > 0 ? "∞" : "−∞"))
}
