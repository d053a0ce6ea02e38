import DataFormats
import PlainText

/// How reports show exact values to a person.
///
/// Every value is computed exactly; this only decides how it is shown. `readable` (the default):
/// a fraction of at most `shortLength` characters prints as itself ("-3/4"), a longer one as the
/// decimal correctly rounded from the exact value to `digits` significant digits
/// (`Rational.decimalString`, never through `Double`). `exact`: every fraction in full.
/// `exactWithDecimal`: the fraction followed by "(≈decimal)" when the two differ. `layout` bounds
/// the tables of a report (width, rows).
public struct NumberFormat: Sendable, Equatable {
    public enum Style: Sendable, Equatable { case readable, exact, exactWithDecimal }

    public var style: Style
    /// Significant digits of a rounded decimal, ≥ 1.
    public var digits: Int
    /// The longest fraction `readable` prints as itself.
    public static let shortLength = 20

    /// How the tables of a report are bounded.
    public var layout: TextLayout

    public init(style: Style = .readable, digits: Int = 6, layout: TextLayout = .unbounded) {
        precondition(digits >= 1, "at least one significant digit")
        self.style = style
        self.digits = digits
        self.layout = layout
    }

    /// One sentence for a report's header: how the numbers shown relate to the exact values.
    public var note: String {
        switch style {
        case .readable:
            return "all values computed exactly; fractions over \(Self.shortLength) characters are shown rounded to \(digits) significant digits: --exact prints them in full, --json as \"p/q\""
        case .exact: return "all values computed exactly and shown in full"
        case .exactWithDecimal: return "all values computed exactly; ≈ marks a decimal rounded from the exact value"
        }
    }

    /// The bounds of default text: no line over 160 characters, at most 40 rows per table.
    public static let summaryLayout = TextLayout(maxWidth: 160, maxRows: 40, omissionHint: "--all prints every row, --json everything exactly")

    /// The format of text reports asked for with `--exact`, `--all` and `--digits`: only the
    /// default (none of them) bounds the line width; `--all` lifts every bound.
    public init(exact: Bool, all: Bool, digits: Int) {
        let isDefault = !exact && !all && digits == 6
        let summary = Self.summaryLayout
        let layout = all ? .unbounded : isDefault ? summary : TextLayout(maxRows: summary.maxRows, omissionHint: summary.omissionHint)
        self.init(style: exact ? .exact : .readable, digits: digits, layout: layout)
    }

    public static let readable = NumberFormat()
    public static let exact = NumberFormat(style: .exact)

    /// One value.
    public func callAsFunction(_ q: Rational) -> String {
        let fraction = q.description
        switch style {
        case .exact:
            return fraction
        case .readable:
            return fraction.count <= Self.shortLength ? fraction : q.decimalString(significantDigits: digits)
        case .exactWithDecimal:
            let decimal = q.decimalString(significantDigits: digits)
            return fraction == decimal ? fraction : "\(fraction) (≈\(decimal))"
        }
    }

    /// True when `self(q)` may differ from the exact value (it is a rounded decimal).
    public func rounds(_ q: Rational) -> Bool {
        style == .readable && q.description.count > Self.shortLength
    }

    /// A vector as "(a, b, c)", each entry as `self` shows it (`exactWithDecimal` shows the
    /// fractions alone: a vector of "p/q (≈d)" would not read).
    public func vector(_ v: [Rational]) -> String {
        let entry: (Rational) -> String = style == .exactWithDecimal ? { $0.description } : { self($0) }
        return "(" + v.map(entry).joined(separator: ", ") + ")"
    }

