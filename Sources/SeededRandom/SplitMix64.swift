/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, well-mixed generator whose whole state is
/// one word, so instance k can get its own stream from (seed, k) alone.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    /// The stream starting from `seed` (the state before the first `next()`).
    public init(seed: UInt64) { state = seed }

    /// The stream of instance `index` under `seed`: depends on nothing else, so any subset of
    /// indices (a shard, a thread's share) draws exactly the instances a full run draws.
    public init(seed: UInt64, index: UInt64) {
        self.init(seed: SplitMix64.mix(SplitMix64.mix(seed) ^ SplitMix64.mix(index &+ 0x632B_E59B_D9B4_E019)))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function (a bijection of UInt64).
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform integer in `range` (unbiased, by rejection), the same on every platform and
    /// Swift version — unlike `Int.random(in:using:)`, whose sampler the standard library may
    /// change. The search's reproducible draws and the seeded tests rely on it.
    public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        // The width in two's complement: exact for every range, also wider than Int.max.
        let width = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if width == 0 { return Int(bitPattern: UInt(next())) } // the full 64-bit range
        let limit = UInt64.max - UInt64.max % width
        var v = next()
        while v >= limit { v = next() }
        return range.lowerBound &+ Int(truncatingIfNeeded: v % width)
    }

    /// Uniform integer in the non-empty half-open `range` (e.g. an index `0..<count`), drawn as
    /// `nextInt(in:)` draws.
    public mutating func nextInt(in range: Range<Int>) -> Int {
        precondition(!range.isEmpty, "nextInt(in:) needs a non-empty range")
        return nextInt(in: range.lowerBound...(range.upperBound - 1))
    }
}
