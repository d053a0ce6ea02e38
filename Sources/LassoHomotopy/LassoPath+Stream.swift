import ExactArithmetic
import ProblemDefinition

extension LassoPath {
    /// What a streamed path was, once it has been handed over.
    public struct StreamSummary: Sendable {
        /// Knots handed to the visitor.
        public let knotCount: Int
        /// Whether every knot and segment handed over had a unique solution.
        public let isUnique: Bool
        public let factorisation: Factorisation
        /// How many knots were decided by the face solver.
        public let faceSolverKnots: Int
        /// True when the visitor stopped the path before κ = 0.
        public let stoppedEarly: Bool
    }

    /// The same path as `LassoPath(problem:factorisation:)`, handed to `visit` knot by knot in
    /// order (κ decreasing), each knot with the segment below it (nil for the last knot, κ = 0),
    /// as soon as both are certified — KKT at both end knots and constant signs inside, the
    /// same exact checks as the whole path's certificate (docs/math.md §1). Only the current
    /// segment is kept, so memory does not grow with the number of knots (Mairal–Yu p = 14 has
    /// 2,391,485). `visit` returns false to stop early; the knots handed over until then are
    /// certified. A failed certificate throws `LassoPathError.certificateFailed` after the
    /// knots above it were handed over (never one that failed).
    @discardableResult
    public static func stream(
        problem: Problem, factorisation: Factorisation = .automatic, visit: (Knot, Segment?) throws -> Bool
    ) throws -> StreamSummary {
        let scaled = ScaledProblem(M: problem.M, r: problem.r)
        let (engine, chosen) = LassoPath.engine(problem, scaled, factorisation)
        var homotopy = Homotopy(problem: problem, engine: engine)
        homotopy.handsOverNumerators = true
        let certificate = PathCertificate(problem: problem, scaled: scaled)
        var running = PathCertificate.Running(certificate)
        // The pipeline: knot k is handed over once knot k + 1 is checked (which certifies the
        // segment between them) and its events are known (they need the segments on both sides).
        var pending: (draft: KnotDraft, below: SegmentDraft?)?
        var segmentAbove: Segment?
        var count = 0, unique = true, stopped = false

        func knot(_ draft: KnotDraft, above: Segment?, below: Segment?) -> Knot {
            var active: [Int] = []
            active.reserveCapacity(draft.x.count)
            for i in draft.x.indices where !draft.x[i].isZero { active.append(i) }
            let (joined, dropped) = LassoPath.events(above: above, below: below)
            return Knot(kappa: draft.kappa, x: draft.x, active: active, signs: active.map { draft.x[$0].signum },
                        equicorrelation: draft.equicorrelation, joined: joined, dropped: dropped, isUnique: draft.isUnique)
        }
        func handOver(_ k: Knot, _ below: Segment?) throws -> Bool {
            count += 1
            unique = unique && k.isUnique && (below?.isUnique ?? true)
            return try visit(k, below)
        }

        try homotopy.run { draft, belowDraft in
            guard let (previous, previousBelow) = pending else {
                let first = knot(draft, above: nil, below: nil)
                try certificate.checkFirst(first)
                try running.add(first, above: nil)
                pending = (draft, belowDraft)
                if belowDraft == nil { stopped = !(try handOver(first, nil)) }
                return true
            }
            let s = previousBelow!
            let segment = Segment(upper: s.upper, lower: s.lower, upperSolution: previous.x, lowerSolution: draft.x,
                                  active: s.support, signs: s.signs, isUnique: s.isUnique, direction: s.direction,
                                  numerators: s.numerators)
            // Checks this knot's KKT and the segment above it; the events are not part of that.
            try running.add(knot(draft, above: segment, below: nil), above: segment)
            guard try handOver(knot(previous, above: segmentAbove, below: segment), segment) else {
                stopped = true
                return false
            }
            segmentAbove = segment
            pending = (draft, belowDraft)
            if belowDraft == nil {
                guard draft.kappa.isZero else { throw LassoPathError.certificateFailed("the last knot must be κ = 0") }
                stopped = !(try handOver(knot(draft, above: segment, below: nil), nil))
            }
            return true
        }
        return StreamSummary(knotCount: count, isUnique: unique, factorisation: chosen,
                             faceSolverKnots: homotopy.faceSolverKnots, stoppedEarly: stopped)
    }
}
