import Foundation
import Testing
import TestScratch

/// Issue 14's classes of small inputs that used to hang or crash the tool, one small generated
/// bomb each: every one must end in exit 2 at once, with one short line that names the place.
/// (Archive bombs: DataFormatsTests; absurd flow/plot options: FlowPlotCLITests.)
@Suite("small inputs that cost too much")
struct BombCLITests {
    /// A scratch directory with `files` written into it.
    static func scratch(_ files: [String: String]) throws -> URL {
        let directory = try TestScratch.directory("dlnpath-bombs")
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return directory
    }

    /// Runs `args` in `directory`; expects exit 2 within `seconds` and one short error line
    /// containing every string of `mentions`.
    static func expectRefused(_ args: [String], in directory: URL, mentions: [String], seconds: Double = 15) throws {
        let start = Date()
        let run = try runDLNPath(args, workingDirectory: directory)
        let elapsed = Date().timeIntervalSince(start)
        #expect(run.status == 2, "\(args): exit \(run.status), stderr: \(run.stderr.prefix(300))")
        #expect(elapsed < seconds, "\(args) took \(elapsed) s")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(args): \(run.stderr.prefix(500))")
        #expect(run.stderr.count < 300, "\(args): \(run.stderr.count) characters")
        for text in mentions { #expect(run.stderr.contains(text), "\(args): \(run.stderr.prefix(300)) lacks \(text)") }
    }

    static let exactCommands: [[String]] = [["inspect"], ["path"], ["limit"], ["compare"], ["certify", "--stdout"], ["plot", "-o", "fig.svg"], ["flow"]]

    /// A 31-byte problem ("1e100000"), and an identity M with a 100,000-digit r.
    @Test func hugeNumbersAreRefusedWhenRead() throws {
        let digits = String(repeating: "1", count: 100_000)
        let directory = try Self.scratch([
            "exponent.json": #"{"M":[["1e100000"]],"r":["1"]}"#,
            "digits.json": #"{"M":[["1","0"],["0","1"]],"r":[""# + digits + #"","1"]}"#,
        ])
        for command in Self.exactCommands {
            try Self.expectRefused([command[0], "exponent.json"] + command.dropFirst(), in: directory,
                                   mentions: ["exponent.json", "M[1][1]", "1e100000", "100000", "±1,000", "--max-exponent"])
            try Self.expectRefused([command[0], "digits.json"] + command.dropFirst(), in: directory,
                                   mentions: ["digits.json", "r[1]", "1111111111", "(100,000 digits)", "limit of 1,000", "--max-digits"])
        }
    }

    /// The 8×8 X with entries like 3e100000 (inspect spent over 30 s on it), as CSV: the
    /// message gives line and column.
    @Test func hugeEntriesOfXAreRefusedWithTheirPlace() throws {
        let header = (1...8).map { "x\($0)" }.joined(separator: ",") + ",y\n"
        let rows = (0..<8).map { i in ((0..<8).map { j in (i + j) % 3 == 0 ? "3e100000" : "\(i + j + 1)" } + ["1"]).joined(separator: ",") }
        let directory = try Self.scratch(["x.csv": header + rows.joined(separator: "\n") + "\n"])
        try Self.expectRefused(["inspect", "x.csv"], in: directory,
                               mentions: ["x.csv", "line 2, column 1", "3e100000", "--max-exponent"])
    }

    /// Fractions whose denominators share no factor: each is within the digit limit, but over
    /// one common denominator the problem's integers need the sum of their sizes.
    @Test func manyDifferentDenominatorsAreRefused() throws {
        // 1/p^k for the first twelve primes, p^k of about 1,000 bits (≤ 302 digits) each.
        let primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
        let entries = primes.map { p in "\"1/" + decimalPower(p, bits: 1000) + "\"" }
        let rows = (0..<4).map { i in "[" + entries[(3 * i)..<(3 * i + 3)].joined(separator: ",") + "]" }
        let directory = try Self.scratch(["fractions.json": #"{"X":["# + rows.joined(separator: ",") + #"],"y":["1","2","3","4"]}"#])
        try Self.expectRefused(["limit", "fractions.json"], in: directory,
                               mentions: ["fractions.json", "X[", "bits", "limit of 9,", "--max-bits"])
        let run = try runDLNPath(["inspect", "fractions.json", "--max-bits", "20000"], workingDirectory: directory)
        #expect(run.status == 0, "\(run.stderr.prefix(300))")
    }

    /// The decimal digits of p^k for the largest k with p^k < 2^bits (schoolbook, small p).
    private func decimalPower(_ p: Int, bits: Int) -> String {
        var digits = [1] // little-endian
        var log2 = 0.0
        while log2 + Foundation.log2(Double(p)) < Double(bits) {
            log2 += Foundation.log2(Double(p))
            var carry = 0
            for i in digits.indices {
                let t = digits[i] * p + carry
                digits[i] = t % 10
                carry = t / 10
            }
            while carry > 0 { digits.append(carry % 10); carry /= 10 }
        }
        return digits.reversed().map(String.init).joined()
    }

    /// The limits can be raised, and the defaults admit every double written exactly.
    @Test func limitsCanBeRaisedAndAdmitEveryDouble() throws {
        // 2^1024 − 2^971 (the largest double) and 2^−1074 (the smallest), as exact integers / fractions.
        let big = "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368"
        let tinyDenominator = "202402253307310618352495346718917307049556649764142118356901358027430339567995346891960383701437124495187077864316811911389808737385793476867013399940738509921517424276566361364466907742093216341239767678472745068562007483424692698618103355649159556340810056512358769552333414615230502532186327508646006263307707741093494784"
        let directory = try Self.scratch([
            "wide.json": #"{"M":[["1e1500"]],"r":["1"]}"#,
            "doubles.json": #"{"M":[[""# + big + #"","0"],["0","1/"# + tinyDenominator + #""]],"r":["1","1"]}"#,
        ])
        try Self.expectRefused(["inspect", "wide.json"], in: directory, mentions: ["--max-exponent"])
        for args in [["inspect", "wide.json", "--max-exponent", "1500"], ["compare", "doubles.json"],
                     ["certify", "wide.json", "--max-exponent", "1500", "-o", "wide.cert.json"],
                     ["check", "wide.cert.json", "--input", "wide.json", "--max-exponent", "1500"]] {
            let run = try runDLNPath(args, workingDirectory: directory)
            #expect(run.status == 0, "\(args): \(run.stderr.prefix(300))")
        }
        // Checking against the input reads it with the same limits.
        try Self.expectRefused(["check", "wide.cert.json", "--input", "wide.json"], in: directory, mentions: ["wide.json", "--max-exponent"])
    }

    /// A value quoted in an error is a short prefix and a digit count, even when it is huge.
    @Test func errorsQuoteHugeNumbersBriefly() throws {
        let a = "1" + String(repeating: "0", count: 50_000), b = "2" + String(repeating: "0", count: 50_000)
        let directory = try Self.scratch(["asymmetric.json": #"{"M":[["1",""# + a + #""],[""# + b + #"","1"]],"r":["1","1"]}"#])
        try Self.expectRefused(["inspect", "asymmetric.json", "--max-digits", "60000", "--max-exponent", "60000"], in: directory,
                               mentions: ["not symmetric", "10000000000000000000… (50,001 digits)", "20000000000000000000… (50,001 digits)"])
    }

    /// Where a double is needed, a value beyond its range is said to be so.
    @Test func valuesBeyondDoubleSayWhy() throws {
        let directory = try Self.scratch([
            "big.json": #"{"M":[["1e400"]],"r":["1"]}"#,
            "small.json": #"{"M":[["1"]],"r":["1"]}"#,
        ])
        try Self.expectRefused(["flow", "big.json"], in: directory, mentions: ["M[1][1]", "larger than a double can hold"])
        try Self.expectRefused(["plot", "big.json", "-o", "fig.svg"], in: directory, mentions: ["larger than a double can hold"])
        for (option, value, words) in [("--rtol", "1e-400", "smaller"), ("--atol", "1e400", "larger"), ("--s-max", "1e-400", "smaller")] {
            try Self.expectRefused(["flow", "small.json", option, value], in: directory,
                                   mentions: [option, value, "\(words) than a double can hold"])
        }
        try Self.expectRefused(["flow", "small.json", "--gradient-descent", "--step", "1e-400"], in: directory,
                               mentions: ["--step", "smaller than a double can hold"])
    }

    /// `generate mairal-yu` refuses levels it cannot finish, saying the largest it accepts.
    @Test func mairalYuLevelIsBounded() throws {
        let directory = try Self.scratch([:])
        let run = try runDLNPath(["generate", "mairal-yu", "--p", "100000"], workingDirectory: directory)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--p must be at most 14, got 100000"), "\(run.stderr)")
    }

    /// File-system errors: a missing input, an output path that is a directory or under a
    /// missing directory. Exit 2, one short human line naming the path, no system error dump.
    @Test func fileSystemErrorsAreOneLine() throws {
        let directory = try Self.scratch(["p.json": #"{"M":[["2"]],"r":["1"]}"#])
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("adir"), withIntermediateDirectories: true)
        let cases: [([String], String)] = [
            (["inspect", "missing.json"], "missing.json"),
            (["compare", "missing.csv"], "missing.csv"),
            (["flow", "missing.npz"], "missing.npz"),
            (["check", "missing.cert.json"], "missing.cert.json"),
            (["check-solver", "p.json", "--solution", "missing.npz"], "missing.npz"),
            (["certify", "p.json", "-o", "adir"], "adir"),
            (["certify", "p.json", "-o", "nowhere/c.json"], "nowhere/c.json"),
            (["plot", "p.json", "-o", "adir"], "adir"),
            (["plot", "p.json", "-o", "nowhere/f.svg"], "nowhere/f.svg"),
            (["generate", "mairal-yu", "--p", "2", "-o", "adir"], "adir"),
            (["generate", "mairal-yu", "--p", "2", "-o", "nowhere/m.json"], "nowhere/m.json"),
        ]
        for (args, path) in cases {
            try Self.expectRefused(args, in: directory, mentions: [path])
            let run = try runDLNPath(args, workingDirectory: directory)
            #expect(!run.stderr.contains("Domain"), "\(args): \(run.stderr)")
        }
    }
}
