import CSVFormat
import FuzzSupport

/// CSV reader: any text either parses or throws `DataFormatError`; a parsed table is
/// rectangular, with one line number per row, increasing.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    guard let table = try? CSVTable.parse(text) else { return 0 }
    FuzzDriver.require(table.rows.allSatisfy { $0.count == table.columnCount }, "ragged table accepted")
    FuzzDriver.require(table.lineNumbers.count == table.rows.count, "one line number per row")
    FuzzDriver.require(zip(table.lineNumbers, table.lineNumbers.dropFirst()).allSatisfy { $0 < $1 }, "line numbers increase")
    return 0
}

@main
enum Main {
    static func main() { FuzzDriver.run(fuzzCSV) }
}
