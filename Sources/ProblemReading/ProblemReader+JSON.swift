import JSONFormat
import ExactArithmetic
import ProblemDefinition
import ExactLinearAlgebra
import Foundation

/// JSON problems: `{"X": [[…]], "y": […]}` or `{"M": [[…]], "r": […]}`, with optional
/// `"nonnegative"`, `"weightDecay"`, `"init"`, `"scaling"` (and a free-text `"description"`).
/// Numbers may be JSON numbers (read from their literal text) or strings such as "-3/4".
extension ProblemReader {
    static let jsonKeys: Set<String> = ["X", "y", "M", "r", "nonnegative", "weightDecay", "init", "scaling", "description"]

    static func readJSON(_ source: ProblemSource) throws -> Problem {
        let file = source.path, limits = source.limits
        let root = try JSONValue.read(contentsOf: URL(fileURLWithPath: file))
        guard let object = root.asObject else { throw ProblemError("\(file): the top level must be a JSON object") }
        if let unknown = object.keys.first(where: { !jsonKeys.contains($0) }) {
            throw ProblemError("\(file): unknown key \"\(unknown)\" (known: \(jsonKeys.sorted().joined(separator: ", ")))")
        }
        let hasData = object["X"] != nil || object["y"] != nil
        let hasQuadratic = object["M"] != nil || object["r"] != nil
        guard hasData != hasQuadratic else {
            throw ProblemError("\(file): give either \"X\" and \"y\", or \"M\" and \"r\" (not both, not neither)")
        }
        var variant = Variant.signed
        if let flag = object["nonnegative"] {
            guard let b = flag.asBool else { throw ProblemError("\(file): \"nonnegative\" must be true or false") }
            variant = b ? .positive : .signed
        }
        let weightDecay = try object["weightDecay"].map { try number($0, at: "weightDecay", file: file, limits: limits) } ?? .zero
        var scaling = Scaling.mean
        if let s = object["scaling"] {
            guard let text = s.asString, let value = Scaling(rawValue: text) else {
                throw ProblemError("\(file): \"scaling\" must be \"mean\" or \"sum\"")
            }
            scaling = value
        }
        let initialisation = try object["init"].map { try readInit($0, file: file, limits: limits) }
        if hasData {
            let X = try matrix(try rows(object["X"], name: "X", file: file, limits: limits), name: "X", file: file)
            let y = try vector(object["y"], name: "y", file: file, limits: limits)
            return try assemble(source, file: file, X: X, y: y, variant: variant, weightDecay: weightDecay,
                                scaling: scaling, initialisation: initialisation)
        }
        if object["scaling"] != nil {
            throw ProblemError("\(file): \"scaling\" says how M, r are formed from X, y; it does not apply to a problem given as M, r")
        }
        let M = try matrix(try rows(object["M"], name: "M", file: file, limits: limits), name: "M", file: file)
        let r = try vector(object["r"], name: "r", file: file, limits: limits)
        return try assemble(source, file: file, M: M, r: r, variant: variant, weightDecay: weightDecay,
                            initialisation: initialisation)
    }

    static func readInit(_ value: JSONValue, file: String, limits: NumberLimits) throws -> Initialisation {
        guard let o = value.asObject else { throw ProblemError("\(file): \"init\" must be an object") }
        if o["alpha"] != nil {
            guard o.count == 1 else { throw ProblemError("\(file): \"init\" takes either \"alpha\" or \"beta\" and \"gamma\"") }
            return .positive(alpha: try vector(o["alpha"], name: "init.alpha", file: file, limits: limits))
        }
        guard o["beta"] != nil || o["gamma"] != nil, o.keys.allSatisfy({ $0 == "beta" || $0 == "gamma" }) else {
            throw ProblemError("\(file): \"init\" takes either \"alpha\" or \"beta\" and \"gamma\"")
        }
        let beta = try vector(o["beta"], name: "init.beta", file: file, limits: limits)
        let gamma = try vector(o["gamma"], name: "init.gamma", file: file, limits: limits)
        return .signed(beta: beta, gamma: gamma)
    }

    static func number(_ value: JSONValue, at place: String, file: String, limits: NumberLimits) throws -> Rational {
        let text: String
        switch value {
        case .number(let t), .string(let t): text = t
        default: throw ProblemError("\(file): \(place) must be a number or a string such as \"-3/4\"")
        }
        do { return try Rational(parsing: text, limits: limits) } catch let e as RationalParseError {
            throw ProblemError("\(file): \(place): \(e)", exceeded: e.exceeded)
        }
    }

    static func vector(_ value: JSONValue?, name: String, file: String, limits: NumberLimits) throws -> [Rational] {
        guard let value else { throw ProblemError("\(file): \"\(name)\" is missing") }
        guard let items = value.asArray else { throw ProblemError("\(file): \"\(name)\" must be an array of numbers") }
        guard !items.isEmpty else { throw ProblemError("\(file): \"\(name)\" is empty") }
        return try items.enumerated().map { try number($1, at: "\(name)[\($0 + 1)]", file: file, limits: limits) }
    }

    static func rows(_ value: JSONValue?, name: String, file: String, limits: NumberLimits) throws -> [[Rational]] {
        guard let value else { throw ProblemError("\(file): \"\(name)\" is missing") }
        guard let items = value.asArray else { throw ProblemError("\(file): \"\(name)\" must be an array of rows") }
        return try items.enumerated().map { i, row in
            guard let entries = row.asArray else { throw ProblemError("\(file): \(name) row \(i + 1) must be an array") }
            return try entries.enumerated().map { try number($1, at: "\(name)[\(i + 1)][\($0 + 1)]", file: file, limits: limits) }
        }
    }
}
