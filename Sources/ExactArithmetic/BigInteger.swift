import CGMP

/// An arbitrary-precision integer backed by GMP's `mpz_t`, with value semantics.
///
/// Numerical contract: every operation is exact; division comes in the two flavours named by
/// their rounding (`quotientAndRemainder` truncates like Swift's `/`, `floorDivided` floors).
public struct BigInteger: Sendable {
    @usableFromInline var storage: MPZStorage

    @usableFromInline init(storage: MPZStorage) { self.storage = storage }

    public init(_ value: Int) { storage = MPZStorage.make(value) }

    /// Parses an optionally signed string of decimal digits; nil on anything else.
    public init?(decimalDigits text: some StringProtocol) {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let s = MPZStorage.make()
        let ok = String(body).withCString { dln_mpz_set_str(s.ptr, $0, 10) }
        guard ok == 0 else { return nil }
        if negative { dln_mpz_neg(s.ptr, s.ptr) }
        storage = s
    }

    /// The value as an `Int` when it fits, else nil.
    public var intValue: Int? {
        dln_mpz_fits_slong_p(storage.ptr) != 0 ? dln_mpz_get_si(storage.ptr) : nil
    }

    /// -1, 0 or 1.
    public var signum: Int { Int(dln_mpz_sgn(storage.ptr)) }

    public var isZero: Bool { signum == 0 }

    /// Number of bits of |self| (0 for zero).
    public var bitWidth: Int { isZero ? 0 : dln_mpz_sizeinbase(storage.ptr, 2) }

    /// Makes `storage` unique before an in-place update.
    @inlinable mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage.object) { storage = storage.copy() }
    }

    @inlinable static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInteger {
        let s = MPZStorage.make()
        body(s.ptr)
        return BigInteger(storage: s)
    }
}
