import CSVFormat
import ExactArithmetic
import Foundation

/// CSV output: one row per λ, `lambda, x_1, …, x_d` (`np.savetxt(f, np.column_stack([alphas,
/// coefs.T]), delimiter=",")`). A first row whose first field is not a number is a header.
/// A pandas index column (unnamed, 0, 1, 2, …) is refused, or dropped with `indexColumn`.
/// Fields are read exactly as the decimal (or "p/q") they spell; "nan"/"inf" are non-finite.
extension SolverOutputReader {
    static func readCSV(_ file: String, dimension d: Int, indexColumn: Bool, limits: NumberLimits) throws -> SolverOutput {
        var table = try CSVTable.read(contentsOf: URL(fileURLWithPath: file))
        if table.hasPandasIndex {
            guard indexColumn else { throw SolverFileError(CSVTable.pandasIndexMessage(file)) }
            table = table.droppingFirstColumn()
        }
        if let first = table.rows.first?.first, (try? number(first, at: "", file: file, limits: limits)) == nil {
            table = table.splittingHeader().body
        }
        guard table.columnCount == d + 1 else {
            throw SolverFileError("\(file): rows have \(table.columnCount) fields; expected \(d + 1) (lambda, then x_1 … x_\(d))")
        }
        let points = try zip(table.rows, table.lineNumbers).map { row, line in
            let place = "line \(line)"
            let values = try row.enumerated().map { j, field in try number(field, at: "\(place), field \(j + 1)", file: file, limits: limits) }
            return SolverOutput.Point(lambda: values[0], x: Array(values.dropFirst()), place: place)
        }
        return SolverOutput(points: points, source: file)
    }
}
