import CGMP

extension BigInteger: Equatable, Comparable {
    public static func == (a: BigInteger, b: BigInteger) -> Bool { dln_mpz_cmp(a.storage.ptr, b.storage.ptr) == 0 }
    public static func < (a: BigInteger, b: BigInteger) -> Bool { dln_mpz_cmp(a.storage.ptr, b.storage.ptr) < 0 }
}

extension BigInteger: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(signum)
        let n = dln_mpz_size(storage.ptr)
        for i in 0..<n { hasher.combine(dln_mpz_getlimbn(storage.ptr, i)) }
    }
}

extension BigInteger: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigInteger: CustomStringConvertible, LosslessStringConvertible {
    /// Decimal digits with a leading '-' when negative.
    public var description: String {
        let size = dln_mpz_sizeinbase(storage.ptr, 10) + 2
        var buffer = [CChar](repeating: 0, count: size)
        return buffer.withUnsafeMutableBufferPointer { buf in
            _ = dln_mpz_get_str(buf.baseAddress, 10, storage.ptr)
            return String(cString: buf.baseAddress!)
        }
    }

    public init?(_ description: String) { self.init(decimalDigits: description) }
}
