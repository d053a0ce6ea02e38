import ExactArithmetic
import ParallelWork
import SaddleToSaddle

/// x̄ = x_k + B_k/s on each saddle's interval (docs/math.md §3), with B_k = B_{k−1} − s_k(x_k − x_{k−1})
/// (B₀ = 0; `DLNLimit.averagedInverseCoefficients` in rationals). Summed over one common denominator
/// per saddle, reduced once: the B_k of a Gaussian design have ~50,000-bit entries, and a gcd per
/// entry would cost more than the rest of the verdict. With `jobs` > 1, a saddle whose entries are
/// big (Gaussian designs) has its entries summed and reduced on that many threads: from
/// `threadBits` bits of B's denominator and the step's scaling (tests lower it).
func averagedFormulas(_ limit: DLNLimit, jobs: Int = 1, threadBits: Int = averagedThreadBits) -> [IntegerAffine] {
    var builder = AveragedFormulas(dimension: limit.problem.dimension, jobs: jobs, threadBits: threadBits)
    for saddle in limit.saddles { builder.add(s: saddle.s, x: saddle.x) }
    return builder.formulas
}

/// The size (bits of B's denominator and the step's scaling) from which `averagedFormulas` sums a
/// saddle's entries on several threads (Mairal–Yu's, a few words, stay on one).
let averagedThreadBits = 4096

/// `averagedFormulas` built one saddle at a time, in order from the first (s = 0, x = 0), as the
/// saddles come (`compare --json` builds them on the path's thread while the limit runs).
struct AveragedFormulas: Sendable {
    let jobs: Int
    let threadBits: Int
    private(set) var formulas: [IntegerAffine] = []
    /// B of the last saddle added, and its x (as given and over one denominator).
    private var b: IntegerVector
    private var last: (x: [Rational], vector: IntegerVector)?

    init(dimension: Int, jobs: Int = 1, threadBits: Int = averagedThreadBits) {
        self.jobs = jobs
        self.threadBits = threadBits
        b = .zero(dimension)
    }

    /// The next saddle, at time s with x° = x.
    mutating func add(s: Rational, x: [Rational]) { formulas.append(next(s: s, x: x)) }

    /// The next saddle's formula, not kept (`compare --json` drops a saddle once its pieces are compared).
    mutating func next(s: Rational, x given: [Rational]) -> IntegerAffine {
        let x = IntegerVector(given)
        defer { last = (given, x) }
        guard let (before, previous) = last else { return IntegerAffine(constant: x, inverse: b) }
        let p = s.numerator, q = s.denominator
        // x_k − x_{k−1} = (u − v)/G over G = lcm of their denominators.
        let g = BigInteger.gcd(x.denominator, previous.denominator)
        let fx = previous.denominator.dividedExactly(by: g), fy = x.denominator.dividedExactly(by: g)
        let qG = q * x.denominator * fx
        // B_{k−1} = n/E and s_k(x_k − x_{k−1}) = p(u − v)/(qG) over L = E·(qG/h) = qG·(E/h).
        let h = BigInteger.gcd(b.denominator, qG)
        let scaleB = qG.dividedExactly(by: h), scaleStep = p * b.denominator.dividedExactly(by: h)
        // The step's scalings folded into two factors: two multiply-adds per changed entry.
        let stepX = scaleStep * fx, stepPrevious = scaleStep * fy
        let sum = b
        // Threads only when an entry's products outweigh handing the work over.
        let threads = sum.denominator.bitWidth + scaleB.bitWidth >= threadBits ? jobs : 1
        let numerators = parallelMap(Array(sum.numerators.indices), jobs: threads, chunk: (sum.count + threads - 1) / threads) { i in
            var t = sum.numerators[i].isZero ? BigInteger(0) : sum.numerators[i] * scaleB
            if given[i] != before[i] {
                if !x.numerators[i].isZero { t.subtractProduct(stepX, x.numerators[i]) }
                if !previous.numerators[i].isZero { t.addProduct(stepPrevious, previous.numerators[i]) }
            }
            return t
        }
        b = .reducing(consume numerators, over: sum.denominator * scaleB, jobs: threads)
        return IntegerAffine(constant: x, inverse: b)
    }
}
