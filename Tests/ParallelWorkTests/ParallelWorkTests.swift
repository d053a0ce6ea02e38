import Testing
import ParallelWork

/// Work split over threads must give the sequential results, in order, with the first error.
@Suite struct ParallelWorkTests {
    /// Items of uneven cost (the slow ones early), every job and chunk count: input order.
    @Test func parallelMapKeepsTheOrder() {
        for count in [0, 1, 2, 7, 100] {
            let items = Array(0..<count)
            for jobs in 1...4 {
                for chunk in [1, 3, 16] {
                    let mapped = parallelMap(items, jobs: jobs, chunk: chunk) { i in
                        (0..<(i < 5 ? 20_000 : 10)).reduce(i) { ($0 &* 31) &+ $1 } & 0xFF
                    }
                    #expect(mapped == items.map { i in (0..<(i < 5 ? 20_000 : 10)).reduce(i) { ($0 &* 31) &+ $1 } & 0xFF },
                            "count \(count), jobs \(jobs), chunk \(chunk)")
                }
            }
        }
    }

    struct Failure: Error, Equatable { let side: String }

    @Test func concurrentlyReturnsBothResultsAndTheFirstError() throws {
        let (a, b) = try concurrently({ (1...1000).reduce(0, +) }, { (1...2000).reduce(0, +) })
        #expect(a == 500_500 && b == 2_001_000)
        #expect(throws: Failure(side: "first")) { try concurrently({ throw Failure(side: "first") }, { throw Failure(side: "second") }) }
        #expect(throws: Failure(side: "first")) { try concurrently({ throw Failure(side: "first") }, { 2 }) }
        #expect(throws: Failure(side: "second")) { try concurrently({ 1 }, { throw Failure(side: "second") }) }
    }

    /// glibc takes the setting (a wrong parameter or symbol would make mallopt return 0).
    @Test func oneMallocArenaIsTaken() {
        #if os(Linux)
        #expect(useOneMallocArena())
        #else
        #expect(!useOneMallocArena())
        #endif
    }
}
