import Foundation
import Testing
@testable import DataFormats
@testable import JSONFormat

@Suite("JSON parsing") struct JSONParserTests {
    @Test func numberLiteralsKeepTheirExactText() throws {
        let value = try JSONValue.parse("[0.1, 1e-300, -0, 2.5E+10, -1.25e-3, 123456789012345678901234567890, 0, 1E5]")
        let texts = try #require(value.asArray).map(\.numberText)
        #expect(texts == ["0.1", "1e-300", "-0", "2.5E+10", "-1.25e-3", "123456789012345678901234567890", "0", "1E5"])
    }

    @Test func scalarsAtTopLevel() throws {
        #expect(try JSONValue.parse("true") == .bool(true))
        #expect(try JSONValue.parse(" false ") == .bool(false))
        #expect(try JSONValue.parse("null") == .null)
        #expect(try JSONValue.parse("\n\t-7\r\n") == .number("-7"))
        #expect(try JSONValue.parse("\"hi\"") == .string("hi"))
    }

    @Test func stringEscapesAndSurrogatePairs() throws {
        let value = try JSONValue.parse(#""\u00e9\uD83D\uDE00 \n\t\"\\\/\b\f\r \u0000""#)
        #expect(value.asString == "é😀 \n\t\"\\/\u{08}\u{0C}\r \u{0}")
        #expect(try JSONValue.parse("\"naïve ∑ 😀\"").asString == "naïve ∑ 😀")
    }

    @Test func objectsKeepInsertionOrderAndLookUpByKey() throws {
        let value = try JSONValue.parse(#"{"b": 1, "a": [true, null], "c": {"d": "x"}}"#)
        let object = try #require(value.asObject)
        #expect(object.keys == ["b", "a", "c"])
        #expect(value["b"]?.numberText == "1")
        #expect(value["a"]?[0]?.asBool == true)
        #expect(value["a"]?[1]?.isNull == true)
        #expect(value["a"]?[2] == nil)
        #expect(value["c"]?["d"]?.asString == "x")
        #expect(value["missing"] == nil)
        #expect(object.entries.map(\.key) == ["b", "a", "c"])
    }

    @Test func accessorsReturnNilOnWrongType() {
        let number: JSONValue = .number("1")
        #expect(number.asString == nil)
        #expect(number.asArray == nil)
        #expect(number.asObject == nil)
        #expect(number.asBool == nil)
        #expect(JSONValue.string("1").numberText == nil)
        #expect(number["key"] == nil)
        #expect(number[0] == nil)
    }

    @Test func byteOrderMarkAndDataInput() throws {
        #expect(try JSONValue.parse("\u{FEFF}[1]") == [1])
        #expect(try JSONValue.parse(Data("{\"k\": \"v\"}".utf8)) == ["k": "v"])
    }

    @Test func depthLimitIsExactly512() throws {
        let deep = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        var value = try JSONValue.parse(deep)
        var depth = 0
        while case .array(let items) = value, let first = items.first { value = first; depth += 1 }
        #expect(depth == 511)
        #expect(jsonError(String(repeating: "[", count: 513)) == "line 1, column 513: nesting deeper than 512 levels")
        #expect(jsonError(String(repeating: "{\"a\":", count: 600)) == "line 1, column 2561: nesting deeper than 512 levels")
    }

    @Test func hugeFlatArrayParses() throws {
        let text = "[" + Array(repeating: "1", count: 100_000).joined(separator: ",") + "]"
        #expect(try JSONValue.parse(text).asArray?.count == 100_000)
        let object = "{" + (0..<50_000).map { "\"k\($0)\": [\($0), 0.5]" }.joined(separator: ",") + "}"
        let parsed = try #require(try JSONValue.parse(object).asObject)
        #expect(parsed.count == 50_000)
        #expect(parsed.keys.last == "k49999")
        #expect(parsed["k123"] == [123, .number("0.5")])
    }

    @Test func objectEqualityIgnoresOrderButSettingNilRemoves() {
        var a: JSONObject = ["x": 1, "y": 2]
        let b: JSONObject = ["y": 2, "x": 1]
        #expect(a == b)
        a["x"] = nil
        #expect(a.keys == ["y"])
        a["z"] = "new"
        a["y"] = 3
        #expect(a.keys == ["y", "z"])
        #expect(a["y"] == 3)
    }

    @Test func readsFilesAndNamesThemInErrors() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dataformats-\(UUID()).json")
        try Data("{\n  \"a\": tru\n}".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = thrownError { () throws(DataFormatError) in try JSONValue.read(contentsOf: url) }
        #expect(error?.description == "\(url.path), line 2, column 8: invalid literal (expected 'true')")
        let missing = thrownError { () throws(DataFormatError) in
            try JSONValue.read(contentsOf: URL(fileURLWithPath: "/nonexistent/x.json"))
        }
        #expect(missing?.file == "/nonexistent/x.json")
        #expect(missing?.message.hasPrefix("cannot read file") == true)
    }

    @Test func validNumberLiterals() {
        for good in ["0", "-0", "0.5", "1e5", "1E+5", "-1.5e-5", "10"] {
            #expect(JSONValue.isValidNumberLiteral(good), "\(good)")
        }
        for bad in ["", "-", "01", "1.", ".5", "+1", "1e", "NaN", "1 ", "0x10", "1/2"] {
            #expect(!JSONValue.isValidNumberLiteral(bad), "\(bad)")
        }
    }
}
