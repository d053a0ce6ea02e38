import DataFormats
import ExactArithmetic
import PlainText
import ProblemDefinition

extension LassoPath {
    /// "{1−, 3+}": active coordinates (1-based, as people count) with the sign of x.
    public static func activeText(_ active: [Int], _ signs: [Int]) -> String {
        active.isEmpty ? "∅" : "{" + zip(active, signs).map { "\($0 + 1)\($1 > 0 ? "+" : "−")" }.joined(separator: ", ") + "}"
    }

    /// The `path` report: a header, one row per knot, and the evaluations at `penalties`.
    public func text(file: String, at penalties: [Rational] = [], format f: NumberFormat = .readable) -> String {
        var report = PathReport(problem, at: penalties, format: f)
        for (k, knot) in knots.enumerated() { report.pass(knot, below: k < segments.count ? segments[k] : nil) }
        return report.text(file: file)
    }

    /// The same report as the path streams (`stream(problem:kappaMin:visit:)`): the text of
    /// `LassoPath(problem:kappaMin:).text(file:at:format:)` with memory flat in the knots.
    public static func text(problem: Problem, kappaMin: Rational? = nil, file: String, at penalties: [Rational] = [],
                            format f: NumberFormat = .readable) throws -> String {
        var report = PathReport(problem, at: penalties, format: f)
        _ = try stream(problem: problem, kappaMin: kappaMin) { knot, below in
            report.pass(knot, below: below)
            return true
        }
        return report.text(file: file)
    }
}
