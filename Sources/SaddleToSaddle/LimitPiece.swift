import ExactArithmetic
import ExactLinearAlgebra

/// The limit on one piece [s_k, s_{k+1}) (the last saddle's: [s_k, ∞)): saddle k, in force there,
/// and B_k = Z(s_k) − s_k·x_k, from which x°(s) = x_k, q(s) = q_k + (s − s_k)·c_k,
/// Z(s) = B_k + s·x_k and x̄(s) = Z(s)/s follow at any time s of the piece (docs/math.md §3).
public struct LimitPiece: Sendable {
    /// k, the saddle's index.
    public let index: Int
    public let saddle: Saddle
    /// B_k, so that x̄ = x_k + B_k/s on the piece.
    public let inverse: [Rational]

    init(index: Int, saddle: Saddle, inverse: [Rational]) {
        self.index = index
        self.saddle = saddle
        self.inverse = inverse
    }

    /// The first piece: saddle 0 (s = 0, x = 0), B₀ = 0.
    init(first saddle: Saddle) {
        self.init(index: 0, saddle: saddle, inverse: [Rational](repeating: .zero, count: saddle.x.count))
    }

    /// The piece of the next saddle: B_{k+1} = B_k − s_{k+1}(x_{k+1} − x_k) (summation by parts).
    func next(_ saddle: Saddle) -> LimitPiece {
        LimitPiece(index: index + 1, saddle: saddle, inverse: Self.nextInverse(inverse, from: self.saddle.x, to: saddle))
    }

    /// B_{k+1} from B_k, x_k and saddle k + 1 (coordinates where x does not move keep B_k).
    static func nextInverse(_ b: [Rational], from previous: [Rational], to saddle: Saddle) -> [Rational] {
        let x = saddle.x, s = saddle.s
        return b.indices.map { i in x[i] == previous[i] ? b[i] : b[i] - s * (x[i] - previous[i]) }
    }

    /// q(s) = q(s_k) + (s − s_k)·c(x_k).
    public func dual(at s: Rational) -> [Rational] { saddle.dual(at: s) }

    /// Z(s) = ∫₀ˢ x° = B_k + s·x_k.
    public func integral(at s: Rational) -> [Rational] { inverse.adding(s * saddle.x) }

    /// x̄(s) = Z(s)/s; 0 at s = 0 by continuity (x̄ vanishes on [0, s₁]).
    public func averaged(at s: Rational) -> [Rational] {
        let z = integral(at: s)
        return s.isZero ? z : s.reciprocal * z
    }
}

/// Evaluations at `times` made as the saddles pass, in order from the first, each time on the
/// piece that holds it (the last k with s_k ≤ s; beyond the last saddle, the last one): the
/// values `DLNLimit.piece(at:)` gives, without keeping the saddles. B_k is summed only while a
/// time still waits.
struct PassingTimes<Value> {
    private let times: [Rational]
    private var values: [Value?]
    private var piece: LimitPiece?
    private let evaluate: (LimitPiece, Rational) -> Value

    /// Throws `LimitError` for a time the limit does not define (`DLNLimit.check(time:horizon:)`).
    init(_ times: [Rational], horizon: Rational?, _ evaluate: @escaping (LimitPiece, Rational) -> Value) throws {
        for s in times { try DLNLimit.check(time: s, horizon: horizon) }
        self.times = times
        values = times.map { _ in nil }
        self.evaluate = evaluate
    }

    /// The next saddle: evaluates the times before it on the piece it ends.
    mutating func pass(_ saddle: Saddle) {
        guard let piece else { return piece = LimitPiece(first: saddle) }
        guard values.contains(where: { $0 == nil }) else { return }
        for (i, s) in times.enumerated() where values[i] == nil && s < saddle.s { values[i] = evaluate(piece, s) }
        if values.contains(where: { $0 == nil }) { self.piece = piece.next(saddle) }
    }

    /// The evaluations, in the order of `times`, after the last saddle has passed.
    func finish() -> [Value] {
        times.indices.map { i in values[i] ?? evaluate(piece!, times[i]) }
    }
}

extension Saddle {
    /// q at a time s of this saddle's piece: q + (s − s_k)·c, c being constant until the next saddle.
    public func dual(at s: Rational) -> [Rational] { q.adding((s - self.s) * correlation) }
}
