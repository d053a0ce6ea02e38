import ExactArithmetic

/// One number a floating-point solver wrote: the exact rational it holds (a double becomes its
/// dyadic value, decimal text the fraction it spells), or a NaN/infinity, which has no exact value
/// and makes the point it belongs to fail.
public enum SolverNumber: Equatable, Hashable, Sendable {
    case exact(Rational)
    case nonFinite(Double)

    /// A double as the solver held it.
    public init(_ value: Double) {
        if let q = Rational(exactly: value) { self = .exact(q) } else { self = .nonFinite(value) }
    }

    public var exactValue: Rational? {
        if case .exact(let q) = self { return q }
        return nil
    }

    /// All NaNs are one value here (as in a file they are one token).
    public static func == (a: SolverNumber, b: SolverNumber) -> Bool {
        switch (a, b) {
        case (.exact(let p), .exact(let q)): return p == q
        case (.nonFinite(let u), .nonFinite(let v)): return u == v || (u.isNaN && v.isNaN)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .exact(let q): hasher.combine(q)
        case .nonFinite(let v): hasher.combine(v.isNaN ? Double.nan.bitPattern : v.bitPattern)
        }
    }

    /// Short text for tables: a decimal approximation, or "nan"/"inf"/"-inf".
    public var display: String {
        switch self {
        case .exact(let q): return q.decimalString(significantDigits: 8)
        case .nonFinite(let v): return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf")
        }
    }
}

/// What a solver produced: its solution x at each penalty λ it reports (λ is scikit-learn's
/// `alpha`: the total lasso penalty κ of docs/math.md §1 when the problem uses `mean` scaling).
///
/// `kind` says how to read the points: `.points` are independent solutions (a `lasso_path`
/// grid, a list of "solution at λ"); `.path` claims the λ are the solver's knots and x is linear
/// between them (`lars_path`), so knots can be missed or spurious and the interpolant is checked
/// too (docs/math.md §1: the exact path is piecewise linear).
public struct SolverOutput: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        case points
        case path
    }

    public struct Point: Equatable, Sendable {
        public var lambda: SolverNumber
        public var x: [SolverNumber]
        /// Where the point came from, for messages: "column 3", "line 7", "solutions[2]".
        public var place: String

        public init(lambda: SolverNumber, x: [SolverNumber], place: String) {
            self.lambda = lambda
            self.x = x
            self.place = place
        }
    }

    public var points: [Point]
    public var kind: Kind
    /// The file (or files) the output was read from; "" when built in code.
    public var source: String

    public init(points: [Point], kind: Kind = .points, source: String = "") {
        self.points = points
        self.kind = kind
        self.source = source
    }

    /// From doubles, as a Swift solver holds them: `solutions[k]` is x at `lambdas[k]`.
    public init(lambdas: [Double], solutions: [[Double]], kind: Kind = .points, source: String = "") {
        precondition(lambdas.count == solutions.count, "one solution per λ")
        points = zip(lambdas, solutions).enumerated().map { k, pair in
            Point(lambda: SolverNumber(pair.0), x: pair.1.map(SolverNumber.init), place: "solution \(k + 1)")
        }
        self.kind = kind
        self.source = source
    }

    /// From exact values (tests, exact solvers).
    public init(exactLambdas: [Rational], solutions: [[Rational]], kind: Kind = .points, source: String = "") {
        precondition(exactLambdas.count == solutions.count, "one solution per λ")
        points = zip(exactLambdas, solutions).enumerated().map { k, pair in
            Point(lambda: .exact(pair.0), x: pair.1.map(SolverNumber.exact), place: "solution \(k + 1)")
        }
        self.kind = kind
        self.source = source
    }

    /// The number of coordinates (all points agree; checked by the readers and by `compare`).
    public var dimension: Int? { points.first?.x.count }
}
