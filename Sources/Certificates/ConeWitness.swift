import ExactArithmetic
import ExactLinearAlgebra
import FaceSolver

/// The witness for a `unique` flag (proofs/limit-dual.md "Uniqueness of x°",
/// proofs/lasso-uniqueness.md): the minimisers near x are x + C with
/// C = {h : h = 0 off T, Mh = 0, σ_i h_i ≥ 0 on Z}, Z ⊆ T the coordinates held at 0 by a sign.
/// Decided here independently of the solver that set the flag, so the writer can refuse a flag
/// its witness contradicts.
enum ConeWitness: Equatable {
    /// C = {0} because M_TT is nonsingular; the checker sees it by its own elimination.
    case nonsingular
    /// C = {0} although M_TT is singular: Stiemke weights (full length, ≥ 1 on Z, 0 elsewhere).
    case weights([Rational])
    /// A nonzero h ∈ C: x + t·h is another minimiser for small t > 0.
    case direction([Rational])

    var isUnique: Bool {
        if case .direction = self { return false }
        return true
    }

    /// T = `free`, Z = `zero` ⊆ T, σ read on Z; M symmetric PSD d×d.
    init(M: Matrix, free: [Int], zero: [Int], sigma: [Int]) throws {
        let inZero = Set(zero)
        let moving = free.filter { !inZero.contains($0) }
        func padded(_ v: [Rational], on indices: [Int]) -> [Rational] {
            var out = [Rational](repeating: .zero, count: M.rows)
            for (a, i) in indices.enumerated() { out[i] = v[a] }
            return out
        }
        // A null vector of M on the coordinates that are not held at 0 moves x both ways.
        if !moving.isEmpty, let v = M.submatrix(rows: moving, columns: moving).nullSpace.first {
            self = .direction(padded(v, on: moving))
            return
        }
        let P = M.submatrix(rows: free, columns: free)
        if zero.isEmpty || P.nullSpace.isEmpty {
            self = .nonsingular
            return
        }
        // The auxiliary problem min ½hᵀPh − Σ_Z σ_i h_i (σ_i h_i ≥ 0 on Z, free on T \ Z) is
        // bounded exactly when C = {0}; at its minimiser h, KKT gives σ_i(Ph)_i ≥ 1 on Z and
        // (Ph)_i = 0 on T \ Z, so w = σ∘Ph on Z pairs to 0 with every null vector of P.
        // Unbounded, its ray is a nonzero element of C.
        let auxiliary = FaceProblem(
            P: P, p: free.map { inZero.contains($0) ? Rational(sigma[$0]) : .zero },
            constraints: free.map { !inZero.contains($0) ? .free : sigma[$0] > 0 ? .nonnegative : .nonpositive })
        do {
            let ph = P * (try solveFace(auxiliary).z)
            var w = [Rational](repeating: .zero, count: M.rows)
            for (a, i) in free.enumerated() where inZero.contains(i) { w[i] = Rational(sigma[i]) * ph[a] }
            self = .weights(w)
        } catch FaceSolverError.unbounded(let ray) {
            self = .direction(padded(ray, on: free))
        }
    }

    /// The `direction` or `weights` member of the certificate's object, if any.
    var members: [(String, [Rational])] {
        switch self {
        case .nonsingular: return []
        case .weights(let w): return [("weights", w)]
        case .direction(let h): return [("direction", h)]
        }
    }
}
