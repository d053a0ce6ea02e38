#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CGMP
import JSONFormat

/// The decimal digits of the exact quotients D/g of one positive integer D by words g that divide
/// it, each from D's digits by one short division: O(n) word divisions in base 10¹⁹, where a
/// fresh radix conversion (GMP's `mpz_get_str`) costs several full-length multiplications.
///
/// Why: a saddle's q_i = Q_i/D reduce to denominators D/g_i with small g_i (tens of distinct ones
/// per saddle on a Gaussian design, for a D of up to 300,000 bits), and converting each of them
/// to decimal was a quarter of the cost of writing `limit --json`.
public struct DecimalQuotients {
    /// D in base 10¹⁹, most significant limb first; every limb < 10¹⁹.
    private let limbs: [UInt64]
    /// The digits of D/g for the g asked for so far (at most `cacheLimit` of them).
    private var cache: [UInt: [UInt8]] = [:]
    private static let cacheLimit = 256
    private static let base: UInt64 = 10_000_000_000_000_000_000
    private static let digitsPerLimb = 19

    /// D > 0.
    public init(_ d: BigInteger) {
        precondition(d.signum > 0, "DecimalQuotients of a non-positive number")
        let size = dln_mpz_sizeinbase(d.storage.ptr, 10) + 2
        limbs = withUnsafeTemporaryAllocation(of: CChar.self, capacity: size) { buffer in
            _ = dln_mpz_get_str(buffer.baseAddress, 10, d.storage.ptr)
            let count = strlen(buffer.baseAddress!)
            return buffer.withMemoryRebound(to: UInt8.self) { text in
                DecimalQuotients.limbs(of: UnsafeBufferPointer(rebasing: text[..<count]))
            }
        }
    }

    /// Decimal digits (most significant first, no leading zero) as base-10¹⁹ limbs.
    private static func limbs(of text: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        let head = text.count % digitsPerLimb
        var result: [UInt64] = []
        result.reserveCapacity(text.count / digitsPerLimb + 1)
        var start = 0
        if head > 0 {
            result.append(value(text, start, head))
            start = head
        }
        while start < text.count {
            result.append(value(text, start, digitsPerLimb))
            start += digitsPerLimb
        }
        return result
    }

    private static func value(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt64 {
        var v: UInt64 = 0
        for k in start..<(start + count) { v = v &* 10 &+ UInt64(text[k] &- UInt8(ascii: "0")) }
        return v
    }

    /// The decimal digits of D/g, for a word g ≥ 1 that divides D (a precondition, checked: the
    /// short division must leave no remainder).
    public mutating func digits(dividedBy g: UInt) -> [UInt8] {
        if let held = cache[g] { return held }
        let text = quotientDigits(g)
        if cache.count < DecimalQuotients.cacheLimit { cache[g] = text }
        return text
    }

    private func quotientDigits(_ g: UInt) -> [UInt8] {
        precondition(g > 0, "DecimalQuotients: division by zero")
        let divisor = UInt64(g)
        var remainder: UInt64 = 0
        var quotient = [UInt64](repeating: 0, count: limbs.count)
        for (k, limb) in limbs.enumerated() {
            // remainder·10¹⁹ + limb < g·10¹⁹, so the quotient limb is < 10¹⁹ (fits a word).
            let product = remainder.multipliedFullWidth(by: DecimalQuotients.base)
            let (low, carry) = product.low.addingReportingOverflow(limb)
            let high = product.high &+ (carry ? 1 : 0)
            (quotient[k], remainder) = divisor.dividingFullWidth((high: high, low: low))
        }
        precondition(remainder == 0, "DecimalQuotients: the divisor does not divide the number")
        return DecimalQuotients.text(of: quotient)
    }

    /// Base-10¹⁹ limbs (most significant first) as decimal digits without leading zeros ("0" for zero).
    private static func text(of limbs: [UInt64]) -> [UInt8] {
        guard let first = limbs.firstIndex(where: { $0 != 0 }) else { return [UInt8(ascii: "0")] }
        var leading = 1, bound: UInt64 = 10
        while leading < digitsPerLimb && limbs[first] >= bound { leading += 1; bound &*= 10 }
        let count = leading + (limbs.count - 1 - first) * digitsPerLimb
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, written in
            var end = count
            for k in stride(from: limbs.count - 1, through: first, by: -1) {
                var v = limbs[k]
                let width = k == first ? leading : digitsPerLimb
                for position in stride(from: end - 1, through: end - width, by: -1) {
                    buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
                    v /= 10
                }
                end -= width
            }
            written = count
        }
    }
}

extension BigInteger {
    /// Appends the decimal text of self (a minus sign when negative), `description`'s bytes,
    /// without making a string.
    public func appendDecimal(to out: inout JSONOutput) {
        let capacity = dln_mpz_sizeinbase(storage.ptr, 10) + 2
        out.appendBytes(capacity: capacity) { buffer in
            buffer.withMemoryRebound(to: CChar.self, capacity: capacity) { chars in
                _ = dln_mpz_get_str(chars, 10, storage.ptr)
                return strlen(chars)
            }
        }
    }
}
