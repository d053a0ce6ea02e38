import DataFormats
import ExactArithmetic
import JSONFormat

/// How a problem file is written: as the data X, y or as the quadratic M, r.
public enum ProblemForm: String, Sendable, CaseIterable {
    case data = "x-y"
    case quadratic = "m-r"
}

extension Problem {
    /// The problem as a file the readers accept, exact "p/q" strings: {"description", "X", "y",
    /// "scaling"} for `.data` (when the problem came from data), else {"description", "M", "r"}.
    public func json(form: ProblemForm = .data, description: String? = nil) -> JSONValue {
        let exact = ExactJSON.exactStrings
        var o: [(String, JSONValue)] = description.map { [("description", .string($0))] } ?? []
        if form == .data, let data {
            o += [("X", exact(data.X.rowArrays)), ("y", exact(data.y)), ("scaling", .string(data.scaling.rawValue))]
        } else {
            o += [("M", exact(M.rowArrays)), ("r", exact(r))]
        }
        return .object(JSONObject(o))
    }
}
