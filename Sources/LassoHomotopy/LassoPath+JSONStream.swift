import ExactArithmetic
import Foundation
import JSONFormat
import ProblemDefinition

extension LassoPath {
    /// Writes `path --json` while the path is computed: each knot goes to `fileDescriptor` once it
    /// and the segment above it are certified, segments go to a temporary file (the
    /// document lists them after the knots) and are copied out at the end, and
    /// the `penalties` (`--at`) are evaluated as their segment passes. Memory does not grow with
    /// the number of knots; the text is byte for byte that of `json(at:_:)`. A failed certificate
    /// ends the output where it failed, after a newline, and its error is thrown. With `kappaMin`
    /// the path stops there (`stream(problem:kappaMin:visit:)`; every penalty must be ≥ it) and the
    /// document ends with "stop": {"lambda": κ_min, "mu": 1/(κ_min − λwd) or null}.
    /// The segments' temporary file is its own (`ScratchFile`), gone when this returns.
    public static func writeJSON(problem: Problem, at penalties: [Rational], _ exact: ExactJSON = .exactStrings,
                                 kappaMin: Rational? = nil, toFileDescriptor fileDescriptor: Int32 = 1) throws {
        try ScratchFile.with(for: "the path's segments") { spill in
            try writeJSON(problem: problem, at: penalties, exact, kappaMin: kappaMin, toFileDescriptor: fileDescriptor, spill: spill)
        }
    }

    private static func writeJSON(problem: Problem, at penalties: [Rational], _ exact: ExactJSON,
                                  kappaMin: Rational?, toFileDescriptor fileDescriptor: Int32, spill: UnsafeMutablePointer<FILE>) throws {
        fflush(nil)
        var out = JSONOutput(fileDescriptor: fileDescriptor)
        var segments = JSONOutput(fileDescriptor: fileno(spill))
        out.append("{\n")
        member("variant", .string(problem.variant.rawValue), into: &out)
        member("weightDecay", exact(problem.weightDecay), into: &out)
        out.append("  \"knots\": [\n")
        var evaluations = [JSONValue?](repeating: nil, count: penalties.count)
        var first = true, firstSegment = true
        let summary: LassoPath.StreamSummary
        do {
            summary = try LassoPath.stream(problem: problem, kappaMin: kappaMin) { knot, below in
                if !first { out.append(",\n") }
                out.append("    ")
                knot.writeJSON(weightDecay: problem.weightDecay, exact, to: &out, indent: 4)
                if let below {
                    segments.append(firstSegment ? "    " : ",\n    ")
                    below.writeJSON(exact, to: &segments, indent: 4)
                    firstSegment = false
                }
                evaluate(problem, penalties, knot, below, first: first, into: &evaluations, exact)
                first = false
                return true
            }
        } catch {
            out.append("\n")
            out.flush()
            throw error
        }
        segments.flush()
        try segments.checkWrites(of: "the temporary file for the path's segments")
        out.append("\n  ],\n")
        if firstSegment {
            out.append("  \"segments\": [],\n")
        } else {
            out.append("  \"segments\": [\n")
            out.append(file: spill)
            out.append("\n  ],\n")
        }
        member("unique", .bool(summary.isUnique), into: &out)
        if penalties.isEmpty && kappaMin == nil {
            out.append("  \"certified\": true\n}\n")
        } else {
            member("certified", .bool(true), into: &out)
            var last: [(String, JSONValue)] = []
            if !penalties.isEmpty { last.append(("at", .array(evaluations.map { $0! }))) }
            if let kappaMin { last.append(("stop", stopJSON(problem: problem, kappaMin: kappaMin, exact))) }
            for (n, (key, value)) in last.enumerated() {
                out.append("  ")
                out.appendQuoted(key)
                out.append(": ")
                value.write(to: &out, indent: 2)
                out.append(n + 1 < last.count ? ",\n" : "\n}\n")
            }
        }
        out.flush()
    }

    /// Where a path stopped early: κ_min and its time μ = 1/(κ_min − λwd) (null when κ_min ≤ λwd).
    public static func stopJSON(problem: Problem, kappaMin: Rational, _ exact: ExactJSON = .exactStrings) -> JSONValue {
        let excess = kappaMin - problem.weightDecay
        return .object(JSONObject([("lambda", exact(kappaMin)), ("mu", exact.optional(excess.signum > 0 ? excess.reciprocal : nil))]))
    }

    private static func member(_ key: String, _ value: JSONValue, into out: inout JSONOutput) {
        out.append("  ")
        out.appendQuoted(key)
        out.append(": ")
        value.write(to: &out, indent: 2)
        out.append(",\n")
    }

    /// `--at` values reached at this knot or inside the segment below it, exactly as
    /// `LassoPath.solution(at:)` and `isUnique(at:)` evaluate them.
    private static func evaluate(_ problem: Problem, _ penalties: [Rational], _ knot: Knot, _ below: Segment?, first: Bool,
                                 into evaluations: inout [JSONValue?], _ exact: ExactJSON) {
        for (i, kappa) in penalties.enumerated() where evaluations[i] == nil {
            var x: [Rational]?, unique = true
            if first && kappa > knot.kappa {
                x = knot.x
            } else if kappa == knot.kappa {
                (x, unique) = (knot.x, knot.isUnique)
            } else if let below, below.lower < kappa && kappa < below.upper {
                (x, unique) = (below.solution(at: kappa), below.isUnique)
            }
            if let x { evaluations[i] = evaluationJSON(problem: problem, kappa: kappa, x: x, unique: unique, exact) }
        }
    }
}
