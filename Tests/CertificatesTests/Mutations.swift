import JSONFormat
import ExactArithmetic

/// One tampered certificate: what was changed, the text, and whether only `check --input` can
/// see it (a changed problem entry or input digest is a different but consistent claim).
struct Mutant {
    let name: String
    let document: JSONValue
    let needsInput: Bool
    var text: String { document.serialized(pretty: false) }
}

/// A place in a JSON document.
enum Step { case key(String), index(Int) }

extension JSONValue {
    func at(_ path: [Step]) -> JSONValue {
        var v = self
        for step in path {
            switch step {
            case .key(let k): v = v[k]!
            case .index(let i): v = v[i]!
            }
        }
        return v
    }

    /// A copy with the value at `path` replaced by `change(old)`.
    func replacing(_ path: [Step], _ change: (JSONValue) -> JSONValue) -> JSONValue {
        guard let step = path.first else { return change(self) }
        let rest = Array(path.dropFirst())
        switch (self, step) {
        case (.object(var o), .key(let k)):
            o[k] = o[k]!.replacing(rest, change)
            return .object(o)
        case (.array(var items), .index(let i)):
            items[i] = items[i].replacing(rest, change)
            return .array(items)
        default:
            fatalError("bad mutation path")   // test code: paths come from the walk below
        }
    }

    var rational: Rational { try! Rational(parsing: asString!) }
}

/// Every kind of tampering proofs/README.md lists, applied at every place it can be: a changed digit
/// (numerator + 1) of any knot or saddle number, a missing/extra knot or saddle, a flipped sign,
/// unique flag (of a knot, segment, saddle or the whole lasso path; with its witness kept or
/// removed) or verdict, a removed or changed uniqueness witness, a wrong monotone break or
/// interval end, a wrong gap, a changed problem entry or digest. Each must be rejected as a
/// failed claim (exit 1), not accepted.
enum Mutations {
    static func bump(_ v: JSONValue) -> JSONValue {
        let q = v.rational
        return .string(Rational(q.numerator + BigInteger(1), q.denominator).description)
    }

