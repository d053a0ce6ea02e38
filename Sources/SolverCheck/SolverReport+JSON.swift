import JSONFormat
import ExactArithmetic

/// Machine form of a report (`dlnpath check-solver --json`). Errors are exact rationals reported
/// as decimal JSON numbers (6 significant digits); λ is both a decimal and the exact "p/q" it
/// was read as. Indices count from 0, as numpy does: a point's "index" is its position in the output
/// (alphas[index]); coordinates are signed: "+1", "-3" ("±1": either sign, at λ = 0).
extension SolverReport {
    public var json: JSONValue {
        var o: [(String, JSONValue)] = [
            ("passed", .bool(passed)),
            ("class", .string(errorClass.rawValue)),
            ("summary", .string(summary)),
            ("tolerance", .string(tolerance.description)),
            ("strict", .bool(strict)),
            ("kind", .string(kind.rawValue)),
            ("points", .array(points.map(\.json))),
        ]
        if let knots {
            o.append(("knots", knots.json))
            o.append(("knotErrors", .array(knotErrors.map { .string($0) })))
        }
        if let names { o.append(("names", .array(names.map { .string($0) }))) }
        return .object(JSONObject(o))
    }
}

extension PointReport {
    var json: JSONValue {
        var o: [(String, JSONValue)] = [
            ("index", .number(String(index))),
            ("place", .string(place)),
            ("lambda", lambda.json),
        ]
        if case .exact(let q) = lambda { o.append(("lambdaExact", .string(q.description))) }
        o.append(("passed", .bool(passed)))
        o.append(("class", .string(errorClass.rawValue)))
        if let reason { o.append(("reason", .string(reason))) }
        if let unusable { o.append(("unusable", .string(unusable))) }
        if let comparison { o += comparison.jsonFields }
        return .object(JSONObject(o))
    }
}

extension PointComparison {
    var jsonFields: [(String, JSONValue)] {
        [
            ("unique", .bool(unique)),
            ("criterion", .string(criterion.rawValue)),
            ("error", .decimal(error)),
            ("absoluteError", .decimal(absoluteError)),
            ("relativeError", relativeError.map(JSONValue.decimal) ?? .null),
            ("kktViolation", .decimal(kktViolation)),
            ("objectiveGap", .decimal(objectiveGap)),
            ("supportAgrees", .bool(supportAgrees)),
            ("givenSupport", .array(signedIndices(givenSupport, givenSigns).map { .string($0) })),
            ("exactSupport", .array(signedIndices(exactSupport, exactSigns).map { .string($0) })),
        ]
    }
}

extension KnotReport {
    var json: JSONValue {
        .object(JSONObject([
            ("from", .decimal(from)),
            ("to", .decimal(to)),
            ("matchingTolerance", .decimal(matchingTolerance)),
            ("exactKnots", .number(String(exactKnots.count))),
            ("knotsAbove", .number(String(knotsAbove))),
            ("knotsBelow", .number(String(knotsBelow))),
            ("missed", .array(missed.map(\.json))),
            ("interpolationFailures", .array(failures.map(\.json))),
            ("spurious", .array(spurious.map { s in
                .object(JSONObject([("index", .number(String(s.index))), ("lambda", .decimal(s.lambda, digits: 17))]))
            })),
        ]))
    }
}

extension KnotReport.KnotMatch {
    var json: JSONValue {
        var o: [(String, JSONValue)] = [
            ("knot", .number(String(index))),
            ("lambda", .decimal(kappa, digits: 17)),
            ("lambdaExact", .string(kappa.description)),
            ("matches", .number(String(matches))),
            ("passed", .bool(passed)),
        ]
        if let interpolation {
            o.append(("criterion", .string(interpolation.criterion.rawValue)))
            o.append(("interpolationError", .decimal(interpolation.error)))
        }
        return .object(JSONObject(o))
    }
}

extension SolverNumber {
    /// A JSON number (NaN and infinities, which JSON lacks, as strings).
    var json: JSONValue {
        switch self {
        case .exact(let q): return .decimal(q, digits: 17)
        case .nonFinite: return .string(display)
        }
    }
}

extension JSONValue {
    /// A decimal approximation of an exact value, as a JSON number.
    static func decimal(_ q: Rational) -> JSONValue { decimal(q, digits: 6) }
    static func decimal(_ q: Rational, digits: Int) -> JSONValue { .number(q.decimalString(significantDigits: digits)) }
}

/// "+1", "-3", "±4" (0-based).
func signedIndices(_ indices: [Int], _ signs: [Int]) -> [String] {
    zip(indices, signs).map { i, s in (s > 0 ? "+" : s < 0 ? "-" : "±") + String(i) }
}
