import ExactArithmetic

/// How the certificate's t_j compares with its bound at one knot (`PathCertificate`): the sign
/// of t_j and the sign of |t_j| − bound_j (bound_j ≥ 0). c_j = κ·σ exactly when t_j = σ·bound_j.
struct CorrelationRelation: Equatable, Sendable {
    var sign: Int8
    var magnitude: Int8

    static let zero = CorrelationRelation(sign: 0, magnitude: 0)

    /// Whether t_j = σ·bound_j for σ = ±1 (when bound_j = 0, t_j = 0 is equal for either σ).
    func equals(sign σ: Int) -> Bool { magnitude == 0 && (sign == 0 || Int(sign) == σ) }
}

/// The column-scaled certificate's correlation (docs/math.md §1) in machine words, with the same
/// relations as the GMP integers: for x̃ over its least common denominator δ (X̃ = δx̃ integer),
/// C = δr̃ − M̃X̃, t_j = a_j·q·C_j and bound_j = b_j·n·L·δ (κ = n/q, s_j = a_j/b_j, M̃ = L·M',
/// r̃ = L·r'). M̃, r̃ in `Int64`, L, a, b in `UInt64`; δ ≤ 2⁶⁴ − 1, X̃ and C in `Int128` (C's
/// partial sums bounded once per knot) and the two sides as 256-bit products, every overflow
/// checked. At Mairal–Yu p = 8 every
/// knot fits (δ up to 64 bits, C up to 62); a knot that does not returns false and the caller
/// uses GMP, with the same result (tested at the edges).
struct WordCorrelation: Sendable {
    let d: Int
    /// M̃ row-major and r̃.
    let M: [Int64], r: [Int64]
    let scale: UInt64
    let a: [UInt64], b: [UInt64]
    /// max |M̃_ji| and max |r̃_j|: one bound per knot on every partial sum of C.
    let largestM: UInt128, largestR: UInt128

    /// Nil when an entry does not fit its word.
    init?(scaled: ScaledProblem, numerators: [BigInteger], denominators: [BigInteger]) {
        func word(_ v: BigInteger) -> Int64? { v.intValue.map { Int64($0) } }
        func unsigned(_ v: BigInteger) -> UInt64? { v.signum > 0 ? v.intValue.map { UInt64($0) } : nil }
        var M: [Int64] = [], r: [Int64] = [], a: [UInt64] = [], b: [UInt64] = []
        for v in scaled.M { guard let w = word(v) else { return nil }; M.append(w) }
        for v in scaled.r { guard let w = word(v) else { return nil }; r.append(w) }
        for v in numerators { guard let w = unsigned(v) else { return nil }; a.append(w) }
        for v in denominators { guard let w = unsigned(v) else { return nil }; b.append(w) }
        guard let scale = unsigned(scaled.scale), a.count == scaled.d, b.count == scaled.d else { return nil }
        (d, self.M, self.r, self.scale, self.a, self.b) = (scaled.d, M, r, scale, a, b)
        largestM = UInt128(M.map(\.magnitude).max() ?? 0)
        largestR = UInt128(r.map(\.magnitude).max() ?? 0)
    }

    /// The relations at a knot with x̃ = s∘x and κ ≥ 0 written into `out` (d entries); false when
    /// some value leaves the words (`out` is then unspecified).
    func relations(_ xt: [Rational], kappa: Rational, into out: inout [CorrelationRelation]) -> Bool {
        guard xt.count == d else { return false }
        return withUnsafeTemporaryAllocation(of: ScaledEntry.self, capacity: d) { entries in
            for i in 0..<d {
                guard let w = xt[i].words, w.denominator <= UInt128(UInt64.max) else { return false }
                entries[i] = ScaledEntry(negative: w.negative, numerator: w.numerator, denominator: UInt64(w.denominator))
            }
            return relations(UnsafeBufferPointer(entries), kappa: kappa, into: &out)
        }
    }

