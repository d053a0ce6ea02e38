import ArgumentParser
import CounterexampleSearch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dlnpath-bench search`: instances per second of `dlnpath search` on the paper's distribution
/// (d = 4, n = 3, Gaussian entries rounded to 6 digits), per property, without shrinking or
/// output (those touch only the few instances found).
///
/// Reports the wall-clock rate with `--jobs` threads and the rate per CPU-second of the process
/// (user + system time over all threads): on a busy machine the second is the honest one, and
/// jobs × it is what an idle machine with that many cores gives.
struct SearchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Instances per second of the counterexample search on the paper's distribution."
    )

    @Option(help: "Instances per property.")
    var count = 20_000

    @Option(help: "Threads (default: all cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Seed of the instance stream.")
    var seed: UInt64 = 1

    @Option(parsing: .upToNextOption, help: "Properties to time.")
    var properties = ["non-monotone", "not-equivalent", "rejoins", "non-unique", "gap-above=1/100"]

    func run() throws {
        print("dlnpath search on \(Distribution.paper), \(count) instances per property, \(jobs) threads")
        print("property            found   wall s   inst/s (wall)   inst/CPU-s   × \(jobs) cores")
        for name in properties {
            let property = try SearchProperty(parsing: name)
            let options = CounterexampleSearch.Options(property: property, seed: seed, count: count, jobs: jobs, shrink: false)
            let cpu0 = cpuSeconds(), wall0 = ContinuousClock.now
            let outcome = try CounterexampleSearch.run(options)
            let wall = seconds(ContinuousClock.now - wall0), cpu = cpuSeconds() - cpu0
            let perCPU = Double(count) / cpu
            print(String(format: "%@ %7d %8.2f %15.0f %12.0f %12.0f", name.padding(toLength: 18, withPad: " ", startingAt: 0),
                         outcome.found.count, wall, Double(count) / wall, perCPU, perCPU * Double(jobs)))
        }
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// User + system CPU time of the whole process.
    private func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }
}
