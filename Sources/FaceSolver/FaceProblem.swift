import ExactArithmetic
import ExactLinearAlgebra

/// The sign allowed for one coordinate of a face problem (docs/math.md §5).
public enum SignConstraint: Sendable, Equatable {
    case free
    case nonnegative
    case nonpositive

    /// +1 for nonnegative, −1 for nonpositive, 0 for free: the orientation that turns the
    /// constraint into `σ·z ≥ 0`.
    var orientation: Int {
        switch self {
        case .free: return 0
        case .nonnegative: return 1
        case .nonpositive: return -1
        }
    }
}

/// `minimise ½ zᵀPz − pᵀz` subject to the sign constraints (docs/math.md §5): a linear complementarity
/// problem with a positive semidefinite matrix.
///
/// Contract: P is square, symmetric and positive semidefinite (possibly singular); p and
/// `constraints` have one entry per row of P. `solveFace` checks all of this exactly and throws
/// `FaceSolverError.invalidProblem` otherwise, except semidefiniteness when the caller has
/// proven it (`isKnownSemidefinite`). The problem may be unbounded below; then `solveFace`
/// throws `.unbounded` with a certificate.
public struct FaceProblem: Sendable {
    public var P: Matrix
    public var p: [Rational]
    public var constraints: [SignConstraint]
    /// P is a principal submatrix of a matrix already proven positive semidefinite (the lasso's
    /// M_EE, a saddle's M_FF: `Problem` proves M so), hence PSD itself: the check, a whole
    /// factorisation, is skipped. A third of the face solver's work on singular lasso paths.
    public var isKnownSemidefinite: Bool
    /// A guess at the minimiser's support (coordinate indices), e.g. the previous saddle's: the
    /// active-set method starts with these coordinates free to move. Any guess gives the same
    /// answer; a good one saves a factorisation per coordinate that would otherwise enter.
    public var warmSupport: [Int]

    public init(P: Matrix, p: [Rational], constraints: [SignConstraint], isKnownSemidefinite: Bool = false, warmSupport: [Int] = []) {
        self.P = P
        self.p = p
        self.constraints = constraints
        self.isKnownSemidefinite = isKnownSemidefinite
        self.warmSupport = warmSupport
    }

    /// `½ zᵀPz − pᵀz`.
    public func objective(_ z: [Rational]) -> Rational {
        Rational(1, 2) * P.quadraticForm(z) - dot(p, z)
    }
}

/// A certified minimiser of a face problem.
public struct FaceSolution: Sendable, Equatable {
    /// The minimiser; when it is not unique, the one of least Euclidean norm among all minimisers
    /// (unique, because that set is convex and closed).
    public let z: [Rational]
    /// Pz − p, the KKT multipliers on constrained coordinates (zero on free ones). Identical for
    /// every minimiser.
    public let gradient: [Rational]
    /// Whether the minimiser is the only one.
    public let isUnique: Bool
    /// ½zᵀPz − pᵀz, the optimal value.
    public let objective: Rational
    /// nil when unique; otherwise a nonzero h with `z + t·h` a minimiser for all t in [0, 1]
    /// (a witness that the minimiser is not unique).
    public let alternativeDirection: [Rational]?
}

/// Why `solveFace` gave no minimiser.
public enum FaceSolverError: Error, Equatable, CustomStringConvertible {
    /// The objective is unbounded below along `direction`: `P·direction = 0`,
    /// `pᵀdirection > 0`, and `direction` respects every sign constraint.
    case unbounded(direction: [Rational])
    /// The input breaks the contract (dimensions, symmetry, semidefiniteness); plain words.
    case invalidProblem(String)
    /// An exact self-check failed: a bug, never a wrong answer handed back.
    case internalCheckFailed(String)

    public var description: String {
        switch self {
        case .unbounded(let h):
            return "the face problem is unbounded below along direction (\(h.map(\.description).joined(separator: ", ")))"
        case .invalidProblem(let message):
            return "invalid face problem: \(message)"
        case .internalCheckFailed(let message):
            return "face solver self-check failed (a bug, please report): \(message)"
        }
    }
}
