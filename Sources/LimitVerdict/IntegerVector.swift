import ExactArithmetic
import ParallelWork

/// A rational vector over one common denominator: v = numerators / denominator, denominator > 0.
///
/// Dot products and signed sums of such vectors are integer multiply-adds followed by a single
/// normalisation, instead of one gcd per term — the verdict's gap polynomials need many of them
/// on rationals of tens of thousands of bits. Built from rationals, the denominator is their
/// least common denominator, which makes the form unique (gcd of it and all numerators is 1), so
/// `==` is the equality of the vectors.
struct IntegerVector: Sendable, Equatable {
    let numerators: [BigInteger]
    let denominator: BigInteger

    init(_ v: [Rational]) {
        let l = v.leastCommonDenominator
        denominator = l
        // Entries over l itself (the common case) need no multiplication.
        numerators = v.map { q in
            if q.isZero { return BigInteger(0) }
            if q.isInteger { return l == BigInteger(1) ? q.numerator : q.numerator * l }
            let d = q.denominator
            return d == l ? q.numerator : q.numerator * l.dividedExactly(by: d)
        }
    }

    init(numerators: [BigInteger], denominator: BigInteger) {
        self.numerators = numerators
        self.denominator = denominator
    }

    var count: Int { numerators.count }

    func signum(_ i: Int) -> Int { numerators[i].signum }

    /// Entry i as a reduced rational (one gcd).
    func rational(_ i: Int) -> Rational {
        numerators[i].isZero ? .zero : Rational(numerators[i], denominator)
    }

    var rationals: [Rational] { numerators.indices.map(rational) }

    func dot(_ other: IntegerVector) -> Rational {
        let t = dotNumerator(other)
        return t.isZero ? .zero : Rational(t, denominator * other.denominator)
    }

    /// The dot product times denominator · other.denominator (no normalisation).
    func dotNumerator(_ other: IntegerVector) -> BigInteger {
        var t = BigInteger(0)
        for (a, b) in zip(numerators, other.numerators) where !a.isZero && !b.isZero { t.addProduct(a, b) }
        return t
    }

    /// Σ σ_i v_i for signs σ_i ∈ {−1, 0, 1}.
    func signedSum(_ signs: [Int]) -> Rational {
        let t = signedNumeratorSum(signs)
        return t.isZero ? .zero : Rational(t, denominator)
    }

    /// Σ σ_i v_i times the denominator (no normalisation).
    func signedNumeratorSum(_ signs: [Int]) -> BigInteger {
        var t = BigInteger(0)
        for (i, s) in signs.enumerated() where s != 0 && !numerators[i].isZero {
            if s > 0 { t += numerators[i] } else { t -= numerators[i] }
        }
        return t
    }

    /// ‖v‖₁.
    var oneNorm: Rational {
        var t = BigInteger(0)
        for n in numerators where !n.isZero { t += n.magnitude }
        return t.isZero ? .zero : Rational(t, denominator)
    }
}

extension IntegerVector {
    /// numerators/denominator (denominator > 0) in the unique form: divided by the gcd of the
    /// denominator and every numerator. The gcd is found by one gcd per distinct factor and a
    /// division per entry, instead of one gcd per entry.
    static func reducing(_ numerators: consuming [BigInteger], over denominator: BigInteger) -> IntegerVector {
        reducing(numerators, over: denominator, smallEntryBits: smallEntryBits)
    }

    /// Entries up to this many bits take a gcd each instead of a division (cheaper there).
    static let smallEntryBits = 1024

    /// `reducing` with the size up to which entries take a gcd instead of a division (tests
    /// compare both ways).
    static func reducing(_ numerators: consuming [BigInteger], over denominator: BigInteger, smallEntryBits: Int) -> IntegerVector {
        var numerators = numerators
        let g = numerators.withUnsafeMutableBufferPointer { entries in
            let part = PartContent(entries, entries.indices, start: denominator, smallEntryBits: smallEntryBits)
            part.finish(entries, entries.indices, content: part.g)
            return part.g
        }
        return IntegerVector(numerators: numerators, denominator: g.bitWidth == 1 ? denominator : denominator.dividedExactly(by: g))
    }

