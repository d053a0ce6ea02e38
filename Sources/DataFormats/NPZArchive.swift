import Foundation

/// NumPy `.npz` files: ZIP archives of `.npy` members, as written by
/// `np.savez` (stored) and `np.savez_compressed` (deflate).
public enum NPZArchive {
    /// Reads every member of an `.npz` file, keyed by member name without
    /// ".npy". Errors name the file and the member.
    public static func read(contentsOf url: URL) throws(DataFormatError) -> [String: NPYArray] {
        let data = try readFileData(url)
        return try attributing(to: url) { () throws(DataFormatError) in try parse(data) }
    }

    /// Parses the bytes of an `.npz` file.
    public static func parse(_ data: Data) throws(DataFormatError) -> [String: NPYArray] {
        try parse(bytes: [UInt8](data))
    }

    /// Parses the bytes of an `.npz` file. Every member must be a valid `.npy`
    /// file; directory entries are skipped. Two members that map to the same key
    /// (e.g. `a` and `a.npy`) are an error.
    public static func parse(bytes: [UInt8]) throws(DataFormatError) -> [String: NPYArray] {
        let zip = try ZipReader(bytes: bytes)
        var arrays: [String: NPYArray] = [:]
        for entry in zip.entries where !entry.name.hasSuffix("/") {
            let key = entry.name.hasSuffix(".npy") ? String(entry.name.dropLast(4)) : entry.name
            let contents = try zip.contents(of: entry)
            do {
                arrays[key] = try NPYArray.parse(bytes: contents)
            } catch {
                throw error.inMember(entry.name)
            }
        }
        guard arrays.count == zip.entries.filter({ !$0.name.hasSuffix("/") }).count else {
            throw DataFormatError("two members have the same name once '.npy' is removed")
        }
        return arrays
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
