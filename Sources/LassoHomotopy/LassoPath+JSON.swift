import DataFormats
import ExactArithmetic
import ExactLinearAlgebra
import JSONFormat
import ProblemDefinition

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
                LassoPath.evaluationJSON(problem: problem, kappa: kappa, x: solution(at: kappa), unique: isUnique(at: kappa), exact)
            })))
        }
        return .object(JSONObject(members))
    }

    /// The knots as `path --json` and `compare --json` write them.
    public func knotsJSON(_ exact: ExactJSON = .exactStrings) -> JSONValue {
        .array(knots.map { $0.json(weightDecay: problem.weightDecay, exact) })
    }

    /// One `--at` evaluation: x = x(κ) on the path of `problem`, `unique` its verdict there.
    public static func evaluationJSON(problem: Problem, kappa: Rational, x: [Rational], unique: Bool, _ exact: ExactJSON = .exactStrings) -> JSONValue {
        let excess = kappa - problem.weightDecay
        return .object(JSONObject([
            ("lambda", exact(kappa)),
            ("mu", exact.optional(excess.signum > 0 ? excess.reciprocal : nil)),
            ("x", exact(x)),
            ("value", exact(problem.loss(x) + kappa * oneNorm(x) + problem.lossOffset)),
            ("unique", .bool(unique)),
        ]))
    }
}

extension Knot {
    /// One knot of `path --json` (μ = 1/(κ − λwd) where κ > λwd).
    public func json(weightDecay: Rational, _ exact: ExactJSON = .exactStrings) -> JSONValue {
        let excess = kappa - weightDecay
        return .object(JSONObject([
            ("lambda", exact(kappa)),
            ("mu", exact.optional(excess.signum > 0 ? excess.reciprocal : nil)),
            ("x", exact(x)),
            ("active", .indices(active)),
            ("signs", .indices(signs)),
            ("equicorrelation", .indices(equicorrelation)),
            ("joined", .indices(joined)),
            ("dropped", .indices(dropped)),
            ("unique", .bool(isUnique)),
        ]))
    }
}

// Knots and segments are written with raw byte writes (`JSONCursor`), the same bytes as the
// trees above in both forms of `ExactJSON`: a long path writes one knot and one segment per step,
// and the layout cost more than the digits.

extension Knot {
    /// Writes `json(weightDecay:_:)` at `indent` straight into `out`, the same bytes without the
    /// tree (streamed paths write one per knot).
    public func writeJSON(weightDecay: Rational, _ exact: ExactJSON = .exactStrings, to out: inout JSONOutput, indent: Int) {
        let excess = kappa - weightDecay
        let mu = excess.signum > 0 ? excess.reciprocal : nil
        var capacity = 12 * (indent + 24) + exact.capacity(kappa) + (mu.map(exact.capacity) ?? 4) + exact.capacity(x, indent: indent + 2)
        for list in [active, signs, equicorrelation, joined, dropped] { capacity += JSONCursor.scalarArrayCapacity(count: list.count, elements: 21 * list.count, indent: indent + 2) }
        out.compose(capacity: capacity) { cursor in
            cursor.member("lambda", first: true, indent: indent)
            exact.write(kappa, to: &cursor)
            cursor.member("mu", first: false, indent: indent)
            exact.write(optional: mu, to: &cursor)
            cursor.member("x", first: false, indent: indent)
            exact.write(x, to: &cursor, indent: indent + 2)
            cursor.indices("active", active, indent: indent)
            cursor.indices("signs", signs, indent: indent)
            cursor.indices("equicorrelation", equicorrelation, indent: indent)
            cursor.indices("joined", joined, indent: indent)
            cursor.indices("dropped", dropped, indent: indent)
            cursor.member("unique", first: false, indent: indent)
            cursor.bool(isUnique)
            cursor.objectEnd(indent: indent)
        }
    }
}

extension Segment {
    /// Writes `json(_:)` at `indent` straight into `out`, the same bytes without the tree.
    public func writeJSON(_ exact: ExactJSON = .exactStrings, to out: inout JSONOutput, indent: Int) {
        let direction = direction
        var capacity = 8 * (indent + 24) + exact.capacity(upper) + exact.capacity(lower) + exact.capacity(direction, indent: indent + 2)
        for list in [active, signs] { capacity += JSONCursor.scalarArrayCapacity(count: list.count, elements: 21 * list.count, indent: indent + 2) }
        out.compose(capacity: capacity) { cursor in
            cursor.member("upper", first: true, indent: indent)
            exact.write(upper, to: &cursor)
            cursor.member("lower", first: false, indent: indent)
            exact.write(lower, to: &cursor)
            cursor.indices("active", active, indent: indent)
            cursor.indices("signs", signs, indent: indent)
            cursor.member("direction", first: false, indent: indent)
            exact.write(direction, to: &cursor, indent: indent + 2)
            cursor.member("unique", first: false, indent: indent)
            cursor.bool(isUnique)
            cursor.objectEnd(indent: indent)
        }
    }

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

extension JSONCursor {
    /// A member (not the first) holding indices (at most 21 bytes each).
    fileprivate mutating func indices(_ key: StaticString, _ indices: [Int], indent: Int) {
        member(key, first: false, indent: indent)
        scalarArray(count: indices.count, indent: indent + 2) { $1.integer(indices[$0]) }
    }
}