    static func all(_ doc: JSONValue) -> [Mutant] {
        var out: [Mutant] = []
        func add(_ name: String, _ d: JSONValue, input: Bool = false) { out.append(Mutant(name: name, document: d, needsInput: input)) }
        func bumpAt(_ name: String, _ path: [Step], input: Bool = false) { add(name, doc.replacing(path, bump), input: input) }
        let d = doc.at([.key("problem"), .key("r")]).asArray!.count
        let knots = doc.at([.key("lasso"), .key("knots")]).asArray!
        let segments = doc.at([.key("lasso"), .key("segments")]).asArray!
        let saddles = doc.at([.key("limit"), .key("saddles")]).asArray!
        let lassoPath: [Step] = [.key("lasso")], knotsPath = lassoPath + [.key("knots")], segPath = lassoPath + [.key("segments")]
        let saddlesPath: [Step] = [.key("limit"), .key("saddles")]
        let verdict: [Step] = [.key("verdict")]

        // Digits of knots and saddles.
        for k in knots.indices {
            bumpAt("knot \(k + 1) lambda", knotsPath + [.index(k), .key("lambda")])
            for i in 0..<d { bumpAt("knot \(k + 1) x_\(i + 1)", knotsPath + [.index(k), .key("x"), .index(i)]) }
        }
        for k in saddles.indices {
            bumpAt("saddle \(k + 1) s", saddlesPath + [.index(k), .key("s")])
            for field in ["x", "q", "multipliers"] {
                for i in 0..<d { bumpAt("saddle \(k + 1) \(field)_\(i + 1)", saddlesPath + [.index(k), .key(field), .index(i)]) }
            }
            out += uniqueness(doc, "saddle \(k + 1)", saddlesPath + [.index(k)], d: d)
        }
        for k in knots.indices { out += uniqueness(doc, "knot \(k + 1)", knotsPath + [.index(k)], d: d) }
        for k in segments.indices { out += uniqueness(doc, "segment \(k + 1)", segPath + [.index(k)], d: d) }
        add("lasso unique flipped", doc.replacing(lassoPath + [.key("unique")]) { .bool(!$0.asBool!) })
        // Segment signs: every other value.
        for k in segments.indices {
            for i in 0..<d {
                let path = segPath + [.index(k), .key("signs"), .index(i)]
                let old = Int(doc.at(path).numberText!)!
                for new in [-1, 0, 1] where new != old {
                    add("segment \(k + 1) sign_\(i + 1) \(old) → \(new)", doc.replacing(path) { _ in .number(String(new)) })
                }
            }
        }
        // Missing and extra knots.
        for k in knots.indices where knots.count > 1 {
            var ks = knots, segs = segments
            ks.remove(at: k)
            if k == 0 { segs.removeFirst() } else if k == knots.count - 1 { segs.removeLast() } else {
                // The merged segment claims what the first of the two did.
                var merged = segments[k - 1].asObject!
                merged["signs"] = midpointSigns(ks[k - 1], ks[k], d)
                segs.replaceSubrange((k - 1)...k, with: [.object(merged)])
            }
            add("knot \(k + 1) missing", doc.replacing(lassoPath) { lasso in lassoSection(lasso, ks, segs) })
        }
        for k in segments.indices {
            var ks = knots, segs = segments
            ks.insert(midpoint(knots[k], knots[k + 1], d, claim: segments[k]), at: k + 1)
            segs.insert(segments[k], at: k)
            add("extra knot in segment \(k + 1)", doc.replacing(lassoPath) { lasso in lassoSection(lasso, ks, segs) })
        }
        // Missing and extra saddles.
        for k in saddles.indices where saddles.count > 1 {
            var ss = saddles
            ss.remove(at: k)
            add("saddle \(k + 1) missing", doc.replacing(saddlesPath) { _ in .array(ss) })
        }
        for k in saddles.indices {
            let s0 = saddles[k]["s"]!.rational
            let s1 = k + 1 < saddles.count ? saddles[k + 1]["s"]!.rational : s0 + Rational(1)
            var ss = saddles
            ss.insert(interiorSaddle(doc, saddles[k], at: (s0 + s1) / Rational(2)), at: k + 1)
            add("extra saddle after saddle \(k + 1)", doc.replacing(saddlesPath) { _ in .array(ss) })
        }
        // Verdict.
        for flag in ["monotone", "equivalent", "jumpTimesEqualInverseKnots", "saddlesEqualSlopes"] {
            add("verdict \(flag) flipped", doc.replacing(verdict + [.key(flag)]) { .bool(!$0.asBool!) })
        }
        let brk = doc.at(verdict + [.key("monotoneBreak")])
        if brk.isNull {
            add("fake monotone break", doc.replacing(verdict + [.key("monotoneBreak")]) { _ in
                ["segment": 0, "coordinate": 0, "muFrom": "1", "muTo": "2", "slope": "1"] })
        } else {
            let b = verdict + [.key("monotoneBreak")]
            add("monotone break removed", doc.replacing(b) { _ in .null })
            add("monotone break segment + 1", doc.replacing(b + [.key("segment")]) { .number(String(Int($0.numberText!)! + 1)) })
            add("monotone break coordinate + 1", doc.replacing(b + [.key("coordinate")]) { .number(String((Int($0.numberText!)! + 1) % d)) })   // d > 1: z is monotone when d = 1
            bumpAt("monotone break muFrom", b + [.key("muFrom")])
            bumpAt("monotone break slope", b + [.key("slope")])
            if brk["muTo"]!.isNull {
                add("monotone break muTo finite", doc.replacing(b + [.key("muTo")]) { _ in "1000" })
            } else {
                bumpAt("monotone break muTo", b + [.key("muTo")])
                add("monotone break muTo unbounded", doc.replacing(b + [.key("muTo")]) { _ in .null })
            }
        }
        let divergence = doc.at(verdict + [.key("divergence")]).asArray!
        for (n, interval) in divergence.enumerated() {
            let p = verdict + [.key("divergence"), .index(n)]
            bumpAt("divergence \(n + 1) from", p + [.key("from")])
            if interval["to"]!.isNull {
                add("divergence \(n + 1) to finite", doc.replacing(p + [.key("to")]) { _ in "1000" })
            } else {
                bumpAt("divergence \(n + 1) to", p + [.key("to")])
                add("divergence \(n + 1) to unbounded", doc.replacing(p + [.key("to")]) { _ in .null })
            }
            let leaving = interval["coordinates"]!.asArray!
            add("divergence \(n + 1) coordinates", doc.replacing(p + [.key("coordinates")]) { _ in
                leaving.count > 1 ? .array(Array(leaving.dropLast())) : [.number(String((Int(leaving[0].numberText!)! + 1) % d))] })
            var rest = divergence
            rest.remove(at: n)
            add("divergence \(n + 1) missing", doc.replacing(verdict + [.key("divergence")]) { _ in .array(rest) })
        }
        add("extra divergence interval", doc.replacing(verdict + [.key("divergence")]) { _ in
            .array(divergence + [["from": "1000", "to": "1001", "coordinates": [0], "gapMaximum": "1", "gapMaximiser": "1000"]]) })
        out += verdictClaims(doc)
        // Problem and input: only `check --input` sees a consistent change of these in general.
        for i in 0..<d {
            bumpAt("problem r_\(i + 1)", [.key("problem"), .key("r"), .index(i)], input: true)
            for j in i..<d {
                var changed = doc.replacing([.key("problem"), .key("M"), .index(i), .index(j)], bump)
                if i != j { changed = changed.replacing([.key("problem"), .key("M"), .index(j), .index(i)], bump) }
                add("problem M_\(i + 1),\(j + 1)", changed, input: true)
            }
        }
        bumpAt("problem weight decay", [.key("problem"), .key("weightDecay")], input: true)
        add("problem variant flipped", doc.replacing([.key("problem"), .key("variant")]) {
            $0.asString == "signed" ? "positive" : "signed" }, input: true)
        add("problem positiveDefinite flipped", doc.replacing([.key("problem"), .key("positiveDefinite")]) { .bool(!$0.asBool!) })
        add("input digest changed", doc.replacing([.key("input"), .key("sha256")]) { v in
            let t = v.asString!
            return .string((t.first == "0" ? "1" : "0") + t.dropFirst())
        }, input: true)
        return out
    }

