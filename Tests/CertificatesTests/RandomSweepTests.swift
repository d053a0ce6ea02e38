import SeededRandom
import CertificateChecker
import Certificates
import JSONFormat
import ExactArithmetic
import ExactLinearAlgebra
import ProblemDefinition
import Testing

/// Solver and checker disagree on nothing: on a seeded sweep of small random instances (signed
/// and positive, positive definite and singular M, with and without weight decay) every
/// certificate the solvers produce passes every check of the independent checker — so the
/// checker's own re-derivation of the verdict, the divergence intervals, the jump times, the
/// uniqueness flags of the lasso and of the saddles, z↓ and the gap maxima (proved as maxima)
/// equals the solver's on every instance.
@Suite("Random sweep: solver vs checker") struct RandomSweepTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let index: UInt64
        let variant: Variant
        let singular: Bool
        let weightDecay: Rational
        var testDescription: String { "\(variant.rawValue), \(singular ? "singular" : "full rank"), λwd = \(weightDecay)" }
    }

    static let cases: [Case] = [Variant.signed, .positive].flatMap { v in
        [false, true].flatMap { singular in [Rational.zero, Rational(1, 3)].map { (v, singular, $0) } }
    }.enumerated().map { Case(index: UInt64($0), variant: $1.0, singular: $1.1, weightDecay: $1.2) }

    @Test(arguments: cases)
    func everyCertificateChecks(_ c: Case) throws {
        var generator = SplitMix64(seed: 7 + c.index)
        var checked = 0, divergent = 0, nonUnique = 0, nonUniquePath = 0, gapMaxima = 0, falling = 0
        for trial in 0..<24 {
            let d = 2 + trial % 3
            // Singular: fewer samples than features, or a duplicated column.
            let n = c.singular && trial % 2 == 0 ? d - 1 : d + 1
            var X = (0..<n).map { _ in (0..<d).map { _ in Rational(Int(generator.next() % 7) - 3) } }
            if c.singular && trial % 2 == 1 { for i in 0..<n { X[i][d - 1] = X[i][0] } }
            let y = (0..<n).map { _ in Rational(Int(generator.next() % 9) - 4) }
            let problem = try Problem(X: Matrix(X), y: y, scaling: .sum, variant: c.variant, weightDecay: c.weightDecay)
            if c.singular == problem.isPositiveDefinite { continue }   // a random draw may land elsewhere
            let bytes = Array("trial \(trial)".utf8)
            let document = try Certificate.make(problem: problem, inputBytes: bytes, inputName: "random-\(trial)")
            let evidence = InputEvidence(bytes: bytes, variant: c.variant == .signed ? .signed : .positive,
                                         weightDecay: c.weightDecay, M: problem.M.rowArrays, r: problem.r)
            let report = CertificateChecker.check(certificateText: document.serialized(), input: evidence)
            #expect(report.isValid, "trial \(trial), X = \(X), y = \(y): \(report.problem ?? "")")
            checked += 1
            if document["verdict"]?["equivalent"] == false { divergent += 1 }
            if document["verdict"]?["gapMaxima"]?.asArray?.isEmpty == false { gapMaxima += 1 }
            if document["verdict"]?["downwardVariation"]?["total"] != "0" { falling += 1 }
            if document["limit"]?["saddles"]?.asArray?.contains(where: { $0["unique"] == false }) == true { nonUnique += 1 }
            if document["lasso"]?["unique"] == false { nonUniquePath += 1 }
        }
        #expect(checked >= 20)
        // The sweep reaches the interesting cases: parting paths, and non-unique faces.
        if !c.singular { #expect(divergent >= 1 && gapMaxima >= 1 && falling >= 1) }
        if c.singular { #expect(nonUnique >= 3 && nonUniquePath >= 3) }
        if !c.singular { #expect(nonUniquePath == 0) }
    }
}