    /// A vector in full when it has at most `fullUpTo` entries, else its nonzero entries
    /// "x3 = 1/2, x7 = −4" (coordinates 1-based, as people count, as many as `list` shows), or "0".
    public func sparse(_ v: [Rational], fullUpTo: Int = 6) -> String {
        if v.count <= fullUpTo { return vector(v) }
        let entry: (Rational) -> String = style == .exactWithDecimal ? { $0.description } : { self($0) }
        let nonzero = v.indices.filter { !v[$0].isZero }
        return nonzero.isEmpty ? "0" : list(nonzero.lazy.map { "x\($0 + 1) = \(entry(v[$0]))" }, count: nonzero.count)
    }

    /// How many items of a long list (coordinates, nonzero entries) bounded text shows.
    public static let shownItems = 12

    /// `count` items joined by ", "; when the layout bounds rows, only the first `shownItems`,
    /// then "and k more" (`--all` shows them all).
    public func list(_ items: some Sequence<String>, count: Int) -> String {
        guard layout.maxRows != nil, count > Self.shownItems else { return items.joined(separator: ", ") }
        return items.prefix(Self.shownItems).joined(separator: ", ") + " and \(count - Self.shownItems) more"
    }

    /// "x = (a, b, c)" when short, else "x1 = a, x7 = b" (its nonzero entries, 1-based) or "x = 0".
    public func equation(_ name: String, _ v: [Rational], fullUpTo: Int = 6) -> String {
        let text = sparse(v, fullUpTo: fullUpTo)
        return v.count <= fullUpTo || text == "0" ? "\(name) = \(text)" : text.replacingFirstLetter(with: name)
    }

    /// A text report as printed: `report` with a second line in parentheses saying what its
    /// numbers are — `measured` for a report of floating-point measurements, printed as written,
    /// else `note`, with long exact numbers shown as `readable` does — wrapped to `layout`.
    public func page(_ report: String, measured: String? = nil) -> String {
        var lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert("(\(measured ?? note))", at: min(1, lines.count))
        let text = lines.joined(separator: "\n")
        return layout.wrap(measured == nil ? readable(text) : text)
    }

    /// `text` (a library message, a checker's claim) with every exact number in it ("-p/q" or an
    /// integer) longer than `shortLength` characters shown as `self` shows it; unchanged unless
    /// the style is `readable`.
    public func readable(_ text: String) -> String {
        guard style == .readable else { return text }
        var out = "", token = ""
        var previous: Character = " "
        func flush() {
            // Only a complete number ("12", "-3/4"; not "3/" or "-") is replaced.
            if token.count > Self.shortLength, token.last!.isNumber, let q = try? Rational(parsing: token) { out += self(q) } else { out += token }
            token = ""
        }
        for c in text {
            let digit = c.isASCII && c.isNumber
            if !token.isEmpty {
                if digit || (c == "/" && !token.contains("/") && token.last!.isNumber) {
                    token.append(c)
                    previous = c
                    continue
                }
                flush()
            }
            // A number starts at a digit or a minus sign not glued to a name ("x_12", "κ2").
            if (digit || c == "-"), !(previous.isLetter || previous.isNumber || previous == "_") {
                token.append(c)
            } else {
                out.append(c)
            }
            previous = c
        }
        flush()
        return out
    }

    /// "∞" for nil (an unbounded end).
    public func orInfinity(_ q: Rational?) -> String { q.map { self($0) } ?? "∞" }
}

private extension String {
    /// "x1 = …, x3 = …" with another letter for the x.
    func replacingFirstLetter(with name: String) -> String {
        name == "x" ? self : split(separator: ",").map { entry in
            let trimmed = entry.drop { $0 == " " }
            return (entry.count > trimmed.count ? " " : "") + name + trimmed.dropFirst()
        }.joined(separator: ",")
    }
}

extension Double {
    /// `%g`-style text with `significantDigits` digits of this double's exact value (display of
    /// floating-point measurements; exact values use `Rational.decimalString`).
    public func formatted(significantDigits: Int) -> String {
        guard isFinite, let exact = Rational(exactly: self) else { return isNaN ? "nan" : (self > 0 ? "inf" : "-inf") }
        return exact.decimalString(significantDigits: significantDigits)
    }
}
