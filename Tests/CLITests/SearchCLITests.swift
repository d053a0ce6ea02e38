import Foundation
import Testing

@Suite("dlnpath search")
struct SearchCLITests {
    func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("SearchCLI-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Seed 1 on the paper's distribution: instances 0, 2, 4, 7, 8, 10, 11 of 0..<12 are
    /// non-monotone; the first is written, shrunk, with a certificate that `dlnpath check` accepts.
    @Test func findsShrinksAndCertifies() throws {
        let dir = try temporaryDirectory()
        let run = try runDLNPath(["search", "--property", "non-monotone", "--count", "12", "--seed", "1", "--output", dir, "--max-found", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("found 7 of 12: 58.3%"), "\(run.stdout)")
        #expect(run.stdout.contains("0         non-monotone"), "\(run.stdout)")
        #expect(run.stderr.isEmpty, "no progress bar when stderr is not a terminal: \(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == ["instance-00000000.cert.json", "instance-00000000.json", "summary.json"])
        let check = try runDLNPath(["check", "\(dir)/instance-00000000.cert.json", "--input", "\(dir)/instance-00000000.json"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let compare = try runDLNPath(["compare", "--json", "\(dir)/instance-00000000.json"])
        #expect(try jsonObject(compare.stdout)["monotone"] as? Bool == false)
        let summary = try jsonObject(String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(dir)/summary.json")), as: UTF8.self))
        #expect(summary["foundIndices"] as? [Int] == [0, 2, 4, 7, 8, 10, 11])
    }

    @Test func shardsWriteTheirOwnSummary() throws {
        let dir = try temporaryDirectory()
        let run = try runDLNPath(["search", "--property", "non-monotone", "--count", "12", "--seed", "1", "--output", dir,
                                  "--max-found", "0", "--shard", "2/3"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try jsonObject(String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(dir)/summary-2-of-3.json")), as: UTF8.self))
        #expect(summary["foundIndices"] as? [Int] == [4, 7, 10]) // the k ≡ 1 (mod 3) of 0, 2, 4, 7, 8, 10, 11
        #expect(summary["tried"] as? Int == 4)
    }

    @Test func frequencies() throws {
        let run = try runDLNPath(["search", "--frequencies", "--count", "12", "--seed", "1", "--jobs", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("non-monotone"), "\(run.stdout)")
        #expect(run.stdout.contains("7 / 12"), "\(run.stdout)")
    }

    @Test func usageErrorsExit2() throws {
        let dir = try temporaryDirectory()
        for args in [
            ["search", "--property", "monotone", "--count", "5", "--seed", "1", "--output", dir],
            ["search", "--property", "non-monotone", "--count", "5", "--seed", "1"],
            ["search", "--property", "non-monotone", "--count", "5", "--seed", "1", "--output", dir, "--shard", "4/3"],
            ["search", "--property", "non-monotone", "--count", "5", "--seed", "1", "--output", dir, "--distribution", "cauchy"],
            ["search", "--property", "gap-above=lots", "--count", "5", "--seed", "1", "--output", dir],
            ["search", "--count", "5", "--seed", "1", "--output", dir],
        ] {
            let run = try runDLNPath(args)
            #expect(run.status == 2, "\(args): status \(run.status) \(run.stderr)")
            #expect(!run.stderr.isEmpty)
        }
        let negative = try runDLNPath(["search", "--property", "non-monotone", "--count", "3", "--seed", "1", "--output", dir,
                                       "--distribution", "integers:-2:2", "--max-found", "0"])
        #expect(negative.status == 0, "\(negative.stderr)")
    }
}
