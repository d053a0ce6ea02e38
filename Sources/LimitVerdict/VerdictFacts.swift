import ExactArithmetic
import ProblemDefinition

/// What the verdict concludes, without the pieces it was read from: the statements, the summary
/// part of `compare --json` and the exit status depend on this alone. `Verdict.facts` gives it
/// for a verdict in memory; `VerdictStream` builds it while the saddles and knots stream, each
/// piece dropped once compared.
public struct VerdictFacts: Sendable {
    let problem: Problem
    public let horizon: Rational?
    public let monotonicityBreak: MonotonicityBreak?
    /// Whether M is singular and M·x is compared (docs/math.md §4).
    public let comparesImages: Bool
    public let divergence: [Divergence]
    /// Per divergence interval, its largest gap and where (`Verdict.maximumGap(from:to:)`).
    let divergenceMaxima: [(maximum: Rational, maximiser: Rational?)?]
    public let apartAtHorizon: Bool
    public let link: Link
    /// z↓'s last piece (its total, and its value at the horizon).
    let downward: DownwardSummary
    /// The saddles whose face minimiser is not unique: index and time.
    let nonUniqueSaddles: [(k: Int, s: Rational)]
    public let pathUnique: Bool

    public var monotone: Bool { monotonicityBreak == nil }
    /// Whether every face minimiser of the limit was unique.
    public var limitUnique: Bool { nonUniqueSaddles.isEmpty }

    /// κ = λwd + 1/μ of the knot the link's mismatch names, from its time.
    var mismatchKappa: Rational? {
        let time: Rational? = switch link.mismatch {
        case let .time(_, _, _, knotTime)?: knotTime
        case let .position(_, s, _, _, _)?: s
        case let .missingSaddle(_, knotTime)?: knotTime
        case nil: nil
        }
        return time.map { problem.weightDecay + $0.reciprocal }
    }
    public var equivalent: Bool { divergence.isEmpty }

    /// Non-nil if the results disagree with docs/math.md §4 (monotone but not equivalent; or, for
    /// positive definite M, equivalent but not monotone) — never expected.
    public var contradiction: String? {
        if monotone && !equivalent {
            return "z is monotone, yet the averaged limit leaves the lasso path at s = \(divergence[0].from); docs/math.md §4 says a monotone path is followed exactly"
        }
        if problem.isPositiveDefinite && equivalent && !monotone {
            return "M is positive definite and the averaged limit equals the lasso path, yet z is not monotone; docs/math.md §4 says these agree"
        }
        return nil
    }

    /// Why `--expect-equivalent` / `--expect-monotone` fail, or nil when the verdict meets them.
    public func unmetExpectation(equivalent wantEquivalent: Bool, monotone wantMonotone: Bool) -> String? {
        if wantEquivalent && !equivalent {
            return "expected the averaged DLN trajectory to equal the lasso path, but they part at s = \(divergence[0].from)"
        }
        if wantMonotone, let b = monotonicityBreak {
            return "expected z(μ) to be monotone, but coordinate \(b.coordinate + 1) decreases in |z| for μ ∈ [\(b.decreasingFrom), \(b.decreasingTo.map(\.description) ?? "∞")]"
        }
        return nil
    }
}

/// What the statements read of z↓: its last piece.
struct DownwardSummary: Sendable {
    let last: DownwardVariationPiece

    /// The final value when z↓ stops growing (`DownwardVariation.total`).
    var total: Rational? { last.rate.isZero && last.to == nil ? last.valueAtFrom : nil }
}

extension Verdict {
    /// The verdict's conclusions (`VerdictFacts`).
    public var facts: VerdictFacts {
        return VerdictFacts(
            problem: limit.problem, horizon: limit.horizon, monotonicityBreak: monotonicityBreak, comparesImages: comparesImages,
            divergence: divergence, divergenceMaxima: divergenceMaxima, apartAtHorizon: apartAtHorizon, link: link,
            downward: DownwardSummary(last: downwardVariation.pieces.last!),
            nonUniqueSaddles: limit.saddles.indices.filter { !limit.saddles[$0].isUnique }.map { ($0, limit.saddles[$0].s) },
            pathUnique: path.isUnique)
    }

    /// The verdict in plain words, one sentence per line, exact numbers, coordinates 1-based.
    public var statements: [String] { facts.statements }

    /// The verdict in plain words with numbers shown as `f` shows them.
    public func statements(format f: NumberFormat) -> [String] { facts.statements(format: f) }

    /// The link in one sentence (`VerdictFacts.linkStatement`).
    public var linkStatement: String { facts.linkStatement }

    /// Why `--expect-equivalent` / `--expect-monotone` fail, or nil when the verdict meets them.
    public func unmetExpectation(equivalent wantEquivalent: Bool, monotone wantMonotone: Bool) -> String? {
        facts.unmetExpectation(equivalent: wantEquivalent, monotone: wantMonotone)
    }
}
