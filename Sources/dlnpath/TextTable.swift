import ExactArithmetic

/// A plain-text table with left-aligned columns, for the human-readable outputs.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func append(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0 // a row longer than the header must not crash
        let widths = (0..<columns).map { j in all.map { j < $0.count ? $0[j].count : 0 }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.enumerated().map { j, cell in
                // Pad by characters as the terminal shows them (`x̄` is one), not UTF-16 units.
                j == row.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[j] - cell.count))
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

/// "p/q (≈ 0.123)" for tables: the exact value with a decimal approximation when it helps.
func exactAndApprox(_ q: Rational) -> String {
    let exact = q.description
    let approx = q.decimalString(significantDigits: 6)
    return exact == approx ? exact : "\(exact) (≈\(approx))"
}

/// A vector as "(a, b, c)" of exact values.
func vectorText(_ v: [Rational]) -> String {
    "(" + v.map(\.description).joined(separator: ", ") + ")"
}

