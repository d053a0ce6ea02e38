import ExactArithmetic
import ExactLinearAlgebra
import ModularArithmetic
import Foundation

/// `ActiveSetEngine` over the integers: keeps det(M̃_SS) and the numerators adj(M̃_SS)·r̃_S and
/// adj(M̃_SS)·s_S of the scaled problem exactly, from M̃_SS⁻¹ held modulo word primes
/// (`PrincipalInverse`: O(|S|²) word operations per join or drop, then one Chinese-remainder
/// reconstruction per exact value), so no gcd and no big-by-big product is taken inside a step.
/// Best for large dense instances whose entries share a modest common denominator (decimal or
/// float64 data).
struct IntegerEngine: ActiveSetEngine {
    let scaled: ScaledProblem
    let positive: Bool
    /// A reference: the engine is used by one homotopy only.
    private let system: PrincipalInverse
    private var signOf: [Int: Int] = [:]

    /// E_j of `OutsideCorrelations`, per coordinate.
    private let rowBounds: [BigInteger]
    /// Leading bits of U, W, D the outside correlations' approximations keep.
    private let keptBits: Int

    /// `maximumSupport` bounds |S| for a nonsingular M̃_SS (rank M̃ = rank M);
    /// `keptBits` is the precision of the outside correlations' filter (tests lower it).
    init(scaled: ScaledProblem, positive: Bool, maximumSupport: Int, keptBits: Int = 192) {
        self.scaled = scaled
        self.positive = positive
        self.keptBits = keptBits
        rowBounds = OutsideCorrelations.rowBounds(scaled)
        let ones = [BigInteger](repeating: BigInteger(1), count: scaled.d)
        system = PrincipalInverse(K: scaled.M, dimension: scaled.d, rhsBounds: [scaled.r, ones], maximumSize: maximumSupport)
    }

    mutating func join(_ j: Int, sign: Int) -> Bool {
        guard system.append(j, rhs: [scaled.r[j], BigInteger(sign)]) == nil else { return false }
        signOf[j] = sign
        return true
    }

    mutating func drop(_ i: Int) -> Bool {
        guard let q = system.indices.firstIndex(of: i), system.remove(at: q) == nil else { return false }
        signOf[i] = nil
        return true
    }

    mutating func reset(support: [Int], signs: [Int]) -> Bool {
        // M̃ is positive semidefinite, so a nonsingular M̃_SS has every principal block nonsingular.
        system.removeAll()
        signOf = [:]
        for (i, s) in zip(support, signs) {
            guard system.append(i, rhs: [scaled.r[i], BigInteger(s)]) == nil else { return false }
        }
        signOf = Dictionary(uniqueKeysWithValues: zip(support, signs))
        return true
    }

    func segment() -> any SegmentFormula {
        let d = scaled.d
        let s = system.indices
        let u = system.numerators[0]   // adj·r̃_S
        let w = system.numerators[1]   // adj·s_S
        let det = system.determinant
        var U = [BigInteger](repeating: BigInteger(0), count: d), W = U
        for (p, i) in s.enumerated() { U[i] = u[p]; W[i] = w[p] }
        let order = s.indices.sorted { s[$0] < s[$1] }
        let support = order.map { s[$0] }
        let outside = OutsideCorrelations(
            scaled: scaled, support: support, U: U, W: W, determinant: det, rowBounds: rowBounds, keptBits: keptBits)
        return IntegerSegment(
            support: support, signs: order.map { signOf[s[$0]]! },
            scale: scaled.scale, determinant: det, U: U, W: W, outside: outside, positive: positive,
            residues: system.solutionResidues())
    }
}

/// `SegmentFormula` over one common denominator, in the scaled penalty κ̃ = Lκ:
/// `x(κ) = (U − κ̃ W)/D` and `L·c(κ) = (C0 + κ̃ C1)/D`, D = det(M̃_SS) > 0 (on the support
/// C0 = 0, C1 = D·s; outside it, `OutsideCorrelations`). Events, knots and equicorrelation tests
/// compare integer cross-products; a `Rational` is formed only for output.
struct IntegerSegment: SegmentFormula {
    let support: [Int]
    let signs: [Int]
    let scale: BigInteger
    let determinant: BigInteger
    let U: [BigInteger]
    let W: [BigInteger]
    let outside: OutsideCorrelations
    let positive: Bool
    /// M̃_SS⁻¹r̃_S and M̃_SS⁻¹s_S modulo the factorisation's primes: the knot at the end, rebuilt.
    let residues: SolutionResidues

    /// The exact (C0_j, C1_j) for any coordinate.
    private func correlationNumerators(_ j: Int) -> (c0: BigInteger, c1: BigInteger) {
        if let p = support.firstIndex(of: j) { return (BigInteger(0), determinant * BigInteger(signs[p])) }
        return outside.exact(j)
    }

    private var allCorrelationNumerators: [(c0: BigInteger, c1: BigInteger)] { U.indices.map(correlationNumerators) }

