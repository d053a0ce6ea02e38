import JSONFormat
import ExactArithmetic

/// Reads certificate text (proofs/certificate-format.md) into a `ParsedCertificate`, checking only shapes: JSON syntax, the format
/// name and version, field names and types, vector and matrix sizes against d = |r|, canonical
/// "p/q" numbers. Anything wrong here is `MalformedCertificate` (exit 2), never a crash.
public enum CertificateParser {
    public static let formatName = "dlnpath-certificate"
    public static let version = 2

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
        let lasso = try top["lasso"]!.object(required: ["knots", "segments", "unique"])
        let knots = try nonEmpty(lasso["knots"]!).map { (k) throws(MalformedCertificate) in
            let o = try k.object(required: ["lambda", "x", "unique"], optional: ["direction", "weights"])
            return ParsedCertificate.Knot(lambda: try o["lambda"]!.rational(), x: try o["x"]!.vector(count: d),
                                          uniqueness: try uniqueness(o, d: d))
        }
        var signs: [[Int]] = [], segmentUniqueness: [ParsedCertificate.Uniqueness] = []
        for segment in try lasso["segments"]!.array(count: knots.count - 1) {
            let o = try segment.object(required: ["signs", "unique"], optional: ["direction", "weights"])
            signs.append(try o["signs"]!.array(count: d).map { (v) throws(MalformedCertificate) in try v.int(in: -1...1) })
            segmentUniqueness.append(try uniqueness(o, d: d))
        }
        let limit = try top["limit"]!.object(required: ["saddles"])
        let saddles = try nonEmpty(limit["saddles"]!).map { (k) throws(MalformedCertificate) in try parseSaddle(k, d: d) }
        return ParsedCertificate(
            input: try parseInput(top["input"]!), problem: problem, knots: knots, segmentSigns: signs,
            segmentUniqueness: segmentUniqueness, lassoUnique: try lasso["unique"]!.bool(),
            saddles: saddles, verdict: try parseVerdict(top["verdict"]!, d: d))
    }

    private static func nonEmpty(_ reader: JSONReader) throws(MalformedCertificate) -> [JSONReader] {
        let items = try reader.array()
        if items.isEmpty { throw reader.fail("expected at least one entry") }
        return items
    }

    private static func parseInput(_ reader: JSONReader) throws(MalformedCertificate) -> ParsedCertificate.Input {
        let o = try reader.object(
            required: ["file", "sha256"],
            optional: ["variant", "weightDecay", "scaling", "responseColumn", "responseFile", "responseSha256", "indexColumn"])
        func text(_ key: String) throws(MalformedCertificate) -> String? { try o[key]?.string() }
        // The recorded options are re-applied by `check --input`: each must be one it accepts.
        let variant = try o["variant"].map { (v) throws(MalformedCertificate) in try parseVariant(v) }
        let weightDecay = try o["weightDecay"].map { (w) throws(MalformedCertificate) in try nonnegative(w) }
        if let s = o["scaling"], !["mean", "sum"].contains(try s.string()) { throw s.fail("expected \"mean\" or \"sum\"") }
        if let i = o["indexColumn"], try !i.bool() { throw i.fail("expected true (recorded only when set)") }
        let input = ParsedCertificate.Input(
            file: try o["file"]!.string(), sha256: try digest(o["sha256"]!),
            variant: variant, weightDecay: weightDecay, scaling: try text("scaling"),
            responseColumn: try text("responseColumn"), responseFile: try text("responseFile"),
            responseSHA256: try o["responseSha256"].map { (r) throws(MalformedCertificate) in try digest(r) },
            indexColumn: o["indexColumn"] != nil)
        if (input.responseFile == nil) != (input.responseSHA256 == nil) {
            throw reader.fail("responseFile and responseSha256 come together")
        }
        return input
    }

    private static func parseVariant(_ reader: JSONReader) throws(MalformedCertificate) -> ParsedCertificate.Variant {
        guard let variant = ParsedCertificate.Variant(rawValue: try reader.string()) else {
            throw reader.fail("expected \"signed\" or \"positive\"")
        }
        return variant
    }

    /// A weight decay: an exact number ≥ 0.
    private static func nonnegative(_ reader: JSONReader) throws(MalformedCertificate) -> Rational {
        let q = try reader.rational()
        if q.signum < 0 { throw reader.fail("a weight decay must be ≥ 0, found \(q.description.prefix(40))") }
        return q
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
        let variant = try parseVariant(o["variant"]!)
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
            multipliers: try o["multipliers"]!.vector(count: d), uniqueness: try uniqueness(o, d: d))
    }

    /// `unique` with its optional `direction` or `weights` (full-length vectors).
    private static func uniqueness(_ o: [String: JSONReader], d: Int) throws(MalformedCertificate) -> ParsedCertificate.Uniqueness {
        ParsedCertificate.Uniqueness(
            unique: try o["unique"]!.bool(),
            direction: try o["direction"].map { (v) throws(MalformedCertificate) in try v.vector(count: d) },
            weights: try o["weights"].map { (v) throws(MalformedCertificate) in try v.vector(count: d) })
    }

    /// A list of 0-based coordinates in 0...d−1 (d ≥ 1: `r` is never empty).
    private static func coordinates(_ reader: JSONReader, d: Int) throws(MalformedCertificate) -> [Int] {
        var out: [Int] = []
        for item in try reader.array() { out.append(try item.int(in: 0...(d - 1))) }
        return out
    }

    private static func parseVerdict(_ reader: JSONReader, d: Int) throws(MalformedCertificate) -> ParsedCertificate.Verdict {
        let o = try reader.object(required: [
            "monotone", "monotoneBreak", "equivalent", "divergence", "jumpTimesEqualInverseKnots",
            "saddlesEqualSlopes", "gapMaxima", "downwardVariation", "samples",
        ])
        var brk: ParsedCertificate.MonotoneBreak?
        if !o["monotoneBreak"]!.value.isNull {
            let b = try o["monotoneBreak"]!.object(required: ["segment", "coordinate", "muFrom", "muTo", "slope"])
            brk = ParsedCertificate.MonotoneBreak(
                segment: try b["segment"]!.int(in: 0...Int.max), coordinate: try b["coordinate"]!.int(in: 0...(d - 1)),
                muFrom: try b["muFrom"]!.rational(), muTo: try b["muTo"]!.optionalRational(), slope: try b["slope"]!.rational())
        }
        var leaving: [[Int]] = []
        let divergence = try o["divergence"]!.array().map { (item) throws(MalformedCertificate) in
            let i = try item.object(required: ["from", "to", "coordinates", "gapMaximum", "gapMaximiser"])
            leaving.append(try coordinates(i["coordinates"]!, d: d))
            return ParsedCertificate.GapMaximum(
                from: try i["from"]!.rational(), to: try i["to"]!.optionalRational(),
                maximum: try i["gapMaximum"]!.rational(), maximiser: try i["gapMaximiser"]!.optionalRational())
        }
        let maxima = try o["gapMaxima"]!.array().map { (item) throws(MalformedCertificate) in
            let g = try item.object(required: ["from", "to", "maximum", "maximiser"])
            return ParsedCertificate.GapMaximum(
                from: try g["from"]!.rational(), to: try g["to"]!.optionalRational(),
                maximum: try g["maximum"]!.rational(), maximiser: try g["maximiser"]!.optionalRational())
        }
        let down = try o["downwardVariation"]!.object(required: ["total", "pieces"])
        let pieces = try nonEmpty(down["pieces"]!).map { (item) throws(MalformedCertificate) in
            let p = try item.object(required: ["from", "to", "rate", "valueAtFrom", "coordinates"])
            return ParsedCertificate.DownwardPiece(
                from: try p["from"]!.rational(), to: try p["to"]!.optionalRational(), rate: try p["rate"]!.rational(),
                valueAtFrom: try p["valueAtFrom"]!.rational(),
                coordinates: try coordinates(p["coordinates"]!, d: d))
        }
        let samples = try o["samples"]!.array().map { (item) throws(MalformedCertificate) in
            let g = try item.object(required: ["s", "gap", "zDown", "eta"])
            let eta = try g["eta"]!.object(required: ["lower", "upper"])
            return ParsedCertificate.Sample(
                s: try g["s"]!.rational(), gap: try g["gap"]!.rational(), zDown: try g["zDown"]!.rational(),
                etaLower: try eta["lower"]!.rational(), etaUpper: try eta["upper"]!.rational())
        }
        return ParsedCertificate.Verdict(
            monotone: try o["monotone"]!.bool(), monotoneBreak: brk, equivalent: try o["equivalent"]!.bool(),
            divergence: divergence.map { ParsedCertificate.Interval(from: $0.from, to: $0.to) },
            jumpTimesEqualInverseKnots: try o["jumpTimesEqualInverseKnots"]!.bool(),
            saddlesEqualSlopes: try o["saddlesEqualSlopes"]!.bool(), divergenceGaps: divergence,
            divergenceCoordinates: leaving, gapMaxima: maxima,
            downwardPieces: pieces, downwardTotal: try down["total"]!.optionalRational(), samples: samples)
    }
}