    /// The claims `compare` prints beyond the paths (docs/math.md §4): each gap maximum lowered,
    /// raised and its maximiser moved (per piece and per divergence interval), a gap-maximum entry
    /// missing or extra, every z↓ piece field changed, the z↓ total changed, each sample's gap and
    /// z↓ changed and its η moved out of its enclosure or the enclosure widened.
    static func verdictClaims(_ doc: JSONValue) -> [Mutant] {
        var out: [Mutant] = []
        func add(_ name: String, _ d: JSONValue) { out.append(Mutant(name: name, document: d, needsInput: false)) }
        let verdict: [Step] = [.key("verdict")]
        func maxima(_ list: String, _ name: String, maximum: String, maximiser: String) {
            for (n, entry) in doc.at(verdict + [.key(list)]).asArray!.enumerated() {
                let p = verdict + [.key(list), .index(n)]
                let m = entry[maximum]!.rational
                add("\(name) \(n + 1) maximum raised", doc.replacing(p + [.key(maximum)]) { _ in .string((m + m / Rational(1000)).description) })
                add("\(name) \(n + 1) maximum lowered", doc.replacing(p + [.key(maximum)]) { _ in .string((m - m / Rational(1000)).description) })
                let from = entry["from"]!.rational, to = entry["to"]!.isNull ? nil : entry["to"]!.rational
                let at = entry[maximiser]!.isNull ? nil : entry[maximiser]!.rational
                // Another point of the interval: an end other than the maximiser, or s → ∞.
                let moved: JSONValue = at == from ? (to.map { .string($0.description) } ?? .null) : .string(from.description)
                add("\(name) \(n + 1) maximiser moved", doc.replacing(p + [.key(maximiser)]) { _ in moved })
            }
        }
        maxima("gapMaxima", "gap maximum", maximum: "maximum", maximiser: "maximiser")
        maxima("divergence", "divergence gap", maximum: "gapMaximum", maximiser: "gapMaximiser")
        let gapMaxima = doc.at(verdict + [.key("gapMaxima")]).asArray!
        for n in gapMaxima.indices {
            var rest = gapMaxima
            rest.remove(at: n)
            add("gap maximum \(n + 1) missing", doc.replacing(verdict + [.key("gapMaxima")]) { _ in .array(rest) })
        }
        add("extra gap maximum", doc.replacing(verdict + [.key("gapMaxima")]) { _ in
            .array(gapMaxima + [["from": "1000", "to": "1001", "maximum": "1", "maximiser": "1000"]]) })
        let down = verdict + [.key("downwardVariation")]
        for (n, piece) in doc.at(down + [.key("pieces")]).asArray!.enumerated() {
            let p = down + [.key("pieces"), .index(n)]
            for field in ["from", "rate", "valueAtFrom"] { add("z↓ piece \(n + 1) \(field)", doc.replacing(p + [.key(field)], bump)) }
            if !piece["to"]!.isNull { add("z↓ piece \(n + 1) to", doc.replacing(p + [.key("to")], bump)) }
            let coordinates = piece["coordinates"]!.asArray!
            add("z↓ piece \(n + 1) coordinates", doc.replacing(p + [.key("coordinates")]) { _ in
                coordinates.isEmpty ? [0] : .array(Array(coordinates.dropLast())) })
        }
        let total = doc.at(down + [.key("total")])
        add("z↓ total", doc.replacing(down + [.key("total")]) { _ in total.isNull ? "1" : bump(total) })
        if !total.isNull { add("z↓ total unbounded", doc.replacing(down + [.key("total")]) { _ in .null }) }
        for (n, sample) in doc.at(verdict + [.key("samples")]).asArray!.enumerated() {
            let p = verdict + [.key("samples"), .index(n)]
            add("sample \(n + 1) gap", doc.replacing(p + [.key("gap")], bump))
            add("sample \(n + 1) z↓", doc.replacing(p + [.key("zDown")], bump))
            let lower = sample["eta"]!["lower"]!.rational, upper = sample["eta"]!["upper"]!.rational
            let step = Rational(1, 1 << 60)
            func eta(_ lo: Rational, _ hi: Rational) -> JSONValue { ["lower": .string(lo.description), "upper": .string(hi.description)] }
            add("sample \(n + 1) η raised", doc.replacing(p + [.key("eta")]) { _ in eta(upper + upper * step + step, upper + upper * step + step) })
            add("sample \(n + 1) η lowered", doc.replacing(p + [.key("eta")]) { _ in eta(lower - lower * step - step, lower - lower * step - step) })
            add("sample \(n + 1) η widened", doc.replacing(p + [.key("eta")]) { _ in eta(lower / Rational(2) - Rational(1), upper) })
        }
        return out
    }

