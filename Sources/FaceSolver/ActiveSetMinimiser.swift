import ExactArithmetic
import ExactLinearAlgebra

/// Exact primal active-set method for `min ½zᵀPz − pᵀz` s.t. `z_i ≥ 0` on constrained
/// coordinates, P positive semidefinite and possibly singular (docs/math.md §5). A Lawson–Hanson scheme
/// generalised to free coordinates and singular P.
///
/// State: a *passive* set W (free coordinates plus constrained ones allowed to move) and a
/// feasible z with z_i > 0 on the constrained part of W.
/// - `settle` reaches a minimiser of q over the subspace {z_i = 0 off W}: it takes the Newton
///   step (a solution d of P_WW d = (p − Pz)_W), or, when that system is inconsistent, a null
///   direction of P_WW along which q decreases linearly; the step is cut at the first coordinate
///   that reaches 0 (all such coordinates leave W together) — or, for a ray that nothing cuts,
///   the problem is unbounded.
/// - The outer loop adds the constrained coordinate with the largest positive negative-gradient
///   (smallest index on ties) and settles again.
///
/// Termination, exactly: when t enters with w_t = (p − Pz)_t > 0 at a subspace minimiser, every
/// Newton solution has d_t > 0 (its value −½w_t d_t must be < 0) and every descent ray has
/// h_t > 0 (wᵀh = w_t h_t > 0), so the first step has positive length and q strictly decreases.
/// Each outer iteration ends at the minimum of q over the subspace of its W, a value determined
/// by W alone, so no W repeats (checked: a repeat is thrown as an internal error). `settle`
/// shrinks W at every step it does not finish, so it terminates as well.
struct ActiveSetMinimiser {
    let problem: OrientedProblem
    /// Constrained coordinates that start in W as well (`FaceProblem.warmSupport`): from z = 0
    /// the first `settle` drops those its step would push below 0, so any set is valid.
    var warmSupport: [Int] = []

    /// A certified minimiser, or `FaceSolverError.unbounded` with a certified ray (both in
    /// oriented coordinates).
    func minimise() throws -> [Rational] {
        let n = problem.n
        var z = [Rational](repeating: .zero, count: n)
        var passive = problem.constrained.map { !$0 }
        for i in warmSupport { passive[i] = true }
        try settle(&z, &passive)
        var seen: Set<[Bool]> = [passive]
        while true {
            var entering: Int?
            var best = Rational.zero
            let negativeGradient = problem.negativeGradient(z)
            for i in 0..<n where problem.constrained[i] && !passive[i] {
                let w = negativeGradient[i]
                if w > best { best = w; entering = i }
            }
            guard let t = entering else { break }
            passive[t] = true
            try settle(&z, &passive)
            guard seen.insert(passive).inserted else {
                throw FaceSolverError.internalCheckFailed("the passive set repeated (the objective failed to decrease)")
            }
        }
        if let violation = problem.kktViolation(z) {
            throw FaceSolverError.internalCheckFailed("active-set result fails KKT: \(violation)")
        }
        return z
    }

    /// Moves z to a minimiser of q over {z_i = 0 off W}, removing from W the constrained
    /// coordinates that reach 0 on the way.
    private func settle(_ z: inout [Rational], _ passive: inout [Bool]) throws {
        let n = problem.n
        while true {
            let w = (0..<n).filter { passive[$0] }
            if w.isEmpty { return }
            let negativeGradient = problem.negativeGradient(z)
            let residual = w.map { negativeGradient[$0] }
            if residual.allSatisfy(\.isZero) { return }
            guard let factorisation = SemidefiniteFactorisation(symmetric: problem.principal(w), order: w.count) else {
                throw FaceSolverError.invalidProblem("P is not positive semidefinite")
            }
            let step: [Rational]
            let isRay: Bool
            switch factorisation.solve(residual) {
            case .solution(let d):
                step = d
                isRay = false
            case .inconsistent(let h, let value):
                // h ∈ null(P_WW) with residualᵀh ≠ 0: q falls linearly along ±h.
                step = value.signum > 0 ? h : h.map { -$0 }
                isRay = true
            }
            var length: Rational? = isRay ? nil : .one
            var blocking: [Int] = []
            for (a, i) in w.enumerated() where problem.constrained[i] && step[a].signum < 0 {
                let ratio = z[i] / (-step[a])
                if let current = length, current < ratio { continue }
                if let current = length, current == ratio { blocking.append(i); continue }
                length = ratio
                blocking = [i]
            }
            guard let length else {
                var ray = [Rational](repeating: .zero, count: n)
                for (a, i) in w.enumerated() { ray[i] = step[a] }
                guard problem.isUnboundedDirection(ray) else {
                    throw FaceSolverError.internalCheckFailed("the unbounded direction found fails its check")
                }
                throw FaceSolverError.unbounded(direction: ray)
            }
            for (a, i) in w.enumerated() where !step[a].isZero { z[i].addProduct(length, step[a]) }
            for i in blocking {
                z[i] = .zero
                passive[i] = false
            }
            if blocking.isEmpty { return } // a full Newton step: z minimises q on this subspace
        }
    }
}