    /// κ̃ = Lκ as (numerator, denominator > 0).
    private func scaledKappa(_ kappa: Rational) -> (BigInteger, BigInteger) {
        (kappa.numerator * scale, kappa.denominator)
    }

    /// The formula itself, for a streamed path's reader.
    var numerators: SegmentNumerators { SegmentNumerators(U: U, W: W, scale: scale, determinant: determinant) }

    /// v = dx/d(−κ) = L·W/D.
    var direction: [Rational] { numerators.direction }

    func nextEvent(below kappa: Rational) -> SegmentEnd {
        let (n, q) = scaledKappa(kappa)
        // Candidates are fractions num/den of κ̃. A floating-point filter on log₂ of the
        // magnitudes decides every comparison whose sides differ by more than its error bound;
        // near-ties are decided exactly by cross-multiplication. A Rational is formed only for
        // the winner. Outside the support the logs come from the approximate correlations, with
        // their truncation in the bound; the exact numerators are formed only when needed.
        func logRatio(_ num: BigInteger, _ den: BigInteger) -> (Double, Double) {
            let ln = num.log2Magnitude, ld = den.log2Magnitude
            return (ln - ld, 1e-9 * (2 + Swift.abs(ln) + Swift.abs(ld))) // (value, error bound)
        }
        /// (±num)/den with a positive denominator (minus when `negated`).
        func normalized(_ num: BigInteger, _ den: BigInteger, negated: Bool) -> (BigInteger, BigInteger) {
            let (a, b) = den.signum < 0 ? (-num, -den) : (num, den)
            return negated ? (-a, b) : (a, b)
        }
        let (logKappa, kappaError) = logRatio(n, q)
        var best: (BigInteger, BigInteger)? // (num > 0, den > 0)
        var bestLog = 0.0, bestError = 0.0
        var drops: [Int] = [], joins: [(Int, Int)] = []
        var signs = [Int](repeating: 0, count: U.count)
        for (i, s) in zip(support, self.signs) { signs[i] = s }
        /// Whether a positive crossing, within `error` of 2^l and exactly `crossing()` (numerator,
        /// denominator > 0), lies in (0, κ̃) and is at least the best so far.
        func consider(log l: Double, error: Double, _ crossing: () -> (BigInteger, BigInteger)) -> Bool {
            var exact: (BigInteger, BigInteger)?
            func fraction() -> (BigInteger, BigInteger) {
                if let exact { return exact }
                exact = crossing()
                return exact!
            }
            if l > logKappa + error + kappaError { return false }
            if l >= logKappa - error - kappaError {
                let (a, b) = fraction()
                guard a * q < n * b else { return false }                   // a/b < κ̃
            }
            if let (c, e) = best {
                if l < bestLog - error - bestError { return false }
                if l <= bestLog + error + bestError {
                    let (a, b) = fraction()
                    let lhs = a * e, rhs = c * b
                    if lhs < rhs { return false }
                    if lhs == rhs { return true }
                }
            }
            best = fraction()
            (bestLog, bestError) = (l, error)
            drops = []
            joins = []
            return true
        }
        /// `consider` for the exact crossing (±num)/den (minus when `negated`), den ≠ 0.
        func consider(_ num: BigInteger, _ den: BigInteger, negated: Bool = false) -> Bool {
            guard num.signum * den.signum * (negated ? -1 : 1) > 0 else { return false } // a/b > 0
            let (l, error) = logRatio(num, den)
            return consider(log: l, error: error) { normalized(num, den, negated: negated) }
        }
        var inSupport = [Bool](repeating: false, count: U.count)
        for i in support {
            inSupport[i] = true
            if !W[i].isZero && consider(U[i], W[i]) { drops.append(i) }  // x_i = 0 at κ̃ = U/W
        }
        let truncated = outside.shift > 0
        for j in U.indices where !inSupport[j] {
            // c_j = σκ at κ̃ = σC0/(D − σC1): approximately 2^h·Ĉ0 over 2^h·(D̂ − σĈ1), within
            // 2^h·E and 2^h·(E + 1) (docs/math.md §1).
            var exactNumerators: (c0: BigInteger, c1: BigInteger)?
            func exactC() -> (c0: BigInteger, c1: BigInteger) {
                if exactNumerators == nil { exactNumerators = outside.exact(j) }
                return exactNumerators!
            }
            let error0 = outside.bound[j], c0 = outside.c0[j]
            let error1 = truncated ? error0 + BigInteger(1) : error0
            let numeratorKnown = c0.magnitude > error0 // C0 ≠ 0, with Ĉ0's sign
            for sigma in positive ? [1] : [1, -1] {
                let den = sigma > 0 ? outside.determinant - outside.c1[j] : outside.determinant + outside.c1[j]
                if numeratorKnown && den.magnitude > error1 {
                    guard c0.signum * den.signum * sigma > 0 else { continue }
                    let ln = c0.log2Magnitude, ld = den.log2Magnitude
                    var error = 1e-9 * (2 + Swift.abs(ln) + Swift.abs(ld))
                    if truncated {
                        // |log₂(true/approximate)| ≤ −log₂(1 − ρ) < 1.45ρ for ρ = error/|approximate| ≤ 2⁻²⁰.
                        let rho = (error0.isZero ? 0 : exp2(error0.log2Magnitude - ln)) + exp2(error1.log2Magnitude - ld)
                        if rho <= 0x1p-20 {
                            error += 4 * rho
                        } else {
                            error = .infinity
                        }
                    }
                    if error.isFinite {
                        let crossing = { () -> (BigInteger, BigInteger) in
                            let (C0, C1) = exactC()
                            return normalized(C0, sigma > 0 ? self.determinant - C1 : self.determinant + C1, negated: sigma < 0)
                        }
                        if consider(log: ln - ld, error: error, crossing) { joins.append((j, sigma)) }
                        continue
                    }
                }
                let (C0, C1) = exactC()
                let exactDen = sigma > 0 ? determinant - C1 : determinant + C1
                if !exactDen.isZero {
                    if consider(C0, exactDen, negated: sigma < 0) { joins.append((j, sigma)) }
                } else if C0.isZero {
                    signs[j] = sigma
                }
            }
        }
        guard let (a, b) = best else { return SegmentEnd(kappa: .zero, drops: [], equicorrelationSigns: signs) }
        for (j, s) in joins { signs[j] = s }
        return SegmentEnd(kappa: Rational(a, b * scale), crossing: (a, b), drops: drops, equicorrelationSigns: signs)
    }

