import DataFormats
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import ProgressReporting

/// The exact homotopy of docs/math.md §1, from κ_max down to 0.
///
/// At each knot: E and its signs come from the segment above (exactly); if exactly one event
/// happened (one coordinate reached |c_j| = κ, or one support coordinate reached 0) the
/// incremental factorisation proposes the next segment and its directional KKT conditions are
/// verified (the sign of the joining coordinate; `s_i(Mv)_i ≥ 1` for the dropping one). In
/// every other case — ties, failed verification, singular M_SS — the directional face problem
/// decides. The step runs to the largest κ' < κ where a support coordinate reaches 0 or an
/// outside one reaches ±κ'; that step has positive length because the directional problem keeps
/// every resting coordinate of E from leaving [−κ, κ].
struct Homotopy {
    let problem: Problem
    var engine: any ActiveSetEngine
    /// How many knots needed the face solver (ties and degenerate steps).
    private(set) var faceSolverKnots = 0
    /// Whether each segment draft carries the integer engine's formula (`SegmentNumerators`):
    /// a streamed path hands it over; a path kept in memory would hold every segment's.
    var handsOverNumerators = false

    init(problem: Problem, engine: any ActiveSetEngine) {
        self.problem = problem
        self.engine = engine
    }

    var positive: Bool { problem.variant == .positive }

    mutating func run() throws -> (knots: [KnotDraft], segments: [SegmentDraft]) {
        var knots: [KnotDraft] = []
        var segments: [SegmentDraft] = []
        try run { knot, below in
            knots.append(knot)
            if let below { segments.append(below) }
            return true
        }
        return (knots, segments)
    }

