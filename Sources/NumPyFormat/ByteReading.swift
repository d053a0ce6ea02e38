/// Bounds-checked fixed-width integer loads from a byte array.
/// Callers check that `offset + width <= bytes.count` before calling;
/// these helpers only assemble the bytes.
extension Array where Element == UInt8 {
    /// Unsigned little- or big-endian integer of `width` bytes (1...8) at `offset`.
    func loadUInt(at offset: Int, width: Int, bigEndian: Bool = false) -> UInt64 {
        var value: UInt64 = 0
        for k in 0..<width {
            let byte = UInt64(self[offset + k])
            if bigEndian {
                value = value << 8 | byte
            } else {
                value |= byte << (8 * UInt64(k))
            }
        }
        return value
    }

    func u16(_ offset: Int) -> Int { Int(loadUInt(at: offset, width: 2)) }
    func u32(_ offset: Int) -> UInt64 { loadUInt(at: offset, width: 4) }
    func u64(_ offset: Int) -> UInt64 { loadUInt(at: offset, width: 8) }

    /// Whether `count` bytes starting at `offset` exist (no overflow for hostile values).
    func has(_ count: Int, at offset: Int) -> Bool {
        offset >= 0 && count >= 0 && offset <= self.count && count <= self.count - offset
    }

    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        for k in 0..<(T.bitWidth / 8) { append(UInt8(truncatingIfNeeded: value >> (8 * k))) }
    }
}
