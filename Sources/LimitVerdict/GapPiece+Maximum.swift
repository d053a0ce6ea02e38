import ExactArithmetic

extension GapPiece {
    /// The largest gap on [from, to] ∩ [self.from, self.to] (nil `to`: unbounded) and where it is
    /// attained (nil: only approached as s → ∞); nil when the two do not overlap.
    public func maximum(from: Rational, to: Rational?) -> (value: Rational, at: Rational?)? {
        GapPiece.maximum(parts, from: from, to: to, start: nil).best.map { ($0.value.exact, $0.at) }
    }

    /// Over the parts clipped to [from, to]: each part's maximum is at an end or at the vertex
    /// u* = −g₁/(2g₂) of a concave part (proofs/gap-maxima.md). `start` is the gap at `from`
    /// when known; parts meet continuously, so an inner end is one candidate. Also returns the
    /// value at `to` (nil when `to` is not an end met).
    ///
    /// Candidates are placed by floating-point bounds (`GapValue`); those certainly below another
    /// are out. Usually one is left: the maximum, left unformed (`GapValue.exact` forms it when
    /// asked). Several left are formed and compared exactly in the order the parts meet them, so
    /// a tie goes to the first, as when every value was formed. u* is formed only when it lies
    /// inside the part (`vertexInside`).
    static func maximum(_ parts: [GapPolynomial], from: Rational, to: Rational?, start: GapValue?)
        -> (best: (value: GapValue, at: Rational?)?, end: GapValue?) {
        var candidates: [(value: GapValue, at: Rational?)] = []
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
                candidates.append((GapValue(part, at: hi), hi))
                known = (hi, candidates.count - 1)
            } else {
                candidates.append((GapValue(part.g0), nil))
                known = nil
            }
            // An end already met is the same candidate again: equal value, later, so never chosen.
            if !lo.isZero && atLo?.candidate == nil {
                candidates.append((atLo != nil ? start! : GapValue(part, at: lo), lo))
            }
            if part.vertexInside(lo: lo, hi: hi) {
                let u = -part.g1 / (Rational(2) * part.g2)
                candidates.append((GapValue(part, atInverse: u), u.reciprocal))
            }
        }
        guard !candidates.isEmpty else { return (nil, nil) }
        // Every candidate certainly below the largest lower bound is out.
        let floor = candidates.dropFirst().reduce(candidates[0].value.bounds.lower) { GapBounds.Value.max($0, $1.value.bounds.lower) }
        let left = candidates.filter { !($0.value.bounds.upper < floor) }
        var best = left[0]
        for c in left.dropFirst() where compareRationals(best.value.exact, c.value.exact) < 0 { best = c }
        let end: GapValue? = known.flatMap { k in
            guard let to, k.s == to else { return nil }
            return k.candidate.map { candidates[$0].value } ?? start
        }
        return (best, end)
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
