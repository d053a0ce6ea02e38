import ExactArithmetic
import JSONFormat

/// The JSON text of the last few exact values written, by value: in `compare --json` a gap
/// piece starts where the one before ends, its parts share these ends and its maximiser is
/// mostly one of them, and a z↓ piece's c₁ is its rate. At Gaussian 100×200 these repeats are
/// ~14% of the gap's text (values of ~70,000 bits, each a radix conversion), so each distinct
/// value is converted once. `text(q)` is always `exact(q)`.
struct RecentTexts {
    let exact: ExactJSON
    /// How many values are kept (the least recently used is dropped).
    let capacity: Int
    private var entries: [(value: Rational, text: JSONValue)] = []

    init(_ exact: ExactJSON, capacity: Int = 4) {
        precondition(capacity > 0, "a cache keeps at least one value")
        self.exact = exact
        self.capacity = capacity
    }

    /// `exact(q)`, or `.null` for nil; converted only when q is not among the values kept.
    mutating func text(_ q: Rational?) -> JSONValue {
        guard let q else { return .null }
        if let i = entries.firstIndex(where: { $0.value == q }) {
            let hit = entries.remove(at: i)
            entries.append(hit)
            return hit.text
        }
        let text = exact(q)
        if entries.count == capacity { entries.removeFirst() }
        entries.append((q, text))
        return text
    }

    /// The values kept, least recently used first (for tests).
    var kept: [Rational] { entries.map(\.value) }
}
