import ExactArithmetic
import ExactLinearAlgebra

/// Minimises `½ zᵀPz − pᵀz` subject to the sign constraints, exactly (docs/math.md §5).
///
/// Algorithm: the exact active-set method of `ActiveSetMinimiser` (terminates on degenerate and
/// singular problems), then an exact uniqueness decision, then — only when the minimiser is not
/// unique — the least-norm minimiser, so the answer never depends on pivoting order.
///
/// Certified: P is checked symmetric and positive semidefinite (unless `isKnownSemidefinite`
/// says the caller proved it); the returned z satisfies the KKT conditions exactly (sufficient
/// for optimality of a convex problem); an `unbounded` direction h is checked (Ph = 0, pᵀh > 0,
/// feasible); a non-uniqueness witness is returned in `alternativeDirection`. A failed
/// self-check throws `.internalCheckFailed`, never a wrong answer.
public func solveFace(_ problem: FaceProblem) throws -> FaceSolution {
    let oriented = try OrientedProblem(validating: problem)
    let found: [Rational]
    do {
        found = try ActiveSetMinimiser(problem: oriented, warmSupport: problem.warmSupport).minimise()
    } catch FaceSolverError.unbounded(let ray) {
        throw FaceSolverError.unbounded(direction: oriented.reorient(ray))
    }
    var z = found
    let k = oriented.minimiserCoordinates(at: found) // the same for every minimiser
    var direction = try oriented.alternativeDirection(at: found, coordinates: k)
    if direction != nil {
        z = try oriented.leastNormMinimiser(near: found, coordinates: k)
        if z != found { direction = found.subtracting(z) } // both minimisers: the segment between them is too
    }
    if z != found, let violation = oriented.kktViolation(z) { // `found` was checked by the minimiser
        throw FaceSolverError.internalCheckFailed("returned minimiser fails KKT: \(violation)")
    }
    let original = oriented.reorient(z)
    return FaceSolution(
        z: original, gradient: (problem.P * original).subtracting(problem.p), isUnique: direction == nil,
        objective: problem.objective(original), alternativeDirection: direction.map(oriented.reorient))
}

/// Whether `z`, which must be a minimiser of `problem`, is its only minimiser (the exact test
/// of `solveFace`, for a minimiser obtained elsewhere — e.g. a point on a lasso segment).
/// Throws `.internalCheckFailed` when z is not a minimiser.
public func minimiserIsUnique(_ z: [Rational], of problem: FaceProblem) throws -> Bool {
    let oriented = try OrientedProblem(validating: problem)
    guard z.count == oriented.n else { throw FaceSolverError.invalidProblem("z has \(z.count) entries for \(oriented.n) coordinates") }
    let local = oriented.reorient(z)
    if let violation = oriented.kktViolation(local) {
        throw FaceSolverError.internalCheckFailed("the point given is not a minimiser: \(violation)")
    }
    return try oriented.alternativeDirection(at: local, coordinates: oriented.minimiserCoordinates(at: local)) == nil
}
