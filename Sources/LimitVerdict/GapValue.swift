import ExactArithmetic
import Foundation
import Synchronization

/// A gap value known at once within `bounds` and formed exactly on first use, then kept (copies
/// share it; any thread may form it). The text report shows a few gap maxima and orders the
/// others by their bounds, so most are never formed: each is a Horner evaluation with gcds of
/// values of up to a megabit at Gaussian 200×200. `--json` writes them all, each formed once.
final class GapValue: Sendable {
    /// The value, or what forms it (dropped once it is formed: a part's coefficients and an end
    /// s are shared with the piece, but the value may outlive it).
    private enum State {
        case formed(Rational)
        case atEnd(GapPolynomial, Rational)
        case atInverse(GapPolynomial, Rational)
    }

    let bounds: GapBounds
    private let state: Mutex<State>

    init(_ q: Rational) {
        bounds = GapBounds(q)
        state = Mutex(.formed(q))
    }

    /// The part's value g₀ + g₁u + g₂u² at u = 1/s.
    init(_ part: GapPolynomial, at s: Rational) {
        bounds = GapBounds(part, at: s)
        state = Mutex(.atEnd(part, s))
    }

    /// The part's value at u.
    init(_ part: GapPolynomial, atInverse u: Rational) {
        bounds = GapBounds(part, atInverse: u)
        state = Mutex(.atInverse(part, u))
    }

    /// The exact value, formed now if it was not.
    var exact: Rational {
        state.withLock { state in
            let q: Rational
            switch state {
            case let .formed(value): return value
            case let .atEnd(part, s): q = part.value(at: s)
            case let .atInverse(part, u): q = part.value(atInverse: u)
            }
            state = .formed(q)
            return q
        }
    }

    /// Whether the exact value has been formed (for tests).
    var isFormed: Bool {
        state.withLock { state in
            if case .formed = state { return true }
            return false
        }
    }

    /// Whether the value is 0: bounds of exactly [0, 0] come only from terms that are all 0.
    var isZero: Bool {
        let zero = GapBounds.Value(0, 0)
        if bounds.lower == zero && bounds.upper == zero { return true }
        if zero < bounds.lower || bounds.upper < zero { return false }
        return exact.isZero
    }

    /// a < b, from the bounds when they decide it.
    static func < (a: GapValue, b: GapValue) -> Bool {
        if a.bounds.upper < b.bounds.lower { return true }
        if b.bounds.upper < a.bounds.lower { return false }
        return compareRationals(a.exact, b.exact) < 0
    }
}

/// An interval certain to hold a sum of a few terms, each estimated in floating point from the
/// leading limbs of exact values (relative error below 2⁻⁴⁸ per term, with an exponent of any
/// size): [V − R, V + R] with V the estimated sum and R = 2⁻⁴⁰·Σ|term|, which also covers the
/// rounding of the sum. Cancellation widens it; a near tie is then left to exact arithmetic.
struct GapBounds {
    /// m·2^e with m = 0 or 1 ≤ |m| < 2.
    struct Value: Comparable {
        let m: Double
        let e: Int

        init(_ m: Double, _ e: Int) {
            if m == 0 || !m.isFinite {
                precondition(m == 0, "a finite estimate")
                (self.m, self.e) = (0, 0)
            } else {
                (self.m, self.e) = (m < 0 ? -m.significand : m.significand, Int(m.exponent) + e)
            }
        }

        /// q to a relative 2⁻⁵⁰.
        static func estimate(_ q: Rational) -> Value {
            if q.isZero { return Value(0, 0) }
            let n = q.numerator.approximateMagnitude, d = q.denominator.approximateMagnitude
            return Value(Double(q.signum) * n.significand / d.significand, n.exponent - d.exponent)
        }

        static func * (a: Value, b: Value) -> Value { Value(a.m * b.m, a.e + b.e) }

        /// Exact order of the two representations.
        static func < (a: Value, b: Value) -> Bool {
            let sa = a.m.sign == .minus ? -1 : (a.m == 0 ? 0 : 1), sb = b.m.sign == .minus ? -1 : (b.m == 0 ? 0 : 1)
            if sa != sb { return sa < sb }
            if sa == 0 { return false }
            if a.e != b.e { return sa > 0 ? a.e < b.e : a.e > b.e }
            return a.m < b.m
        }

        static func max(_ a: Value, _ b: Value) -> Value { a < b ? b : a }
    }

    let lower: Value
    let upper: Value

    init(_ q: Rational) { self.init(terms: [.estimate(q)]) }

    /// The part's value g₀ + g₁u + g₂u² at u = 1/s.
    init(_ part: GapPolynomial, at s: Rational) { self.init(part, atInverse: s.reciprocal) }

    /// The part's value at u.
    init(_ part: GapPolynomial, atInverse u: Rational) {
        let v = Value.estimate(u)
        self.init(terms: [.estimate(part.g0), .estimate(part.g1) * v, .estimate(part.g2) * v * v])
    }

    init(terms: [Value]) {
        let top = terms.filter { $0.m != 0 }.map(\.e).max() ?? 0
        var sum = 0.0, size = 0.0
        for t in terms where t.m != 0 {
            // A term 2¹⁰⁰⁰ times below the largest is below R: it may underflow to 0.
            let x = t.e - top < -1000 ? 0 : scalbn(t.m, t.e - top)
            sum += x
            size += abs(x)
        }
        let r = size * 0x1p-40
        lower = Value(sum - r, top)
        upper = Value(sum + r, top)
    }
}