    /// At most `perKind` mutants of each kind (the name with its numbers blanked), spread over
    /// the document, so large certificates keep the test fast while every kind is still tried.
    static func sample(_ mutants: [Mutant], perKind: Int) -> [Mutant] {
        let kinds = Dictionary(grouping: mutants.indices) { mutants[$0].name.replacing(/[0-9]+/, with: "#") }
        let chosen = kinds.values.flatMap { group -> [Int] in
            guard group.count > perKind else { return group }
            return (0..<perKind).map { group[$0 * (group.count - 1) / max(perKind - 1, 1)] }
        }
        return Set(chosen).sorted().map { mutants[$0] }
    }

    static func vector(_ v: JSONValue) -> [Rational] { v.asArray!.map(\.rational) }
    static func json(_ v: [Rational]) -> JSONValue { .array(v.map { .string($0.description) }) }

    /// The knot halfway along a segment, claiming the segment's uniqueness and witness (true
    /// there: E, signs and zeros are those of the open segment), so only its being no bend is wrong.
    static func midpoint(_ a: JSONValue, _ b: JSONValue, _ d: Int, claim segment: JSONValue) -> JSONValue {
        let half = Rational(1, 2)
        let x = zip(vector(a["x"]!), vector(b["x"]!)).map { ($0 + $1) * half }
        var o = segment.asObject!
        o["signs"] = nil
        return .object(JSONObject([("lambda", .string(((a["lambda"]!.rational + b["lambda"]!.rational) * half).description)), ("x", json(x))]
                                  + o.keys.map { ($0, o[$0]!) }))
    }

