import DataFormats
/// A minimal ZIP reader: enough for `.npz` files (what `np.savez` and
/// `np.savez_compressed` write). Sizes and offsets come from the central
/// directory (the local headers NumPy writes carry zip64 placeholders);
/// zip64 records are honoured; members may be stored or deflated (inflated by zlib, on demand)
/// and are CRC-checked by their readers. Overlapping members are refused.
struct ZipReader {
    /// One member as described by the central directory.
    struct Entry {
        var name: String
        var method: Int
        var flags: Int
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
        /// Where this entry's central-directory record starts (for messages).
        var recordOffset: Int
        /// Where its compressed data starts (after the local header).
        var dataOffset = 0
    }

    let bytes: [UInt8]
    let entries: [Entry]

    init(bytes: [UInt8]) throws(DataFormatError) {
        self.bytes = bytes
        let (directoryStart, found) = try ZipReader.readCentralDirectory(bytes)
        var entries = found
        try ZipReader.locateData(&entries, bytes, directoryStart: directoryStart)
        self.entries = entries
    }

    /// At most this many members: more is refused before anything is inflated (NumPy archives
    /// hold a handful; the bound keeps a hostile directory from costing time or memory).
    static let maximumMembers = 10_000

    /// Where `entry`'s compressed bytes lie in the archive.
    func dataRange(of entry: Entry) -> Range<Int> { entry.dataOffset..<entry.dataOffset + entry.compressedSize }

