import CertificateChecker
import Certificates
import JSONFormat
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import Testing

/// Instances found by a random search where a face minimiser is unique although M on its free
/// face coordinates is singular (a column and its negation both on the face, both zero): the
/// certificate then carries Stiemke weights, which the checker verifies.
@Suite("Uniqueness witnesses") struct UniquenessWitnessTests {
    static let instances: [(X: [[Int]], y: [Int], weightDecay: Rational)] = [
        ([[-2, -2, 0, 2], [0, 1, 1, -1], [-1, 0, 0, 0], [-1, -1, 0, 1], [1, 2, -2, -2]], [2, -1, 2, 0, -1], .zero),
        ([[-1, -1, -1, 1], [0, 2, 0, -2], [2, 0, 1, 0], [2, -2, -1, 2], [2, 1, 0, -1]], [3, 1, 0, 2, 0], Rational(1, 2)),
        ([[0, -2, 2], [0, 2, -2], [1, 2, -2], [1, 2, -2]], [3, 3, -3, -2], .zero),
    ]

    @Test func weightsAreWrittenCheckedAndTamperingIsCaught() throws {
        for instance in Self.instances {
            let problem = try Problem(X: Matrix(instance.X.map { row in row.map { Rational($0) } }), y: instance.y.map { Rational($0) },
                                      scaling: .sum, weightDecay: instance.weightDecay)
            let document = try Certificate.make(problem: problem, inputBytes: [], inputName: "witness")
            let saddles = try #require(document["limit"]?["saddles"]?.asArray)
            let k = try #require(saddles.firstIndex { $0["weights"] != nil })
            #expect(saddles[k]["unique"] == true)
            #expect(CertificateChecker.check(certificateText: document.serialized()).isValid)
            let path: [Step] = [.key("limit"), .key("saddles"), .index(k), .key("weights")]
            let removed = document.replacing([.key("limit"), .key("saddles"), .index(k)]) { saddle in
                var o = saddle.asObject!
                o["weights"] = nil
                return .object(o)
            }
            #expect(expectFailure(removed.serialized(), "weights removed")?.message.contains("no weights witness is given") == true)
            for (i, w) in try #require(document.at(path).asArray).enumerated() where w != "0" {
                expectFailure(document.replacing(path + [.index(i)], Mutations.bump).serialized(), "weight \(i + 1) bumped")
            }
        }
    }
}
