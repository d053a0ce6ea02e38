import ExactArithmetic
import Foundation
import JSONFormat
@testable import LimitVerdict
import ProblemDefinition
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `compare --json --summary` (`ExactComparison.writeJSON(summary: true)`): byte for byte the
/// whole in-memory document without the saddles, z↓'s pieces and the gap pieces, with the first
/// largest of the gap pieces' maxima after z↓ — found here from the in-memory gap pieces by a
/// plain exact scan, not by the streamed verdict's bounds. A failing side writes nothing
/// (`StreamedComparisonTests.aFailingSideStopsTheOthersAndWritesNothing`).
@Suite struct SummaryComparisonTests {
    static func written(_ problem: Problem, horizon: Rational?, at times: [Rational], _ exact: ExactJSON) throws -> String {
        let file = try #require(tmpfile())
        defer { fclose(file) }
        _ = try ExactComparison.writeJSON(problem, horizon: horizon, at: times, exact, summary: true, toFileDescriptor: fileno(file))
        rewind(file)
        return String(decoding: FileHandle(fileDescriptor: fileno(file)).readDataToEndOfFile(), as: UTF8.self)
    }

    /// The whole document's members with the long arrays left out and the largest gap added.
    static func expected(_ whole: ExactComparison, at times: [Rational], _ exact: ExactJSON) throws -> String {
        var largest: GapPiece?
        for g in whole.verdict.gap where !g.maximum.isZero && largest.map({ $0.maximum < g.maximum }) ?? true { largest = g }
        let largestGap: JSONValue = largest.map { .object(JSONObject([("maximum", exact($0.maximum)), ("maximiser", exact.optional($0.maximiser))])) } ?? .null
        var members: [(String, JSONValue)] = []
        for (key, value) in try #require(try whole.verdict.json(path: whole.path, at: times, exact).asObject) where key != "saddles" && key != "gap" {
            if key == "zDown" {
                members.append((key, .object(JSONObject([("total", try #require(value["total"]))]))))
                members.append(("largestGap", largestGap))
            } else {
                members.append((key, value))
            }
        }
        return JSONValue.object(JSONObject(members)).serialized(pretty: true) + "\n"
    }

    @Test func summaryIsTheWholeDocumentWithoutItsLongArrays() throws {
        var nulls = 0
        for (n, (problem, times)) in try StreamedComparisonTests.problems.enumerated() {
            for (horizon, at) in [(nil, times), (q("2"), [q("1")])] {
                let whole = try ExactComparison(problem, horizon: horizon)
                if whole.verdict.gap.allSatisfy({ $0.maximum.isZero }) { nulls += 1 }
                for exact in [ExactJSON.exactStrings, .nearestDouble] {
                    #expect(try Self.written(problem, horizon: horizon, at: at, exact) == (try Self.expected(whole, at: at, exact)),
                            "problem \(n), horizon \(String(describing: horizon)), \(exact)")
                }
            }
        }
        #expect(nulls > 0) // some comparison has no gap at all: "largestGap": null
    }

    /// docs/math.md §4's worked example: the gap's maxima on [3/4, 1], [1, 11/4], [11/4, 3] are
    /// 1/64 at 1, 1/28 at 7/4 and 15/484 at 11/4, so the largest is 1/28 at s = 7/4.
    @Test func theWorkedExamplesLargestGap() throws {
        let problem = try Problem(M: matrix([[10, -4], [-4, 2]]), r: vector("-3", "2"))
        let document = try JSONValue.parse(try Self.written(problem, horizon: nil, at: [], .exactStrings))
        #expect(document["largestGap"] == .object(JSONObject([("maximum", "1/28"), ("maximiser", "7/4")])))
        #expect(document["saddles"] == nil && document["gap"] == nil && document["zDown"] == .object(JSONObject([("total", "15/64")])))
    }
}
