import DataFormats
import Foundation

/// NumPy `.npz` files: ZIP archives of `.npy` members, as written by
/// `np.savez` (stored) and `np.savez_compressed` (deflate).
///
/// Opening an archive reads only its directory. Members are inflated when asked for, and never
/// beyond the size their own `.npy` header implies (shape × item size + header): a member must
/// declare exactly that size in the directory, must inflate to exactly that, and all members read
/// together may not exceed `inflatedLimit`. Members that overlap are refused, and so are
/// directories of more than `ZipReader.maximumMembers` entries. Errors name the file and member.
public struct NPZArchive {
    /// Default cap on the inflated bytes read from one archive (1 GiB).
    public static let defaultInflatedLimit = 1 << 30
    /// The most bytes of a member read ahead to find its `.npy` header.
    static let headerReadAhead = 1 << 16

    private let zip: ZipReader
    private let file: String?
    /// Most bytes all members read through this value may inflate to together.
    public let inflatedLimit: Int

    /// Member keys (member names without ".npy"), in archive order; directories are skipped.
    public let keys: [String]

    /// Reads the directory of an `.npz` file.
    public init(contentsOf url: URL, inflatedLimit: Int = NPZArchive.defaultInflatedLimit) throws(DataFormatError) {
        let data = try readFileData(url)
        let bytes = [UInt8](data)
        self = try attributing(to: url) { () throws(DataFormatError) in
            try NPZArchive(bytes: bytes, file: url.path, inflatedLimit: inflatedLimit)
        }
    }

    /// Reads the directory of an `.npz` archive held in memory. Two members that map to the same
    /// key (e.g. `a` and `a.npy`) are an error.
    public init(bytes: [UInt8], inflatedLimit: Int = NPZArchive.defaultInflatedLimit) throws(DataFormatError) {
        try self.init(bytes: bytes, file: nil, inflatedLimit: inflatedLimit)
    }

    private init(bytes: [UInt8], file: String?, inflatedLimit: Int) throws(DataFormatError) {
        zip = try ZipReader(bytes: bytes)
        self.file = file
        self.inflatedLimit = inflatedLimit
        keys = zip.entries.filter { !$0.name.hasSuffix("/") }.map(\.name).map(NPZArchive.key)
        guard Set(keys).count == keys.count else {
            throw DataFormatError("two members have the same name once '.npy' is removed", file: file)
        }
    }

    private static func key(_ name: String) -> String { name.hasSuffix(".npy") ? String(name.dropLast(4)) : name }

    /// The arrays stored under `names` (keys without ".npy"); names the archive lacks are absent
    /// from the result. Only these members are inflated, together at most `inflatedLimit` bytes.
    public func arrays(named names: Set<String>) throws(DataFormatError) -> [String: NPYArray] {
        var arrays: [String: NPYArray] = [:]
        var budget = inflatedLimit
        for entry in zip.entries where !entry.name.hasSuffix("/") && names.contains(NPZArchive.key(entry.name)) {
            do throws(DataFormatError) {
                do {
                    let bytes = try memberBytes(entry, budget: budget)
                    budget -= bytes.count
                    arrays[NPZArchive.key(entry.name)] = try NPYArray.parse(bytes: bytes)
                } catch {
                    throw error.inMember(entry.name)
                }
            } catch {
                throw file.map { error.inFile($0) } ?? error
            }
        }
        return arrays
    }

    /// The `.npy` content of `entry`, inflated only as far as its header says it reaches.
    private func memberBytes(_ entry: ZipReader.Entry, budget: Int) throws(DataFormatError) -> [UInt8] {
        let fail = { (message: String, offset: Int) in
            DataFormatError(message, at: .byteOffset(offset), member: entry.name)
        }
        let declared = entry.uncompressedSize
        guard declared <= budget else {
            let room = budget == inflatedLimit ? "" : " (\(budget) of them left)"
            throw fail("member declares \(declared) bytes; at most \(inflatedLimit) inflated bytes are read from one archive\(room)",
                       entry.recordOffset)
        }
        var stream = try zip.stream(entry)
        var bytes = try stream.read(Swift.min(declared, NPZArchive.headerReadAhead))
        if bytes.count == Swift.min(declared, NPZArchive.headerReadAhead) {
            let layout: (header: NPYHeader, dataStart: Int, count: Int, byteCount: Int)
            layout = try NPYArray.layout(bytes, headerLimit: declared > bytes.count ? bytes.count : nil)
            let implied = layout.dataStart + layout.byteCount
            guard implied == declared else {
                throw fail("the member's .npy header (shape \(layout.header.shape), \(layout.header.dtype.itemSize)-byte items) "
                           + "implies \(implied) bytes, but the archive declares \(declared)", entry.recordOffset)
            }
            bytes += try stream.read(declared - bytes.count)
        }
        guard bytes.count == declared else {
            throw fail("member inflates to \(bytes.count) bytes but the archive declares \(declared)", entry.dataOffset)
        }
        guard try stream.read(1).isEmpty else {
            throw fail("member inflates to more than the \(declared) bytes the archive declares", entry.dataOffset)
        }
        let crc = crc32Checksum(bytes)
        guard crc == entry.crc else {
            throw fail("CRC-32 mismatch: archive says \(hex8(entry.crc)), data gives \(hex8(crc))", entry.dataOffset)
        }
        return bytes
    }

    /// Reads every member of an `.npz` file, keyed by member name without
    /// ".npy". Errors name the file and the member.
    public static func read(contentsOf url: URL) throws(DataFormatError) -> [String: NPYArray] {
        let archive = try NPZArchive(contentsOf: url)
        return try archive.arrays(named: Set(archive.keys))
    }

    /// Parses the bytes of an `.npz` file.
    public static func parse(_ data: Data) throws(DataFormatError) -> [String: NPYArray] {
        try parse(bytes: [UInt8](data))
    }

    /// Parses the bytes of an `.npz` file. Every member must be a valid `.npy`
    /// file; directory entries are skipped. Two members that map to the same key
    /// (e.g. `a` and `a.npy`) are an error.
    public static func parse(bytes: [UInt8]) throws(DataFormatError) -> [String: NPYArray] {
        let archive = try NPZArchive(bytes: bytes)
        return try archive.arrays(named: Set(archive.keys))
    }

    /// An `.npz` archive (stored members, names sorted) that `np.load` reads back.
    /// Each array is encoded as by `NPYArray.encoded()`.
    public static func encoded(_ arrays: [String: NPYArray]) throws(DataFormatError) -> Data {
        try encoded(arrays.sorted { $0.key < $1.key }.map { (name: $0.key, array: $0.value) })
    }

    /// An `.npz` archive with members in the given order.
    public static func encoded(_ arrays: [(name: String, array: NPYArray)]) throws(DataFormatError) -> Data {
        Data(try ZipWriter.archive(arrays.map { (name: $0.name + ".npy", data: $0.array.encodedBytes()) }))
    }

    /// Writes `encoded(arrays)` to a file.
    public static func write(_ arrays: [String: NPYArray], to url: URL) throws(DataFormatError) {
        let data = try encoded(arrays)
        do {
            try data.write(to: url)
        } catch {
            throw DataFormatError("cannot write file: \(error.localizedDescription)", file: url.path)
        }
    }
}
