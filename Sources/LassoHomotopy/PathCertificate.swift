import Foundation
import ExactArithmetic
import ExactLinearAlgebra
import ParallelWork
import ProblemDefinition

/// The exact certificate of docs/math.md §1, written against the problem data only (it does not use
/// the homotopy's factorisations or formulas): for every knot, KKT from scratch with
/// c = r − Mx; for every segment (the linear interpolation of its end knots), that each
/// coordinate keeps one sign inside with c_i = κ·s_i at both ends. x and c are affine on a
/// segment and the conditions are linear in κ, so this certifies every κ in between.
///
/// When the data's columns have very different scales (`ColumnScaling`: Mairal–Yu), c is computed
/// as s∘(r' − M'x̃) with x̃ = s∘x, M' = S⁻¹MS⁻¹ and r' = S⁻¹r over the integers (an exact identity
/// for any s > 0): M' has entries of a few bits where L·M has hundreds.
struct PathCertificate {
    let problem: Problem
    /// The integer problem c is computed from: (M, r), or (M', r') with `columnScale`.
    let scaled: ScaledProblem
    /// s, and each s_j's numerator and denominator, when `scaled` is (M', r') (else empty).
    let columnScale: [Rational], scaleNumerators: [BigInteger], scaleDenominators: [BigInteger]
    /// The same correlation in machine words when (M', r') and s fit them (Mairal–Yu).
    let words: WordCorrelation?

    var positive: Bool { problem.variant == .positive }

    /// `scaled` is (M, r) over the integers; the certificate takes (M', r') instead when that
    /// at least halves the entries' bits.
    init(problem: Problem, scaled: ScaledProblem) {
        self.problem = problem
        if let s = ColumnScaling.of(problem) {
            let inverse = s.map(\.reciprocal), d = problem.dimension
            var primedM = Matrix(rows: d, columns: d)
            primedM.elements = (0..<(d * d)).map { problem.M.elements[$0] * inverse[$0 / d] * inverse[$0 % d] }
            let primed = ScaledProblem(M: primedM, r: zip(problem.r, inverse).map { $0 * $1 })
            if 2 * primed.entryBits < scaled.entryBits {
                self.scaled = primed
                (columnScale, scaleNumerators, scaleDenominators) = (s, s.map(\.numerator), s.map(\.denominator))
                words = WordCorrelation(scaled: primed, numerators: scaleNumerators, denominators: scaleDenominators)
                return
            }
        }
        self.scaled = scaled
        (columnScale, scaleNumerators, scaleDenominators) = ([], [], [])
        words = nil
    }

    func check(knots: [Knot], segments: [Segment]) throws {
        func fail(_ message: String) -> LassoPathError { .certificateFailed(message) }
        guard let first = knots.first, let last = knots.last else { throw fail("the path has no knots") }
        try checkFirst(first)
        guard last.kappa.isZero else { throw fail("the last knot must be κ = 0") }
        guard segments.count == knots.count - 1 else { throw fail("\(knots.count) knots but \(segments.count) segments") }

        // Long paths are checked in two overlapping halves at once (the checks are independent;
        // the knot where the halves meet is checked by both). The first failure, in path order,
        // is reported.
        let halves = knots.count >= 4096 ? [0...(knots.count / 2), (knots.count / 2)...(knots.count - 1)] : [0...(knots.count - 1)]
        let outcomes = parallelMap(halves, jobs: 2, chunk: 1) { range in
            Result { try check(knots: knots, segments: segments, range: range) }
        }
        for outcome in outcomes { try outcome.get() }
    }

    /// KKT at the knots of `range`, and the segments between them.
    private func check(knots: [Knot], segments: [Segment], range: ClosedRange<Int>) throws {
        var running = Running(self, firstIndex: range.lowerBound)
        for k in range { try running.add(knots[k], above: k > range.lowerBound ? segments[k - 1] : nil) }
    }

    /// The first knot must be κ_max with x = 0.
    func checkFirst(_ knot: Knot) throws {
        guard knot.kappa == problem.kappaMax, knot.x.allSatisfy(\.isZero) else {
            throw LassoPathError.certificateFailed("the first knot must be κ_max = \(problem.kappaMax) with x = 0")
        }
    }

