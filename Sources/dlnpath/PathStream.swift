import JSONFormat
import ExactArithmetic
import Foundation
import LassoHomotopy
import ProblemDefinition

/// `path --json` written while the path is computed: each knot goes to standard output once it
/// and the segment above it are certified, segments go to a temporary file (the document lists
/// them after the knots) that is copied out at the end, and `--at` values are evaluated as their
/// segment passes. Memory does not grow with the number of knots; the text is byte for byte
/// that of `LassoPath.json(at:_:)`. A failed certificate stops the output where it failed (exit 1).
struct PathStream {
    let problem: Problem
    let penalties: [Rational]
    let exact: ExactJSON

    func write() throws {
        guard let spill = tmpfile() else { throw CLIFailure.badInput("cannot create a temporary file for the path's segments") }
        defer { fclose(spill) }
        fflush(nil)
        var out = JSONOutput(fileDescriptor: 1)
        var segments = JSONOutput(fileDescriptor: fileno(spill))
        out.append("{\n")
        member("variant", .string(problem.variant.rawValue), into: &out)
        member("weightDecay", exact(problem.weightDecay), into: &out)
        out.append("  \"knots\": [\n")
        var evaluations = [JSONValue?](repeating: nil, count: penalties.count)
        var first = true, firstSegment = true
        let summary: LassoPath.StreamSummary
        do {
            summary = try LassoPath.stream(problem: problem) { knot, below in
                if !first { out.append(",\n") }
                out.append("    ")
                knot.json(weightDecay: problem.weightDecay, exact).write(to: &out, indent: 4)
                if let below {
                    segments.append(firstSegment ? "    " : ",\n    ")
                    below.json(exact).write(to: &segments, indent: 4)
                    firstSegment = false
                }
                evaluate(knot, below, first: first, into: &evaluations)
                first = false
                return true
            }
        } catch {
            out.append("\n")
            out.flush()
            throw error
        }
        segments.flush()
        out.append("\n  ],\n")
        if firstSegment {
            out.append("  \"segments\": [],\n")
        } else {
            out.append("  \"segments\": [\n")
            out.flush()
            copy(spill)
            out.append("\n  ],\n")
        }
        member("unique", .bool(summary.isUnique), into: &out)
        if penalties.isEmpty {
            out.append("  \"certified\": true\n}\n")
        } else {
            member("certified", .bool(true), into: &out)
            out.append("  \"at\": ")
            JSONValue.array(evaluations.map { $0! }).write(to: &out, indent: 2)
            out.append("\n}\n")
        }
        out.flush()
    }

    private func member(_ key: String, _ value: JSONValue, into out: inout JSONOutput) {
        out.append("  ")
        out.appendQuoted(key)
        out.append(": ")
        value.write(to: &out, indent: 2)
        out.append(",\n")
    }

    /// `--at` values reached at this knot or inside the segment below it, exactly as
    /// `LassoPath.solution(at:)` and `isUnique(at:)` evaluate them.
    private func evaluate(_ knot: Knot, _ below: Segment?, first: Bool, into evaluations: inout [JSONValue?]) {
        for (i, kappa) in penalties.enumerated() where evaluations[i] == nil {
            var x: [Rational]?, unique = true
            if first && kappa > knot.kappa {
                x = knot.x
            } else if kappa == knot.kappa {
                (x, unique) = (knot.x, knot.isUnique)
            } else if let below, below.lower < kappa && kappa < below.upper {
                (x, unique) = (below.solution(at: kappa), below.isUnique)
            }
            if let x { evaluations[i] = LassoPath.evaluationJSON(problem: problem, kappa: kappa, x: x, unique: unique, exact) }
        }
    }

    private func copy(_ file: UnsafeMutablePointer<FILE>) {
        rewind(file)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { break }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { Foundation.write(1, $0.baseAddress! + offset, count - offset) }
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
