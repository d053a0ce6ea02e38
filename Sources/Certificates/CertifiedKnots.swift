import JSONFormat
import ExactArithmetic
import ExactLinearAlgebra
import LassoHomotopy
import SaddleToSaddle
import LimitVerdict

/// The lasso section of a certificate: the knots of `LassoPath` where the path actually bends,
/// and the sign of x on each segment between them (docs/math.md §1, proofs/segment-certificate.md).
///
/// The homotopy may report a knot where only the equicorrelation set changes and x keeps its
/// slope; the certificate's knots are the breakpoints of x (the checker rejects a knot that is
/// not one), so such knots are merged into the surrounding segment. x is affine across them, so
/// the merged segment keeps one sign pattern and its certificate still holds.
struct CertifiedKnots {
    let kappa: [Rational]
    let x: [[Rational]]
    /// signs[k]: the sign of x on the open segment between knots k and k+1.
    let signs: [[Int]]
    let pathKnots: PathKnots

    init(_ path: LassoPath) {
        var kappa = [path.knots[0].kappa], x = [path.knots[0].x]
        var signs: [[Int]] = []
        let d = path.problem.dimension
        for (k, segment) in path.segments.enumerated() {
            let next = path.knots[k + 1]
            let continuesPrevious = k > 0 && segment.slope == path.segments[k - 1].slope
            if continuesPrevious {
                kappa[kappa.count - 1] = next.kappa
                x[x.count - 1] = next.x
            } else {
                var sign = [Int](repeating: 0, count: d)
                for (i, s) in zip(segment.active, segment.signs) { sign[i] = s }
                signs.append(sign)
                kappa.append(next.kappa)
                x.append(next.x)
            }
        }
        self.kappa = kappa
        self.x = x
        self.signs = signs
        pathKnots = PathKnots(kappa: kappa, x: x, isUnique: path.isUnique, weightDecay: path.problem.weightDecay)
    }

    var json: JSONValue {
        .object(JSONObject([
            ("knots", .array(zip(kappa, x).map { .object(JSONObject([("lambda", .exact($0)), ("x", .exact($1))])) })),
            ("segments", .array(signs.map { ["signs": .array($0.map { .number(String($0)) })] })),
        ]))
    }
}
