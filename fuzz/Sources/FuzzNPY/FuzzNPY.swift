import NumPyFormat
import FuzzSupport

/// `.npy` reader: any bytes either parse or throw `DataFormatError`; a parsed array has as
/// many elements as its shape says.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNPY(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let array = try? NPYArray.parse(bytes: FuzzDriver.bytes(data, size)) else { return 0 }
    FuzzDriver.require(array.elements.count == array.shape.reduce(1, *), "element count \(array.elements.count) for shape \(array.shape)")
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzzNPY) }
}