    /// `reducing` with the per-entry work on `jobs` threads, in contiguous parts: the first big
    /// entry's gcd with the denominator (the one at full size) first, then each part divides its
    /// entries by that gcd and shrinks it where needed, and the parts' contents meet in one gcd
    /// of small numbers (x̄'s B_k on Gaussian 100×200: 200 entries of ~50,000 bits per saddle).
    static func reducing(_ numerators: consuming [BigInteger], over denominator: BigInteger, jobs: Int) -> IntegerVector {
        guard jobs > 1, numerators.count >= 2 * jobs,
              let first = numerators.firstIndex(where: { $0.bitWidth > smallEntryBits }) else {
            return reducing(numerators, over: denominator)
        }
        let start = BigInteger.gcd(denominator, numerators[first])
        if start.bitWidth == 1 { return IntegerVector(numerators: numerators, denominator: denominator) }
        let count = numerators.count
        let parts = (0..<jobs).map { p in count * p / jobs..<count * (p + 1) / jobs }
        var numerators = numerators
        let g = numerators.withUnsafeMutableBufferPointer { buffer in
            let entries = SharedEntries(buffer: buffer)
            let contents = parallelMap(parts, jobs: jobs, chunk: 1) { PartContent(entries.buffer, $0, start: start, smallEntryBits: smallEntryBits) }
            let g = contents.dropFirst().reduce(contents[0].g) { BigInteger.gcd($0, $1.g) }
            _ = parallelMap(Array(parts.indices), jobs: jobs, chunk: 1) { contents[$0].finish(entries.buffer, parts[$0], content: g) }
            return g
        }
        return IntegerVector(numerators: numerators, denominator: g.bitWidth == 1 ? denominator : denominator.dividedExactly(by: g))
    }

