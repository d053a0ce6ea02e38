import ExactArithmetic
import ParallelWork
import SaddleToSaddle

/// One interval of time on which both the averaged DLN limit and the lasso solution have a single
/// formula `constant + inverse/s` (docs/math.md §4): the breakpoints are the DLN saddle times and the
/// knot times s = 1/(κ_j − λwd).
public struct CommonPiece: Equatable, Sendable {
    public let from: Rational
    /// nil: the piece runs to s = ∞.
    public let to: Rational?
    /// The DLN saddle in force (index into `DLNLimit.saddles`).
    public let saddle: Int
    /// The lasso segment in force (index j: between κ_j and κ_{j+1}); nil before κ₀, where x = 0.
    public let segment: Int?
    /// Both formulas over common denominators (the verdict works on these).
    let averagedFormula: IntegerAffine
    let lassoFormula: IntegerAffine

    public var averaged: InverseAffine { averagedFormula.rational }
    public var lasso: InverseAffine { lassoFormula.rational }
}

/// Splits (0, ∞) at every saddle time and knot time, with both formulas on each piece; a limit
/// stopped at S (`DLNLimit.horizon`) gives the pieces of (0, S], the last one ending at S.
/// `averaged`: `averagedFormulas(limit)` when already computed.
func commonPieces(_ limit: DLNLimit, _ path: LassoPathInTime, averaged: [IntegerAffine]? = nil) -> [CommonPiece] {
    let d = limit.problem.dimension
    // The lasso side as (start time, segment, formula); the first one is x = 0 from s = 0.
    var lassoStarts: [(s: Rational, segment: Int?, f: IntegerAffine)] = [(.zero, nil, .zero(d))]
    for j in path.reachedSegments { lassoStarts.append((path.time(ofKnot: j)!, j, path.integerFormula(j))) }
    let dlnStarts = zip(limit.saddles.indices, averaged ?? averagedFormulas(limit)).map { k, f in (s: limit.saddles[k].s, saddle: k, f: f) }
    // Ordered through `compareRationals`: the times are tens of thousands of bits.
    var cuts = Set(lassoStarts.map(\.s)).union(dlnStarts.map(\.s)).sorted(by: Rational.filteredLess)
    if let horizon = limit.horizon { cuts.removeAll { compareRationals($0, horizon) >= 0 } }
    if cuts.isEmpty { cuts = [.zero] }
    var pieces: [CommonPiece] = []
    var a = 0, b = 0
    for (n, from) in cuts.enumerated() {
        while a + 1 < dlnStarts.count, compareRationals(dlnStarts[a + 1].s, from) <= 0 { a += 1 }
        while b + 1 < lassoStarts.count, compareRationals(lassoStarts[b + 1].s, from) <= 0 { b += 1 }
        pieces.append(CommonPiece(
            from: from, to: n + 1 < cuts.count ? cuts[n + 1] : limit.horizon, saddle: dlnStarts[a].saddle,
            segment: lassoStarts[b].segment, averagedFormula: dlnStarts[a].f, lassoFormula: lassoStarts[b].f))
    }
    return pieces
}

/// x̄ = x_k + B_k/s on each saddle's interval (docs/math.md §3), with B_k = B_{k−1} − s_k(x_k − x_{k−1})
/// (B₀ = 0; `DLNLimit.averagedInverseCoefficients` in rationals). Summed over one common denominator
/// per saddle, reduced once: the B_k of a Gaussian design have ~50,000-bit entries, and a gcd per
/// entry would cost more than the rest of the verdict. With `jobs` > 1, a saddle whose entries are
/// big (Gaussian designs) has its entries summed and reduced on that many threads: from
/// `threadBits` bits of B's denominator and the step's scaling (tests lower it).
func averagedFormulas(_ limit: DLNLimit, jobs: Int = 1, threadBits: Int = averagedThreadBits) -> [IntegerAffine] {
    let saddles = limit.saddles
    guard !saddles.isEmpty else { return [] }
    let xs = saddles.map { IntegerVector($0.x) }
    var b = IntegerVector.zero(limit.problem.dimension)
    var out = [IntegerAffine(constant: xs[0], inverse: b)]
    for k in saddles.indices.dropFirst() {
        let x = xs[k], previous = xs[k - 1]
        let p = saddles[k].s.numerator, q = saddles[k].s.denominator
        // x_k − x_{k−1} = (u − v)/G over G = lcm of their denominators.
        let g = BigInteger.gcd(x.denominator, previous.denominator)
        let fx = previous.denominator.dividedExactly(by: g), fy = x.denominator.dividedExactly(by: g)
        let qG = q * x.denominator * fx
        // B_{k−1} = n/E and s_k(x_k − x_{k−1}) = p(u − v)/(qG) over L = E·(qG/h) = qG·(E/h).
        let h = BigInteger.gcd(b.denominator, qG)
        let scaleB = qG.dividedExactly(by: h), scaleStep = p * b.denominator.dividedExactly(by: h)
        // The step's scalings folded into two factors: two multiply-adds per changed entry.
        let stepX = scaleStep * fx, stepPrevious = scaleStep * fy
        let last = b, changed = saddles[k].x, before = saddles[k - 1].x
        // Threads only when an entry's products outweigh handing the work over.
        let threads = last.denominator.bitWidth + scaleB.bitWidth >= threadBits ? jobs : 1
        let numerators = parallelMap(Array(last.numerators.indices), jobs: threads, chunk: (last.count + threads - 1) / threads) { i in
            var t = last.numerators[i].isZero ? BigInteger(0) : last.numerators[i] * scaleB
            if changed[i] != before[i] {
                if !x.numerators[i].isZero { t.subtractProduct(stepX, x.numerators[i]) }
                if !previous.numerators[i].isZero { t.addProduct(stepPrevious, previous.numerators[i]) }
            }
            return t
        }
        b = .reducing(numerators, over: last.denominator * scaleB, jobs: threads)
        out.append(IntegerAffine(constant: x, inverse: b))
    }
    return out
}

/// The size (bits of B's denominator and the step's scaling) from which `averagedFormulas` sums a
/// saddle's entries on several threads (Mairal–Yu's, a few words, stay on one).
let averagedThreadBits = 4096
