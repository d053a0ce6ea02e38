import Testing
@testable import JSONFormat

/// `JSONDocument` streams the same bytes as writing its tree, whatever the arrays hold: objects
/// (one per line), scalars (one line when short, else one per line), mixtures, empty arrays and
/// objects, at every depth.
@Suite("JSON documents streamed element by element") struct JSONDocumentTests {
    static func streamed(_ document: JSONDocument) throws -> String {
        var out = JSONOutput()
        try document.write(to: &out)
        return out.string
    }

    @Test func streamingWritesTheTreesBytes() throws {
        let point: (Int) -> JSONValue = { n in ["s": .string("\(n)/3"), "x": [.string("\(n)"), 0], "unique": .bool(n % 2 == 0)] }
        let long = (0..<40).map { JSONValue.string("12345678901234567890/\($0 + 1)") } // too wide for one line
        let documents: [JSONDocument] = [
            .object([]),
            .object([("a", .value(1)), ("points", .elements(count: 3, element: point))]),
            .object([("empty", .elements(count: 0) { _ in nil }), ("scalars", .elements(count: 4) { .number("\($0)") })]),
            .object([("long", .elements(count: long.count) { long[$0] }), ("sequence", .sequence(AnySequence(long.prefix(3))))]),
            .object([("mixed", .elements(count: 3) { $0 == 1 ? ["k": 1] : .number("\($0)") }),
                     ("objectFirst", .elements(count: 3) { $0 == 0 ? ["k": 1] : .number("\($0)") })]),
            .object([("nested", .object([("inner", .elements(count: 2, element: point)), ("none", .object([]))])), ("last", .value(nil))]),
            .elements(count: 2) { [.number("\($0)"), ["deep": [1, 2]]] },
        ]
        for (n, document) in documents.enumerated() {
            let tree = try document.value()
            #expect(try Self.streamed(document) == tree.serialized(pretty: true), "document \(n)")
        }
    }

    @Test func elementsAreBuiltOncePerRendering() throws {
        var built = 0
        let document = JSONDocument.object([("xs", .elements(count: 5) { n in built += 1; return ["n": .number("\(n)")] })])
        _ = try Self.streamed(document)
        #expect(built == 5)
    }

    /// `.objects`: each object written straight into the output (`appendMember`) gives the bytes
    /// of the same objects as trees, nested or not, empty or not; and a rendering done elsewhere
    /// (`append(contentsOf:)`) is copied unchanged, longer than one flush block too.
    @Test func objectsWrittenStraightAreTheTrees() throws {
        let trees: [JSONValue] = (0..<3).map { n in ["s": .string("\(n)/7"), "x": [.string("1/\(n + 2)"), 0], "unique": .bool(n != 1)] }
        let write: (Int, inout JSONOutput, Int) -> Void = { n, out, indent in
            out.appendMember("s", first: true, indent: indent)
            out.appendQuoted("\(n)/7")
            out.appendMember("x", first: false, indent: indent)
            out.appendScalarArray(count: 2, indent: indent + 2) { i, o in i == 0 ? o.appendQuoted("1/\(n + 2)") : o.appendInteger(0) }
            out.appendMember("unique", first: false, indent: indent)
            out.appendBool(n != 1)
            out.appendObjectEnd(indent: indent)
        }
        let pairs: [(JSONDocument, JSONValue)] = [
            (.objects(count: 3, write: write), .array(trees)),
            (.objects(count: 0, write: write), .array([])),
            (.object([("a", .value(1)), ("saddles", .objects(count: 2, write: write))]), ["a": 1, "saddles": .array(Array(trees.prefix(2)))]),
        ]
        for (n, (document, tree)) in pairs.enumerated() {
            #expect(try Self.streamed(document) == tree.serialized(pretty: true), "document \(n)")
            #expect(try document.value() == tree, "document \(n)")
        }
        var rendered = JSONOutput()
        for _ in 0..<300_000 { rendered.append("0123456789") }
        var copy = JSONOutput()
        copy.append("[")
        copy.append(contentsOf: rendered)
        #expect(copy.string == "[" + rendered.string)
    }
}
