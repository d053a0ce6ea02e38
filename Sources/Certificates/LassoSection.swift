import JSONFormat
import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy
import ProblemDefinition
import SaddleToSaddle
import LimitVerdict

/// The lasso section of a certificate: the knots of `LassoPath` where the path actually bends,
/// the sign of x on each segment between them (docs/math.md §1, proofs/segment-certificate.md),
/// and whether the solution is unique at each knot, inside each segment and on the whole path,
/// each flag with its witness (proofs/lasso-uniqueness.md).
///
/// The homotopy may report a knot where only the equicorrelation set changes and x keeps its
/// slope; the certificate's knots are the breakpoints of x (the checker rejects a knot that is
/// not one), so such knots are merged into the surrounding segment. x is affine across them, so
/// the merged segment keeps one sign pattern and its certificate still holds; the solver's
/// uniqueness flag at a merged knot must equal the segment's (E, signs and zeros are constant on
/// an open segment).
struct LassoSection {
    /// The breakpoints: the path's knots without the merged ones.
    let knots: [Knot]
    /// signs[k]: the sign of x on the open segment between knots k and k+1.
    let signs: [[Int]]
    let knotWitnesses: [ConeWitness]
    let segmentWitnesses: [ConeWitness]
    /// The path the verdict reads, on the same knots as the certificate.
    let pathInTime: LassoPathInTime

    init(_ path: LassoPath) throws {
        var knots = [path.knots[0]]
        var signs: [[Int]] = []
        // The solver's flags: at each certified knot, and every flag inside each certified segment.
        var knotFlags = [path.knots[0].isUnique], segmentFlags: [[Bool]] = []
        let d = path.problem.dimension
        for (k, segment) in path.segments.enumerated() {
            let next = path.knots[k + 1]
            let continuesPrevious = k > 0 && segment.slope == path.segments[k - 1].slope
            if continuesPrevious {
                knots[knots.count - 1] = next
                segmentFlags[segmentFlags.count - 1] += [knotFlags.removeLast(), segment.isUnique]
            } else {
                var sign = [Int](repeating: 0, count: d)
                for (i, s) in zip(segment.active, segment.signs) { sign[i] = s }
                signs.append(sign)
                knots.append(next)
                segmentFlags.append([segment.isUnique])
            }
            knotFlags.append(next.isUnique)
        }
        self.knots = knots
        self.signs = signs
        let problem = path.problem
        knotWitnesses = try knots.indices.map { k in
            let (kappa, x) = (knots[k].kappa, knots[k].x)
            let witness = try ConeWitness(lasso: problem, kappa: kappa, x: x)
            guard witness.isUnique == knotFlags[k] else {
                throw CertificateError("the lasso solution at κ = \(kappa) is reported \(knotFlags[k] ? "" : "not ")unique but its solutions x + C have C \(knotFlags[k] ? "≠" : "=") {0}")
            }
            return witness
        }
        segmentWitnesses = try signs.indices.map { k in
            let (upper, lower) = (knots[k], knots[k + 1])
            let half = Rational(1, 2)
            let witness = try ConeWitness(lasso: problem, kappa: (upper.kappa + lower.kappa) * half, x: half * upper.x.adding(lower.x))
            guard segmentFlags[k].allSatisfy({ $0 == witness.isUnique }) else {
                throw CertificateError("inside the lasso segment from κ = \(upper.kappa) down to \(lower.kappa) the solver reports uniqueness \(segmentFlags[k]) but the solutions are \(witness.isUnique ? "" : "not ")unique throughout")
            }
            return witness
        }
        pathInTime = LassoPathInTime(knots, isUnique: path.isUnique, weightDecay: path.problem.weightDecay)
    }

    /// Whether the lasso solution is unique for every κ ≥ 0 (above the first knot x = 0 is).
    var isUnique: Bool { (knotWitnesses + segmentWitnesses).allSatisfy(\.isUnique) }

    var json: JSONValue {
        func uniqueness(_ w: ConeWitness) -> [(String, JSONValue)] {
            [("unique", .bool(w.isUnique))] + w.members.map { ($0, .exact($1)) }
        }
        return .object(JSONObject([
            ("knots", .array(knots.indices.map { k in
                .object(JSONObject([("lambda", .exact(knots[k].kappa)), ("x", .exact(knots[k].x))] + uniqueness(knotWitnesses[k])))
            })),
            ("segments", .array(signs.indices.map { k in
                .object(JSONObject([("signs", .array(signs[k].map { .number(String($0)) }))] + uniqueness(segmentWitnesses[k])))
            })),
            ("unique", .bool(isUnique)),
        ]))
    }
}
