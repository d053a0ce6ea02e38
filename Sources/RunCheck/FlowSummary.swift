import JSONFormat
import ExactArithmetic
import ProblemDefinition
import LimitVerdict
import SaddleToSaddle

/// The exact facts printed next to a sweep or a run check: saddles, knots, where the limit
/// leaves the lasso path, the exact limit gap's supremum and Lasso*(s_max) (docs/math.md §3–4).
public struct FlowSummary: Sendable {
    public let saddleCount: Int
    public let lastSaddle: Rational
    public let knotCount: Int
    public let equivalent: Bool
    public let unique: Bool
    public let divergence: [Divergence]
    public let gapSupremum: (value: Rational, at: Rational?)
    public let lassoOptimumAtSMax: Rational
    /// "quadratic" (given as M, r) or "data-fit" (given as X, y).
    public let objectiveForm: String
    public let objectiveFormula: String

    public init(_ reference: FlowReference, sMax: Rational) {
        let p = reference.problem
        saddleCount = reference.limit.saddles.count
        lastSaddle = reference.limit.saddles.last?.s ?? .zero
        knotCount = reference.path.knots.count
        equivalent = reference.verdict.equivalent
        unique = reference.limit.isUnique
        divergence = reference.verdict.divergence
        let best = reference.verdict.maximumGap(from: .zero, to: sMax)
        // A zero gap has no meaningful maximiser (as before: null in JSON).
        gapSupremum = best.map { $0.maximum.isZero ? (.zero, nil) : ($0.maximum, $0.maximiser) } ?? (.zero, nil)
        lassoOptimumAtSMax = reference.path.optimalValue(at: p.weightDecay + sMax.reciprocal) + p.lossOffset
        objectiveForm = p.data == nil ? "quadratic" : "data-fit"
        let penalty = p.variant == .signed ? "κ‖x‖₁" : "κ·Σx"
        switch p.data?.scaling {
        case nil: objectiveFormula = "½xᵀMx − rᵀx + " + penalty
        case .mean?: objectiveFormula = "‖Xx − y‖²/(2n) + " + penalty
        case .sum?: objectiveFormula = "‖Xx − y‖²/2 + " + penalty
        }
    }

    public func json(_ exact: ExactJSON = .exactStrings) -> JSONValue {
        .object(JSONObject([
            ("saddles", .integer(saddleCount)),
            ("lastSaddle", exact(lastSaddle)),
            ("knots", .integer(knotCount)),
            ("equivalent", .bool(equivalent)),
            ("unique", .bool(unique)),
            ("divergence", .array(divergence.map { d in
                .object(JSONObject([("from", exact(d.from)), ("to", exact.optional(d.to))]))
            })),
            ("maxLimitGap", exact(gapSupremum.value)),
            ("sAtMaxLimitGap", exact.optional(gapSupremum.at)),
            ("lassoOptimumAtSMax", exact(lassoOptimumAtSMax)),
        ]))
    }
}
