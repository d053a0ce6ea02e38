import DataFormats
import ExactArithmetic
import JSONFormat

extension DLNLimit {
    /// The `limit --json` document: variant, weightDecay, unique, saddles, and with `times` the
    /// evaluations "at". Coordinates count from 0.
    public func json(at times: [Rational] = [], _ exact: ExactJSON = .exactStrings) throws -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("variant", .string(problem.variant.rawValue)),
            ("weightDecay", exact(problem.weightDecay)),
            ("unique", .bool(isUnique)),
            ("saddles", .array(saddles.map { $0.json(exact) })),
        ]
        if !times.isEmpty { members.append(("at", .array(try times.map { try evaluationJSON(at: $0, exact) }))) }
        return .object(JSONObject(members))
    }

    /// x°(s), q(s), Z(s) and x̄(s) at one time s ≥ 0.
    public func evaluationJSON(at s: Rational, _ exact: ExactJSON = .exactStrings) throws -> JSONValue {
        .object(JSONObject([
            ("s", exact(s)), ("saddle", .integer(try saddleIndex(at: s))),
            ("x", exact(try iterate(at: s))), ("q", exact(try dual(at: s))),
            ("Z", exact(try integral(at: s))), ("xbar", exact(try averaged(at: s))),
        ]))
    }
}

extension Saddle {
    public func json(_ exact: ExactJSON = .exactStrings) -> JSONValue {
        .object(JSONObject([
            ("s", exact(s)), ("x", exact(x)), ("q", exact(q)),
            ("c", exact(correlation)), ("unique", .bool(isUnique)),
            ("entering", .indices(entering)), ("face", .indices(face)),
            ("faceSigns", .indices(faceSigns)),
            ("objective", exact(objective)),
        ]))
    }
}
