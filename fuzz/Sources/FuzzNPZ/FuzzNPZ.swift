import NumPyFormat
import FuzzSupport

/// `.npz` reader (ZIP directory, zlib stream inflate under a size cap, CRC-32, then `.npy` per
/// member): any bytes either parse or throw `DataFormatError`; every parsed member has as many
/// elements as its shape says, and reading one member alone gives the same array.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNPZ(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzDriver.bytes(data, size)
    guard let members = try? NPZArchive.parse(bytes: bytes) else { return 0 }
    for (name, array) in members {
        FuzzDriver.require(array.elements.count == array.shape.reduce(1, *), "member \(name): element count for shape \(array.shape)")
        let alone = try? NPZArchive(bytes: bytes).arrays(named: [name])[name]
        FuzzDriver.require(alone.map { "\($0)" } == "\(array)", "member \(name) read alone differs") // NaN ≠ NaN, so compare text
    }
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzzNPZ) }
}
