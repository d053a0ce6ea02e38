/// `--shard K/N`: instance k belongs to shard (k mod N) + 1. Since instance k's randomness
/// depends only on (seed, k), the N shards draw exactly the instances of the unsharded run,
/// each once, and their findings merge by index.
public struct Shard: Equatable, Sendable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    public static let whole = Shard(index: 1, count: 1)

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (1...count).contains(index), "shard K/N needs 1 ≤ K ≤ N")
        self.index = index
        self.count = count
    }

    /// Parses "K/N".
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/").map(String.init)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
            throw SearchError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 2/8; got '\(text)'")
        }
        self.init(index: k, count: n)
    }

    public func contains(_ instance: Int) -> Bool { instance % count == index - 1 }

    /// The indices of 0..<total that belong to this shard, increasing.
    public func indices(below total: Int) -> [Int] {
        Array(stride(from: index - 1, to: total, by: count))
    }

    public var isWhole: Bool { count == 1 }
    public var description: String { "\(index)/\(count)" }
}
