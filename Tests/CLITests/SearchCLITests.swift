import Foundation
import Testing
import TestScratch

@Suite("dlnpath search")
struct SearchCLITests {
    func temporaryDirectory() throws -> String {
        try TestScratch.directory("SearchCLI").path
    }

    /// Seed 1 on the paper's distribution: instances 0, 2, 4, 7, 8, 10, 11 of 0..<12 are
    /// non-monotone; with --max-found 1 the search stops at the first, which is written, shrunk,
    /// with a certificate that `dlnpath check` accepts.
    @Test func findsShrinksAndCertifies() throws {
        let dir = try temporaryDirectory()
        let all = try runDLNPath(["search", "--property", "non-monotone", "--count", "12", "--seed", "1", "--output", try temporaryDirectory(), "--no-shrink"])
        #expect(all.stdout.contains("found 7 of 12: 58.3%"), "\(all.stdout)")
        let run = try runDLNPath(["search", "--property", "non-monotone", "--count", "12", "--seed", "1", "--output", dir, "--max-found", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("found 1 of 1: 100.0%"), "\(run.stdout)")
        #expect(run.stdout.contains("0         non-monotone"), "\(run.stdout)")
        #expect(run.stderr.isEmpty, "no progress bar when stderr is not a terminal: \(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == ["instance-00000000.cert.json", "instance-00000000.json", "summary.json"])
        let check = try runDLNPath(["check", "\(dir)/instance-00000000.cert.json", "--input", "\(dir)/instance-00000000.json"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let compare = try runDLNPath(["compare", "--json", "\(dir)/instance-00000000.json"])
        #expect(try jsonObject(compare.stdout)["monotone"] as? Bool == false)
        let summary = try jsonObject(String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(dir)/summary.json")), as: UTF8.self))
        #expect(summary["foundIndices"] as? [Int] == [0])
    }

    @Test func shardsWriteTheirOwnSummary() throws {
        let dir = try temporaryDirectory()
        let run = try runDLNPath(["search", "--property", "non-monotone", "--count", "12", "--seed", "1", "--output", dir,
                                  "--no-shrink", "--shard", "2/3"])
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
            ["search", "--property", "non-monotone", "--count", "5", "--seed", "1", "--output", dir, "--max-found", "0"],
        ] {
            let run = try runDLNPath(args)
            #expect(run.status == 2, "\(args): status \(run.status) \(run.stderr)")
            #expect(!run.stderr.isEmpty)
        }
        let negative = try runDLNPath(["search", "--property", "non-monotone", "--count", "3", "--seed", "1", "--output", dir,
                                       "--distribution", "integers:-2:2", "--max-found", "1"])
        #expect(negative.status == 0, "\(negative.stderr)")
        // The message says why.
        let help = " (see 'dlnpath search --help')\n"
        for (args, message) in [
            (["--property", "gap-above=-1"], "the value 'gap-above=-1' is invalid for '--property <property>': gap-above=VALUE must be ≥ 0 (the gap is never negative), got -1"),
            (["--property", "gap-above=1e-2000"], "the value 'gap-above=1e-2000' is invalid for '--property <property>': gap-above=VALUE: '1e-2000': its decimal exponent is -2000, beyond the limit of ±1,000"),
            (["--property", "rejoins", "--shard", "-1/3"], "the value '-1/3' is invalid for '--shard <K/N>': --shard takes K/N with 1 ≤ K ≤ N, e.g. 2/8; got '-1/3'"),
            (["--frequencies", "--max-found", "50"], "--frequencies tallies every property on every instance: drop --property and --max-found"),
            (["--frequencies", "--property", "rejoins"], "--frequencies tallies every property on every instance: drop --property and --max-found"),
        ] {
            let run = try runDLNPath(["search", "--count", "5", "--seed", "1", "--output", dir] + args)
            #expect(run.status == 2 && run.stderr == "error: " + message + help, "\(args): \(run.stderr)")
        }
    }

    func files(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(name))
        }
        return out
    }

    /// Three shards in three directories, merged: byte for byte the files of the unsharded run
    /// (summary, instances, certificates), the same table.
    @Test func mergeOfThreeShardsEqualsTheWholeRun() throws {
        let common = ["search", "--property", "non-monotone", "--count", "40", "--seed", "1", "--max-found", "6", "--jobs", "1"]
        let whole = try temporaryDirectory()
        let plain = try runDLNPath(common + ["--output", whole])
        #expect(plain.status == 0, "\(plain.stderr)")
        var parts: [String] = []
        for k in 1...3 {
            let dir = try temporaryDirectory()
            let shard = try runDLNPath(common + ["--output", dir, "--shard", "\(k)/3"])
            #expect(shard.status == 0, "\(shard.stderr)")
            parts.append(dir)
        }
        let merged = try temporaryDirectory() + "/merged"
        let merge = try runDLNPath(["search-merge"] + parts + ["--output", merged])
        #expect(merge.status == 0, "\(merge.stderr)")
        let expected = try files(whole)
        #expect(expected.keys.count == 13) // 6 findings × (instance, certificate) + summary.json
        #expect(try files(merged) == expected)
        #expect(merge.stdout.components(separatedBy: "\n").dropLast(2) == plain.stdout.components(separatedBy: "\n").dropLast(2))
        #expect(plain.stdout.contains("found 6 of 11"), "\(plain.stdout)")
        // Without --output: the table only; a shard missing: exit 2 naming it.
        let printed = try runDLNPath(["search-merge"] + parts)
        #expect(printed.status == 0 && printed.stdout.contains("found 6 of 11"), "\(printed.stdout)\(printed.stderr)")
        let missing = try runDLNPath(["search-merge", parts[0], parts[2]])
        #expect(missing.status == 2 && missing.stderr.contains("shard 2/3 missing"), "\(missing.stderr)")
    }

    /// search-merge rebuilds what the shards wrote and refuses what they did not: an instance
    /// without the property, a summary whose findings miss what it found, shards shrunk and not
    /// shrunk, and an output directory that is one of the shards'.
    @Test func mergeRefusesWhatSearchDidNotWrite() throws {
        let common = ["search", "--property", "non-monotone", "--count", "12", "--seed", "1", "--jobs", "1"]
        let dir = try temporaryDirectory()
        for k in 1...2 { #expect(try runDLNPath(common + ["--output", dir, "--shard", "\(k)/2"]).status == 0) }
        let summaryURL = URL(fileURLWithPath: "\(dir)/summary-1-of-2.json")
        let summary = try jsonObject(String(decoding: try Data(contentsOf: summaryURL), as: UTF8.self))
        #expect(summary["shrink"] as? Bool == true)
        let into = try runDLNPath(["search-merge", dir, "--output", dir + "/."])
        #expect(into.status == 2 && into.stderr == "error: --output \(dir)/. is \(dir), a directory being merged: write the merged files to another directory\n", "\(into.stderr)")

        let (one, noShrink) = (try temporaryDirectory(), try temporaryDirectory())
        #expect(try runDLNPath(common + ["--output", one, "--shard", "1/2"]).status == 0)
        #expect(try runDLNPath(common + ["--output", noShrink, "--shard", "2/2", "--no-shrink"]).status == 0)
        let mixed = try runDLNPath(["search-merge", one, noShrink])
        #expect(mixed.status == 2 && mixed.stderr.contains("signed, not shrunk) than ") && mixed.stderr.hasSuffix("signed); merge the shards of one run\n"), "\(mixed.stderr)")

        // The first finding's instance (0: non-monotone) replaced by the identity design (monotone).
        let instance = "\(dir)/instance-00000000.json"
        let original = try Data(contentsOf: URL(fileURLWithPath: instance))
        try Data(#"{"X": [[1, 0], [0, 1]], "y": [1, 1]}"#.utf8).write(to: URL(fileURLWithPath: instance))
        let changed = try runDLNPath(["search-merge", dir])
        #expect(changed.status == 2 && changed.stderr == "error: \(instance): the instance does not have the property non-monotone: not the file search wrote\n", "\(changed.stderr)")
        try original.write(to: URL(fileURLWithPath: instance))
        #expect(try runDLNPath(["search-merge", dir]).status == 0)

        let text = String(decoding: try Data(contentsOf: summaryURL), as: UTF8.self)
        let emptied = text.replacingOccurrences(of: #""findings": \[[\s\S]*\]\n\}"#, with: "\"findings\": []\n}", options: .regularExpression)
        #expect(emptied != text)
        try Data(emptied.utf8).write(to: summaryURL)
        let missing = try runDLNPath(["search-merge", dir])
        #expect(missing.status == 2 && missing.stderr.contains("summary-1-of-2.json: its findings and their duplicates name 0 instances, but it found"), "\(missing.stderr)")
    }

    /// Another seed or property is not written over another run's output unless --force; the
    /// same run may be rerun into its directory; a file is not a directory.
    @Test func overwriteRefusedUnlessForced() throws {
        let dir = try temporaryDirectory()
        let base = ["search", "--count", "4", "--max-found", "1", "--no-shrink", "--output", dir]
        #expect(try runDLNPath(base + ["--property", "non-monotone", "--seed", "1"]).status == 0)
        #expect(try runDLNPath(base + ["--property", "non-monotone", "--seed", "1"]).status == 0)
        for other in [["--property", "non-monotone", "--seed", "2"], ["--property", "not-equivalent", "--seed", "1"]] {
            let refused = try runDLNPath(base + other)
            #expect(refused.status == 2, "\(other): \(refused.stdout)")
            #expect(refused.stderr == "error: \(dir) holds the output of another search (summary.json: property non-monotone, seed 1, 4 instances of gaussian:6, n = 3, d = 4, signed, not shrunk); write to another directory, or give --force to replace it\n", "\(refused.stderr)")
        }
        let forced = try runDLNPath(base + ["--property", "non-monotone", "--seed", "2", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let summary = try jsonObject(String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(dir)/summary.json")), as: UTF8.self))
        #expect(summary["seed"] as? Int == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("instance-") }.count == 2)

        let file = try temporaryInput("taken", "not a directory")
        let onFile = try runDLNPath(["search", "--property", "non-monotone", "--count", "3", "--seed", "1", "--output", file])
        #expect(onFile.status == 2)
        #expect(onFile.stderr == "error: \(file) is a file; --output takes a directory (created if missing)\n", "\(onFile.stderr)")
        let frequencies = try runDLNPath(["search", "--frequencies", "--count", "3", "--seed", "1", "--output", file])
        #expect(frequencies.status == 2 && frequencies.stderr.components(separatedBy: "\n").count == 2, "\(frequencies.stderr)")
    }

    @Test func version() throws {
        let run = try runDLNPath(["--version"])
        #expect(run.status == 0 && run.stdout == "0.2.0\n", "\(run.stdout)\(run.stderr)")
    }
}
