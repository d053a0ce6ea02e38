import DataFormats
import ExactArithmetic
import JSONFormat

extension DLNLimit {
    /// The `limit --json` document: variant, weightDecay, unique, saddles, and with `times` the
    /// evaluations "at". Coordinates count from 0.
    public func json(at times: [Rational] = [], _ exact: ExactJSON = .exactStrings) throws -> JSONValue {
        try document(at: times, exact).value()
    }

    /// The same document, to be streamed saddle by saddle (`times` are evaluated here, so a bad
    /// time throws before anything is written).
    public func document(at times: [Rational] = [], _ exact: ExactJSON = .exactStrings) throws -> JSONDocument {
        let saddles = self.saddles
        var members: [(String, JSONDocument)] = [
            ("variant", .value(.string(problem.variant.rawValue))),
            ("weightDecay", .value(exact(problem.weightDecay))),
            ("unique", .value(.bool(isUnique))),
            ("saddles", .elements(count: saddles.count) { saddles[$0].json(exact) }),
        ]
        if !times.isEmpty { members.append(("at", .value(.array(try times.map { try evaluationJSON(at: $0, exact) })))) }
        if let horizon { members.append(("stop", .value(.object(JSONObject([("s", exact(horizon))]))))) }
        return .object(members)
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
            ("s", exact(s)), ("x", exact(x)), ("q", dualJSON(exact)),
            ("c", exact(correlation)), ("unique", .bool(isUnique)),
            ("entering", .indices(entering)), ("face", .indices(face)),
            ("faceSigns", .indices(faceSigns)),
            ("objective", exact(objective)),
        ]))
    }

    /// q; as doubles straight from the common-denominator form when it is still held (the
    /// nearest double of a value does not need the value reduced).
    func dualJSON(_ exact: ExactJSON) -> JSONValue {
        if exact == .nearestDouble, let form = dualOverCommonDenominator {
            return .array(form.numerators.map { ExactJSON.number(Rational.nearestDouble(numerator: $0, denominator: form.denominator)) })
        }
        return exact(q)
    }
}