    /// The same checks one knot at a time, in path order (streamed paths): KKT at each knot and
    /// the segment from the previous one. Keeps only the previous knot.
    struct Running {
        let certificate: PathCertificate
        private var k: Int
        private var previous: Knot?, previousRelations: [CorrelationRelation] = []
        /// Integers the correlation is written into, reused knot after knot (no allocation once
        /// sizes settle), and the relations array of the knot before the previous one.
        private var c: [BigInteger] = [], scratch: [BigInteger] = [], bounds: [BigInteger] = []
        private var spare: [CorrelationRelation] = []

        init(_ certificate: PathCertificate, firstIndex: Int = 0) {
            self.certificate = certificate
            k = firstIndex
        }

        /// Checks `knot` and, after the first, `above` (the segment from the previous knot).
        mutating func add(_ knot: Knot, above: Segment?) throws {
            func fail(_ message: String) -> LassoPathError { .certificateFailed(message) }
            let problem = certificate.problem, positive = certificate.positive
            let d = problem.dimension
            if let top = previous?.kappa, !(knot.kappa < top) { throw fail("knots are not strictly decreasing at \(k)") }
            guard knot.x.count == d else { throw fail("knot \(k) has the wrong dimension") }
            var relations = spare
            spare = []
            if !certificate.columnScale.isEmpty {
                if !(certificate.words?.relations(x: knot.x, kappa: knot.kappa, into: &relations) ?? false) {
                    let xt = zip(knot.x, certificate.columnScale).map { $0 * $1 }
                    relationsThroughGMP(scaledX: xt, kappa: knot.kappa, into: &relations)
                }
            } else {
                relationsThroughGMP(scaledX: knot.x, kappa: knot.kappa, into: &relations)
            }
            var equicorrelation: [Int] = []
            equicorrelation.reserveCapacity(d)
            for i in 0..<d {
                // bound ≥ 0: |t_i| ≤ bound, and t_i = ±bound where x_i ≠ 0 (the sign of x_i).
                let sign = Int(relations[i].sign), magnitude = Int(relations[i].magnitude)
                let atUpper = magnitude == 0 && sign >= 0, atLower = !positive && magnitude == 0 && sign <= 0
                let xi = knot.x[i]
                if positive {
                    if xi.signum < 0 { throw fail("x[\(i + 1)] < 0 at κ = \(knot.kappa) in the positive lasso") }
                    if sign > 0 && magnitude > 0 { throw fail("c[\(i + 1)] > κ at κ = \(knot.kappa)") }
                    if xi.signum > 0 && !atUpper { throw fail("c[\(i + 1)] ≠ κ where x[\(i + 1)] > 0 at κ = \(knot.kappa)") }
                } else {
                    if magnitude > 0 { throw fail("|c[\(i + 1)]| > κ at κ = \(knot.kappa)") }
                    if (xi.signum > 0 && !atUpper) || (xi.signum < 0 && !atLower) {
                        throw fail("c[\(i + 1)] ≠ κ·sign(x[\(i + 1)]) at κ = \(knot.kappa)")
                    }
                }
                if atUpper || atLower { equicorrelation.append(i) }
            }
            var active: [Int] = []
            active.reserveCapacity(d)
            for i in 0..<d where !knot.x[i].isZero { active.append(i) }
            guard knot.active == active, knot.signs == active.map({ knot.x[$0].signum }) else {
                throw fail("knot at κ = \(knot.kappa) misreports its active set or signs")
            }
            if !knot.kappa.isZero && knot.equicorrelation != equicorrelation {
                throw fail("knot at κ = \(knot.kappa) misreports its equicorrelation set")
            }
            if previous != nil {
                guard let above else { throw fail("segment \(k - 1) is missing") }
                try certificate.checkSegment(k - 1, above, top: previous!, bottom: knot, topRelations: previousRelations,
                                             bottomRelations: relations)
            }
            spare = previousRelations
            previousRelations = relations
            previous = knot
            k += 1
        }

