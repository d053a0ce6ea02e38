/// A table whose rows pass one at a time, kept as `TextTable.render` shows them: the first rows
/// formatted as they pass, the last ones held unformatted until the end (which they are is known
/// only then), and the rows in between only counted. Memory is flat in the number of rows
/// (`layout.maxRows` nil: every row is shown, so every row is formatted and kept).
public struct TableWindow<Row> {
    public let header: [String]
    public let layout: TextLayout
    private let format: @Sendable (Row) -> [String]
    private var first: [[String]] = []
    /// The last rows that passed after the first ones, at most `layout.shownEnds.tail`.
    private var last: [Row] = []
    private var lastStart = 0
    /// How many rows passed.
    public private(set) var count = 0

    public init(_ header: [String], _ layout: TextLayout, format: @escaping @Sendable (Row) -> [String]) {
        self.header = header
        self.layout = layout
        self.format = format
    }

    public mutating func pass(_ row: Row) {
        count += 1
        guard let (head, tail) = layout.shownEnds, first.count == head else { return first.append(format(row)) }
        guard tail > 0 else { return }
        // A ring of the last `tail` rows.
        if last.count < tail {
            last.append(row)
        } else {
            last[lastStart] = row
            lastStart = (lastStart + 1) % tail
        }
    }

    /// The table as `TextTable.render` shows it with all the rows that passed.
    public func render() -> String {
        let held = (last[lastStart...] + last[..<lastStart]).map(format)
        return TextTable(header).render(first: first, omitted: count - first.count - held.count, last: held, layout)
    }
}

extension TableWindow: Sendable where Row: Sendable {}
