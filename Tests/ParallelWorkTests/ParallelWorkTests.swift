import Testing
import ParallelWork
import Foundation

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

    /// Values sent on one thread arrive on the other in order, each once, in batches of at
    /// least the minimum asked for until the channel closes; a producer that fails still closes it.
    @Test func channelDeliversInOrderInBatches() throws {
        for (count, minimum) in [(0, 1), (1, 1), (1, 5), (1000, 1), (1000, 7), (5000, 64), (10, 64)] {
            let batches = try Self.batches(count, through: Channel<Int>(), atLeast: minimum)
            #expect(batches.flatMap { $0 } == Array(0..<count), "count \(count), minimum \(minimum)")
            // Every batch before the last holds at least `minimum` values.
            #expect(batches.dropLast().allSatisfy { $0.count >= minimum }, "count \(count), minimum \(minimum)")
        }
        let channel = Channel<Int>()
        #expect(throws: Failure(side: "second")) {
            try concurrently({ () -> Int in
                var got = 0
                while true {
                    let (values, closed) = channel.receive(atLeast: 100)
                    got += values.count
                    if closed { return got }
                }
            }, {
                defer { channel.close() }
                for k in 0..<10 { channel.send(k) }
                throw Failure(side: "second")
            })
        }
    }

    /// With a capacity, at most that many values are ever unread (the producer waits), none is
    /// lost when the producer closes right after its last send (the batch that says "closed"
    /// holds it: thousands of short runs give the race its chances), and a consumer that
    /// cancels releases a waiting producer.
    @Test func boundedChannelHoldsAtMostItsCapacityAndLosesNothing() throws {
        for (count, capacity) in [(1000, 1), (1000, 3), (50, 64)] {
            let batches = try Self.batches(count, through: Channel<Int>(capacity: capacity), atLeast: 100)
            #expect(batches.flatMap { $0 } == Array(0..<count) && batches.allSatisfy { $0.count <= capacity }, "capacity \(capacity)")
        }
        for run in 0..<3000 {
            let got = try Self.batches(3, through: Channel<Int>(capacity: 1), atLeast: 1).flatMap { $0 }
            if got != [0, 1, 2] { Issue.record("run \(run): received \(got)"); break }
        }
        // Priced by cost (10 each, 25 at most: a third is let in, then the producer waits), a
        // consumer asking for more than fit still gets them once the channel is full.
        let batches = try Self.batches(200, through: Channel<Int>(capacity: 25, cost: { _ in 10 }), atLeast: 100)
        #expect(batches.flatMap { $0 } == Array(0..<200) && batches.allSatisfy { $0.count <= 3 } && batches.count >= 67)
        let channel = Channel<Int>(capacity: 2)
        let (sent, _) = try concurrently({ () -> Int in
            _ = channel.receive()
            channel.cancel()
            return 1
        }, {
            // Blocks once two are unread, until the consumer cancels; later values are dropped.
            for k in 0..<100 { channel.send(k) }
            channel.close()
        })
        #expect(sent == 1 && channel.receive().values.isEmpty)
    }

    /// The batches a consumer receives (`atLeast`) while another thread sends 0..<count and closes.
    static func batches(_ count: Int, through channel: Channel<Int>, atLeast minimum: Int) throws -> [[Int]] {
        try concurrently({ () -> [[Int]] in
            var batches: [[Int]] = []
            while true {
                let (values, closed) = channel.receive(atLeast: minimum)
                batches.append(values)
                if closed { return batches }
            }
        }, {
            defer { channel.close() }
            for k in 0..<count { channel.send(k) }
        }).0
    }

    /// `OrderedPipeline`: results consumed in submission order whatever the items' cost and the
    /// number of workers, never more than `backlog` items pending once `submit` returns, all of
    /// them after `finish`; a cancelled pipeline consumes nothing more once `cancel` returns.
    @Test func orderedPipelineKeepsTheOrderAndTheBacklog() {
        @Sendable func work(_ i: Int) -> Int { (0..<(i % 3 == 0 ? 40_000 : 10)).reduce(i) { ($0 &* 31) &+ $1 } & 0xFFFF }
        final class Consumed: @unchecked Sendable {
            let lock = NSLock()
            var values: [Int] = []
            func append(_ v: Int) { lock.lock(); values.append(v); lock.unlock() }
            var all: [Int] { lock.lock(); defer { lock.unlock() }; return values }
        }
        for workers in 1...3 {
            for backlog in [1, 2, 5] {
                let consumed = Consumed()
                let pipeline = OrderedPipeline<Int, Int>(workers: workers, backlog: backlog, transform: work, consume: consumed.append)
                for i in 0..<40 {
                    pipeline.submit(i)
                    #expect(i + 1 - consumed.all.count <= backlog, "\(workers) workers, backlog \(backlog)")
                }
                pipeline.finish()
                #expect(consumed.all == (0..<40).map(work), "\(workers) workers, backlog \(backlog)")
            }
        }
        let consumed = Consumed()
        let pipeline = OrderedPipeline<Int, Int>(workers: 2, backlog: 4, transform: work, consume: consumed.append)
        for i in 0..<4 { pipeline.submit(i) }
        pipeline.cancel()
        let atCancel = consumed.all
        pipeline.finish()
        Thread.sleep(forTimeInterval: 0.05)
        #expect(consumed.all == atCancel && atCancel == (0..<atCancel.count).map(work))
    }
}
