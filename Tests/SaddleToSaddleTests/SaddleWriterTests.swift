import ExactArithmetic
import JSONFormat
import SaddleToSaddle
import Testing

/// `Saddle.writeJSON` and the streamed `limit --json` document (saddles written on two threads,
/// `SaddleText`) give the bytes of the trees `json(…)` builds, exact and `--float`, and writing
/// does not keep a reduced copy of q (the saddle still holds its common-denominator form).
@Suite struct SaddleWriterTests {
    static func bytes(_ write: (inout JSONOutput) throws -> Void) rethrows -> String {
        var out = JSONOutput()
        try write(&out)
        return out.string
    }

    @Test(arguments: DualNumeratorsTests.cases.indices)
    func saddlesMatchTheirTrees(_ index: Int) throws {
        let limit = try DLNLimit(problem: try DualNumeratorsTests.problem(DualNumeratorsTests.cases[index]))
        #expect(limit.saddles.count > 2)
        for exact in [ExactJSON.exactStrings, .nearestDouble] {
            for (k, saddle) in limit.saddles.enumerated() {
                for indent in [0, 4] {
                    let tree = Self.bytes { saddle.json(exact).write(to: &$0, indent: indent) }
                    #expect(Self.bytes { saddle.writeJSON(exact, to: &$0, indent: indent) } == tree, "saddle \(k)")
                }
                if k > 0 { #expect(saddle.dualOverCommonDenominator != nil, "saddle \(k) kept a reduced q") }
            }
            let streamed = try Self.bytes { try limit.document(exact).write(to: &$0) }
            let parsed = try JSONValue.parse(streamed)
            #expect(parsed["saddles"] == .array(limit.saddles.map { $0.json(exact) }))
            #expect(Self.bytes { parsed.write(to: &$0) } == streamed)
        }
    }
}
