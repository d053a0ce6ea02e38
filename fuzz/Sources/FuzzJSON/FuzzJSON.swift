import JSONFormat
import FuzzSupport

/// JSON reader: any bytes either parse or throw `DataFormatError`; a parsed document written
/// back (compact and pretty) parses to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let value = try? JSONValue.parse(utf8: FuzzDriver.bytes(data, size)) else { return 0 }
    for pretty in [false, true] {
        let text = value.serialized(pretty: pretty)
        let again = try? JSONValue.parse(text)
        FuzzDriver.require(again == value, "JSON round trip changed the document: \(text.prefix(200))")
    }
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzzJSON) }
}