        /// t and its bounds over GMP integers (c = r − Mx from the integer problem; the scaled
        /// problem's c = s∘(r' − M'x̃) when x is x̃), and their relations.
        private mutating func relationsThroughGMP(scaledX x: [Rational], kappa: Rational, into relations: inout [CorrelationRelation]) {
            let d = x.count
            let q = kappa.denominator, n = kappa.numerator
            if !certificate.columnScale.isEmpty {
                // c_j = s_j·C'_j/den = ±n/q ⇔ t_j = a_j·q·C'_j = ±n·b_j·den = ±bound_j (s_j = a_j/b_j).
                let numerators = certificate.scaleNumerators, denominators = certificate.scaleDenominators
                let den = certificate.scaled.correlation(x, into: &c, scratch: &scratch)
                let scaledBound = n * den
                if bounds.count != d { bounds = (0..<d).map { _ in BigInteger(0) } }
                for i in 0..<d {
                    c[i] *= numerators[i]
                    c[i] *= q
                    bounds[i].setProduct(denominators[i], scaledBound)
                }
            } else {
                let den = certificate.scaled.correlation(x, into: &c, scratch: &scratch)
                // c_i = ±κ ⇔ t_i = q·C_i = ±n·den (κ = n/q). When q divides den — always if some
                // |c_i| = κ, since gcd(n, q) = 1 — both sides are divided by q: t = C, no products.
                let (quotient, remainder) = den.quotientAndRemainder(dividingBy: q)
                let divisible = remainder.isZero
                bounds = Array(repeating: n * (divisible ? quotient : den), count: d)
                if !divisible { for i in 0..<d { c[i] *= q } }
            }
            if relations.count != d { relations = Array(repeating: .zero, count: d) }
            for i in 0..<d {
                relations[i] = CorrelationRelation(sign: Int8(c[i].signum), magnitude: Int8(c[i].compareMagnitude(to: bounds[i])))
            }
        }
    }

    /// The segment between `top` and `bottom` (its linear interpolation): each coordinate keeps
    /// one sign inside, and where it is nonzero inside, c_i = κ·s_i at both ends. KKT at a knot
    /// already gives that equality where x_i ≠ 0 there, so only an end where x_i = 0 (a join or a
    /// drop) needs the extra test.
    fileprivate func checkSegment(
        _ k: Int, _ segment: Segment, top: Knot, bottom: Knot,
        topRelations: [CorrelationRelation], bottomRelations: [CorrelationRelation]
    ) throws {
        func fail(_ message: String) -> LassoPathError { .certificateFailed(message) }
        guard segment.upper == top.kappa, segment.lower == bottom.kappa else { throw fail("segment \(k) has the wrong ends") }
        guard segment.upperSolution == top.x, segment.lowerSolution == bottom.x else {
            throw fail("segment \(k) does not meet its knots (κ = \(top.kappa) to \(bottom.kappa))")
        }
        var active: [Int] = [], signs: [Int] = []
        active.reserveCapacity(problem.dimension)
        signs.reserveCapacity(problem.dimension)
        for i in 0..<problem.dimension {
            let a = top.x[i].signum, b = bottom.x[i].signum
            if a == 0 && b == 0 { continue } // zero at both ends: zero on the whole segment
            guard a * b >= 0 else { throw fail("segment \(k): x[\(i + 1)] changes sign inside a segment") }
            let s = a != 0 ? a : b
            if positive && s < 0 { throw fail("segment \(k): x[\(i + 1)] < 0 in the positive lasso") }
            if a == 0 && !topRelations[i].equals(sign: s) {
                throw fail("segment \(k): c[\(i + 1)] ≠ κ·s at κ = \(top.kappa), where x[\(i + 1)] joins")
            }
            if b == 0 && !bottomRelations[i].equals(sign: s) {
                throw fail("segment \(k): c[\(i + 1)] ≠ κ·s at κ = \(bottom.kappa), where x[\(i + 1)] drops")
            }
            active.append(i)
            signs.append(s)
        }
        guard segment.active == active, segment.signs == signs else {
            throw fail("segment \(k) misreports its active set or signs")
        }
    }
}
