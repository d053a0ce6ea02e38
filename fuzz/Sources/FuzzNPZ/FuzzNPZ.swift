import DataFormats
import FuzzSupport

/// `.npz` reader (ZIP, inflate, CRC-32, then `.npy` per member): any bytes either parse or throw
/// `DataFormatError`; every parsed member has as many elements as its shape says.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNPZ(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let members = try? NPZArchive.parse(bytes: FuzzDriver.bytes(data, size)) else { return 0 }
    for (name, array) in members {
        FuzzDriver.require(array.elements.count == array.shape.reduce(1, *), "member \(name): element count for shape \(array.shape)")
    }
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzzNPZ) }
}
