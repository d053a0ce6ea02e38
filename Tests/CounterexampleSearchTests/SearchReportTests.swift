import CounterexampleSearch
import ExactArithmetic
import Foundation
import Testing

/// What `search` and `search-merge` write and print beside the table, from the library.
@Suite struct SearchReportTests {
    @Test func writtenFilesAreCheckedByTheIndependentChecker() throws {
        let options = CounterexampleSearch.Options(property: .nonMonotone, seed: 1, count: 12, jobs: 1, maximumFindings: 2)
        let outcome = try CounterexampleSearch.run(options)
        let dir = try temporaryDirectory()
        let written = try SearchOutput.write(outcome, to: dir)  // the default verifier: CertificateChecker
        #expect(written.map(\.lastPathComponent) == [0, 2].flatMap { [SearchOutput.instanceFileName($0), SearchOutput.certificateFileName($0)] } + ["summary.json"])
        let certificate = try String(contentsOf: dir.appendingPathComponent(SearchOutput.certificateFileName(2)), encoding: .utf8)
        #expect(SearchOutput.independentCheck(certificate) == nil)
        // A certificate whose claim is changed is refused with the checker's reason.
        let tampered = certificate.replacingOccurrences(of: "\"monotone\": false", with: "\"monotone\": true")
        #expect(tampered != certificate)
        #expect(SearchOutput.independentCheck(tampered) != nil)
        #expect(SearchOutput.writtenNote(outcome, to: dir, note: "3 instances") ==
            "(3 instances; wrote 2 instances with certificates and summary.json to \(dir.path))")
        #expect(outcome.analysisFailure == nil)
        let report = try SearchOutput.writeReport(outcome, to: dir, note: "3 instances")
        #expect(report == SearchOutput.table(outcome) + "\n" + SearchOutput.writtenNote(outcome, to: dir, note: "3 instances"))
        #expect(report.hasPrefix("property non-monotone") && report.contains("found 2 of"))
    }

    @Test func distributionsFromTheirText() throws {
        let d = try Distribution(parsing: "integers:-2:2", samples: 2, features: 3, positive: true)
        #expect(d.entries == .integers(-2...2) && d.samples == 2 && d.features == 3 && d.variant == .positive)
        #expect(try Distribution(parsing: "gaussian:6", samples: 3, features: 4, positive: false) == Distribution.paper)
        #expect(throws: SearchError.self) { try Distribution(parsing: "uniform", samples: 3, features: 4, positive: false) }
    }
}
