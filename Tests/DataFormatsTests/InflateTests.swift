import Testing
@testable import DataFormats

@Suite("DEFLATE and CRC-32") struct InflateTests {
    func inflate(_ input: [UInt8], limit: Int = 1 << 20) throws(DataFormatError) -> [UInt8] {
        try Inflater.inflate(input, range: 0..<input.count, limit: limit)
    }

    @Test(arguments: ["stored", "fixed", "dynamic"])
    func decodesZlibStreams(_ kind: String) throws {
        let plain = try fixture("deflate_plain.txt")
        let compressed = try fixture("deflate_\(kind).bin")
        #expect(try inflate(compressed) == plain)
        #expect(try inflate(compressed, limit: plain.count) == plain)
    }

    @Test func refusesOutputBeyondTheLimit() throws {
        let compressed = try fixture("deflate_dynamic.bin")
        let error = thrownError { () throws(DataFormatError) in try inflate(compressed, limit: 1000) }
        #expect(error?.message == "corrupt deflate data: output is longer than the declared size 1000")
    }

    @Test func rejectsMalformedStreams() {
        func message(_ input: [UInt8]) -> String? {
            thrownError { () throws(DataFormatError) in try inflate(input) }?.message
        }
        #expect(message([0x07]) == "corrupt deflate data: invalid deflate block type 3")
        #expect(message([0x01, 0x05, 0x00, 0x00, 0x00]) == "corrupt deflate data: stored block length check failed")
        #expect(message([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x41]) == "corrupt deflate data: stored block ends early")
        // Fixed block whose first symbol copies from distance 1 with nothing written yet.
        #expect(message([0x03, 0x02]) == "corrupt deflate data: distance 1 reaches before the start")
        #expect(message([]) == "corrupt deflate data: compressed data ends early")
    }

    @Test func truncatedStreamsFail() throws {
        let compressed = try fixture("deflate_dynamic.bin")
        for length in stride(from: 0, to: compressed.count - 1, by: 7) {
            let cut = Array(compressed[0..<length])
            #expect(thrownError { () throws(DataFormatError) in try inflate(cut) } != nil)
        }
    }

    @Test func crc32KnownValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }
}
