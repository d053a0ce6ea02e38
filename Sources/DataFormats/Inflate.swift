/// A small raw-DEFLATE decoder (RFC 1951): stored, fixed-Huffman and
/// dynamic-Huffman blocks. It exists so `.npz` files written by
/// `np.savez_compressed` can be read without a zlib dependency.
/// Modelled on zlib's `puff.c`: canonical codes decoded bit by bit, every
/// input-derived length and distance checked, output capped at a known size.
struct Inflater {
    private let input: [UInt8]
    private var pos: Int
    private let end: Int
    private var bitBuffer: UInt64 = 0
    private var bitCount = 0
    private var output: [UInt8] = []
    private let limit: Int

    /// Decompresses `input[range]`, refusing to produce more than `limit` bytes.
    /// Error offsets are positions in `input` (for an archive: in the archive file).
    static func inflate(_ input: [UInt8], range: Range<Int>, limit: Int) throws(DataFormatError) -> [UInt8] {
        var inflater = Inflater(input: input, pos: range.lowerBound, end: range.upperBound, limit: limit)
        // Deflate never expands more than ~1032:1, so this bounds the reservation.
        inflater.output.reserveCapacity(Swift.min(limit, range.count.multipliedReportingOverflow(by: 1032).partialValue))
        try inflater.run()
        return inflater.output
    }

    private init(input: [UInt8], pos: Int, end: Int, limit: Int) {
        self.input = input
        self.pos = pos
        self.end = end
        self.limit = limit
    }

    private mutating func run() throws(DataFormatError) {
        do throws(InflateError) {
            var last = false
            while !last {
                last = try bits(1) == 1
                switch try bits(2) {
                case 0: try storedBlock()
                case 1: try codesBlock(Inflater.fixed.lengths, Inflater.fixed.distances)
                case 2:
                    let (lengths, distances) = try dynamicTables()
                    try codesBlock(lengths, distances)
                default: throw InflateError("invalid deflate block type 3")
                }
            }
        } catch {
            throw DataFormatError("corrupt deflate data: \(error.message)", at: .byteOffset(pos))
        }
    }

    private mutating func bits(_ need: Int) throws(InflateError) -> Int {
        while bitCount < need {
            guard pos < end else { throw InflateError("compressed data ends early") }
            bitBuffer |= UInt64(input[pos]) << UInt64(bitCount)
            pos += 1
            bitCount += 8
        }
        let value = Int(bitBuffer & ((1 << UInt64(need)) - 1))
        bitBuffer >>= UInt64(need)
        bitCount -= need
        return value
    }

    private mutating func emit(_ byte: UInt8) throws(InflateError) {
        guard output.count < limit else { throw InflateError("output is longer than the declared size \(limit)") }
        output.append(byte)
    }

    private mutating func storedBlock() throws(InflateError) {
        bitBuffer = 0  // skip to the byte boundary: buffered bits never span a whole byte
        bitCount = 0
        guard end - pos >= 4 else { throw InflateError("stored block header ends early") }
        let length = Int(input[pos]) | Int(input[pos + 1]) << 8
        let complement = Int(input[pos + 2]) | Int(input[pos + 3]) << 8
        guard length == complement ^ 0xFFFF else { throw InflateError("stored block length check failed") }
        pos += 4
        guard end - pos >= length else { throw InflateError("stored block ends early") }
        guard limit - output.count >= length else { throw InflateError("output is longer than the declared size \(limit)") }
        output.append(contentsOf: input[pos..<pos + length])
        pos += length
    }

    private mutating func decode(_ code: Huffman) throws(InflateError) -> Int {
        var code_ = 0, first = 0, index = 0
        for length in 1...15 {
            code_ |= try bits(1)
            let count = code.counts[length]
            if code_ - first < count { return code.symbols[index + code_ - first] }
            index += count
            first = (first + count) << 1
            code_ <<= 1
        }
        throw InflateError("invalid Huffman code")
    }

    private mutating func codesBlock(_ lengths: Huffman, _ distances: Huffman) throws(InflateError) {
        while true {
            let symbol = try decode(lengths)
            if symbol < 256 { try emit(UInt8(symbol)); continue }
            if symbol == 256 { return }
            let li = symbol - 257
            guard li < 29 else { throw InflateError("invalid length symbol \(symbol)") }
            let length = Inflater.lengthBase[li] + (try bits(Inflater.lengthExtra[li]))
            let di = try decode(distances)
            guard di < 30 else { throw InflateError("invalid distance symbol \(di)") }
            let distance = Inflater.distanceBase[di] + (try bits(Inflater.distanceExtra[di]))
            guard distance <= output.count else { throw InflateError("distance \(distance) reaches before the start") }
            guard limit - output.count >= length else { throw InflateError("output is longer than the declared size \(limit)") }
            for _ in 0..<length { output.append(output[output.count - distance]) }
        }
    }

    private mutating func dynamicTables() throws(InflateError) -> (Huffman, Huffman) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw InflateError("too many length or distance codes") }
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeLengthCount { codeLengths[order[i]] = try bits(3) }
        let lengthCode = try Huffman(codeLengths, completeness: .required)

        var lengths: [Int] = []
        let total = literalCount + distanceCount
        while lengths.count < total {
            let symbol = try decode(lengthCode)
            var repeatValue = 0, repeatCount = 1
            switch symbol {
            case 0..<16: repeatValue = symbol
            case 16:
                guard let previous = lengths.last else { throw InflateError("repeat with no previous length") }
                repeatValue = previous
                repeatCount = 3 + (try bits(2))
            case 17: repeatCount = 3 + (try bits(3))
            default: repeatCount = 11 + (try bits(7))
            }
            guard lengths.count + repeatCount <= total else { throw InflateError("too many code lengths") }
            lengths += [Int](repeating: repeatValue, count: repeatCount)
        }
        guard lengths[256] != 0 else { throw InflateError("no end-of-block code") }
        return (try Huffman(Array(lengths[0..<literalCount]), completeness: .singleCodeAllowed),
                try Huffman(Array(lengths[literalCount...]), completeness: .singleCodeAllowed))
    }

    /// A canonical Huffman code: how many codes of each length, and the symbols in code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        /// How strictly to treat a code that leaves bit patterns unused.
        enum Completeness { case required, singleCodeAllowed, unchecked }

        /// Rejects over-subscribed codes; an incomplete code is rejected unless
        /// DEFLATE allows it (a lone code of length 1, or the fixed distance code).
        init(_ lengths: [Int], completeness: Completeness) throws(InflateError) {
            for length in lengths { counts[length] += 1 }
            var left = 1
            for length in 1...15 {
                left = left << 1 - counts[length]
                guard left >= 0 else { throw InflateError("over-subscribed Huffman code") }
            }
            let used = lengths.count - counts[0]
            let loneCode = completeness == .singleCodeAllowed && used == 1 && counts[1] == 1
            if left > 0 && used != 0 && completeness != .unchecked && !loneCode {
                throw InflateError("incomplete Huffman code")
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            symbols = [Int](repeating: 0, count: used)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    private static let fixed: (lengths: Huffman, distances: Huffman) = {
        let lengths = [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
            + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8)
        // Valid by construction (RFC 1951 3.2.6); the distance code is deliberately incomplete.
        let l = try! Huffman(lengths, completeness: .unchecked)
        let d = try! Huffman([Int](repeating: 5, count: 30), completeness: .unchecked)
        return (l, d)
    }()

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                     35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                      3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                       257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                                       8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                        7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
}

/// Internal failure inside the inflater; wrapped into `DataFormatError` with an offset.
struct InflateError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
