import CGMP
import JSONFormat
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Rational: Equatable, Comparable {
    @inlinable public static func == (a: Rational, b: Rational) -> Bool {
        switch (a.representation, b.representation) {
        case (.small(let p, let q), .small(let r, let s)): return p == r && q == s
        case (.wide(let x), .wide(let y)): return x == y
        case (.big(let x), .big(let y)): return dln_mpq_equal(x.ptr, y.ptr) != 0
        default: return false // canonical: each value has one representation
        }
    }

    @inlinable public static func < (a: Rational, b: Rational) -> Bool {
        if case .small(let p, let q) = a.representation, case .small(let r, let s) = b.representation {
            if q == s { return p < r }
            // p/q < r/s ⇔ p·s < r·q (q, s > 0), compared in 128 bits.
            let left = p.multipliedFullWidth(by: s), right = r.multipliedFullWidth(by: q)
            return left.high < right.high || (left.high == right.high && left.low < right.low)
        }
        if let x = a.wideFraction, let y = b.wideFraction { return wideLess(x, y) }
        return a.withMPQ { pa in b.withMPQ { pb in dln_mpq_cmp(pa, pb) < 0 } }
    }
}

extension Rational: Hashable {
    public func hash(into hasher: inout Hasher) {
        switch representation {
        case .small(let n, let d):
            hasher.combine(n)
            hasher.combine(d)
        case .wide(let w):
            hasher.combine(w.negative)
            hasher.combine(w.numeratorLow)
            hasher.combine(w.numeratorHigh)
            hasher.combine(w.denominatorLow)
            hasher.combine(w.denominatorHigh)
        case .big:
            hasher.combine(numerator)
            hasher.combine(denominator)
        }
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Rational: CustomStringConvertible, LosslessStringConvertible {
    /// The exact machine form: `"p/q"` reduced with q > 0, or `"p"` when q = 1.
    public var description: String {
        switch representation {
        case .small(let n, let d): return d == 1 ? String(n) : "\(n)/\(d)"
        case .wide(let w):
            return String(unsafeUninitializedCapacity: 80) { w.writeDescription(into: $0.baseAddress!) }
        case .big(let storage):
            // One call writes "p/q" (or "p"), straight into the string: no copies of p and q.
            let q = UnsafePointer(storage.ptr)
            let size = dln_mpz_sizeinbase(dln_mpq_numref_const(q), 10) + dln_mpz_sizeinbase(dln_mpq_denref_const(q), 10) + 3
            return String(unsafeUninitializedCapacity: size) { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    _ = dln_mpq_get_str(chars.baseAddress, 10, q)
                    return strlen(chars.baseAddress!)
                }
            }
        }
    }

    /// Appends `description`'s bytes to `out` without making the string.
    func appendDescription(to out: inout JSONOutput) {
        switch representation {
        case .small(let n, let d):
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
                let count = writeSmallDescription(n, d, into: buffer.baseAddress!)
                out.append(bytes: UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        case .wide(let w):
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { buffer in
                let count = w.writeDescription(into: buffer.baseAddress!)
                out.append(bytes: UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        case .big(let storage):
            let q = UnsafePointer(storage.ptr)
            let size = dln_mpz_sizeinbase(dln_mpq_numref_const(q), 10) + dln_mpz_sizeinbase(dln_mpq_denref_const(q), 10) + 3
            out.appendBytes(capacity: size) { buffer in
                buffer.withMemoryRebound(to: CChar.self, capacity: size) { chars in
                    _ = dln_mpq_get_str(chars, 10, q)
                    return strlen(chars)
                }
            }
        }
    }

    /// The last few distinct denominators `appendDescription(to:reusing:)` wrote, with their
    /// decimal digits (most recent first): a vector's fractions mostly share a handful of
    /// denominators (q's D divided by small factors), in any order.
    struct DenominatorDigits {
        private var entries: [(value: MPQStorage, digits: [UInt8])] = []
        private static let capacity = 32

        /// The digits of `denominator` if it is one of the recent ones.
        fileprivate func digits(of denominator: mpz_srcptr?) -> [UInt8]? {
            entries.first { dln_mpz_cmp(dln_mpq_denref_const(UnsafePointer($0.value.ptr)), denominator) == 0 }?.digits
        }

        /// Keeps the denominator of `value` with its digits (the oldest one goes when full).
        fileprivate mutating func remember(_ value: MPQStorage, _ digits: [UInt8]) {
            if entries.count == DenominatorDigits.capacity { entries.removeLast() }
            entries.insert((value, digits), at: 0)
        }
    }

    /// `appendDescription(to:)`, converting the denominator to decimal only when it is none of
    /// those recently written through `recent` (the digits are copied otherwise).
    func appendDescription(to out: inout JSONOutput, reusing recent: inout DenominatorDigits) {
        guard case .big(let storage) = representation else { return appendDescription(to: &out) }
        let q = UnsafePointer(storage.ptr)
        let numerator = dln_mpq_numref_const(q), denominator = dln_mpq_denref_const(q)
        if dln_mpz_sizeinbase(denominator, 2) == 1 { return appendDescription(to: &out) } // an integer
        out.appendBytes(capacity: dln_mpz_sizeinbase(numerator, 10) + 2) { buffer in
            buffer.withMemoryRebound(to: CChar.self, capacity: dln_mpz_sizeinbase(numerator, 10) + 2) { chars in
                _ = dln_mpz_get_str(chars, 10, numerator)
                return strlen(chars)
            }
        }
        out.appendByte(UInt8(ascii: "/"))
        if let held = recent.digits(of: denominator) {
            held.withUnsafeBufferPointer { out.append(bytes: $0) }
            return
        }
        let size = dln_mpz_sizeinbase(denominator, 10) + 1
        let digits = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                _ = dln_mpz_get_str(chars.baseAddress, 10, denominator)
                count = strlen(chars.baseAddress!)
            }
        }
        recent.remember(storage, digits)
        digits.withUnsafeBufferPointer { out.append(bytes: $0) }
    }

    /// At most how many bytes `writeQuoted` writes: quotes, sign, "/" and GMP's terminating NUL.
    var quotedTextCapacity: Int {
        switch representation {
        case .small: return 44
        case .wide: return 84
        case .big(let storage):
            let q = UnsafePointer(storage.ptr)
            return dln_mpz_sizeinbase(dln_mpq_numref_const(q), 10) + dln_mpz_sizeinbase(dln_mpq_denref_const(q), 10) + 5
        }
    }

    /// `"p/q"` through `cursor` (room for `quotedTextCapacity`), the denominator's digits
    /// copied from `last` when it recurs (`appendDescription(to:reusing:)`'s bytes).
    func writeQuoted(to cursor: inout JSONCursor, reusing last: inout DenominatorDigits) {
        cursor.byte(UInt8(ascii: "\""))
        switch representation {
        case .small(let n, let d):
            cursor.position += writeSmallDescription(n, d, into: cursor.position)
        case .wide(let w):
            cursor.position += w.writeDescription(into: cursor.position)
        case .big(let storage):
            let q = UnsafePointer(storage.ptr)
            let numerator = dln_mpq_numref_const(q), denominator = dln_mpq_denref_const(q)
            cursor.position += Rational.writeDigits(numerator, into: cursor.position)
            if dln_mpz_sizeinbase(denominator, 2) > 1 { // not an integer
                cursor.byte(UInt8(ascii: "/"))
                if let held = last.digits(of: denominator) {
                    held.withUnsafeBufferPointer { cursor.position.update(from: $0.baseAddress!, count: $0.count) }
                    cursor.position += held.count
                } else {
                    let start = cursor.position
                    cursor.position += Rational.writeDigits(denominator, into: start)
                    last.remember(storage, Array(UnsafeBufferPointer(start: start, count: cursor.position - start)))
                }
            }
        }
        cursor.byte(UInt8(ascii: "\""))
    }

    /// The decimal text of an mpz into `buffer` (room for sizeinbase 10 + 2); returns its length.
    private static func writeDigits(_ z: mpz_srcptr?, into buffer: UnsafeMutablePointer<UInt8>) -> Int {
        buffer.withMemoryRebound(to: CChar.self, capacity: dln_mpz_sizeinbase(z, 10) + 2) { chars in
            _ = dln_mpz_get_str(chars, 10, z)
            return strlen(chars)
        }
    }

    /// Parses any form accepted by `Rational(parsing:)`.
    public init?(_ description: String) {
        guard let value = try? Rational(parsing: description) else { return nil }
        self = value
    }
}

extension Rational: Codable {
    /// Encoded as the exact string `"p/q"`, never as a JSON number.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try Rational(parsing: text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