    /// `lasso` with other knots and segments, its path-wide `unique` kept.
    static func lassoSection(_ lasso: JSONValue, _ knots: [JSONValue], _ segments: [JSONValue]) -> JSONValue {
        ["knots": .array(knots), "segments": .array(segments), "unique": lasso["unique"]!]
    }

    /// The tampering of one `unique` claim (a saddle, knot or segment object at `path`, named
    /// `name`): the flag flipped with its witness kept and with it removed, the witness removed,
    /// and each witness entry changed — except a direction's entry on a zero column of M, where
    /// any value keeps M·d = 0 and the changed direction is as valid a witness (the signed lasso
    /// at λ = 0 lets such a coordinate move freely).
    static func uniqueness(_ doc: JSONValue, _ name: String, _ path: [Step], d: Int) -> [Mutant] {
        let M = doc.at([.key("problem"), .key("M")]).asArray!.map(vector)
        var out: [Mutant] = []
        func add(_ what: String, _ changed: JSONValue) { out.append(Mutant(name: "\(name) \(what)", document: changed, needsInput: false)) }
        let object = doc.at(path)
        func without(_ field: String) -> JSONValue {
            doc.replacing(path) { _ in
                var o = object.asObject!
                o[field] = nil
                return .object(o)
            }
        }
        add("unique flipped", doc.replacing(path + [.key("unique")]) { .bool(!$0.asBool!) })
        for field in ["direction", "weights"] where object[field] != nil {
            add("unique flipped, \(field) removed", without(field).replacing(path + [.key("unique")]) { .bool(!$0.asBool!) })
            add("\(field) removed", without(field))
            for i in 0..<d where field == "weights" || M.contains(where: { !$0[i].isZero }) {
                add("\(field)_\(i + 1)", doc.replacing(path + [.key(field), .index(i)], bump))
            }
        }
        return out
    }

    static func midpointSigns(_ a: JSONValue, _ b: JSONValue, _ d: Int) -> JSONValue {
        .array(zip(vector(a["x"]!), vector(b["x"]!)).map { .number(String(($0 + $1).signum)) })
    }

    /// A saddle at time s inside saddle k's interval: same x, q advanced by (s − s_k)·c(x),
    /// multipliers recomputed: consistent everywhere except that nothing happens at s.
    static func interiorSaddle(_ doc: JSONValue, _ saddle: JSONValue, at s: Rational) -> JSONValue {
        let M = doc.at([.key("problem"), .key("M")]).asArray!.map(vector)
        let r = vector(doc.at([.key("problem"), .key("r")]))
        let w = doc.at([.key("problem"), .key("weightDecay")]).rational
        let signed = doc.at([.key("problem"), .key("variant")]).asString == "signed"
        let x = vector(saddle["x"]!), q0 = vector(saddle["q"]!)
        let c = r.indices.map { i in r[i] - M[i].indices.reduce(Rational.zero) { $0 + M[i][$1] * x[$1] } }
        let q = q0.indices.map { q0[$0] + (s - saddle["s"]!.rational) * c[$0] }
        let bound = Rational(1) + w * s
        let mu = q.indices.map { i -> Rational in
            let onFace = signed ? q[i].magnitude == bound : q[i] == bound
            return onFace ? w - Rational(signed ? q[i].signum : 1) * c[i] : .zero
        }
        var o = saddle.asObject!
        o["s"] = .string(s.description)
        o["q"] = json(q)
        o["multipliers"] = json(mu)
        return .object(o)
    }
}
