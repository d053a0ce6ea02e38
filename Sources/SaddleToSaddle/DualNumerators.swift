import ExactArithmetic
import Foundation
import JSONFormat

/// The dual q over one common denominator, q_i = numerators[i] / denominator (denominator > 0,
/// not reduced): the event loop's working form (docs/math.md §3).
///
/// Why: q_i + Δ·c_i compounds denominators, so reduced q_i are as long as the saddle time s, and
/// keeping each one reduced costs full-length gcds per coordinate per saddle. Over one
/// denominator the update is two products per coordinate, one of them by an integer as short as
/// one face solution, and removing the common factor is the only full-length gcd per saddle.
/// Coordinates are reduced only when read (`Saddle.q`). Exact: every value equals the reduced q it stands for.
struct DualNumerators: Sendable {
    var numerators: [BigInteger]
    var denominator: BigInteger

    /// q = 0 in dimension d.
    init(zeros d: Int) {
        numerators = [BigInteger](repeating: BigInteger(0), count: d)
        denominator = BigInteger(1)
    }

    /// The integer B = b·denominator, for b whose denominator divides this one.
    func scaled(_ b: Rational) -> BigInteger { b.integer(over: denominator) }

    /// q + Δ·c with q_i = ±b exactly where x_i ≠ 0 (there c_i = λwd·σ_i keeps q_i on the box),
    /// for Δ = g·L·w/(D·ρ) as `nextEvent` finds it (L = c's denominator, λwd = a/w): then
    /// Δ·c_i = g·w·C_i/(D·ρ), so over D' = D·ρ (times what b's denominator still needs) the
    /// numerators are Q_i·ρ + g·w·C_i, products only; the factor D' overshoots the least common
    /// denominator by is removed once (`removeContent`).
    func advanced(gap g: BigInteger, rate rho: BigInteger, weightDecayDenominator w: BigInteger,
                  velocity c: Velocity, x: [Rational], bound b: Rational) -> DualNumerators {
        var d = denominator * rho, extra = BigInteger(1)
        if !b.isInteger {
            extra = b.denominator.dividedExactly(by: BigInteger.gcd(d, b.denominator))
            d *= extra
        }
        let growth = rho * extra, step = g * w * extra
        var next = self
        next.denominator = d
        let onBox = next.scaled(b), below = -onBox
        for i in numerators.indices {
            if !x[i].isZero {
                next.numerators[i] = x[i].signum > 0 ? onBox : below
            } else if c.numerators[i].isZero {
                if !numerators[i].isZero { next.numerators[i] = numerators[i] * growth }
            } else {
                var v = numerators[i] * growth
                v.addProduct(step, c.numerators[i])
                next.numerators[i] = v
            }
        }
        next.removeContent(onBox: onBox)
        return next
    }

    /// Divides the denominator and every numerator by their common factor h, so that the
    /// denominator is the least common one (the lcm above overshoots it by about a face
    /// solution's length per saddle, and the excess would compound). One full-length gcd, of D
    /// with a combination Σ (j+1)·Q_j of the numerators inside the box, gives a multiple of h
    /// (usually h itself); each numerator is then divided with remainder, and a nonzero remainder
    /// shrinks the candidate (gcd with it; the quotients so far are rescaled). Box coordinates,
    /// ±b·D, share one value.
    mutating func removeContent(onBox: BigInteger) {
        let below = -onBox
        let isInside = numerators.map { !$0.isZero && $0 != onBox && $0 != below }
        let inside = numerators.indices.filter { isInside[$0] }
        var combination = BigInteger(0)
        for (j, i) in inside.enumerated() { combination.addProduct(BigInteger(j + 1), numerators[i]) }
        var h = BigInteger.gcd(denominator, combination)
        if !onBox.isZero { h = BigInteger.gcd(h, onBox) }
        var quotients: [BigInteger] = []
        quotients.reserveCapacity(inside.count)
        for i in inside where h != BigInteger(1) {
            let (quotient, remainder) = numerators[i].quotientAndRemainder(dividingBy: h)
            if remainder.isZero { quotients.append(quotient); continue }
            let smaller = BigInteger.gcd(h, remainder), factor = h.dividedExactly(by: smaller)
            for a in quotients.indices { quotients[a] *= factor }
            h = smaller
            quotients.append(numerators[i].dividedExactly(by: h))
        }
        var up = onBox
        if h != BigInteger(1) {
            denominator = denominator.dividedExactly(by: h)
            for (a, i) in inside.enumerated() { numerators[i] = quotients[a] }
            up = onBox.dividedExactly(by: h)
        }
        let down = -up
        for i in numerators.indices where !numerators[i].isZero && !isInside[i] {
            numerators[i] = numerators[i].signum > 0 ? up : down
        }
    }

