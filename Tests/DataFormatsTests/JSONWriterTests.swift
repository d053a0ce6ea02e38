import Foundation
import Testing
@testable import JSONFormat

@Suite("JSON writing") struct JSONWriterTests {
    let sample: JSONValue = [
        "name": "example",
        "w": [.number("0.5"), .number("-1.25e-3"), 0],
        "nested": ["empty": [], "obj": .object(JSONObject()), "flags": [true, false, nil]],
        "matrix": [[1, 2], [3, 4]],
    ]

    @Test func compactOutputIsExact() {
        #expect(sample.serialized() ==
            #"{"name":"example","w":[0.5,-1.25e-3,0],"nested":{"empty":[],"obj":{},"flags":[true,false,null]},"matrix":[[1,2],[3,4]]}"#)
    }

    @Test func prettyOutputKeepsShortScalarArraysOnOneLine() {
        let expected = """
            {
              "name": "example",
              "w": [0.5, -1.25e-3, 0],
              "nested": {
                "empty": [],
                "obj": {},
                "flags": [true, false, null]
              },
              "matrix": [
                [1, 2],
                [3, 4]
              ]
            }
            """
        #expect(sample.serialized(pretty: true) == expected)
    }

    @Test func longScalarArraysWrapOneElementPerLine() {
        let long = JSONValue.array((0..<40).map { .string("value-\($0)") })
        let lines = JSONValue.object(["v": long]).serialized(pretty: true).split(separator: "\n")
        #expect(lines.count == 44)
        #expect(lines[1] == "  \"v\": [")
        #expect(lines[2] == "    \"value-0\",")
        #expect(lines[41] == "    \"value-39\"")
        #expect(lines[42] == "  ]")
    }

    @Test func stringsAreEscaped() {
        let text = JSONValue.string("q\"b\\n\n r\r t\t \u{08}\u{0C}\u{01}\u{1F} \u{7F} é 😀 /")
        #expect(text.serialized() == "\"q\\\"b\\\\n\\n r\\r t\\t \\b\\f\\u0001\\u001f \u{7F} é 😀 /\"")
        #expect(JSONValue.object(["k\"ey": 1]).serialized() == #"{"k\"ey":1}"#)
    }

    @Test func roundTripsPreserveEverything() throws {
        let texts = [
            #"{"b":[0.1,1e-300,-0,2.5E+10],"a":{"z":null,"y":"\u00e9\n"},"c":[[],{}],"d":true}"#,
            #"[1,"two",[3,[4,[5]]],{"six":6}]"#,
            #""just a string""#,
            "-1.0e-0",
        ]
        for text in texts {
            let value = try JSONValue.parse(text)
            let compact = value.serialized()
            let pretty = value.serialized(pretty: true)
            #expect(try JSONValue.parse(compact) == value)
            #expect(try JSONValue.parse(pretty) == value)
            #expect(try JSONValue.parse(compact).serialized() == compact)
            #expect(try JSONValue.parse(pretty).asObject?.keys == value.asObject?.keys)
        }
        // Exact text survives where the escapes are canonical.
        #expect(try JSONValue.parse(#"{"b":[0.1,1e-300,-0,2.5E+10],"a":{"z":null}}"#).serialized()
            == #"{"b":[0.1,1e-300,-0,2.5E+10],"a":{"z":null}}"#)
    }

    @Test func integerLiteralsBecomeNumberText() {
        let value: JSONValue = [-3, 0, 42]
        #expect(value.serialized() == "[-3,0,42]")
    }

    /// A whole document on a file descriptor: the pretty text and a newline, as `serialized`.
    @Test func documentsStreamToAFileDescriptor() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("json-\(UUID().uuidString).json").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        sample.writeDocument(toFileDescriptor: fd)
        close(fd)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == sample.serialized(pretty: true) + "\n")
        try FileManager.default.removeItem(atPath: path)
    }
}
