import CSVFormat
import NumPyFormat
import ExactArithmetic
import ProblemDefinition
import ExactLinearAlgebra
import Foundation

/// CSV problems. Either one file with a header row whose last column (or `--response NAME`) is
/// the response, or a headerless numeric X file with y in a separate file (`--y FILE`).
/// Entries are read exactly from their text ("0.1" is 1/10).
extension ProblemReader {
    static func readCSV(_ source: ProblemSource) throws -> Problem {
        let file = source.path, limits = source.limits
        let table = try csvTable(file, indexColumn: source.indexColumn)
        let hasHeader = looksLikeHeader(table.rows[0])
        if let responsePath = source.responsePath {
            guard source.responseColumn == nil else {
                throw ProblemError("\(file): give the response either as a column (--response) or as a file (--y), not both")
            }
            // A header column named y beside --y would be read as a feature: a fit of y on itself.
            if hasHeader, let y = table.rows[0].first(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == "y" }) {
                throw ProblemError("\(file): --y gives the response, but the header also has a column '\(y)', which would be read as a feature; drop --y to use that column as y, or remove it from the file")
            }
            let body = hasHeader ? table.splittingHeader().body : table
            let X = try matrix(try numbers(body, file: file, limits: limits), name: "X", file: file)
            let y = try readResponse(responsePath, limits: limits, indexColumn: source.indexColumn)
            return try assemble(source, file: file, X: X, y: y)
        }
        guard hasHeader else {
            _ = try numbers(table, file: file, limits: limits) // a typo in the first row is reported as such
            throw ProblemError("\(file): no header row, so the response column is unknown; add a header (last column = y, or --response NAME) or give y separately with --y FILE")
        }
        let (header, body) = table.splittingHeader()
        guard !body.rows.isEmpty else { throw ProblemError("\(file): the header is the only row: there is no data") }
        guard header.count >= 2 else {
            let separator = header.first.flatMap { h in [(";", "semicolons"), ("\t", "tabs")].first { h.contains($0.0) } }
            let hint = separator.map { ": its columns seem separated by \($0.1); CSV columns are separated by commas" } ?? ""
            throw ProblemError("\(file): need at least one feature column and a response column\(hint)")
        }
        var responseIndex = header.count - 1
        if let name = source.responseColumn {
            guard let i = header.firstIndex(of: name) else {
                throw ProblemError("\(file): no column named '\(name)' in the header (\(NumberText.quote(header.joined(separator: ", "))))")
            }
            guard header.lastIndex(of: name) == i else { throw ProblemError("\(file): --response \(name): the header has several columns named '\(name)'") }
            responseIndex = i
        }
        let all = try numbers(body, file: file, limits: limits)
        let X = Matrix(all.map { row in row.enumerated().filter { $0.offset != responseIndex }.map(\.element) })
        let y = all.map { $0[responseIndex] }
        return try assemble(source, file: file, X: X, y: y)
    }

    /// A CSV table with a pandas index column dropped (`indexColumn`) or refused.
    static func csvTable(_ file: String, indexColumn: Bool) throws -> CSVTable {
        let table = try CSVTable.read(contentsOf: URL(fileURLWithPath: file))
        guard table.hasPandasIndex else { return table }
        guard indexColumn else { throw ProblemError(CSVTable.pandasIndexMessage(file)) }
        return table.droppingFirstColumn()
    }

    /// The names of X's columns from a CSV header (nil when the file has none, or is not CSV).
    public static func featureNames(_ source: ProblemSource) throws -> [String]? {
        guard ["csv", "txt"].contains(URL(fileURLWithPath: source.path).pathExtension.lowercased()) else { return nil }
        let table = try csvTable(source.path, indexColumn: source.indexColumn)
        guard looksLikeHeader(table.rows[0]) else { return nil }
        let header = table.rows[0]
        if source.responsePath != nil { return header }
        let response = source.responseColumn.flatMap { header.firstIndex(of: $0) } ?? header.count - 1
        return header.enumerated().filter { $0.offset != response }.map(\.element)
    }

    /// A response vector from CSV (one value per line, or one row) or `.npy`.
    static func readResponse(_ path: String, limits: NumberLimits, indexColumn: Bool = false) throws -> [Rational] {
        let url = URL(fileURLWithPath: path)
        if url.pathExtension.lowercased() == "npy" {
            return try exactVector(NPYArray.read(contentsOf: url), name: "y", file: path)
        }
        var table = try csvTable(path, indexColumn: indexColumn)
        if looksLikeHeader(table.rows[0]) { table = table.splittingHeader().body }
        let values = try numbers(table, file: path, limits: limits)
        guard values.count == 1 || values.allSatisfy({ $0.count == 1 }) else {
            throw ProblemError("\(path): y must be a single column or a single row, found \(values.count) rows of \(values[0].count)")
        }
        return values.flatMap { $0 }
    }

    /// Whether a first row is a header: no field looks like a number (a number, or text that
    /// starts like one, or NaN/infinity) and some field is non-empty. A data row with a typo
    /// ("2x", "nan") is then reported with its line and column instead of being taken for a
    /// header and silently dropped.
    static func looksLikeHeader(_ row: [String]) -> Bool {
        let fields = row.map { $0.trimmingCharacters(in: .whitespaces) }
        let numeric = fields.contains { field in
            if (try? Rational(parsing: field)) != nil { return true }
            if let c = field.first, "0123456789+-.".contains(c) { return true }
            return ["nan", "inf", "infinity"].contains(field.lowercased())
        }
        return !numeric && fields.contains { !$0.isEmpty }
    }

    /// Every field of a CSV table as an exact number; errors give line and column.
    static func numbers(_ table: CSVTable, file: String, limits: NumberLimits) throws -> [[Rational]] {
        guard !table.rows.isEmpty else { throw ProblemError("\(file): no data rows") }
        return try zip(table.rows, table.lineNumbers).map { row, line in
            try row.enumerated().map { column, text in
                do { return try Rational(parsing: text, limits: limits) } catch let e as RationalParseError {
                    throw ProblemError("\(file): line \(line), column \(column + 1): \(e)", exceeded: e.exceeded)
                }
            }
        }
    }
}