    /// A vector's entries written in place by several threads, each in its own part.
    private struct SharedEntries: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<BigInteger>
    }

    /// The content of a part of the entries and `start`, found entry by entry with each big
    /// entry divided in place by the content so far when it divides it: one copy of a vector of
    /// megabit entries is held, not the vector and its quotients. The content only shrinks, so
    /// `finish` multiplies an entry divided early by what the final content leaves over.
    private struct PartContent: Sendable {
        /// The part's content: divides `start` and every entry of the part.
        private(set) var g: BigInteger
        /// The values the content took when an entry was divided by them, in order.
        private var divisors: [BigInteger] = []
        /// For each entry of the part, the index in `divisors` it was divided by (−1: not divided).
        private var dividedBy: [Int]

        init(_ entries: UnsafeMutableBufferPointer<BigInteger>, _ range: Range<Int>, start: BigInteger, smallEntryBits: Int) {
            g = start
            dividedBy = Array(repeating: -1, count: range.count)
            var fresh = true // g has changed since it last divided an entry
            for i in range where !entries[i].isZero {
                if g.bitWidth == 1 { break }
                // Entries of a few words (Mairal–Yu's): one gcd, no quotient and remainder to
                // allocate (there g nearly always shrinks at every entry).
                if entries[i].bitWidth <= smallEntryBits {
                    let before = g.bitWidth
                    g.formGCD(with: entries[i]) // a proper divisor of g has fewer bits
                    if g.bitWidth < before { fresh = true }
                    continue
                }
                let (q, r) = entries[i].quotientAndRemainder(dividingBy: g)
                if r.isZero {
                    if fresh { divisors.append(g); fresh = false }
                    entries[i] = q
                    dividedBy[i - range.lowerBound] = divisors.count - 1
                } else {
                    g = BigInteger.gcd(g, r) // = gcd(g, entry)
                    fresh = true
                }
            }
        }

        /// Leaves every entry of the part divided by `content`, a divisor of `g`: entries
        /// divided by a larger divisor are multiplied by the cofactor, the others divided.
        func finish(_ entries: UnsafeMutableBufferPointer<BigInteger>, _ range: Range<Int>, content: BigInteger) {
            let cofactors = divisors.map { $0 == content ? nil : $0.dividedExactly(by: content) }
            for i in range where !entries[i].isZero {
                let k = dividedBy[i - range.lowerBound]
                if k >= 0 {
                    if let c = cofactors[k] { entries[i] *= c }
                } else if content.bitWidth != 1 {
                    entries[i].divideExactly(by: content)
                }
            }
        }
    }

    /// α·u + β·v in the unique form, over the least common denominator of the two terms and
    /// reduced once (no gcd per entry).
    static func combination(_ alpha: Rational, _ u: IntegerVector, _ beta: Rational, _ v: IntegerVector) -> IntegerVector {
        let t = unreducedCombination(alpha, u, beta, v)
        return .reducing(t.numerators, over: t.denominator)
    }

    /// α·u + β·v over the least common denominator of the two terms, not reduced (for
    /// comparisons entry by entry, which need no unique form). An entry with u_i = 0 and
    /// v_i = ±1 is ±β over that denominator, formed once: M·B = s_k c_k − q_k has c_i = 0 and
    /// q_i = ±1 on the saddle's support (λwd = 0), where q_i's numerator is as long as q's.
    static func unreducedCombination(_ alpha: Rational, _ u: IntegerVector, _ beta: Rational, _ v: IntegerVector) -> IntegerVector {
        // α·u = αn·U/(αd·Du), β·v = βn·V/(βd·Dv), over E = lcm(αd·Du, βd·Dv).
        let eu = alpha.denominator * u.denominator, ev = beta.denominator * v.denominator
        let g = BigInteger.gcd(eu, ev)
        let fu = alpha.numerator * ev.dividedExactly(by: g), fv = beta.numerator * eu.dividedExactly(by: g)
        var unit: (plus: BigInteger, minus: BigInteger)? // ±fv·Dv = ±β·E
        let numerators = u.numerators.indices.map { i -> BigInteger in
            let x = v.numerators[i]
            if u.numerators[i].isZero && !x.isZero && x.compareMagnitude(to: v.denominator) == 0 {
                if unit == nil { let w = fv * v.denominator; unit = (w, -w) }
                return x.signum > 0 ? unit!.plus : unit!.minus
            }
            var t = u.numerators[i].isZero ? BigInteger(0) : u.numerators[i] * fu
            if !x.isZero { t.addProduct(fv, x) }
            return t
        }
        return IntegerVector(numerators: numerators, denominator: eu * ev.dividedExactly(by: g))
    }

    static func zero(_ d: Int) -> IntegerVector {
        IntegerVector(numerators: Array(repeating: BigInteger(0), count: d), denominator: BigInteger(1))
    }
}

/// `InverseAffine` with both vectors over common denominators: the verdict's working form.
struct IntegerAffine: Equatable, Sendable {
    let constant: IntegerVector
    let inverse: IntegerVector

    init(constant: IntegerVector, inverse: IntegerVector) {
        self.constant = constant
        self.inverse = inverse
    }

    static func zero(_ d: Int) -> IntegerAffine { IntegerAffine(constant: .zero(d), inverse: .zero(d)) }

    var rational: InverseAffine { InverseAffine(constant: constant.rationals, inverse: inverse.rationals) }

    /// constant + inverse/s at s > 0: α/Dα + (β/Dβ)·(q/p) = (α·Dβ·p + β·Dα·q)/(Dα·Dβ·p) for
    /// s = p/q, one gcd per entry.
    func value(at s: Rational) -> [Rational] {
        let p = s.numerator, q = s.denominator
        let da = inverse.denominator * p, db = constant.denominator * q, denominator = constant.denominator * inverse.denominator * p
        return constant.numerators.indices.map { i in
            var t = constant.numerators[i].isZero ? BigInteger(0) : constant.numerators[i] * da
            if !inverse.numerators[i].isZero { t.addProduct(inverse.numerators[i], db) }
            return t.isZero ? .zero : Rational(t, denominator)
        }
    }
}
