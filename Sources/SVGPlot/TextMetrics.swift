/// Width estimates for SVG text, which carries no font metrics: Helvetica's advance widths
/// (AFM, 1/1000 em) for ASCII, 0.6 em for anything else, times a 15% margin for the wider
/// fallback fonts (DejaVu Sans, Liberation Sans) a renderer may substitute. The renderer
/// lays text out with these boxes and tests assert that no two boxes overlap.
public enum TextMetrics {
    public static let safety = 1.15

    private static let ascii: [Character: Int] = {
        var w: [Character: Int] = [:]
        for c in "0123456789" { w[c] = 556 }
        let pairs: [(String, Int)] = [
            (" ", 278), (".", 278), (",", 278), (":", 278), (";", 278), ("/", 278), ("!", 278), ("'", 191),
            ("-", 333), ("(", 333), (")", 333), ("[", 278), ("]", 278), ("=", 584), ("+", 584), ("<", 584),
            (">", 584), ("_", 556), ("*", 389), ("&", 667), ("%", 889), ("\"", 355), ("|", 260), ("#", 556),
            ("a", 556), ("b", 556), ("c", 500), ("d", 556), ("e", 556), ("f", 278), ("g", 556), ("h", 556),
            ("i", 222), ("j", 222), ("k", 500), ("l", 222), ("m", 833), ("n", 556), ("o", 556), ("p", 556),
            ("q", 556), ("r", 333), ("s", 500), ("t", 278), ("u", 556), ("v", 500), ("w", 722), ("x", 500),
            ("y", 500), ("z", 500),
            ("A", 667), ("B", 667), ("C", 722), ("D", 722), ("E", 667), ("F", 611), ("G", 778), ("H", 722),
            ("I", 278), ("J", 500), ("K", 667), ("L", 556), ("M", 833), ("N", 722), ("O", 778), ("P", 667),
            ("Q", 778), ("R", 722), ("S", 667), ("T", 611), ("U", 722), ("V", 667), ("W", 944), ("X", 667),
            ("Y", 667), ("Z", 611),
        ]
        for (s, v) in pairs { w[s.first!] = v }
        return w
    }()

    /// Estimated advance width in px of `text` at `fontSize` px (`bold` adds 10%).
    public static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var units = 0
        for c in text {
            // Combining marks (the bar of x̄) take no advance.
            if c.unicodeScalars.count == 1, let v = c.unicodeScalars.first?.value, (0x300...0x36f).contains(v) { continue }
            units += ascii[c] ?? 600
        }
        return Double(units) / 1000 * fontSize * safety * (bold ? 1.1 : 1)
    }
}

/// The box a piece of text occupies, in px (y down).
public struct TextBox: Sendable, Equatable {
    public let text: String
    public let minX: Double, minY: Double, maxX: Double, maxY: Double

    public init(text: String, minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.text = text; self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }

    /// A text at baseline (x, y) with the given anchor; `rotated`: turned −90° about (x, y).
    init(_ text: String, x: Double, y: Double, fontSize: Double, anchor: String, bold: Bool, rotated: Bool) {
        let w = TextMetrics.width(text, fontSize: fontSize, bold: bold)
        let start = anchor == "middle" ? -w / 2 : (anchor == "end" ? -w : 0)
        let ascent = 0.8 * fontSize, descent = 0.25 * fontSize
        if rotated {
            // Along the text is up the page: x ∈ [x − ascent, x + descent], y from y − start − w to y − start.
            self.init(text: text, minX: x - ascent, minY: y - start - w, maxX: x + descent, maxY: y - start)
        } else {
            self.init(text: text, minX: x + start, minY: y - ascent, maxX: x + start + w, maxY: y + descent)
        }
    }

    public func overlaps(_ other: TextBox) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }
}
