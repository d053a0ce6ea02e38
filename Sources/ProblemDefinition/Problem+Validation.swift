import ExactArithmetic
import ExactLinearAlgebra

/// A problem that cannot be accepted, said in plain words with the place it was found.
public struct ProblemError: Error, Equatable, CustomStringConvertible {
    public let message: String
    /// Set when a number is beyond the reader's `NumberLimits` (a bound the caller may raise).
    public let exceeded: NumberLimits.Bound?
    public init(_ message: String, exceeded: NumberLimits.Bound? = nil) {
        self.message = NumberText.abbreviatingNumbers(in: message)
        self.exceeded = exceeded
    }
    public var description: String { message }

    /// The same error with the option that raises the limit it names, if any:
    /// "… (raise it with --max-digits)" (`--max-digits`, `--max-exponent`, `--max-bits`).
    public var withLimitHint: ProblemError {
        guard let bound = exceeded else { return self }
        return ProblemError(message + bound.hint, exceeded: bound)
    }
}

extension Problem {
    /// Validates and builds a problem from `M, r` (docs/math.md §0).
    public init(
        M: Matrix, r: [Rational], variant: Variant = .signed, weightDecay: Rational = .zero,
        initialisation: Initialisation? = nil, data: DataSource? = nil
    ) throws {
        let d = r.count
        guard d > 0 else { throw ProblemError("the problem is empty: r has no entries") }
        guard M.rows == d, M.columns == d else {
            throw ProblemError("M is \(M.rows)×\(M.columns) but r has \(d) entries; M must be \(d)×\(d)")
        }
        if let (i, j) = M.firstAsymmetry {
            throw ProblemError("M is not symmetric: M[\(i + 1)][\(j + 1)] = \(NumberText.quote(M[i, j])) but M[\(j + 1)][\(i + 1)] = \(NumberText.quote(M[j, i]))")
        }
        let definiteness = M.definiteness
        if case .indefinite(let witness, let value) = definiteness {
            throw ProblemError("M is not positive semidefinite: v = (\(NumberText.quote(witness.map(\.description).joined(separator: ", ")))) gives vᵀMv = \(NumberText.quote(value)) < 0")
        }
        guard M.rangeContains(r) else {
            throw ProblemError("r is not in the range of M, so the loss is unbounded below (r must equal M·w for some w)")
        }
        try self.init(M: M, r: r, definiteness: definiteness, variant: variant, weightDecay: weightDecay,
                      initialisation: initialisation, data: data)
    }

    /// The rest of the validation, once M is known PSD with the given definiteness and r is known
    /// to lie in its range.
    private init(
        M: Matrix, r: [Rational], definiteness: Definiteness, variant: Variant, weightDecay: Rational,
        initialisation: Initialisation?, data: DataSource?
    ) throws {
        let d = r.count
        guard weightDecay.signum >= 0 else { throw ProblemError("weightDecay must be ≥ 0, got \(NumberText.quote(weightDecay))") }
        let initialisation = initialisation ?? .standard(variant, dimension: d)
        try Problem.validate(initialisation, variant: variant, dimension: d)
        self.M = M
        self.r = r
        self.variant = variant
        self.weightDecay = weightDecay
        self.initialisation = initialisation
        self.data = data
        self.definiteness = definiteness
    }

    /// Builds `M = XᵀX/n, r = Xᵀy/n` (or without the 1/n for `.sum`) and validates.
    public init(
        X: Matrix, y: [Rational], scaling: Scaling = .mean, variant: Variant = .signed,
        weightDecay: Rational = .zero, initialisation: Initialisation? = nil
    ) throws {
        guard X.rows > 0, X.columns > 0 else { throw ProblemError("X is empty: it needs at least one row and one column") }
        guard y.count == X.rows else { throw ProblemError("X has \(X.rows) rows but y has \(y.count) entries") }
        let factor = scaling == .mean ? Rational(1, X.rows) : .one
        // M = XᵀX/n is PSD and r = Xᵀy/n = Xᵀ(y/n) lies in range(Xᵀ) = range(M) by construction:
        // only the rank needs computing (docs/math.md §0). Full rank modulo a prime proves it (a nonzero
        // minor mod p is a nonzero minor); otherwise the exact elimination decides.
        let (M, r) = X.gram(y, factor: factor)
        let full = min(X.rows, X.columns)
        let definiteness: Definiteness
        if X.rankModulo(2_147_483_629) == full {
            definiteness = full == X.columns ? .positiveDefinite : .positiveSemidefinite(rank: full)
        } else {
            definiteness = M.definiteness
        }
        try self.init(
            M: M, r: r, definiteness: definiteness, variant: variant, weightDecay: weightDecay,
            initialisation: initialisation, data: DataSource(X: X, y: y, scaling: scaling))
    }

    private static func validate(_ initialisation: Initialisation, variant: Variant, dimension d: Int) throws {
        switch (initialisation, variant) {
        case (.signed(let beta, let gamma), .signed):
            guard beta.count == d, gamma.count == d else {
                throw ProblemError("init.beta and init.gamma need \(d) entries each (got \(beta.count) and \(gamma.count))")
            }
            for i in 0..<d where beta[i] == gamma[i] || beta[i] == -gamma[i] {
                throw ProblemError("degenerate initialisation: beta[\(i + 1)] = ±gamma[\(i + 1)] = \(NumberText.quote(beta[i])) (docs/math.md §2 needs β_i ≠ ±γ_i)")
            }
        case (.positive(let alpha), .positive):
            guard alpha.count == d else { throw ProblemError("init.alpha needs \(d) entries (got \(alpha.count))") }
            if let i = alpha.firstIndex(where: \.isZero) {
                throw ProblemError("degenerate initialisation: alpha[\(i + 1)] = 0 (docs/math.md §2 needs α_i ≠ 0)")
            }
        case (.signed, .positive):
            throw ProblemError("init gives beta/gamma, which is for the signed network; the positive (u∘u) network takes alpha")
        case (.positive, .signed):
            throw ProblemError("init gives alpha, which is for the positive (u∘u) network; the signed network takes beta and gamma")
        }
    }
}
