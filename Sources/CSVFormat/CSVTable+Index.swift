/// pandas' `DataFrame.to_csv` writes the row index as an unnamed first column (header field
/// empty, values 0, 1, 2, …) unless `index=False`; read as data it would be a feature.
extension CSVTable {
    /// Whether the first column is such an index: the header (first row) has an empty first
    /// field and the rows below count 0, 1, 2, ….
    public var hasPandasIndex: Bool {
        guard columnCount >= 2, rows.count >= 2, rows[0][0].isEmpty else { return false }
        return rows.dropFirst().enumerated().allSatisfy { k, row in row[0] == String(k) }
    }

    /// The table without its first column.
    public func droppingFirstColumn() -> CSVTable {
        CSVTable(rows: rows.map { Array($0.dropFirst()) }, lineNumbers: lineNumbers, columnCount: columnCount - 1)
    }

    /// The message for a file whose index column was not expected.
    public static func pandasIndexMessage(_ file: String) -> String {
        "\(file): the first column is unnamed and counts 0, 1, 2, …: a pandas index (DataFrame.to_csv writes it unless index=False); give --index-column to drop it, or save with index=False"
    }
}