    /// x at the end κ̃ = a/b of the event that ended the segment: x = (bU − aW)/(bD). For a drop
    /// (a/b = U_i/W_i) or a join (a/b = ±C0_j/(D ∓ C1_j)) the numerator is divisible by D
    /// (Sylvester's identity: u_l w_i − u_i w_l = D·(a minor of [M̃_SS | r̃_S s_S])), so each
    /// fraction is reduced at half the size. The quotients (bU − aW)/D = b·M̃_SS⁻¹r̃_S − a·M̃_SS⁻¹s_S
    /// are rebuilt from the factorisation's residues, over enough primes for their bound
    /// (|bU_i| + |aW_i|)/D; with too few primes they are divided out exactly, the division
    /// checked. The path's certificate checks the knot against the data either way.
    func solution(atEnd end: SegmentEnd) -> [Rational] {
        guard let (a, b) = end.crossing else { return solution(at: end.kappa) }
        var top = 0
        for i in support { top = Swift.max(top, b.bitWidth + U[i].bitWidth, a.bitWidth + W[i].bitWidth) }
        // |bU_i − aW_i|/D < (2^top + 2^top)/2^(bitWidth(D) − 1).
        if let combination = residues.integerCombination([b, -a], bits: top + 2 - determinant.bitWidth) {
            var quotients = [BigInteger](repeating: BigInteger(0), count: U.count)
            for (position, i) in residues.indices.enumerated() { quotients[i] = combination[position] }
            return Rational.reducing(quotients, over: b)
        }
        var quotients = [BigInteger](repeating: BigInteger(0), count: U.count)
        var indivisible: [(Int, BigInteger)] = []
        for i in U.indices where !(U[i].isZero && W[i].isZero) {
            var t = b * U[i]
            t.subtractProduct(a, W[i])
            let (q, r) = t.quotientAndRemainder(dividingBy: determinant)
            if r.isZero { quotients[i] = q } else { indivisible.append((i, t)) }
        }
        var x = Rational.reducing(quotients, over: b)
        if !indivisible.isEmpty {
            let full = b * determinant
            for (i, t) in indivisible { x[i] = Rational(t, full) }
        }
        return x
    }

    func solution(at kappa: Rational) -> [Rational] {
        let (n, q) = scaledKappa(kappa)
        return Rational.reducing(U.indices.map { i in
            if U[i].isZero && W[i].isZero { return BigInteger(0) }
            var t = q * U[i]
            t.subtractProduct(n, W[i])
            return t
        }, over: q * determinant)
    }

    func correlation(at kappa: Rational) -> [Rational] {
        let (n, q) = scaledKappa(kappa)
        return Rational.reducing(allCorrelationNumerators.map { c in
            var t = q * c.c0
            t.addProduct(n, c.c1)
            return t
        }, over: q * scale * determinant)
    }

    func equicorrelationSigns(at kappa: Rational) -> [Int] {
        let (n, q) = scaledKappa(kappa)
        let bound = n * determinant                                    // κ̃·D·q
        return allCorrelationNumerators.map { c in
            var t = q * c.c0
            t.addProduct(n, c.c1)
            if t == bound { return 1 }
            if !positive && t == -bound { return -1 }
            return 0
        }
    }

    func directionSign(_ j: Int) -> Int { W[j].signum }

    func correlationSlopeExcess(_ i: Int, sign s: Int) -> Int {
        // c¹_i = C1_i / D (D > 0).
        (BigInteger(s) * correlationNumerators(i).c1 - determinant).signum
    }
}