    /// q_i as a reduced rational (one gcd).
    func value(_ i: Int) -> Rational {
        numerators[i].isZero ? .zero : Rational(numerators[i], denominator)
    }
}

/// The velocity c = r − Mx over one common denominator with no common factor (numerators and
/// denominator coprime as a whole), so that the dual's denominator grows no more than it must.
struct Velocity: Sendable {
    let numerators: [BigInteger]
    let denominator: BigInteger

    init(numerators: [BigInteger], denominator: BigInteger) {
        var g = denominator
        for n in numerators where !n.isZero {
            if g == BigInteger(1) { break }
            g = BigInteger.gcd(g, n)
        }
        if g == BigInteger(1) {
            self.numerators = numerators
            self.denominator = denominator
        } else {
            self.numerators = numerators.map { $0.isZero ? $0 : $0.dividedExactly(by: g) }
            self.denominator = denominator.dividedExactly(by: g)
        }
    }

    /// From reduced rationals: over their least common denominator.
    init(_ c: [Rational]) {
        let l = c.leastCommonDenominator
        numerators = c.integers(over: l)
        denominator = l
    }
}

/// A saddle's q: held over the loop's common denominator until first read, then reduced once
/// (coordinates on the box, q_i = ±b, without a gcd) and kept reduced (thread-safe). The factors
/// g_i = gcd(Q_i, D) that reduce it are found once (one product modulo D and a gcd:
/// `Rational.sharedFactors`; a second reader waits for them) and kept beside the integer form: a
/// few words per coordinate.
final class DualValues: @unchecked Sendable {
    private enum State {
        case integer(DualNumerators, bound: Rational)
        case reduced([Rational])
    }
    private enum Factors {
        case unknown
        case finding
        /// g_i for the coordinates strictly inside the box and nonzero (`Inside.indices`).
        case found([BigInteger])
    }
    private let condition = NSCondition()
    private var state: State
    private var factors = Factors.unknown

    init(reduced q: [Rational]) { state = .reduced(q) }
    init(_ q: DualNumerators, bound b: Rational) { state = .integer(q, bound: b) }

    var values: [Rational] {
        guard let (dual, b, factors) = integerWithFactors() else { return reducedValues! }
        let q = DualValues.reduced(dual, bound: b, factors: factors)
        condition.lock()
        state = .reduced(q)
        self.factors = .unknown
        condition.unlock()
        return q
    }

    /// `values` without keeping them: for a reader that needs them once, so that memory does not
    /// grow by a reduced copy of every saddle's q.
    var valuesOnce: [Rational] {
        guard let (dual, b, factors) = integerWithFactors() else { return reducedValues! }
        return DualValues.reduced(dual, bound: b, factors: factors)
    }

    private var reducedValues: [Rational]? {
        condition.lock()
        defer { condition.unlock() }
        if case .reduced(let q) = state { return q }
        return nil
    }

    private func found(_ g: [BigInteger]) {
        condition.lock()
        factors = .found(g)
        condition.broadcast()
        condition.unlock()
    }

    /// The integer form and its factors (found here, or waited for while another thread finds
    /// them); nil once q is reduced.
    private func integerWithFactors() -> (DualNumerators, Rational, [BigInteger])? {
        condition.lock()
        while true {
            guard case let .integer(dual, b) = state else { condition.unlock(); return nil }
            switch factors {
            case .found(let g):
                condition.unlock()
                return (dual, b, g)
            case .finding:
                condition.wait()
            case .unknown:
                factors = .finding
                condition.unlock()
                let g = Inside(dual, bound: b).factors
                found(g)
                return (dual, b, g)
            }
        }
    }

