import SeededRandom
import Testing

/// The one reproducible random stream: values from the published SplitMix64 reference and from
/// an independent Python transcription of the draws (so nothing depends on the standard
/// library's samplers, which may change between Swift versions).
@Suite("SplitMix64") struct SplitMix64Tests {
    @Test func referenceOutputs() {
        // Steele, Lea & Flood's SplitMix64 from seed 0 (as in the reference C implementation).
        var g = SplitMix64(seed: 0)
        #expect([g.next(), g.next(), g.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test func boundedDrawsMatchTheTranscription() {
        var g = SplitMix64(seed: 42)
        #expect((0..<12).map { _ in g.nextInt(in: -3...3) } == [2, 2, -3, -1, 3, 1, -1, 3, 3, 2, 2, 3])
        var h = SplitMix64(seed: 7)
        #expect((0..<10).map { _ in h.nextInt(in: 0..<10) } == [7, 4, 6, 3, 4, 5, 8, 2, 5, 5])
        var full = SplitMix64(seed: 1)
        #expect([full.nextInt(in: Int.min...Int.max), full.nextInt(in: Int.min...Int.max)]
            == [-7_995_527_694_508_729_151, -4_689_498_862_643_123_097])
    }

    /// Width 3·2⁶²: outputs ≥ 3·2⁶² are rejected (a quarter of them). Seed 0's first output,
    /// 0xe220a8397b1dcdaf, is one, so the draw is the second, 0x6e789e6aa1b965f4, reduced.
    @Test func rejectionKeepsDrawsUnbiased() {
        var g = SplitMix64(seed: 0)
        let upper = Int.min + (1 << 62) + (1 << 62) + (1 << 62) - 1  // Int.min + 3·2⁶² − 1
        #expect(g.nextInt(in: Int.min...upper) == Int.min + 7_960_286_522_194_355_700)
        #expect(g.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func everyValueOfASmallRangeAppearsAboutEquallyOften() {
        var g = SplitMix64(seed: 2026)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[g.nextInt(in: 10...16) - 10] += 1 }
        // Each count is Binomial(70000, 1/7): mean 10000, sd ≈ 93; 6 sd is far outside chance.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 560 }, "\(counts)")
        var one = SplitMix64(seed: 3)
        #expect((0..<5).allSatisfy { _ in one.nextInt(in: 4...4) == 4 })
    }
}
