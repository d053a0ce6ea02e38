/// A plain-text table with left-aligned columns, for human-readable reports.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []

    public init(_ header: [String]) { self.header = header }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines joined by newlines. With `layout.maxWidth`, the widest columns are
    /// narrowed (down to 8 characters) until a line fits, and longer cells end in "…"; with
    /// `layout.maxRows`, only the first and last rows are shown around a line saying how many
    /// were left out and `layout.omissionHint`.
    public func render(_ layout: TextLayout = .unbounded) -> String {
        let shown = layout.shownRows(rows.count)
        let first = Array(rows[shown.first]), last = Array(rows[shown.last])
        return render(first: first, omitted: rows.count - first.count - last.count, last: last, layout)
    }

    /// The table of `first`, then a line saying `omitted` rows were left out (if any), then
    /// `last` (the rows `render` shows; `TableWindow` keeps no others).
    func render(first: [[String]], omitted: Int, last: [[String]], _ layout: TextLayout) -> String {
        let all = [header] + first + last
        let columns = all.map(\.count).max() ?? 0 // a row longer than the header must not crash
        // Characters as the terminal shows them (`x̄` is one), not UTF-16 units.
        var widths = (0..<columns).map { j in all.map { j < $0.count ? $0[j].count : 0 }.max() ?? 0 }
        if let maxWidth = layout.maxWidth {
            while widths.reduce(2 * (columns - 1), +) > maxWidth, let j = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[j] > 8 {
                widths[j] -= 1
            }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { j, cell in
                let fitted = cell.count > widths[j] ? String(cell.prefix(widths[j] - 1)) + "…" : cell
                return j == row.count - 1 ? fitted : fitted + String(repeating: " ", count: max(0, widths[j] - fitted.count))
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var lines = [line(header), rule] + first.map(line)
        if omitted > 0 {
            lines.append("… \(omitted) more row\(omitted == 1 ? "" : "s") …\(layout.omissionHint.isEmpty ? "" : " (\(layout.omissionHint))")")
        }
        return (lines + last.map(line)).joined(separator: "\n")
    }
}

/// Bounds that keep a text report a readable summary.
public struct TextLayout: Sendable, Equatable {
    /// The widest line, in characters; nil for no limit.
    public var maxWidth: Int?
    /// The most table rows shown; nil for all.
    public var maxRows: Int?
    /// Where to find what was left out, e.g. "--all prints every row".
    public var omissionHint: String

    public init(maxWidth: Int? = nil, maxRows: Int? = nil, omissionHint: String = "") {
        self.maxWidth = maxWidth
        self.maxRows = maxRows
        self.omissionHint = omissionHint
    }

    public static let unbounded = TextLayout()

    /// Which of `count` table rows `TextTable.render` shows: the first ones and the last ones
    /// (`last` is empty when nothing is left out). A report may leave the other rows' cells
    /// empty rather than format numbers nobody sees.
    public func shownRows(_ count: Int) -> (first: Range<Int>, last: Range<Int>) {
        guard let (head, tail) = shownEnds, count > head + tail else { return (0..<count, count..<count) }
        return (0..<head, (count - tail)..<count)
    }

    /// With `maxRows`: how many rows are shown first and last when some are left out.
    var shownEnds: (head: Int, tail: Int)? {
        guard let maxRows else { return nil }
        let tail = min(maxRows / 4, 10)
        return (maxRows - tail, tail)
    }

    /// `text` with every line wider than `maxWidth` broken at spaces (continuations indented
    /// four spaces past the line's own indentation), and a word longer than a line broken where
    /// it must.
    public func wrap(_ text: String) -> String {
        guard let maxWidth, maxWidth > 20 else { return text }
        let lines: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { (line: Substring) -> String in
            guard line.count > maxWidth else { return String(line) }
            let lead = String(line.prefix { $0 == " " })
            let indent = lead + "    "
            var out: [String] = [], current = lead
            // Words split at single spaces, so a run of spaces inside the line survives.
            for word in line.dropFirst(lead.count).split(separator: " ", omittingEmptySubsequences: false) {
                let fresh = current == lead || current == indent
                if current.count + (fresh ? 0 : 1) + word.count <= maxWidth {
                    current += (fresh ? "" : " ") + word
                    continue
                }
                if !fresh { out.append(current); current = indent }
                var rest = Substring(word)
                while current.count + rest.count > maxWidth {
                    let cut = maxWidth - current.count
                    out.append(current + rest.prefix(cut))
                    rest = rest.dropFirst(cut)
                    current = indent
                }
                current += rest
            }
            if current != lead && current != indent { out.append(current) }
            return out.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