    /// The coordinates of Q strictly inside the box and nonzero, which need reducing; the others
    /// are ±b or 0.
    private struct Inside {
        let dual: DualNumerators
        let onBox: BigInteger
        let indices: [Int]

        init(_ dual: DualNumerators, bound b: Rational) {
            self.dual = dual
            onBox = dual.scaled(b)
            let below = -onBox, onBox = onBox
            indices = dual.numerators.indices.filter { !dual.numerators[$0].isZero && dual.numerators[$0] != onBox && dual.numerators[$0] != below }
        }

        var factors: [BigInteger] { Rational.sharedFactors(indices.map { dual.numerators[$0] }, over: dual.denominator) }

        /// The factor of each coordinate (nil: ±b or 0) from those of `indices`.
        func spread(_ factors: [BigInteger]) -> [BigInteger?] {
            var all = [BigInteger?](repeating: nil, count: dual.numerators.count)
            for (j, i) in indices.enumerated() { all[i] = factors[j] }
            return all
        }

        /// q_i for a coordinate that needs no reducing.
        func boundValue(_ i: Int, _ b: Rational) -> Rational {
            let n = dual.numerators[i]
            return n.isZero ? .zero : n == onBox ? b : -b
        }
    }

    private static func reduced(_ dual: DualNumerators, bound b: Rational, factors: [BigInteger]) -> [Rational] {
        let inside = Inside(dual, bound: b)
        let reduced = Rational.reducing(inside.indices.map { dual.numerators[$0] }, over: dual.denominator, factors: factors)
        var q = dual.numerators.indices.map { inside.boundValue($0, b) }
        for (j, i) in inside.indices.enumerated() { q[i] = reduced[j] }
        return q
    }

    /// Writes `ExactJSON.exactStrings.append(values, to:indent:)`'s bytes without forming the
    /// reduced values: q_i = Q_i/D in lowest terms is (Q_i/g_i)/(D/g_i) with g_i = gcd(Q_i, D)
    /// (`Rational.sharedFactors`, or as prepared), and the digits of every D/g_i with g_i a word
    /// come from D's digits by a short division (`DecimalQuotients`) instead of a conversion
    /// each. Coordinates on the box are ±b. Nothing is kept (memory stays that of the integer form).
    func appendExactJSON(to out: inout JSONOutput, indent: Int) {
        guard let (dual, b, factors) = integerWithFactors() else { return ExactJSON.exactStrings.append(values, to: &out, indent: indent) }
        let inside = Inside(dual, bound: b), d = dual.denominator
        let factor = inside.spread(factors)
        var digits = DecimalQuotients(d)
        var wide: [BigInteger: [UInt8]] = [:] // D/g for the g beyond a word
        let quote = UInt8(ascii: "\"")
        out.appendScalarArray(count: dual.numerators.count, indent: indent) { i, out in
            guard let g = factor[i] else { return ExactJSON.exactStrings.append(inside.boundValue(i, b), to: &out) }
            let n = dual.numerators[i]
            out.appendByte(quote)
            let denominator: [UInt8]
            if let word = g.intValue {
                (g.bitWidth == 1 ? n : n.dividedExactly(byWord: UInt(word))).appendDecimal(to: &out)
                denominator = digits.digits(dividedBy: UInt(word))
            } else {
                n.dividedExactly(by: g).appendDecimal(to: &out)
                if let held = wide[g] {
                    denominator = held
                } else {
                    denominator = Array(d.dividedExactly(by: g).description.utf8)
                    wide[g] = denominator
                }
            }
            if denominator.count != 1 || denominator[0] != UInt8(ascii: "1") {
                out.appendByte(UInt8(ascii: "/"))
                denominator.withUnsafeBufferPointer { out.append(bytes: $0) }
            }
            out.appendByte(quote)
        }
    }

    /// The common-denominator form while it is still held (before the first read of `values`).
    var integerForm: (numerators: [BigInteger], denominator: BigInteger)? {
        condition.lock()
        defer { condition.unlock() }
        if case let .integer(dual, _) = state { return (dual.numerators, dual.denominator) }
        return nil
    }
}
