import ExactArithmetic
import Foundation
import LassoHomotopy
import NumericFlow
import ProblemDefinition
import LimitVerdict
import SaddleToSaddle

/// The exact objects a floating-point run is measured against — the ε → 0 limit, the lasso
/// path and the verdict between them (docs/math.md §1, §3, §4) — and their hand-over to
/// NumericFlow as Double data (display and simulation only; nothing exact is computed from it).
public struct FlowReference: Sendable {
    public let problem: Problem
    public let limit: DLNLimit
    public let path: LassoPath
    public let verdict: Verdict
    /// M, r, the variant, λwd and the initialisation shape, rounded to Double.
    public let dln: DLNProblem
    public let exact: ExactTrajectory
    public let lasso: LassoPathInterpolant

    /// Computes the limit, the path and the verdict. A failed internal check is `.failed`;
    /// a problem Double cannot hold is `.badInput`.
    public init(_ p: Problem) throws(RunCheckError) {
        problem = p
        do {
            let comparison = try ExactComparison(p)
            (limit, path, verdict) = (comparison.limit, comparison.path, comparison.verdict)
        } catch let error as LimitError {
            throw .failed("the exact limit failed a check: \(error.message)")
        } catch let error as LassoPathError {
            throw .failed("the lasso path failed its check: \(error.description)")
        } catch {
            throw .failed("the exact comparison failed: \(error)")
        }
        do {
            dln = try FlowReference.doubleProblem(p)
            exact = try ExactTrajectory(
                dimension: p.dimension,
                saddleTimes: limit.saddles.enumerated().map { try FlowReference.double($1.s, "the limit's saddle \($0) time") },
                iterates: limit.saddles.enumerated().map { k, saddle in
                    try saddle.x.enumerated().map { try FlowReference.double($1, "the limit's saddle \(k) x[\($0 + 1)]") }
                })
            // Knots that coincide in Double (possible only on extreme paths) are merged: the
            // later one is kept, which changes the drawn path by less than the rounding.
            var kappas: [Double] = [], solutions: [[Double]] = []
            for knot in path.knots {
                let k = try FlowReference.double(knot.kappa, "the lasso knot κ")
                let x = try knot.x.enumerated().map { try FlowReference.double($1, "the lasso knot x[\($0 + 1)]") }
                if let last = kappas.last, k >= last { solutions[solutions.count - 1] = x; continue }
                kappas.append(k); solutions.append(x)
            }
            lasso = try LassoPathInterpolant(kappas: kappas, solutions: solutions)
        } catch let error as FlowError {
            throw RunCheckError(error, context: "converting the problem to floating point")
        } catch let error as RunCheckError {
            throw error
        } catch {
            throw .badInput("converting the problem to floating point: \(error)")
        }
    }

    /// "signed network x = u∘v" or "weight-tied network x = u∘u (x ≥ 0)".
    public var network: String {
        problem.variant == .signed ? "signed network x = u∘v" : "weight-tied network x = u∘u (x ≥ 0)"
    }

    /// The default horizon of `flow`, `plot` and `check-run` figures (the one place it is
    /// computed): 3/2 × the later of the last saddle time and the last reached knot time
    /// 1/(κ_k − λwd), exactly; 1 if there is neither.
    public var defaultSMax: Rational {
        let lambda = problem.weightDecay
        var last = limit.saddles.last?.s ?? .zero
        for knot in path.knots where knot.kappa > lambda { last = max(last, (knot.kappa - lambda).reciprocal) }
        return last.signum > 0 ? Rational(3, 2) * last : .one
    }

    /// The longest horizon the numeric runs take: 10⁶ × `defaultSMax`. Past the last saddle and
    /// knot nothing changes, and the integrator's smallest step is a fixed fraction of the span,
    /// so a far longer span cannot resolve the start (it failed from about 10¹⁹ × on the examples).
    public static let maximumHorizonFactor = Rational(1_000_000)

    /// `sMax` (nil: `defaultSMax`) as the double the numeric runs take: positive and at most
    /// `maximumHorizonFactor` × `defaultSMax`.
    public func horizon(_ sMax: Rational?) throws(RunCheckError) -> Double {
        guard let sMax else { return defaultSMax.doubleValue }
        guard sMax.signum > 0 else { throw .badInput("--s-max must be positive, got \(NumberText.quote(sMax))") }
        guard sMax <= FlowReference.maximumHorizonFactor * defaultSMax else {
            throw .badInput("--s-max \(NumberText.quote(sMax)) is beyond 10⁶ × the default horizon (1.5 × the last saddle or knot time, \(defaultSMax.decimalString())): nothing changes that late, and the integrator cannot span it")
        }
        return sMax.doubleValue
    }

    /// The first positive saddle or knot time (where the action starts), if any.
    public var firstEventTime: Rational? {
        let lambda = problem.weightDecay
        var times = limit.saddles.map(\.s).filter { $0.signum > 0 }
        for knot in path.knots where knot.kappa > lambda { times.append((knot.kappa - lambda).reciprocal) }
        return times.min()
    }

    /// The exact divergence intervals clipped to (0, sMax], as Double ranges: where the limit
    /// leaves the path (drawn shaded; elsewhere their distance is 0).
    public func divergenceIntervals(upTo sMax: Double) -> [ClosedRange<Double>] {
        verdict.divergence.compactMap { d in
            let lower = d.from.doubleValue
            let upper = min(d.to?.doubleValue ?? sMax, sMax)
            return lower < sMax ? lower...upper : nil
        }
    }

    /// `q` rounded to Double for the numeric side; beyond the double range it is bad input, and
    /// so is a non-zero value that rounds to 0 where `zeroMatters`.
    static func double(_ q: Rational, _ place: String, zeroMatters: Bool = false) throws -> Double {
        do {
            return try q.checkedDouble()
        } catch let error where error.tooLarge || zeroMatters {
            throw RunCheckError.badInput("\(place): \(error); flow and plot integrate in double precision")
        } catch {
            return 0
        }
    }

    /// M, r, the variant, λwd and the initialisation shape, rounded to Double. A number beyond
    /// the double range (or, where a zero would change the problem, below it) is bad input.
    static func doubleProblem(_ p: Problem) throws -> DLNProblem {
        let M = try p.M.rowArrays.enumerated().map { i, row in try row.enumerated().map { try double($1, "M[\(i + 1)][\($0 + 1)]") } }
        let r = try p.r.enumerated().map { try double($1, "r[\($0 + 1)]") }
        let weightDecay = try double(p.weightDecay, "the weight decay")
        func shape(_ v: [Rational], _ name: String) throws -> [Double] {
            try v.enumerated().map { try double($1, "init.\(name)[\($0 + 1)]", zeroMatters: true) }
        }
        switch p.initialisation {
        case let .signed(beta, gamma):
            return try DLNProblem(M: M, r: r, variant: p.variant == .signed ? .signed : .positive,
                                  beta: shape(beta, "beta"), gamma: shape(gamma, "gamma"), weightDecay: weightDecay)
        case let .positive(alpha):
            return try DLNProblem(M: M, r: r, variant: p.variant == .signed ? .signed : .positive,
                                  alpha: shape(alpha, "alpha"), weightDecay: weightDecay)
        }
    }
}
