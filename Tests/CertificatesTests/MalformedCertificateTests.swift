import CertificateChecker
import JSONFormat
import Testing
import SeededRandom

/// Malformed certificates give `.malformed` (exit 2) with a message naming the place, and never
/// crash: truncations at every length, wrong types and sizes, missing and unknown fields,
/// numbers that are not canonical "p/q" strings, zero denominators, unknown versions.
@Suite("Malformed certificates") struct MalformedCertificateTests {
    let good = HandCertificates.berthier

    @Test func everyTruncationIsMalformed() {
        let bytes = Array(good.utf8)
        for length in stride(from: 0, to: bytes.count - 1, by: 7) {
            let text = String(decoding: bytes[..<length], as: UTF8.self)
            expectMalformed(text, "truncated to \(length) bytes")
        }
        #expect(expectMalformed(String(good.dropLast(3)), "truncated")?.message.hasPrefix("not valid JSON") == true)
    }

    @Test func shapesAndTypes() {
        let cases: [(String, String, String)] = [
            (#""version": 2"#, #""version": 1"#, "version: unknown version 1 (this checker reads version 2)"),
            (#""version": 2"#, #""version": "2""#, "version: expected an integer, found a string"),
            // A recorded option that `check --input` could not re-apply names its place.
            (#""sha256": "9f70"#, #""weightDecay": "0.1", "sha256": "9f70"#,
             "input.weightDecay: \"0.1\" is not an exact number in canonical form \"p/q\" (reduced, denominator > 1) or \"p\""),
            (#""sha256": "9f70"#, #""weightDecay": "-1/10", "sha256": "9f70"#, "input.weightDecay: a weight decay must be ≥ 0, found -1/10"),
            (#""sha256": "9f70"#, #""variant": "u∘v", "sha256": "9f70"#, "input.variant: expected \"signed\" or \"positive\""),
            (#""sha256": "9f70"#, #""scaling": "max", "sha256": "9f70"#, "input.scaling: expected \"mean\" or \"sum\""),
            (#""coordinates": [0]"#, #""coordinates": [2]"#,
             "verdict.downwardVariation.pieces[1].coordinates[0]: expected an integer in 0...1, found 2"),
            (#""coordinates": [0]"#, #""coordinates": [-1]"#,
             "verdict.downwardVariation.pieces[1].coordinates[0]: expected an integer in 0...1, found -1"),
            (#""eta": {"#, #""eta": {"middle": "1", "#, "verdict.samples[0].eta: unknown field \"middle\""),
            (#""format": "dlnpath-certificate""#, #""format": "drat""#, "format: expected \"dlnpath-certificate\""),
            (#"{"lambda": "4/3", "x": ["-1/6", "0"]"#, #"{"lambda": "4/3", "x": ["-1/6"]"#,
             "lasso.knots[1].x: expected 2 entries, found 1"),
            (#"{"lambda": "4/3", "x""#, #"{"lambda": 1.25, "x""#,
             "lasso.knots[1].lambda: expected an exact number as a string \"p/q\", found the number 1.25"),
            (#""lambda": "4/3""#, #""lambda": "8/6""#,
             "lasso.knots[1].lambda: \"8/6\" is not an exact number in canonical form \"p/q\" (reduced, denominator > 1) or \"p\""),
            (#""lambda": "4/3""#, #""lambda": "4/0""#,
             "lasso.knots[1].lambda: \"4/0\" is not an exact number in canonical form \"p/q\" (reduced, denominator > 1) or \"p\""),
            (#""lambda": "4/3""#, #""lambda": "1.5""#,
             "lasso.knots[1].lambda: \"1.5\" is not an exact number in canonical form \"p/q\" (reduced, denominator > 1) or \"p\""),
            (#"["-3", "2"]"#, #"["-3", "2", "1"]"#, "problem.M: expected 3 entries, found 2"),
            (#"{"signs": [-1, 0], "unique": true}, "#, "", "lasso.segments: expected 4 entries, found 3"),
            (#"{"signs": [-1, 0]"#, #"{"signs": [-2, 0]"#, "lasso.segments[0].signs[0]: expected an integer in -1...1, found -2"),
            // The uniqueness claims of the lasso: flags and witnesses have their shapes.
            (#"{"lambda": "3", "x": ["0", "0"], "unique": true}"#, #"{"lambda": "3", "x": ["0", "0"]}"#, "lasso.knots[0]: missing field \"unique\""),
            (#"{"signs": [-1, 0], "unique": true}"#, #"{"signs": [-1, 0], "unique": "yes"}"#, "lasso.segments[0].unique: expected true or false, found a string"),
            (#"{"lambda": "3", "x": ["0", "0"], "unique": true}"#, #"{"lambda": "3", "x": ["0", "0"], "unique": true, "weights": ["1"]}"#,
             "lasso.knots[0].weights: expected 2 entries, found 1"),
            (#"{"signs": [1, 1], "unique": true}"#, #"{"signs": [1, 1], "unique": false, "direction": [1, -1]}"#,
             "lasso.segments[3].direction[0]: expected an exact number as a string \"p/q\", found the number 1"),
            ("],\n    \"unique\": true", "]", "lasso: missing field \"unique\""),
            (#""monotone": false"#, #""monotone": "false""#, "verdict.monotone: expected true or false, found a string"),
            (#""unique": true}"#, #""unique": true, "extra": 1}"#, "lasso.knots[0]: unknown field \"extra\""),
            (#""multipliers": ["0", "0"], "unique": true}"#, #""multipliers": ["0", "0"], "unique": true, "extra": 1}"#, "limit.saddles[0]: unknown field \"extra\""),
            (#""equivalent": false,"#, "", "verdict: missing field \"equivalent\""),
            (#""sha256": "9f70"#, #""sha256": "9F70"#, "input.sha256: expected a SHA-256 digest: 64 lowercase hexadecimal digits"),
            (#""variant": "signed""#, #""variant": "both""#, "problem.variant: expected \"signed\" or \"positive\""),
            (#""to": "3""#, #""to": 3"#, "verdict.divergence[0].to: expected an exact number as a string \"p/q\", found the number 3"),
            (#""segment": 1"#, #""segment": -1"#, "verdict.monotoneBreak.segment: expected an integer in 0...9223372036854775807, found -1"),
            (#""coordinate": 0"#, #""coordinate": 2"#, "verdict.monotoneBreak.coordinate: expected an integer in 0...1, found 2"),
            (#""multipliers": ["1", "0"]"#, #""multipliers": null"#, "limit.saddles[2].multipliers: expected an array, found null"),
        ]
        for (old, new, message) in cases {
            #expect(expectMalformed(tampered(good, old, new), message)?.description == message)
        }
    }

    @Test func otherRootsAndEmptyLists() {
        for text in ["", "null", "[]", "3", "\"certificate\"", "{}"] {
            expectMalformed(text, "root \(text)")
        }
        #expect(expectMalformed(#"{"format": "dlnpath-certificate"}"#, "short")?.description == "missing field \"version\"")
        let document = try! JSONValue.parse(good)
        let noKnots = document.replacing([.key("lasso")]) { _ in ["knots": [], "segments": [], "unique": true] }
        #expect(expectMalformed(noKnots.serialized(), "no knots")?.description == "lasso.knots: expected at least one entry")
        let noSaddles = document.replacing([.key("limit"), .key("saddles")]) { _ in [] }
        #expect(expectMalformed(noSaddles.serialized(), "no saddles")?.description == "limit.saddles: expected at least one entry")
        let noR = tampered(good, #""r": ["-3", "2"]"#, #""r": []"#)
        #expect(expectMalformed(noR, "empty r")?.description == "problem.r: expected at least one entry")
    }

    /// Numbers the canonical syntax rejects, one at a time in a knot's lambda.
    @Test func nonCanonicalNumbers() {
        for bad in ["", "+1", "-0", "01", "1/1", "2/4", "1/-3", "-1/-3", "1e3", "0x10", " 1", "1 ", "1//2", "/2", "1/", "½", "NaN", "inf"] {
            let text = tampered(good, #""lambda": "4/3""#, #""lambda": "\#(bad)""#)
            expectMalformed(text, "lambda '\(bad)'")
        }
    }

    /// Random byte flips must never crash the checker (each outcome is one of the three).
    @Test func randomCorruptionNeverCrashes() {
        var generator = SplitMix64(seed: 2024)
        var bytes = Array(good.utf8)
        var seen = Set<Int32>()
        for _ in 0..<300 {
            var copy = bytes
            let i = Int(generator.next() % UInt64(copy.count))
            copy[i] = UInt8(truncatingIfNeeded: generator.next())
            let report = CertificateChecker.check(certificateText: String(decoding: copy, as: UTF8.self))
            seen.insert(report.exitCode)
        }
        bytes.removeAll()
        #expect(seen.isSubset(of: [0, 1, 2]) && seen.contains(2))
    }
}

