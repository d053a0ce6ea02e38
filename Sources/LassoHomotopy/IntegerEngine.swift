import ExactArithmetic
import ExactLinearAlgebra
import ModularArithmetic

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

    /// `maximumSupport` bounds |S| for a nonsingular M̃_SS (min(n, d) for data with n rows).
    init(scaled: ScaledProblem, positive: Bool, maximumSupport: Int) {
        self.scaled = scaled
        self.positive = positive
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
        var c0 = scaled.r.map { $0 * det }, c1 = [BigInteger](repeating: BigInteger(0), count: d)
        let inSupport = Set(s)
        for i in s { c0[i] = BigInteger(0); c1[i] = det * BigInteger(signOf[i]!) }
        for j in 0..<d where !inSupport.contains(j) {
            for (p, i) in s.enumerated() {
                let m = scaled.M[j * d + i]
                if m.isZero { continue }
                c0[j].subtractProduct(m, u[p])
                c1[j].addProduct(m, w[p])
            }
        }
        let order = s.indices.sorted { s[$0] < s[$1] }
        return IntegerSegment(
            support: order.map { s[$0] }, signs: order.map { signOf[s[$0]]! },
            scale: scaled.scale, determinant: det, U: U, W: W, C0: c0, C1: c1, positive: positive)
    }
}

/// `SegmentFormula` over one common denominator, in the scaled penalty κ̃ = Lκ:
/// `x(κ) = (U − κ̃ W)/D` and `L·c(κ) = (C0 + κ̃ C1)/D`, D = det(M̃_SS) > 0. Events, knots and
/// equicorrelation tests compare integer cross-products; a `Rational` is formed only for output.
struct IntegerSegment: SegmentFormula {
    let support: [Int]
    let signs: [Int]
    let scale: BigInteger
    let determinant: BigInteger
    let U: [BigInteger]
    let W: [BigInteger]
    let C0: [BigInteger]
    let C1: [BigInteger]
    let positive: Bool

    /// κ̃ = Lκ as (numerator, denominator > 0).
    private func scaledKappa(_ kappa: Rational) -> (BigInteger, BigInteger) {
        (kappa.numerator * scale, kappa.denominator)
    }

    /// v = dx/d(−κ) = L·W/D.
    var direction: [Rational] {
        W.map { $0.isZero ? .zero : Rational($0 * scale, determinant) }
    }

    func nextEvent(below kappa: Rational) -> SegmentEnd {
        let (n, q) = scaledKappa(kappa)
        // Candidates are fractions num/den of κ̃. A floating-point filter on log₂ of the
        // magnitudes decides every comparison whose sides differ by more than its error bound;
        // near-ties are decided exactly by cross-multiplication. A Rational is formed only for
        // the winner.
        func logRatio(_ num: BigInteger, _ den: BigInteger) -> (Double, Double) {
            let ln = num.log2Magnitude, ld = den.log2Magnitude
            return (ln - ld, 1e-9 * (2 + Swift.abs(ln) + Swift.abs(ld))) // (value, error bound)
        }
        let (logKappa, kappaError) = logRatio(n, q)
        var best: (BigInteger, BigInteger)? // (num > 0, den > 0)
        var bestLog = 0.0, bestError = 0.0
        var drops: [Int] = [], joins: [(Int, Int)] = []
        var signs = [Int](repeating: 0, count: U.count)
        for (i, s) in zip(support, self.signs) { signs[i] = s }
        /// Whether (±num)/den (minus when `negated`) lies in (0, κ̃) and is at least the best so far.
        func consider(_ num: BigInteger, _ den: BigInteger, negated: Bool = false) -> Bool {
            guard num.signum * den.signum * (negated ? -1 : 1) > 0 else { return false } // a/b > 0
            let (l, error) = logRatio(num, den)
            var exact: (BigInteger, BigInteger)?
            func fraction() -> (BigInteger, BigInteger) {
                if let exact { return exact }
                let (a, b) = den.signum < 0 ? (-num, -den) : (num, den)
                exact = negated ? (-a, b) : (a, b)
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
        var inSupport = [Bool](repeating: false, count: U.count)
        for i in support {
            inSupport[i] = true
            if !W[i].isZero && consider(U[i], W[i]) { drops.append(i) }  // x_i = 0 at κ̃ = U/W
        }
        for j in U.indices where !inSupport[j] {
            let up = determinant - C1[j]                                  // c_j = κ
            if !up.isZero { if consider(C0[j], up) { joins.append((j, 1)) } } else if C0[j].isZero { signs[j] = 1 }
            if positive { continue }
            let down = determinant + C1[j]                                // c_j = −κ
            if !down.isZero { if consider(C0[j], down, negated: true) { joins.append((j, -1)) } } else if C0[j].isZero { signs[j] = -1 }
        }
        guard let (a, b) = best else { return SegmentEnd(kappa: .zero, drops: [], equicorrelationSigns: signs) }
        for (j, s) in joins { signs[j] = s }
        return SegmentEnd(kappa: Rational(a, b * scale), crossing: (a, b), drops: drops, equicorrelationSigns: signs)
    }

    /// x at the end κ̃ = a/b of the event that ended the segment: x = (bU − aW)/(bD). For a drop
    /// (a/b = U_i/W_i) or a join (a/b = ±C0_j/(D ∓ C1_j)) the numerator is divisible by D
    /// (Sylvester's identity: u_l w_i − u_i w_l = D·(a minor of [M̃_SS | r̃_S s_S])), so each
    /// fraction is reduced at half the size; the division is checked, never assumed.
    func solution(atEnd end: SegmentEnd) -> [Rational] {
        guard let (a, b) = end.crossing else { return solution(at: end.kappa) }
        let full = b * determinant
        return U.indices.map { i in
            if U[i].isZero && W[i].isZero { return .zero }
            var t = b * U[i]
            t.subtractProduct(a, W[i])
            let (q, r) = t.quotientAndRemainder(dividingBy: determinant)
            return r.isZero ? Rational(q, b) : Rational(t, full)
        }
    }

    func solution(at kappa: Rational) -> [Rational] {
        let (n, q) = scaledKappa(kappa)
        let den = q * determinant
        return U.indices.map { i in
            if U[i].isZero && W[i].isZero { return .zero }
            var t = q * U[i]
            t.subtractProduct(n, W[i])
            return Rational(t, den)
        }
    }

    func correlation(at kappa: Rational) -> [Rational] {
        let (n, q) = scaledKappa(kappa)
        let den = q * scale * determinant
        return C0.indices.map { j in
            var t = q * C0[j]
            t.addProduct(n, C1[j])
            return Rational(t, den)
        }
    }

    func equicorrelationSigns(at kappa: Rational) -> [Int] {
        let (n, q) = scaledKappa(kappa)
        let bound = n * determinant                                    // κ̃·D·q
        return C0.indices.map { j in
            var t = q * C0[j]
            t.addProduct(n, C1[j])
            if t == bound { return 1 }
            if !positive && t == -bound { return -1 }
            return 0
        }
    }

    func directionSign(_ j: Int) -> Int { W[j].signum }

    func correlationSlopeExcess(_ i: Int, sign s: Int) -> Int {
        // c¹_i = C1_i / D (D > 0).
        (BigInteger(s) * C1[i] - determinant).signum
    }
}
