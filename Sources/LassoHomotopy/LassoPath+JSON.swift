import DataFormats
import ExactArithmetic
import JSONFormat

extension LassoPath {
    /// The `path --json` document: variant, weightDecay, knots, segments, unique, certified, and
    /// with `penalties` the evaluations "at". Coordinates count from 0.
    public func json(at penalties: [Rational] = [], _ exact: ExactJSON = .exactStrings) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("variant", .string(problem.variant.rawValue)),
            ("weightDecay", exact(problem.weightDecay)),
            ("knots", knotsJSON(exact)),
            ("segments", .array(segments.map { $0.json(exact) })),
            ("unique", .bool(isUnique)),
            ("certified", .bool(true)),
        ]
        if !penalties.isEmpty {
            members.append(("at", .array(penalties.map { kappa in
                .object(JSONObject([
                    ("lambda", exact(kappa)),
                    ("mu", exact.optional(mu(at: kappa))),
                    ("x", exact(solution(at: kappa))),
                    ("value", exact(optimalValue(at: kappa) + problem.lossOffset)),
                    ("unique", .bool(isUnique(at: kappa))),
                ]))
            })))
        }
        return .object(JSONObject(members))
    }

    /// The knots as `path --json` and `compare --json` write them.
    public func knotsJSON(_ exact: ExactJSON = .exactStrings) -> JSONValue {
        .array(knots.map { knot in
            .object(JSONObject([
                ("lambda", exact(knot.kappa)),
                ("mu", exact.optional(mu(at: knot.kappa))),
                ("x", exact(knot.x)),
                ("active", .indices(knot.active)),
                ("signs", .indices(knot.signs)),
                ("equicorrelation", .indices(knot.equicorrelation)),
                ("joined", .indices(knot.joined)),
                ("dropped", .indices(knot.dropped)),
                ("unique", .bool(knot.isUnique)),
            ]))
        })
    }
}

extension Segment {
    public func json(_ exact: ExactJSON = .exactStrings) -> JSONValue {
        .object(JSONObject([
            ("upper", exact(upper)),
            ("lower", exact(lower)),
            ("active", .indices(active)),
            ("signs", .indices(signs)),
            ("direction", exact(direction)),
            ("unique", .bool(isUnique)),
        ]))
    }
}
