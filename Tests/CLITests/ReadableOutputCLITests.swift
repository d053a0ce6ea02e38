import DataFormats
import ExactArithmetic
import Foundation
import SeededRandom
import Testing
import JSONFormat

/// Default text is a readable summary (correctly rounded decimals, lines ≤ 160 characters,
/// bounded rows) on a large instance; `--json --float` holds the nearest doubles; indices in
/// JSON count from 0.
@Suite("readable output") struct ReadableOutputCLITests {
    /// A seeded random design, n = 80, d = 60, integer entries in −9…9 (SplitMix64, seed 60).
    /// The tool's own exact output can exceed the input limits (it is read back here, not as input).
    static let outputLimits = NumberLimits(maximumDigits: 1_000_000, maximumExponent: 1_000_000)

    static let large: String = {
        var g = SplitMix64(seed: 60)
        let rows = (0..<80).map { _ in "[" + (0..<60).map { _ in String(g.nextInt(in: -9...9)) }.joined(separator: ",") + "]" }
        let y = (0..<80).map { _ in String(g.nextInt(in: -9...9)) }.joined(separator: ",")
        return try! temporaryInput("random60.json", #"{"X": [\#(rows.joined(separator: ","))], "y": [\#(y)]}"#)
    }()

    @Test(arguments: ["inspect", "path", "limit", "compare"])
    func defaultTextIsASummary(command: String) throws {
        let run = try runDLNPath([command, Self.large])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let widest = lines.map(\.count).max() ?? 0
        #expect(widest <= 160, "\(command): a line of \(widest) characters")
        #expect(run.stdout.utf8.count < 20_000, "\(command): \(run.stdout.utf8.count) bytes")
        // The header's first line names the file and wraps where the path is long.
        #expect(lines.prefix(3).contains { $0.hasPrefix("(all values computed exactly;") }, "\(lines.prefix(3))")
        #expect(run.stderr.isEmpty) // no progress: stderr is not a terminal
        if command != "inspect" { #expect(run.stdout.contains("more rows … (--all prints every row, --json everything exactly)")) }
    }

    @Test func allAndExactPrintEverything() throws {
        let summary = try runDLNPath(["path", Self.large]).stdout
        let all = try runDLNPath(["path", Self.large, "--all", "--exact"])
        #expect(all.status == 0)
        #expect(!all.stdout.contains("more rows"))
        #expect(all.stdout.utf8.count > summary.utf8.count)
        // Every fraction in full: a knot κ longer than 20 characters appears as p/q.
        #expect(all.stdout.split(separator: " ").contains { $0.contains("/") && $0.count > 20 })
        #expect(all.stdout.contains("(all values computed exactly and shown in full)"))
    }

    /// `--digits 12` shows the same knots with twelve significant digits: the value printed is
    /// the exact κ correctly rounded, checked here against the exact JSON.
    @Test func digitsRoundTheExactValues() throws {
        let json = try jsonObject(try runDLNPath(["path", Self.large, "--json"]).stdout)
        let knots = try #require(json["knots"] as? [[String: Any]])
        let long = try #require(knots.compactMap { $0["lambda"] as? String }.first { $0.count > 20 })
        let exact = try Rational(parsing: long, limits: Self.outputLimits)
        for digits in [1, 6, 12, 30] {
            let text = try runDLNPath(["path", Self.large, "--digits", String(digits)])
            #expect(text.status == 0)
            #expect(text.stdout.contains(" " + exact.decimalString(significantDigits: digits) + " "), "\(digits) digits")
        }
        #expect(try runDLNPath(["path", Self.large, "--digits", "0"]).status == 2)
        #expect(try runDLNPath(["path", Self.large, "--float"]).status == 2) // --float needs --json
    }

    /// Every number of `--json --float` is the double nearest to the exact string at the same
    /// place of `--json` (checked exactly against both neighbours), and reads back to itself.
    @Test(arguments: ["path", "limit", "compare", "inspect"])
    func floatIsTheNearestDouble(command: String) throws {
        let exact = try runDLNPath([command, Self.large, "--json", "--at", "1/10"].filter { command != "inspect" || ($0 != "--at" && $0 != "1/10") })
        let float = try runDLNPath([command, Self.large, "--json", "--float", "--at", "1/10"].filter { command != "inspect" || ($0 != "--at" && $0 != "1/10") })
        #expect(exact.status == 0 && float.status == 0, "\(exact.stderr) \(float.stderr)")
        // The project's parser keeps each number's text: Foundation's JSONSerialization on Linux
        // does not always read a double's shortest text back to the same double.
        var checked = 0
        func walk(_ e: JSONValue, _ f: JSONValue) throws {
            switch (e, f) {
            case let (.object(e), .object(f)):
                #expect(e.keys == f.keys)
                for k in e.keys { try walk(e[k]!, f[k]!) }
            case let (.array(e), .array(f)):
                #expect(e.count == f.count)
                for (a, b) in zip(e, f) { try walk(a, b) }
            case let (.string(e), .number(text)):
                let q = try Rational(parsing: e, limits: Self.outputLimits), x = try #require(Double(text))
                let distance = { (d: Double) in (Rational(exactly: d)! - q).magnitude }
                #expect(distance(x) <= distance(x.nextUp) && distance(x) <= distance(x.nextDown), "\(e) → \(text)")
                checked += 1
            case let (.string(e), .string(f)):
                #expect(e == f) // names and sentences stay as they are
            default:
                #expect(e == f, "\(e) vs \(f)")
            }
        }
        try walk(try JSONValue.parse(exact.stdout), try JSONValue.parse(float.stdout))
        #expect(checked > 100)
    }

    @Test func jsonIndicesCountFromZero() throws {
        let o = try jsonObject(try runDLNPath(["compare", repositoryFile("examples/berthier-example.json"), "--json"]).stdout)
        let divergence = try #require((o["divergence"] as? [[String: Any]])?.first)
        #expect(divergence["coordinates"] as? [Int] == [0, 1])
        #expect((o["monotonicityBreak"] as? [String: Any])?["coordinate"] as? Int == 0)
        // Knot 0 (κ = 3): coordinate 0 joins; knot 1 (κ = 4/3): coordinate 1 joins.
        #expect((o["knots"] as? [[String: Any]])?.map { $0["joined"] as? [Int] } == [[0], [1], [], [0], []])
    }

    /// File-system failures are bad input: exit 2 and one line naming the file and the reason.
    @Test func fileSystemErrorsExitTwoWithOneLine() throws {
        let example = repositoryFile("examples/orthogonal.json")
        for (args, line) in [
            (["certify", example, "-o", "/nonexistent/dlnpath/c.json"], "error: /nonexistent/dlnpath/c.json: cannot write file: no such directory '/nonexistent/dlnpath'\n"),
            (["check", "/tmp/nonexistent-dlnpath.cert.json"], "error: /tmp/nonexistent-dlnpath.cert.json: cannot read file: no such file\n"),
            (["inspect", "/nonexistent/dlnpath.json"], "error: /nonexistent/dlnpath.json: cannot read file: no such directory '/nonexistent'\n"),
            (["generate", "mairal-yu", "--p", "2", "-o", "/nonexistent/dlnpath/my.json"], "error: /nonexistent/dlnpath/my.json: cannot write file: no such directory '/nonexistent/dlnpath'\n"),
        ] {
            let run = try runDLNPath(args)
            #expect(run.status == 2, "\(args)")
            #expect(run.stderr == line)
            #expect(run.stdout.isEmpty)
        }
    }
}
