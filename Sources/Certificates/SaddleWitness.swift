import JSONFormat
import ExactArithmetic
import ExactLinearAlgebra
import FaceSolver
import ProblemDefinition
import SaddleToSaddle

/// One saddle of the certificate with the witnesses of its face problem (docs/math.md §3,
/// proofs/limit-dual.md): the KKT multipliers, and for the `unique` flag either a direction along
/// which the minimiser moves (not unique) or, when M on the free face coordinates is singular but
/// the minimiser is unique anyway, Stiemke weights proving it (`ConeWitness`).
struct SaddleWitness {
    let saddle: Saddle
    let multipliers: [Rational]
    let witness: ConeWitness

    init(_ problem: Problem, _ saddle: Saddle) throws {
        self.saddle = saddle
        let d = problem.dimension, lwd = problem.weightDecay
        var sigma = [Int](repeating: 0, count: d)
        for (i, s) in zip(saddle.face, saddle.faceSigns) { sigma[i] = s }
        // μ_i = λwd − σ_i c_i on the face, 0 off it: the KKT multipliers of the face problem.
        var mu = [Rational](repeating: .zero, count: d)
        for i in saddle.face { mu[i] = lwd - Rational(sigma[i]) * saddle.correlation[i] }
        multipliers = mu
        let free = saddle.face.filter { mu[$0].isZero }            // T′
        witness = problem.isPositiveDefinite ? .nonsingular
            : try ConeWitness(M: problem.M, free: free, zero: free.filter { saddle.x[$0].isZero }, sigma: sigma)
        guard witness.isUnique == saddle.isUnique else {
            throw CertificateError("the saddle at s = \(saddle.s) is reported \(saddle.isUnique ? "" : "not ")unique but its face minimisers x + C have C \(saddle.isUnique ? "≠" : "=") {0}")
        }
    }

    var json: JSONValue {
        var o: [(String, JSONValue)] = [
            ("s", .exact(saddle.s)), ("x", .exact(saddle.x)), ("q", .exact(saddle.q)),
            ("multipliers", .exact(multipliers)), ("unique", .bool(saddle.isUnique)),
        ]
        for (key, v) in witness.members { o.append((key, .exact(v))) }
        return .object(JSONObject(o))
    }
}