    /// Runs the homotopy, handing each knot with the segment below it (nil at κ = 0) to `emit`
    /// as soon as both are known; only the current segment's formulas are kept, so memory does
    /// not grow with the number of knots. `emit` returns false to stop early.
    mutating func run(emit: (KnotDraft, SegmentDraft?) throws -> Bool) throws {
        let d = problem.dimension
        var kappa = problem.kappaMax
        var x = [Rational](repeating: .zero, count: d)
        var first = true
        var knotCount = 0
        var above: (any SegmentFormula)?
        var end: SegmentEnd? // how the segment above ended
        var inSupport = [Bool](repeating: false, count: d)
        var engineInSync = true // the engine factorises exactly the support of `above`
        while true {
            ProgressReport.note("lasso path: knots", knotCount, "κ = \(kappa.decimalString()), \(inSupport.lazy.filter { $0 }.count) of \(d) active")
            if kappa.isZero {
                let unique = try DirectionalProblem.solutionIsUnique(problem: problem, kappa: kappa, x: x, equicorrelationSigns: [])
                _ = try emit(KnotDraft(kappa: kappa, x: x, equicorrelation: [], isUnique: unique), nil)
                return
            }
            let signs = end?.equicorrelationSigns ?? problem.r.map { r in
                r == kappa ? 1 : (!positive && r == -kappa ? -1 : 0)
            }
            var joins: [Int] = [], equicorrelation: [Int] = []   // reserved: no regrowth per knot
            joins.reserveCapacity(d)
            equicorrelation.reserveCapacity(d)
            for i in 0..<d where signs[i] != 0 {
                equicorrelation.append(i)
                if !inSupport[i] { joins.append(i) }
            }
            let drops = end?.drops ?? []
            var below: (any SegmentFormula)?
            if engineInSync && joins.count == 1 && drops.isEmpty {
                let j = joins[0]
                if engine.join(j, sign: signs[j]) {
                    let formula = engine.segment()
                    if formula.directionSign(j) == signs[j] { below = formula }
                }
            } else if engineInSync && joins.isEmpty && drops.count == 1 {
                let i = drops[0]
                if engine.drop(i) {
                    let formula = engine.segment()
                    if formula.correlationSlopeExcess(i, sign: signs[i]) >= 0 { below = formula }
                }
            }
            let generic = below != nil
            if below == nil {
                faceSolverKnots += 1
                let v = try DirectionalProblem.direction(problem: problem, x: x, equicorrelationSigns: signs)
                let support = (0..<d).filter { !x[$0].isZero || !v[$0].isZero }
                let supportSigns = support.map { x[$0].isZero ? v[$0].signum : x[$0].signum }
                engineInSync = engine.reset(support: support, signs: supportSigns)
                if engineInSync {
                    let formula = engine.segment()
                    guard formula.direction == v else {
                        throw LassoPathError.internalError("factorised segment disagrees with the directional problem at κ = \(kappa)")
                    }
                    below = formula
                } else {
                    below = explicitSegment(kappa: kappa, x: x, direction: v, above: above, support: support, signs: supportSigns)
                }
            } else {
                engineInSync = true
            }
            guard let below else { throw LassoPathError.internalError("no segment below κ = \(kappa)") }
            var knotUnique = generic || first
            if !knotUnique {
                knotUnique = try DirectionalProblem.solutionIsUnique(problem: problem, kappa: kappa, x: x, equicorrelationSigns: signs)
            }
            let knot = KnotDraft(kappa: kappa, x: x, equicorrelation: equicorrelation, isUnique: knotUnique)
            first = false
            knotCount += 1

            let ending = below.nextEvent(below: kappa)
            let next = ending.kappa
            var segmentUnique = generic || problem.isPositiveDefinite
            if !segmentUnique {
                let middle = (kappa + next) / Rational(2)
                segmentUnique = try DirectionalProblem.solutionIsUnique(
                    problem: problem, kappa: middle, x: below.solution(at: middle),
                    equicorrelationSigns: below.equicorrelationSigns(at: middle))
            }
            // A handed-over formula carries the direction, reduced only if a reader asks (`Segment`).
            let numerators = handsOverNumerators ? (below as? IntegerSegment)?.numerators : nil
            guard try emit(knot, SegmentDraft(upper: kappa, lower: next, support: below.support, signs: below.signs, isUnique: segmentUnique,
                                                  direction: numerators == nil ? below.direction : nil, keptInMemory: below is IntegerSegment,
                                                  numerators: numerators)) else { return }
            inSupport = [Bool](filled: false, count: d)
            for i in below.support { inSupport[i] = true }
            x = below.solution(atEnd: ending)
            above = below
            end = ending
            kappa = next
        }
    }

    /// The segment `x(κ) = x_k + (κ_k − κ)v`, `c(κ) = c_k − (κ_k − κ)Mv`, used when M_SS is
    /// singular and no factorisation exists.
    private func explicitSegment(
        kappa: Rational, x: [Rational], direction v: [Rational], above: (any SegmentFormula)?,
        support: [Int], signs: [Int]
    ) -> RationalSegment {
        let c = above?.correlation(at: kappa) ?? problem.r
        let c1 = problem.M * v
        return RationalSegment(
            support: support, signs: signs, a: x.adding(kappa * v), w: v,
            c0: c.subtracting(kappa * c1), c1: c1, positive: positive)
    }
}

/// A knot before its events are known.
struct KnotDraft {
    let kappa: Rational
    let x: [Rational]
    let equicorrelation: [Int]
    let isUnique: Bool
}

/// A segment before assembly (its formula is not kept: 10⁵ of them would hold every
/// intermediate vector alive).
struct SegmentDraft {
    let upper: Rational
    let lower: Rational
    let support: [Int]
    let signs: [Int]
    let isUnique: Bool
    /// v, the formula's own (the certificate pins it to the end knots: `Segment`'s direction);
    /// nil when `numerators` is given, which has it.
    let direction: [Rational]?
    /// Whether a whole path in memory keeps `direction` (read off the integer factorisation, far
    /// cheaper than interpolating the end knots); otherwise only streamed segments carry it.
    let keptInMemory: Bool
    /// The integer engine's formula, when `Homotopy.handsOverNumerators` asks for it.
    let numerators: SegmentNumerators?
}
