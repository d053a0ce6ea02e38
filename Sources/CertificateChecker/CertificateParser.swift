import JSONFormat
import ExactArithmetic

/// Reads certificate text into a `ParsedCertificate`, checking only shapes: JSON syntax, the format
/// name and version, field names and types, vector and matrix sizes against d = |r|, canonical
/// "p/q" numbers. Anything wrong here is `MalformedCertificate` (exit 2), never a crash.
public enum CertificateParser {
    public static let formatName = "dlnpath-certificate"
    public static let version = 1

    public static func parse(_ text: String) throws(MalformedCertificate) -> ParsedCertificate {
        let json: JSONValue
        do {
            json = try JSONValue.parse(text)
        } catch {
            throw MalformedCertificate(at: "", "not valid JSON: \(error.description)")
        }
        return try parse(JSONReader(json))
    }

    static func parse(_ root: JSONReader) throws(MalformedCertificate) -> ParsedCertificate {
        let top = try root.object(required: ["format", "version", "input", "problem", "lasso", "limit", "verdict"])
        guard try top["format"]!.string() == formatName else {
            throw top["format"]!.fail("expected \"\(formatName)\"")
        }
        let version = try top["version"]!.int(in: 0...Int.max)
        guard version == CertificateParser.version else {
            throw top["version"]!.fail("unknown version \(version) (this checker reads version \(CertificateParser.version))")
        }
        let problem = try parseProblem(top["problem"]!)
        let d = problem.dimension
        let lasso = try top["lasso"]!.object(required: ["knots", "segments"])
        let knots = try nonEmpty(lasso["knots"]!).map { (k) throws(MalformedCertificate) in
            let o = try k.object(required: ["lambda", "x"])
            return ParsedCertificate.Knot(lambda: try o["lambda"]!.rational(), x: try o["x"]!.vector(count: d))
        }
        let signs = try lasso["segments"]!.array(count: knots.count - 1).map { (seg) throws(MalformedCertificate) in
            try seg.object(required: ["signs"])["signs"]!.array(count: d).map { (v) throws(MalformedCertificate) in try v.int(in: -1...1) }
        }
        let limit = try top["limit"]!.object(required: ["saddles"])
        let saddles = try nonEmpty(limit["saddles"]!).map { (k) throws(MalformedCertificate) in try parseSaddle(k, d: d) }
        return ParsedCertificate(
            input: try parseInput(top["input"]!), problem: problem, knots: knots, segmentSigns: signs,
            saddles: saddles, verdict: try parseVerdict(top["verdict"]!))
    }

    private static func nonEmpty(_ reader: JSONReader) throws(MalformedCertificate) -> [JSONReader] {
        let items = try reader.array()
        if items.isEmpty { throw reader.fail("expected at least one entry") }
        return items
    }

    private static func parseInput(_ reader: JSONReader) throws(MalformedCertificate) -> ParsedCertificate.Input {
        let o = try reader.object(
            required: ["file", "sha256"],
            optional: ["variant", "weightDecay", "scaling", "responseColumn", "responseFile", "responseSha256"])
        func text(_ key: String) throws(MalformedCertificate) -> String? { try o[key]?.string() }
        let input = ParsedCertificate.Input(
            file: try o["file"]!.string(), sha256: try digest(o["sha256"]!),
            variant: try text("variant"), weightDecay: try text("weightDecay"), scaling: try text("scaling"),
            responseColumn: try text("responseColumn"), responseFile: try text("responseFile"),
            responseSHA256: try o["responseSha256"].map { (r) throws(MalformedCertificate) in try digest(r) })
        if (input.responseFile == nil) != (input.responseSHA256 == nil) {
            throw reader.fail("responseFile and responseSha256 come together")
        }
        return input
    }

    private static func digest(_ reader: JSONReader) throws(MalformedCertificate) -> String {
        let text = try reader.string()
        guard text.utf8.count == 64, text.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            throw reader.fail("expected a SHA-256 digest: 64 lowercase hexadecimal digits")
        }
        return text
    }

    private static func parseProblem(_ reader: JSONReader) throws(MalformedCertificate) -> ParsedCertificate.Problem {
        let o = try reader.object(required: ["variant", "weightDecay", "M", "r", "positiveDefinite"])
        guard let variant = ParsedCertificate.Variant(rawValue: try o["variant"]!.string()) else {
            throw o["variant"]!.fail("expected \"signed\" or \"positive\"")
        }
        let rItems = try o["r"]!.array()
        if rItems.isEmpty { throw o["r"]!.fail("expected at least one entry") }
        let d = rItems.count
        var r: [Rational] = []
        for item in rItems { r.append(try item.rational()) }
        var M: [[Rational]] = []
        for row in try o["M"]!.array(count: d) { M.append(try row.vector(count: d)) }
        return ParsedCertificate.Problem(
            variant: variant, weightDecay: try o["weightDecay"]!.rational(), M: M, r: r,
            positiveDefinite: try o["positiveDefinite"]!.bool())
    }

    private static func parseSaddle(_ reader: JSONReader, d: Int) throws(MalformedCertificate) -> ParsedCertificate.Saddle {
        let o = try reader.object(required: ["s", "x", "q", "multipliers", "unique"], optional: ["direction", "weights"])
        return ParsedCertificate.Saddle(
            s: try o["s"]!.rational(), x: try o["x"]!.vector(count: d), q: try o["q"]!.vector(count: d),
            multipliers: try o["multipliers"]!.vector(count: d), unique: try o["unique"]!.bool(),
            direction: try o["direction"].map { (v) throws(MalformedCertificate) in try v.vector(count: d) },
            weights: try o["weights"].map { (v) throws(MalformedCertificate) in try v.vector(count: d) })
    }

    private static func parseVerdict(_ reader: JSONReader) throws(MalformedCertificate) -> ParsedCertificate.Verdict {
        let o = try reader.object(required: [
            "monotone", "monotoneBreak", "equivalent", "divergence", "jumpTimesEqualInverseKnots",
            "saddlesEqualSlopes", "gapSamples",
        ])
        var brk: ParsedCertificate.MonotoneBreak?
        if !o["monotoneBreak"]!.value.isNull {
            let b = try o["monotoneBreak"]!.object(required: ["segment", "coordinate", "muFrom", "muTo"])
            brk = ParsedCertificate.MonotoneBreak(
                segment: try b["segment"]!.int(in: 1...Int.max) - 1, coordinate: try b["coordinate"]!.int(in: 1...Int.max) - 1,
                muFrom: try b["muFrom"]!.rational(), muTo: try b["muTo"]!.optionalRational())
        }
        let divergence = try o["divergence"]!.array().map { (item) throws(MalformedCertificate) in
            let i = try item.object(required: ["from", "to"])
            return ParsedCertificate.Interval(from: try i["from"]!.rational(), to: try i["to"]!.optionalRational())
        }
        let gaps = try o["gapSamples"]!.array().map { (item) throws(MalformedCertificate) in
            let g = try item.object(required: ["s", "gap"])
            return ParsedCertificate.GapSample(s: try g["s"]!.rational(), gap: try g["gap"]!.rational())
        }
        return ParsedCertificate.Verdict(
            monotone: try o["monotone"]!.bool(), monotoneBreak: brk, equivalent: try o["equivalent"]!.bool(),
            divergence: divergence, jumpTimesEqualInverseKnots: try o["jumpTimesEqualInverseKnots"]!.bool(),
            saddlesEqualSlopes: try o["saddlesEqualSlopes"]!.bool(), gapSamples: gaps)
    }
}
