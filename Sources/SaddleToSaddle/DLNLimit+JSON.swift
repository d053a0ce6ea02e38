import DataFormats
import ExactArithmetic
import JSONFormat
import ParallelWork
import ProblemDefinition

extension DLNLimit {
    /// The `limit --json` document: variant, weightDecay, unique, saddles, and with `times` the
    /// evaluations "at". Coordinates count from 0.
    public func json(at times: [Rational] = [], _ exact: ExactJSON = .exactStrings) throws -> JSONValue {
        try document(at: times, exact).value()
    }

    /// The same document, to be streamed saddle by saddle (`times` are evaluated here, so a bad
    /// time throws before anything is written). `writeJSON(problem:horizon:at:_:toFileDescriptor:)`
    /// writes the same bytes without the saddles in memory.
    public func document(at times: [Rational] = [], _ exact: ExactJSON = .exactStrings) throws -> JSONDocument {
        Self.document(problem, unique: isUnique, saddles: .objects(count: saddles.count, write: SaddleText(saddles, exact).write),
                      at: try times.map { try evaluationJSON(at: $0, exact) }, horizon: horizon, exact)
    }

    /// The document's members in their order, the saddles and the evaluations given.
    static func document(_ problem: Problem, unique: Bool, saddles: JSONDocument, at evaluations: [JSONValue],
                         horizon: Rational?, _ exact: ExactJSON) -> JSONDocument {
        var members: [(String, JSONDocument)] = [
            ("variant", .value(.string(problem.variant.rawValue))),
            ("weightDecay", .value(exact(problem.weightDecay))),
            ("unique", .value(.bool(unique))),
            ("saddles", saddles),
        ]
        if !evaluations.isEmpty { members.append(("at", .value(.array(evaluations)))) }
        if let horizon { members.append(("stop", .value(.object(JSONObject([("s", exact(horizon))]))))) }
        return .object(members)
    }

    /// x°(s), q(s), Z(s) and x̄(s) at one time s ≥ 0.
    public func evaluationJSON(at s: Rational, _ exact: ExactJSON = .exactStrings) throws -> JSONValue {
        try piece(at: s).evaluationJSON(at: s, exact)
    }
}

extension LimitPiece {
    /// x°(s), q(s), Z(s) and x̄(s) at a time s of this piece (`limit --json`'s "at").
    func evaluationJSON(at s: Rational, _ exact: ExactJSON) -> JSONValue {
        .object(JSONObject([
            ("s", exact(s)), ("saddle", .integer(index)),
            ("x", exact(saddle.x)), ("q", exact(dual(at: s))),
            ("Z", exact(integral(at: s))), ("xbar", exact(averaged(at: s))),
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

    /// Writes `json(_:)` at `indent` straight into `out`, the same bytes without the tree: a
    /// denominator shared by consecutive entries (q's D, a face solution's det) is converted to
    /// decimal once, and q is reduced without being kept (`DualValues.valuesOnce`).
    public func writeJSON(_ exact: ExactJSON = .exactStrings, to out: inout JSONOutput, indent: Int) {
        out.appendMember("s", first: true, indent: indent)
        exact.append(s, to: &out)
        out.appendMember("x", first: false, indent: indent)
        exact.append(x, to: &out, indent: indent + 2)
        out.appendMember("q", first: false, indent: indent)
        if exact == .nearestDouble {
            dualJSON(exact).write(to: &out, indent: indent + 2)
        } else {
            dual.appendExactJSON(to: &out, indent: indent + 2)
        }
        out.appendMember("c", first: false, indent: indent)
        exact.append(correlation, to: &out, indent: indent + 2)
        out.appendMember("unique", first: false, indent: indent)
        out.appendBool(isUnique)
        out.appendIndexMember("entering", entering, indent: indent)
        out.appendIndexMember("face", face, indent: indent)
        out.appendIndexMember("faceSigns", faceSigns, indent: indent)
        out.appendMember("objective", first: false, indent: indent)
        exact.append(objective, to: &out)
        out.appendObjectEnd(indent: indent)
    }

    /// q; as doubles straight from the common-denominator form when it is still held (the
    /// nearest double of a value does not need the value reduced).
    func dualJSON(_ exact: ExactJSON) -> JSONValue {
        if exact == .nearestDouble, let form = dualOverCommonDenominator {
            return .array(form.numerators.map { ExactJSON.number(Rational.nearestDouble(numerator: $0, denominator: form.denominator)) })
        }
        return exact(dual.valuesOnce)
    }
}

/// Saddles written in order, two at a time on two threads (`concurrently`): saddle k straight
/// into the output on this thread while k + 1 is rendered into a buffer on the other. Decimal
/// conversion is most of the cost of writing a limit (1.5 GB of q on a 100×200 Gaussian
/// design), and saddles are independent; at most one rendered saddle is held.
package final class SaddleText: @unchecked Sendable {
    private let saddles: [Saddle]
    private let exact: ExactJSON
    private var ahead: (k: Int, text: JSONOutput)?

    package init(_ saddles: [Saddle], _ exact: ExactJSON) {
        self.saddles = saddles
        self.exact = exact
    }

    /// Writes saddle k (called for k = 0, 1, … in order).
    package func write(_ k: Int, to out: inout JSONOutput, indent: Int) throws {
        if let ahead, ahead.k == k {
            out.append(contentsOf: ahead.text)
            self.ahead = nil
            return
        }
        let saddle = saddles[k], exact = self.exact
        guard k + 1 < saddles.count else { return saddle.writeJSON(exact, to: &out, indent: indent) }
        let next = saddles[k + 1]
        let (_, text) = try concurrently({ saddle.writeJSON(exact, to: &out, indent: indent) }) {
            var text = JSONOutput()
            next.writeJSON(exact, to: &text, indent: indent)
            return text
        }
        ahead = (k + 1, text)
    }
}
