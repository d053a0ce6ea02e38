import Foundation
import Testing
@testable import DataFormats
@testable import CSVFormat

@Suite("CSV") struct CSVTableTests {
    func csvError(_ text: String) -> String? {
        thrownError { () throws(DataFormatError) in try CSVTable.parse(text) }?.description
    }

    @Test func crlfTrailingNewlineAndTrimming() throws {
        let table = try CSVTable.parse("a, b ,c\r\n 1,\t2 ,3\r\n")
        #expect(table.rows == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(table.lineNumbers == [1, 2])
        #expect(table.columnCount == 3)
    }

    @Test func noTrailingNewlineAndLoneCR() throws {
        #expect(try CSVTable.parse("1,2\n3,4").rows == [["1", "2"], ["3", "4"]])
        #expect(try CSVTable.parse("1,2\r3,4\r").lineNumbers == [1, 2])
    }

    @Test func quotedFields() throws {
        let table = try CSVTable.parse(#""x, y","he said ""hi""",  " padded "  ,"""# + "\n" + "1,2,3,4\n")
        #expect(table.rows[0] == ["x, y", "he said \"hi\"", " padded ", ""])
        let multiline = try CSVTable.parse("\"a\nb\",c\r\n\"# not a comment\",e\n")
        #expect(multiline.rows == [["a\nb", "c"], ["# not a comment", "e"]])
        #expect(multiline.lineNumbers == [1, 3])
    }

    @Test func blankAndCommentLinesAreSkipped() throws {
        let table = try CSVTable.parse("# comment\n\n1,2\n   \n  # another, with comma\n3,4\n\n")
        #expect(table.rows == [["1", "2"], ["3", "4"]])
        #expect(table.lineNumbers == [3, 6])
    }

    @Test func emptyFieldsAndNumbersStayText() throws {
        let table = try CSVTable.parse("a,,c\n,,\n1e-300, 0.1 ,-0\n")
        #expect(table.rows == [["a", "", "c"], ["", "", ""], ["1e-300", "0.1", "-0"]])
    }

    @Test func headerSplitsOff() throws {
        let (header, body) = try CSVTable.parse("x1,x2,y\n1,2,3\n4,5,6\n").splittingHeader()
        #expect(header == ["x1", "x2", "y"])
        #expect(body.rows == [["1", "2", "3"], ["4", "5", "6"]])
        #expect(body.lineNumbers == [2, 3])
        #expect(body.columnCount == 3)
        let (onlyHeader, emptyBody) = try CSVTable.parse("a,b\n").splittingHeader()
        #expect(onlyHeader == ["a", "b"])
        #expect(emptyBody.rows.isEmpty && emptyBody.columnCount == 2)
    }

    @Test func byteOrderMarkIsIgnored() throws {
        #expect(try CSVTable.parse("\u{FEFF}a,b\n").rows == [["a", "b"]])
    }

    @Test func raggedRowsNameTheLineAndCounts() {
        #expect(csvError("a,b,c\n1,2\n") == "line 2: expected 3 columns (as in line 1), found 2")
        #expect(csvError("# header comment\n\na,b\n1,2\n\n1,2,3\n") == "line 6: expected 2 columns (as in line 3), found 3")
        #expect(csvError("x\n1,2\n") == "line 2: expected 1 column (as in line 1), found 2")
        #expect(csvError("\"a\nb\",c\n1\n") == "line 3: expected 2 columns (as in line 1), found 1")
    }

    @Test func emptyInputIsAnError() {
        #expect(csvError("") == "empty input: no CSV rows found")
        #expect(csvError("\n \n# only comments\r\n") == "empty input: no CSV rows found")
    }

    @Test func quotingErrors() {
        #expect(csvError("a,b\n1,\"bc\n2,3") == "line 2: unterminated quoted field (the quote opens on this line)")
        #expect(csvError("a,b\"c\n") == "line 1: quote character inside an unquoted field (quote the whole field)")
        #expect(csvError("\"a\"b,c\n") == "line 1: unexpected character 'b' after a closing quote")
    }

    @Test func readsFiles() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dataformats-\(UUID()).csv")
        try Data("a,b\n1\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = thrownError { () throws(DataFormatError) in try CSVTable.read(contentsOf: url) }
        #expect(error?.description == "\(url.path), line 2: expected 2 columns (as in line 1), found 1")
    }
}
