import ExactArithmetic
import JSONFormat
import Foundation

/// JSON output, numbers as JSON numbers (read exactly from their text) or strings ("3/4", "nan"):
/// `{"alphas": […], "coefs": [[…], …]}` (coefs d × K, e.g. `coefs.tolist()`; K × d accepted when
/// unambiguous) or `{"solutions": [{"lambda": …, "x": […]}, …]}` ("alpha" may replace "lambda").
/// Other top-level keys are ignored, so solvers may add their own metadata.
extension SolverOutputReader {
    static func readJSON(_ file: String, dimension d: Int, limits: NumberLimits) throws -> SolverOutput {
        let root = try JSONValue.read(contentsOf: URL(fileURLWithPath: file))
        guard let object = root.asObject else { throw SolverFileError("\(file): the top level must be a JSON object") }
        if let solutions = object["solutions"] {
            guard let items = solutions.asArray else { throw SolverFileError("\(file): \"solutions\" must be an array of {\"lambda\", \"x\"} objects") }
            let points = try items.enumerated().map { k, item in
                let place = "solutions[\(k + 1)]"
                guard let o = item.asObject else { throw SolverFileError("\(file): \(place) must be an object {\"lambda\": …, \"x\": […]}") }
                guard let lambda = o["lambda"] ?? o["alpha"] else { throw SolverFileError("\(file): \(place) has no \"lambda\"") }
                guard let x = o["x"] else { throw SolverFileError("\(file): \(place) has no \"x\"") }
                let values = try numbers(x, name: "\(place).x", file: file, limits: limits)
                guard values.count == d else {
                    throw SolverFileError("\(file): \(place).x has \(values.count) entries but the problem has d = \(d) coordinates")
                }
                return SolverOutput.Point(lambda: try number(lambda, at: "\(place).lambda", file: file, limits: limits), x: values, place: place)
            }
            return SolverOutput(points: points, source: file)
        }
        guard let alphaName = alphaNames.first(where: { object[$0] != nil }),
              let coefName = coefNames.first(where: { object[$0] != nil }) else {
            throw SolverFileError("\(file): expected {\"alphas\": […], \"coefs\": [[…], …]} or {\"solutions\": [{\"lambda\": …, \"x\": […]}, …]} (found keys: \(object.keys.joined(separator: ", ")))")
        }
        let lambdaValue = object[alphaName]!
        let lambdas = try lambdaValue.asArray == nil
            ? [number(lambdaValue, at: "\"\(alphaName)\"", file: file, limits: limits)]
            : numbers(lambdaValue, name: "\"\(alphaName)\"", file: file, limits: limits)
        guard let coefItems = object[coefName]!.asArray else { throw SolverFileError("\(file): \"\(coefName)\" must be an array") }
        if lambdas.count == 1, coefItems.allSatisfy({ $0.asArray == nil }) {
            let x = try numbers(object[coefName]!, name: "\"\(coefName)\"", file: file, limits: limits)
            guard x.count == d else { throw SolverFileError("\(file): \"\(coefName)\" has \(x.count) entries but the problem has d = \(d) coordinates") }
            return SolverOutput(points: [SolverOutput.Point(lambda: lambdas[0], x: x, place: "alpha 1")], source: file)
        }
        let rows = try coefItems.enumerated().map { i, row in
            guard row.asArray != nil else { throw SolverFileError("\(file): \"\(coefName)\" row \(i + 1) must be an array") }
            return try numbers(row, name: "\"\(coefName)\" row \(i + 1)", file: file, limits: limits)
        }
        guard !rows.isEmpty else { throw SolverFileError("\(file): \"\(coefName)\" is empty") }
        return SolverOutput(points: try pair(lambdas: lambdas, rows: rows, dimension: d, file: file, matrix: "\"\(coefName)\""), source: file)
    }

    static func number(_ value: JSONValue, at place: String, file: String, limits: NumberLimits) throws -> SolverNumber {
        switch value {
        case .number(let text), .string(let text): return try number(text, at: place, file: file, limits: limits)
        default: throw SolverFileError("\(file): \(place) must be a number (or a string such as \"3/4\" or \"nan\")")
        }
    }

    static func numbers(_ value: JSONValue, name: String, file: String, limits: NumberLimits) throws -> [SolverNumber] {
        guard let items = value.asArray else { throw SolverFileError("\(file): \(name) must be an array of numbers") }
        return try items.enumerated().map { try number($1, at: "\(name)[\($0 + 1)]", file: file, limits: limits) }
    }
}
