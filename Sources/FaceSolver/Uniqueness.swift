import ExactArithmetic
import ExactLinearAlgebra

extension OrientedProblem {
    /// K for a minimiser z: the coordinates that may be nonzero in some minimiser, the free ones
    /// and the constrained ones whose multiplier g_i = (Pz − p)_i is 0 (every minimiser has the
    /// same gradient g, docs/math.md §5).
    func minimiserCoordinates(at z: [Rational]) -> [Int] {
        let g = gradient(z)
        return (0..<n).filter { !constrained[$0] || g[$0].isZero }
    }

    /// Decides exactly whether the minimiser z is the only one; returns nil if so, otherwise a
    /// nonzero h with z + t·h a minimiser for t ∈ [0, 1]; k is `minimiserCoordinates(at: z)`.
    ///
    /// Every minimiser has the same gradient g = Pz − p, so the minimisers are z + h with
    /// Ph = 0, h_i = 0 where g_i ≠ 0, and z + h feasible. Let K = {free} ∪ {constrained with
    /// g_i = 0}, Z₀ = {i ∈ K constrained, z_i = 0}, K' = K \ Z₀. Then z is unique iff the cone
    /// {h on K : P_KK h = 0, h_{Z₀} ≥ 0} is {0}, which splits into two exact questions:
    /// 1. P_K'K' nonsingular (no null vector with h_{Z₀} = 0), by factorisation;
    /// 2. no h in the cone with Σ_{Z₀} h_i > 0, i.e. the auxiliary face problem
    ///    `min ½hᵀP_KK h − Σ_{Z₀} h_i` s.t. h_{Z₀} ≥ 0 is bounded below (a convex quadratic on a
    ///    polyhedron is unbounded exactly along such rays), decided by the same exact solver.
    func alternativeDirection(at z: [Rational], coordinates k: [Int]) throws -> [Rational]? {
        let zeroSet = k.filter { constrained[$0] && z[$0].isZero }
        let moving = k.filter { !(constrained[$0] && z[$0].isZero) }
        guard let factorisation = SemidefiniteFactorisation(symmetric: principal(moving), order: moving.count) else {
            throw FaceSolverError.invalidProblem("P is not positive semidefinite")
        }
        if let null = factorisation.nullSpace.first {
            var h = [Rational](repeating: .zero, count: n)
            for (a, i) in moving.enumerated() { h[i] = null[a] }
            return feasiblyScaled(h, at: z)
        }
        if zeroSet.isEmpty { return nil }
        let inZeroSet = Set(zeroSet)
        let auxiliary = OrientedProblem(
            n: k.count, P: principal(k), p: k.map { inZeroSet.contains($0) ? .one : .zero },
            constrained: k.map { inZeroSet.contains($0) })
        do {
            _ = try ActiveSetMinimiser(problem: auxiliary).minimise()
            return nil
        } catch FaceSolverError.unbounded(let ray) {
            var h = [Rational](repeating: .zero, count: n)
            for (a, i) in k.enumerated() { h[i] = ray[a] }
            return feasiblyScaled(h, at: z)
        }
    }

    /// Scales a null direction h (supported where z + th stays optimal) so that z + h is still
    /// feasible: only constrained coordinates with z_i > 0 and h_i < 0 can limit it.
    private func feasiblyScaled(_ h: [Rational], at z: [Rational]) -> [Rational] {
        var scale = Rational.one
        for i in 0..<n where constrained[i] && h[i].signum < 0 {
            scale = Rational.min(scale, z[i] / (-h[i]))
        }
        return scale == .one ? h : scale * h
    }
}
