import ExactArithmetic
import Foundation

extension GapPiece {
    /// The largest gap on [from, to] ∩ [self.from, self.to] (nil `to`: unbounded) and where it is
    /// attained (nil: only approached as s → ∞); nil when the two do not overlap.
    public func maximum(from: Rational, to: Rational?) -> (value: Rational, at: Rational?)? {
        GapPiece.maximum(parts, from: from, to: to, start: nil).best
    }

    /// Over the parts clipped to [from, to]: each part's maximum is at an end or at the vertex
    /// u* = −g₁/(2g₂) of a concave part (proofs/gap-maxima.md). `start` is the gap at `from`
    /// when known; parts meet continuously, so an inner end is one candidate. Also returns the
    /// value at `to` when it was formed (nil otherwise: the next piece forms it if it needs it).
    ///
    /// Candidates are first placed by floating-point bounds (`GapBounds`); only those not
    /// certainly below another are evaluated exactly, usually one per piece: an end's value is a
    /// Horner evaluation with gcds of ~100,000-bit numbers at Gaussian 100×200, and most ends are
    /// not the maximum. The survivors are compared exactly in the order the parts meet them, so
    /// a tie goes to the first, as when every value was formed. u* is formed only when it lies
    /// inside the part (`vertexInside`).
    static func maximum(_ parts: [GapPolynomial], from: Rational, to: Rational?, start: Rational?)
        -> (best: (value: Rational, at: Rational?)?, end: Rational?) {
        var candidates: [Candidate] = []
        func larger(_ a: Rational, _ b: Rational) -> Rational { compareRationals(a, b) < 0 ? b : a }
        func smaller(_ a: Rational, _ b: Rational) -> Rational { compareRationals(b, a) < 0 ? b : a }
        // The last end met and its value: a candidate's index, or `start` (not a candidate itself).
        var known: (s: Rational, candidate: Int?)? = start == nil ? nil : (from, nil)
        for part in parts {
            let lo = larger(part.from, from)
            let hi: Rational? = switch (part.to, to) {
            case let (a?, b?): smaller(a, b)
            case let (a?, nil): a
            case let (nil, b): b
            }
            if let hi, compareRationals(hi, lo) < 0 { continue }
            let atLo = known.flatMap { k in k.s == lo ? k : nil }
            if let hi {
                candidates.append(Candidate(.end(part, hi), at: hi))
                known = (hi, candidates.count - 1)
            } else {
                candidates.append(Candidate(.exact(part.g0), at: nil))
                known = nil
            }
            // An end already met is the same candidate again: equal value, later, so never chosen.
            if !lo.isZero && atLo?.candidate == nil {
                candidates.append(Candidate(atLo != nil ? .exact(start!) : .end(part, lo), at: lo))
            }
            if part.vertexInside(lo: lo, hi: hi) {
                let u = -part.g1 / (Rational(2) * part.g2)
                candidates.append(Candidate(.exact(part.value(atInverse: u)), at: u.reciprocal))
            }
        }
        guard !candidates.isEmpty else { return (nil, nil) }
        // Every candidate certainly below the largest lower bound is out.
        let bounds = candidates.map(\.bounds)
        let floor = bounds.dropFirst().reduce(bounds[0].lower) { GapBounds.Value.max($0, $1.lower) }
        var values = [Rational?](repeating: nil, count: candidates.count)
        var best: (value: Rational, at: Rational?)?
        for (i, c) in candidates.enumerated() where !(bounds[i].upper < floor) {
            let value = c.value
            values[i] = value
            if best.map({ compareRationals($0.value, value) < 0 }) ?? true { best = (value, c.at) }
        }
        let end: Rational? = known.flatMap { k in
            guard let to, k.s == to else { return nil }
            return k.candidate.map { values[$0] ?? candidates[$0].formed } ?? start
        }
        return (best, end)
    }

    /// A value the maximum may take: exact, or a part's value at an end, formed when needed.
    private struct Candidate {
        enum Kind {
            case exact(Rational)
            case end(GapPolynomial, Rational)
        }

        let kind: Kind
        let at: Rational?

        init(_ kind: Kind, at: Rational?) {
            self.kind = kind
            self.at = at
        }

        var value: Rational {
            switch kind {
            case let .exact(q): return q
            case let .end(part, s): return part.value(at: s)
            }
        }

        /// The value if it needs no evaluation, else nil.
        var formed: Rational? {
            if case let .exact(q) = kind { return q }
            return nil
        }

        var bounds: GapBounds {
            switch kind {
            case let .exact(q): return GapBounds(q)
            case let .end(part, s): return GapBounds(part, at: s)
            }
        }
    }
}

extension GapPolynomial {
    /// Whether the part is concave (g₂ < 0) with its vertex u* = −g₁/(2g₂) strictly inside
    /// (1/hi, 1/lo) in u = 1/s (hi nil: u > 0; lo = 0: no upper limit), decided without forming
    /// u*: with g₁ = n₁/d₁, g₂ = n₂/d₂ and an end s = p/q, u* > q/p ⇔ n₁·p·d₂ > 2|n₂|·q·d₁
    /// (both sides positive once n₁ > 0, which u* > 0 needs), compared by `compareProducts`.
    func vertexInside(lo: Rational, hi: Rational?) -> Bool {
        guard g2.signum < 0, g1.signum > 0 else { return false }
        let n1 = g1.numerator, d1 = g1.denominator, n2 = g2.numerator, d2 = g2.denominator, two = BigInteger(2)
        if let hi, compareProducts([n1, hi.numerator, d2], [two, n2, hi.denominator, d1]) <= 0 { return false }
        if !lo.isZero, compareProducts([n1, lo.numerator, d2], [two, n2, lo.denominator, d1]) >= 0 { return false }
        return true
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
    init(_ part: GapPolynomial, at s: Rational) {
        let u = Value.estimate(s.reciprocal)
        self.init(terms: [.estimate(part.g0), .estimate(part.g1) * u, .estimate(part.g2) * u * u])
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
