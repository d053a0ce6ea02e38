import DataFormats
import Foundation

/// A rectangular table of text fields read from CSV (RFC 4180 quoting).
///
/// Fields stay text: numbers are interpreted by the caller, exactly.
/// Unquoted fields are trimmed of surrounding spaces and tabs; quoted fields
/// keep their inner whitespace. Blank lines and lines whose first
/// non-blank character is `#` are skipped. A leading byte order mark is ignored.
public struct CSVTable: Equatable, Sendable {
    /// The rows, all with `columnCount` fields.
    public var rows: [[String]]
    /// The 1-based line each row starts on, for error messages downstream.
    public var lineNumbers: [Int]
    /// The number of fields in every row.
    public var columnCount: Int

    public init(rows: [[String]], lineNumbers: [Int], columnCount: Int) {
        self.rows = rows
        self.lineNumbers = lineNumbers
        self.columnCount = columnCount
    }

    /// Parses CSV text. Throws on empty input (no rows after skipping blank and
    /// comment lines), unterminated quotes, stray quotes, and rows whose field
    /// count differs from the first row's.
    public static func parse(_ text: String) throws(DataFormatError) -> CSVTable {
        var parser = CSVParser(text)
        let (rows, lines) = try parser.parseRecords()
        guard let first = rows.first else { throw DataFormatError("empty input: no CSV rows found") }
        for (row, line) in zip(rows, lines) where row.count != first.count {
            throw DataFormatError(
                "expected \(first.count) column\(first.count == 1 ? "" : "s") (as in line \(lines[0])), found \(row.count)",
                at: .line(line))
        }
        return CSVTable(rows: rows, lineNumbers: lines, columnCount: first.count)
    }

    /// Reads and parses a CSV file (UTF-8); errors name the file.
    public static func read(contentsOf url: URL) throws(DataFormatError) -> CSVTable {
        let data = try readFileData(url)
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFormatError("file is not valid UTF-8", file: url.path)
        }
        return try attributing(to: url) { () throws(DataFormatError) in try parse(text) }
    }

    /// The first row as a header, and the remaining rows as a table.
    public func splittingHeader() -> (header: [String], body: CSVTable) {
        guard let header = rows.first else { return ([], self) }
        return (header, CSVTable(rows: Array(rows.dropFirst()), lineNumbers: Array(lineNumbers.dropFirst()),
                                 columnCount: columnCount))
    }
}
