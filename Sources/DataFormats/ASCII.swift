/// Whether `byte` is an ASCII decimal digit (the JSON and NPY-header parsers share it).
@inlinable @inline(__always) package func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}