    /// A reader of `entry`'s uncompressed bytes that produces only what is asked for.
    func stream(_ entry: Entry) throws(DataFormatError) -> ZipMemberStream {
        let fail = { (message: String, offset: Int) in
            DataFormatError(message, at: .byteOffset(offset), member: entry.name)
        }
        guard entry.flags & 1 == 0 else { throw fail("encrypted members are not supported", entry.recordOffset) }
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw fail("stored member has different compressed and uncompressed sizes", entry.recordOffset)
            }
            return ZipMemberStream(stored: bytes[dataRange(of: entry)])
        case 8:
            // Deflate turns one bit into at most 258 bytes, so no stream inflates more than 1032:1.
            guard entry.uncompressedSize / 1032 <= entry.compressedSize else {
                throw fail("member declares \(entry.uncompressedSize) bytes from \(entry.compressedSize) compressed bytes, "
                           + "more than deflate can produce", entry.recordOffset)
            }
            do {
                return ZipMemberStream(deflated: try RawInflater(bytes[dataRange(of: entry)], base: entry.dataOffset))
            } catch {
                throw error.inMember(entry.name)
            }
        default:
            throw fail("unsupported compression method \(entry.method) (only 0 = stored and 8 = deflate)", entry.recordOffset)
        }
    }

    /// Reads the local header of every entry to find where its data starts, and refuses members
    /// whose headers or data overlap each other or the central directory: each compressed byte
    /// belongs to one member, so no archive inflates to more than its members' declared sizes.
    private static func locateData(_ entries: inout [Entry], _ bytes: [UInt8], directoryStart: Int) throws(DataFormatError) {
        for k in entries.indices {
            let entry = entries[k]
            let local = entry.localHeaderOffset
            guard bytes.has(30, at: local), bytes.u32(local) == 0x0403_4B50 else {
                throw DataFormatError("local file header missing or damaged", at: .byteOffset(local), member: entry.name)
            }
            let dataStart = local + 30 + bytes.u16(local + 26) + bytes.u16(local + 28)
            guard bytes.has(entry.compressedSize, at: dataStart) else {
                throw DataFormatError("truncated member data: expected \(entry.compressedSize) bytes, found \(Swift.max(0, bytes.count - dataStart))",
                                      at: .byteOffset(dataStart), member: entry.name)
            }
            entries[k].dataOffset = dataStart
        }
        let order = entries.indices.sorted { entries[$0].localHeaderOffset < entries[$1].localHeaderOffset }
        for (a, b) in zip(order, order.dropFirst()) {
            let end = entries[a].dataOffset + entries[a].compressedSize
            guard end <= entries[b].localHeaderOffset else {
                throw DataFormatError("members '\(entries[a].name)' and '\(entries[b].name)' overlap (bytes \(entries[b].localHeaderOffset)..<\(end)); "
                                      + "each byte of an archive may belong to one member only",
                                      at: .byteOffset(entries[b].localHeaderOffset), member: entries[b].name)
            }
        }
        if let last = order.last, entries[last].dataOffset + entries[last].compressedSize > directoryStart {
            throw DataFormatError("member data overlaps the central directory", at: .byteOffset(entries[last].dataOffset),
                                  member: entries[last].name)
        }
    }

    /// The central directory's offset and entries.
    private static func readCentralDirectory(_ bytes: [UInt8]) throws(DataFormatError) -> (Int, [Entry]) {
        guard let eocd = findEndRecord(bytes) else {
            throw DataFormatError("not a ZIP archive (no end-of-central-directory record)", at: .byteOffset(bytes.count))
        }
        guard bytes.u16(eocd + 4) == 0, bytes.u16(eocd + 6) == 0 else {
            throw DataFormatError("multi-disk ZIP archives are not supported", at: .byteOffset(eocd))
        }
        var count = UInt64(bytes.u16(eocd + 10))
        var size = bytes.u32(eocd + 12)
        var offset = bytes.u32(eocd + 16)
        // A zip64 locator sits right before the classic end record.
        if eocd >= 20, bytes.u32(eocd - 20) == 0x0706_4B50 {
            let recordOffset = bytes.u64(eocd - 20 + 8)
            guard recordOffset <= UInt64(bytes.count), bytes.has(56, at: Int(recordOffset)),
                  bytes.u32(Int(recordOffset)) == 0x0606_4B50
            else { throw DataFormatError("zip64 end record missing or damaged", at: .byteOffset(eocd - 20)) }
            let record = Int(recordOffset)
            count = bytes.u64(record + 32)
            size = bytes.u64(record + 40)
            offset = bytes.u64(record + 48)
        }
        guard offset <= UInt64(bytes.count), size <= UInt64(bytes.count) - offset else {
            throw DataFormatError("central directory lies outside the file (truncated archive?)", at: .byteOffset(eocd))
        }
        guard count <= UInt64(maximumMembers) else {
            throw DataFormatError("archive lists \(count) members; at most \(maximumMembers) are accepted", at: .byteOffset(eocd))
        }
        var entries: [Entry] = []
        var names = Set<String>()
        var pos = Int(offset)
        let end = Int(offset + size)
        for _ in 0..<count {
            guard end - pos >= 46, bytes.u32(pos) == 0x0201_4B50 else {
                throw DataFormatError("central directory record missing or damaged", at: .byteOffset(pos))
            }
            let nameLength = bytes.u16(pos + 28), extraLength = bytes.u16(pos + 30), commentLength = bytes.u16(pos + 32)
            guard end - pos - 46 >= nameLength + extraLength + commentLength else {
                throw DataFormatError("central directory record is truncated", at: .byteOffset(pos))
            }
            let name = String(decoding: bytes[pos + 46..<pos + 46 + nameLength], as: UTF8.self)
            var compressed = bytes.u32(pos + 20), uncompressed = bytes.u32(pos + 24), local = bytes.u32(pos + 42)
            try readZip64Extra(bytes, range: pos + 46 + nameLength..<pos + 46 + nameLength + extraLength,
                               uncompressed: &uncompressed, compressed: &compressed, local: &local)
            guard compressed <= UInt64(bytes.count), local <= UInt64(bytes.count), uncompressed <= UInt64(Int.max) else {
                throw DataFormatError("member sizes or offsets lie outside the file", at: .byteOffset(pos), member: name)
            }
            guard names.insert(name).inserted else {
                throw DataFormatError("archive contains the member name twice", at: .byteOffset(pos), member: name)
            }
            entries.append(Entry(name: name, method: bytes.u16(pos + 10), flags: bytes.u16(pos + 8),
                                 crc: UInt32(bytes.u32(pos + 16)), compressedSize: Int(compressed),
                                 uncompressedSize: Int(uncompressed), localHeaderOffset: Int(local), recordOffset: pos))
            pos += 46 + nameLength + extraLength + commentLength
        }
        return (Int(offset), entries)
    }

    /// Replaces 0xFFFFFFFF placeholders with the 8-byte values of the zip64 extra field (id 1).
    private static func readZip64Extra(_ bytes: [UInt8], range: Range<Int>, uncompressed: inout UInt64,
                                       compressed: inout UInt64, local: inout UInt64) throws(DataFormatError) {
        var pos = range.lowerBound
        while range.upperBound - pos >= 4 {
            let id = bytes.u16(pos), length = bytes.u16(pos + 2)
            let body = pos + 4
            guard range.upperBound - body >= length else { break }
            if id == 1 {
                var field = body
                if uncompressed == 0xFFFF_FFFF {
                    guard body + length - field >= 8 else { throw zip64Error(field) }
                    uncompressed = bytes.u64(field); field += 8
                }
                if compressed == 0xFFFF_FFFF {
                    guard body + length - field >= 8 else { throw zip64Error(field) }
                    compressed = bytes.u64(field); field += 8
                }
                if local == 0xFFFF_FFFF {
                    guard body + length - field >= 8 else { throw zip64Error(field) }
                    local = bytes.u64(field); field += 8
                }
            }
            pos = body + length
        }
    }

    private static func zip64Error(_ offset: Int) -> DataFormatError {
        DataFormatError("zip64 extra field is too short", at: .byteOffset(offset))
    }

    /// Offset of the end-of-central-directory record, searched backwards over
    /// the maximum comment length; its comment must end exactly at the end of the file.
    private static func findEndRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var candidate = bytes.count - 22
        let lowest = Swift.max(0, candidate - 0xFFFF)
        while candidate >= lowest {
            if bytes.u32(candidate) == 0x0605_4B50, candidate + 22 + bytes.u16(candidate + 20) == bytes.count {
                return candidate
            }
            candidate -= 1
        }
        return nil
    }
}

/// `0x` plus eight hex digits.
func hex8(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}

/// The uncompressed bytes of one ZIP member, produced on demand.
struct ZipMemberStream {
    private var stored: ArraySlice<UInt8>?
    private let inflater: RawInflater?

    init(stored: ArraySlice<UInt8>) {
        self.stored = stored
        inflater = nil
    }

    init(deflated: RawInflater) {
        stored = nil
        inflater = deflated
    }

    /// The next `count` bytes, or fewer at the end of the member.
    mutating func read(_ count: Int) throws(DataFormatError) -> [UInt8] {
        if let inflater { return try inflater.read(count) }
        guard let rest = stored else { return [] }
        let taken = rest.prefix(count)
        stored = rest.dropFirst(taken.count)
        return Array(taken)
    }
}
