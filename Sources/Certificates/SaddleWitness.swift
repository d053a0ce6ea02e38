import JSONFormat
import ExactArithmetic
import ExactLinearAlgebra
import FaceSolver
import ProblemDefinition
import SaddleToSaddle

/// One saddle of the certificate with the witnesses of its face problem (docs/math.md §3,
/// proofs/limit-dual.md): the KKT multipliers, and for the `unique` flag either a direction along
/// which the minimiser moves (not unique) or, when M on the free face coordinates is singular but
/// the minimiser is unique anyway, Stiemke weights proving it.
struct SaddleWitness {
    let saddle: Saddle
    let multipliers: [Rational]
    let direction: [Rational]?
    let weights: [Rational]?

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
        let zeroFree = free.filter { saddle.x[$0].isZero }         // Z′
        if !saddle.isUnique {
            direction = try SaddleWitness.direction(problem, saddle, sigma: sigma)
            weights = nil
        } else if free.isEmpty || problem.M.submatrix(rows: free, columns: free).nullSpace.isEmpty {
            direction = nil
            weights = nil
        } else {
            direction = nil
            weights = try SaddleWitness.weights(problem, free: free, zeroFree: zeroFree, sigma: sigma, at: saddle.s)
        }
    }

    /// A nonzero d with x + t·d a face minimiser for small t > 0: from the face solver's
    /// least-norm minimiser z (d = z − x when the saddle's x is another minimiser) or its
    /// alternative direction.
    static func direction(_ problem: Problem, _ saddle: Saddle, sigma: [Int]) throws -> [Rational] {
        let face = saddle.face, lwd = problem.weightDecay
        let solution = try solveFace(FaceProblem(
            P: problem.M.submatrix(rows: face, columns: face),
            p: face.map { problem.r[$0] - Rational(sigma[$0]) * lwd },
            constraints: face.map { sigma[$0] > 0 ? .nonnegative : .nonpositive }))
        var z = [Rational](repeating: .zero, count: problem.dimension)
        for (a, i) in face.enumerated() { z[i] = solution.z[a] }
        if z != saddle.x { return z.subtracting(saddle.x) }
        guard let h = solution.alternativeDirection else {
            throw CertificateError("saddle at s = \(saddle.s) is reported not unique but the face solver finds it unique")
        }
        var d = [Rational](repeating: .zero, count: problem.dimension)
        for (a, i) in face.enumerated() { d[i] = h[a] }
        return d
    }

    /// Stiemke weights: the auxiliary face problem min ½hᵀPh − Σ_{Z′} σ_i h_i (σ_i h_i ≥ 0 on Z′,
    /// free on the rest of T′, P = M_T′T′) is bounded exactly when the minimiser is unique, and at
    /// its minimiser h the vector Ph lies in range(P) = null(P)^⊥ with σ_i(Ph)_i ≥ 1 on Z′ and
    /// (Ph)_i = 0 elsewhere on T′ (its KKT conditions). So w = σ∘Ph on Z′ is the witness.
    static func weights(_ problem: Problem, free: [Int], zeroFree: [Int], sigma: [Int], at s: Rational) throws -> [Rational] {
        let P = problem.M.submatrix(rows: free, columns: free)
        let inZero = Set(zeroFree)
        let auxiliary = FaceProblem(
            P: P, p: free.map { inZero.contains($0) ? Rational(sigma[$0]) : .zero },
            constraints: free.map { !inZero.contains($0) ? .free : sigma[$0] > 0 ? .nonnegative : .nonpositive })
        let h: [Rational]
        do {
            h = try solveFace(auxiliary).z
        } catch FaceSolverError.unbounded {
            throw CertificateError("saddle at s = \(s) is reported unique but its face minimiser can move (the uniqueness witness problem is unbounded)")
        }
        let ph = P * h
        var w = [Rational](repeating: .zero, count: problem.dimension)
        for (a, i) in free.enumerated() where inZero.contains(i) { w[i] = Rational(sigma[i]) * ph[a] }
        return w
    }

    var json: JSONValue {
        var o: [(String, JSONValue)] = [
            ("s", .exact(saddle.s)), ("x", .exact(saddle.x)), ("q", .exact(saddle.q)),
            ("multipliers", .exact(multipliers)), ("unique", .bool(saddle.isUnique)),
        ]
        if let direction { o.append(("direction", .exact(direction))) }
        if let weights { o.append(("weights", .exact(weights))) }
        return .object(JSONObject(o))
    }
}
