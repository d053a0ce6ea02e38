import ExactArithmetic
import ExactLinearAlgebra
import Foundation
import ProblemDefinition

/// The exact ε → 0 limit of a diagonal linear network's trajectory (docs/math.md §3), for the signed
/// network x = u∘v and the weight-tied x = u∘u, with weight decay.
///
/// Contract: `saddles[0]` is (s = 0, x = 0, q = 0); the saddle times strictly increase; x° equals
/// `saddles[k].x` on [s_k, s_{k+1}) and the last saddle's x forever (the computation stops when no
/// coordinate can reach the box any more, i.e. the last x minimises ℓ + λwd‖·‖₁). Every number is
/// exact; every saddle's face minimiser passed an exact KKT check. The running integral Z(s) is
/// piecewise linear and the averaged trajectory x̄(s) = Z(s)/s is, on each [s_k, s_{k+1}], affine
/// in 1/s: x̄(s) = x_k + (Z(s_k) − s_k x_k)/s.
public struct DLNLimit: Sendable {
    public let problem: Problem
    public let saddles: [Saddle]
    /// B_k = Z(s_k) − s_k·x_k at each saddle, parallel to `saddles`, so that x̄ = x_k + B_k/s on
    /// [s_k, s_{k+1}]. Summed on first use, by B_k = B_{k−1} − s_k(x_k − x_{k−1}) (summation by
    /// parts; B₀ = 0): these running sums of big rationals cost as much as the saddles themselves,
    /// and computing the saddles never needs them.
    public var averagedInverseCoefficients: [[Rational]] { integrals.value }
    private let integrals: LazyIntegrals

    /// Z(s_k) = B_k + s_k x_k at each saddle time.
    public var integralAtSaddle: [[Rational]] {
        zip(averagedInverseCoefficients, saddles).map { $0.adding($1.s * $1.x) }
    }
    /// The loss scaled to integers, shared with the verdict's M-products.
    package let scaled: ScaledQuadratic

    /// The time S the computation stopped at (`init(problem:warmStart:horizon:)`), nil when it ran
    /// to the end: the saddles are then exactly those with s ≤ S, so x°, q, Z and x̄ are exact on
    /// [0, S] and not known beyond.
    public let horizon: Rational?

    /// Computes the saddles; with `horizon` S > 0 only those with s ≤ S (the event loop stops
    /// before the first later one). `warmStart: false` sends every face problem to `solveFace`
    /// (slower; for cross-checks). Throws `LimitError` only if a guard trips (see `LimitError`).
    public init(problem: Problem, warmStart: Bool = true, horizon: Rational? = nil) throws {
        precondition(horizon.map { $0.signum > 0 } ?? true, "the horizon must be > 0")
        self.problem = problem
        self.horizon = horizon
        scaled = ScaledQuadratic(problem)
        let saddles = try DLNLimit.saddles(of: problem, scaled: scaled, warmStart: warmStart, horizon: horizon)
        self.saddles = saddles
        integrals = LazyIntegrals {
            var b = [[Rational]](repeating: [Rational](repeating: .zero, count: problem.dimension), count: 1)
            for k in 1..<max(saddles.count, 1) { b.append(LimitPiece.nextInverse(b[k - 1], from: saddles[k - 1].x, to: saddles[k])) }
            return b
        }
    }

    /// Whether every face minimiser was unique; if not, x° (hence Z, x̄) depends on β, γ where a
    /// saddle says so, while q and M·x° never do (docs/math.md §3).
    public var isUnique: Bool { saddles.allSatisfy(\.isUnique) }

    /// The box 1 + λwd·s that |q_i| (positive case: q_i) may not exceed.
    public func bound(at s: Rational) -> Rational { .one + problem.weightDecay * s }

    /// The index k of the saddle in force at time s ≥ 0: the last k with s_k ≤ s.
    public func saddleIndex(at s: Rational) throws -> Int {
        try Self.check(time: s, horizon: horizon)
        var lo = 0, hi = saddles.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if saddles[mid].s <= s { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Throws `LimitError` unless the limit stopped at `horizon` is defined at time s (0 ≤ s ≤ horizon).
    static func check(time s: Rational, horizon: Rational?) throws {
        guard s.signum >= 0 else { throw LimitError("time s = \(s) is negative; the limit is defined for s ≥ 0") }
        if let horizon, s > horizon { throw LimitError("time s = \(s) is beyond s = \(horizon), where the limit was stopped") }
    }

    /// The piece holding time s: saddle k = `saddleIndex(at:)` and B_k.
    public func piece(at s: Rational) throws -> LimitPiece {
        let k = try saddleIndex(at: s)
        return LimitPiece(index: k, saddle: saddles[k], inverse: averagedInverseCoefficients[k])
    }

    /// x°(s): the saddle in force at s.
    public func iterate(at s: Rational) throws -> [Rational] { saddles[try saddleIndex(at: s)].x }

    /// q(s) = q(s_k) + (s − s_k)·c(x_k).
    public func dual(at s: Rational) throws -> [Rational] {
        saddles[try saddleIndex(at: s)].dual(at: s)
    }

    /// Z(s) = ∫₀ˢ x°.
    public func integral(at s: Rational) throws -> [Rational] { try piece(at: s).integral(at: s) }

    /// x̄(s) = Z(s)/s, the object that tracks the lasso path (docs/math.md §2); 0 at s = 0 by continuity
    /// (x̄ vanishes on [0, s₁]).
    public func averaged(at s: Rational) throws -> [Rational] { try piece(at: s).averaged(at: s) }

    /// On [s_k, s_{k+1}], x̄(s) = constant + inverse/s: returns (x_k, Z(s_k) − s_k x_k).
    public func averagedCoefficients(piece k: Int) -> (constant: [Rational], inverse: [Rational]) {
        (saddles[k].x, averagedInverseCoefficients[k])
    }
}

/// The B_k of `DLNLimit`, computed once on first use (thread-safe).
private final class LazyIntegrals: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: [[Rational]]?
    private let compute: @Sendable () -> [[Rational]]

    init(_ compute: @escaping @Sendable () -> [[Rational]]) { self.compute = compute }

    var value: [[Rational]] {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let z = compute()
        cached = z
        return z
    }
}
