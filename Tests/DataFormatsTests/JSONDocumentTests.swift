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
}