    /// The same relations from the knot's x itself: x̃_i = (n_i·a_i)/(d_i·b_i) reduced in words
    /// (gcd(n_i, b_i), gcd(a_i, d_i)), with no `Rational` formed; false when a value leaves them.
    func relations(x: [Rational], kappa: Rational, into out: inout [CorrelationRelation]) -> Bool {
        guard x.count == d else { return false }
        return withUnsafeTemporaryAllocation(of: ScaledEntry.self, capacity: d) { entries in
            for i in 0..<d {
                guard let w = x[i].words else { return false }
                if w.numerator == 0 { entries[i] = ScaledEntry(negative: false, numerator: 0, denominator: 1); continue }
                let g1 = gcdMagnitude(w.numerator, UInt128(b[i])), g2 = gcdMagnitude(w.denominator, UInt128(a[i]))
                let (numerator, o1) = (w.numerator / g1).multipliedReportingOverflow(by: UInt128(a[i]) / g2)
                let (denominator, o2) = (w.denominator / g2).multipliedReportingOverflow(by: UInt128(b[i]) / g1)
                if o1 || o2 || denominator > UInt128(UInt64.max) { return false }
                entries[i] = ScaledEntry(negative: w.negative, numerator: numerator, denominator: UInt64(denominator))
            }
            return relations(UnsafeBufferPointer(entries), kappa: kappa, into: &out)
        }
    }

    /// One entry of x̃ in lowest terms: sign, |numerator|, denominator.
    struct ScaledEntry {
        var negative: Bool
        var numerator: UInt128
        var denominator: UInt64
    }

    private func relations(_ xt: UnsafeBufferPointer<ScaledEntry>, kappa: Rational, into out: inout [CorrelationRelation]) -> Bool {
        guard let k = kappa.words, !k.negative else { return false }
        var delta: UInt64 = 1
        for v in xt where v.numerator != 0 {
            let den = v.denominator
            let (product, overflow) = (delta / gcdMagnitude(delta, den)).multipliedReportingOverflow(by: den)
            if overflow { return false }
            delta = product
        }
        if out.count != d { out = Array(repeating: .zero, count: d) }
        return withUnsafeTemporaryAllocation(of: Int128.self, capacity: d) { X in
            var sum: UInt128 = 0                              // Σ|X̃_i|
            for i in 0..<d {
                X[i] = 0
                let w = xt[i]
                if w.numerator == 0 { continue }
                let (m, overflow) = w.numerator.multipliedReportingOverflow(by: UInt128(delta / w.denominator))
                if overflow || m > UInt128(Int128.max) { return false }
                X[i] = w.negative ? -Int128(m) : Int128(m)
                let (next, o) = sum.addingReportingOverflow(m)
                if o { return false }
                sum = next
            }
            // Every partial sum of C_j and every product is at most max|r̃|·δ + max|M̃|·Σ|X̃_i|:
            // below 2¹²⁷, the loop below cannot overflow.
            let (rBound, o1) = largestR.multipliedReportingOverflow(by: UInt128(delta))
            let (mBound, o2) = largestM.multipliedReportingOverflow(by: sum)
            let (partial, o3) = rBound.addingReportingOverflow(mBound)
            if o1 || o2 || o3 || partial > UInt128(Int128.max) { return false }
            let lDelta = UInt128(scale) * UInt128(delta)
            for j in 0..<d {
                var c = Int128(r[j]) &* Int128(delta)
                for i in 0..<d where X[i] != 0 { c &-= Int128(M[j * d + i]) &* X[i] }
                let (aq, o4) = UInt128(a[j]).multipliedReportingOverflow(by: k.denominator)
                let (bn, o5) = UInt128(b[j]).multipliedReportingOverflow(by: k.numerator)
                if o4 || o5 { return false }
                let t = aq.multipliedFullWidth(by: c.magnitude), bound = bn.multipliedFullWidth(by: lDelta)
                let magnitude: Int8 = t.high != bound.high ? (t.high < bound.high ? -1 : 1)
                    : (t.low == bound.low ? 0 : (t.low < bound.low ? -1 : 1))
                out[j] = CorrelationRelation(sign: c > 0 ? 1 : (c < 0 ? -1 : 0), magnitude: magnitude)
            }
            return true
        }
    }
}
