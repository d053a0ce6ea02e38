import DataFormats
import ProblemDefinition
import JSONFormat

extension MairalYu {
    /// (3ᵖ + 1)/2, the number of knots of level p's lasso path.
    public static func knotCount(p: Int) -> Int { ((0..<p).reduce(1) { r, _ in r * 3 } + 1) / 2 }

    /// Level p as a problem file (`Problem.json(form:description:)`), with a description line.
    public static func document(p: Int, form: ProblemForm = .data) throws -> JSONValue {
        try instance(p: p).json(form: form, description: "Mairal–Yu level p = \(p) (docs/math.md §6): its lasso path has \(knotCount(p: p)) knots")
    }
}
