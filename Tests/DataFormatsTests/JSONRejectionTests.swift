import Foundation
import Testing
@testable import DataFormats
@testable import JSONFormat

/// Every rejection, with the exact line/column and message a user sees.
@Suite("JSON rejections") struct JSONRejectionTests {
    @Test(arguments: [
        ("", "line 1, column 1: unexpected end of input: expected a value"),
        ("   ", "line 1, column 4: unexpected end of input: expected a value"),
        ("{\n  \"a\": [1, 2,\n    3 4]\n}", "line 3, column 7: expected ',' or ']' in array"),
        ("[1, 2", "line 1, column 6: unexpected end of input: expected ',' or ']' in array"),
        ("{\"a\": 1 \"b\": 2}", "line 1, column 9: expected ',' or '}' in object"),
        ("{\"a\": 1", "line 1, column 8: unexpected end of input: expected ',' or '}' in object"),
        ("{} x", "line 1, column 4: unexpected text after the JSON value"),
        ("[1] [2]", "line 1, column 5: unexpected text after the JSON value"),
        ("NaN", "line 1, column 1: NaN and Infinity are not valid JSON numbers"),
        ("[Infinity]", "line 1, column 2: NaN and Infinity are not valid JSON numbers"),
        ("-Infinity", "line 1, column 1: NaN and Infinity are not valid JSON numbers"),
        ("[01]", "line 1, column 2: leading zeros are not allowed in numbers"),
        ("-012", "line 1, column 1: leading zeros are not allowed in numbers"),
        ("[1.]", "line 1, column 4: expected a digit after the decimal point"),
        ("[1e]", "line 1, column 4: expected a digit in the exponent"),
        ("1E+", "line 1, column 4: expected a digit in the exponent"),
        ("[-]", "line 1, column 3: expected a digit after '-'"),
        ("[.5]", "line 1, column 2: expected a value"),
        ("[+1]", "line 1, column 2: expected a value"),
        ("['a']", "line 1, column 2: expected a value"),
        ("[1,]", "line 1, column 4: trailing comma in array"),
        ("{\"a\": 1,}", "line 1, column 9: trailing comma in object"),
        ("[,1]", "line 1, column 2: expected a value"),
        ("{\"a\":1,\"a\":2}", "line 1, column 8: duplicate key \"a\" in object"),
        ("{\"a\" 1}", "line 1, column 6: expected ':' after object key"),
        ("{1: 2}", "line 1, column 2: expected a string key in object"),
        ("{\"a\": 1,", "line 1, column 9: unexpected end of input: expected a string key in object"),
        ("tru", "line 1, column 1: invalid literal (expected 'true')"),
        ("nul", "line 1, column 1: invalid literal (expected 'null')"),
        ("[True]", "line 1, column 2: expected a value"),
        ("[\"abc", "line 1, column 2: unterminated string"),
        ("\"a\nb\"", "line 1, column 3: control character U+000A must be escaped in a string"),
        ("\"tab\there\"", "line 1, column 5: control character U+0009 must be escaped in a string"),
        ("\"\\x\"", "line 1, column 2: invalid escape sequence '\\x' in string"),
        ("\"\\u12\"", "line 1, column 2: \\u must be followed by four hex digits"),
        ("\"\\uD800\"", "line 1, column 2: unpaired high surrogate \\uD800 in string"),
        ("\"\\uDC00\"", "line 1, column 2: unpaired low surrogate \\uDC00 in string"),
        ("\"ok \\uD83D\\u0041\"", "line 1, column 5: high surrogate \\uD83D is not followed by a low surrogate"),
        ("[\"é\" x]", "line 1, column 6: expected ',' or ']' in array"),
        ("[1,\r\n2 3]", "line 2, column 3: expected ',' or ']' in array"),
        ("[1,\r2 3]", "line 2, column 3: expected ',' or ']' in array"),
    ])
    func rejects(_ input: String, _ expected: String) {
        #expect(jsonError(input) == expected)
    }

    @Test func rejectsInvalidUTF8WithItsPosition() {
        let cases: [([UInt8], String)] = [
            ([0x22, 0x61, 0xC3, 0x28, 0x22], "line 1, column 3: invalid UTF-8 in string"),   // bad continuation
            ([0x22, 0xC0, 0xAF, 0x22], "line 1, column 2: invalid UTF-8 in string"),         // overlong '/'
            ([0x22, 0xED, 0xA0, 0x80, 0x22], "line 1, column 2: invalid UTF-8 in string"),   // encoded surrogate
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "line 1, column 2: invalid UTF-8 in string"), // > U+10FFFF
            ([0x22, 0xE2, 0x82], "line 1, column 2: invalid UTF-8 in string"),                // cut short
            ([0x5B, 0xFF, 0x5D], "line 1, column 2: expected a value"),
        ]
        for (input, expected) in cases {
            let error = thrownError { () throws(DataFormatError) in try JSONValue.parse(utf8: input) }
            #expect(error?.description == expected, "\(input)")
        }
    }

    @Test func errorExposesLineAndColumn() throws {
        let error = try #require(thrownError { () throws(DataFormatError) in try JSONValue.parse("[\n\n  x]") })
        #expect(error.location == .lineColumn(line: 3, column: 3))
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.message == "expected a value")
    }
}
